// The shells fed thousands of hostile lines: batch mode answers exactly one JSON line per input line
// (an `error` where one applies), the REPL answers each and ends cleanly at EOF, and Ctrl-C in an
// interactive REPL (a real pseudo-terminal via util-linux `script`) clears the line without leaving.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, parseAsk, QueryError, type SearchIndex } from '../../src/engine/index.ts';
import { replyTo } from '../../src/cli/repl.ts';
import { shellCommand } from '../../src/cli/commands.ts';
import { seedIndex } from '../helpers.ts';
import { ROOT, runScript } from '../cli/run.ts';
import { corpusWords, hostileLines } from './hostile.ts';

const LINES = 2000;
/** What the child reads back from a line we write as UTF-8 (lone surrogates become U+FFFD). */
const roundTrip = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
/** A Node stack frame: proof that something crashed rather than answered. */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

let index: SearchIndex;
let lines: string[];
let cacheDir: string;
let env: NodeJS.ProcessEnv;
type Run = Awaited<ReturnType<typeof runScript>>;
let batch: Run;
let repl: Run;

beforeAll(async () => {
  index = await seedIndex();
  // /quit and /exit end the REPL early; everything else is fair game.
  lines = hostileLines(LINES, corpusWords(index)).filter((l) => !/^\s*\/(quit|exit)(\s|$)/i.test(l));
  cacheDir = mkdtempSync(join(tmpdir(), 'newsdesk-rel-cache-'));
  env = { INDEX_CACHE_DIR: cacheDir };
  // Both shells chew on the same lines at the same time (two processes: half the wall time).
  [batch, repl] = await Promise.all([runScript('src/cli/ask.ts', ['--json'], `${lines.join('\n')}\n`, env), runScript('src/main.ts', [], lines.join('\n'), env)]);
}, 60_000);

afterAll(() => {
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

describe(`batch mode fed ${LINES} hostile lines`, () => {
  it('answers exactly one JSON line per input line, in order, errors where they apply, exit 0', async () => {
    const { code, stdout, stderr } = batch;
    expect(stderr).not.toMatch(STACK);
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    const out = stdout.slice(0, -1).split('\n');
    expect(out).toHaveLength(lines.length);
    let errors = 0;
    let answered = 0;
    out.forEach((raw, i) => {
      const got = JSON.parse(raw); // nothing but JSON on stdout
      const line = roundTrip(lines[i]);
      // Booleans, not diffs: some lines are 100 KB long.
      expect(got.ask === line, `line ${i}: ask differs (${got.ask?.length} vs ${line.length} chars)`).toBe(true);
      // /help and /sources are the shell's own, answered as JSON of their own shape.
      const shell = shellCommand(line);
      if (shell === 'help' || shell === 'sources') {
        expect(got.command, `line ${i}`).toBe(shell);
        expect(Array.isArray(shell === 'help' ? got.commands : got.sources), `line ${i}`).toBe(true);
        return;
      }
      let want: { command: string; query: string } | QueryError;
      try {
        want = parseAsk(line);
      } catch (err) {
        if (!(err instanceof QueryError)) throw err;
        want = err;
      }
      if (want instanceof QueryError) {
        errors++;
        expect(Object.keys(got).sort(), `line ${i}`).toEqual(['ask', 'error']);
        expect(got.error, `line ${i}`).toBe(want.message);
      } else {
        expect(got.error, `line ${i}: ${JSON.stringify(line).slice(0, 200)}`).toBeUndefined();
        expect(got.command).toBe(want.command);
        expect(Array.isArray(got.answers)).toBe(true);
        if (got.answers.length) answered++;
        // Spot-check that the shell adds nothing: every 10th line equals the engine's own answer.
        if (i % 10 === 0) expect(got.answers).toEqual(JSON.parse(JSON.stringify(answer(index, want.command as never, want.query))));
      }
    });
    console.log(`batch: ${out.length} hostile lines → ${errors} errors, ${out.length - errors} answered (${answered} with answers)`);
    expect(errors).toBeGreaterThan(100);
    expect(answered).toBeGreaterThan(50);
  }, 60_000);
});

describe(`the REPL fed the same ${LINES} lines through a pipe`, () => {
  it('replies to every line exactly as replyTo does, and ends cleanly at EOF', async () => {
    const { code, stdout, stderr } = repl;
    expect(stderr).not.toMatch(STACK);
    expect(code).toBe(0);
    const replies = await Promise.all(lines.map((l) => replyTo(index, roundTrip(l))));
    for (const r of replies) {
      expect(r).toBeDefined();
      expect(r).not.toMatch(/Something went wrong/);
    }
    const header = `${index.docs.length} articles, ${index.sentences.length} sentences indexed. Type /help for the commands.\n`;
    // Piped, each question is echoed as `> question` before its reply.
    const echo = (l: string): string => (roundTrip(l).trim() ? `> ${roundTrip(l).trim()}\n` : '');
    const want = header + lines.map((l, i) => echo(l) + (replies[i] ? `${replies[i]}\n` : '')).join('');
    // Compare sizes first: a mismatch on 2,000 lines is unreadable as a diff.
    expect(stdout.length).toBe(want.length);
    expect(stdout === want).toBe(true);
  }, 60_000);

  it('a piped REPL sent SIGINT (no TTY, so no readline Ctrl-C) ends by the signal, without a stack trace', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('exit', (c, s) => r([c, s])));
    child.stdin.write('/who is the State Department spokesperson\n');
    await until(() => out.includes('Matthew Miller'), 30_000);
    child.kill('SIGINT');
    const [code, signal] = await exited;
    expect(signal === 'SIGINT' || code === 0 || code === 130).toBe(true);
    expect(err).not.toMatch(STACK);
  }, 40_000);
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('the interactive REPL in a pseudo-terminal (util-linux script)', () => {
  it.runIf(hasScript)(
    'Ctrl-C on a half-typed line clears it and the session goes on; Ctrl-D leaves with exit 0',
    async () => {
      const cmd = `${process.execPath} --import tsx src/main.ts`;
      const child = spawn('script', ['-qfec', cmd, '/dev/null'], {
        cwd: ROOT,
        env: { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: '', TERM: 'xterm', ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const exited = new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('exit', (c, s) => r([c, s])));
      try {
        await until(() => out.includes('newsdesk> '), 30_000);
        child.stdin.write('/who is the State Department spokesperson\r');
        await until(() => out.includes('1. Matthew Miller'), 10_000);
        // Ctrl-C twice on a half-typed line, once on an empty one: the session must survive all three.
        const typed = out.length;
        child.stdin.write('/who is the sp');
        await until(() => out.slice(typed).includes('/who is the sp'), 5_000);
        child.stdin.write('\x03');
        await until(() => count(out, '(Ctrl-D or /quit to leave)') === 1, 5_000);
        child.stdin.write('\x03');
        await until(() => count(out, '(Ctrl-D or /quit to leave)') === 2, 5_000);
        child.stdin.write('\x03');
        await until(() => count(out, '(Ctrl-D or /quit to leave)') === 3, 5_000);
        // The next line is read on its own: the cleared text is not glued to it.
        const mark = out.length;
        child.stdin.write('/sources\r');
        await until(() => /sentences\r?\n/.test(out.slice(mark)) || /No answer/.test(out.slice(mark)), 10_000);
        expect(out.slice(mark)).toContain('000_becc9658f8bc904d.txt');
        expect(out.slice(mark)).not.toContain('No answer');
        child.stdin.write('\x04');
        const [code] = await exited;
        expect(code).toBe(0);
        expect(out).not.toMatch(STACK);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
    60_000,
  );
});

function count(s: string, part: string): number {
  return s.split(part).length - 1;
}

async function until(cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
