// The REPL and batch mode as a new user meets them: usage, echoed questions, /help and /sources as JSON,
// a mistyped command; and, on a terminal, Tab completion and history kept across sessions.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../src/engine/index.ts';
import { runRepl } from '../../src/cli/repl.ts';
import { completer } from '../../src/cli/terminal.ts';
import { seedIndex } from '../helpers.ts';
import { runScript } from './run.ts';

describe('--help', () => {
  it.each([
    ['src/main.ts', /^Usage: npm start -- \[--corpus DIR\]/],
    ['src/cli/ask.ts', /^Usage: npm run --silent ask -- \[--json\]/],
  ])('%s prints usage and exits 0 without opening the index', async (script, head) => {
    const { code, stdout, stderr } = await runScript(script, ['--help'], '', { INDEX_WORKERS: 'banana' });
    expect(code).toBe(0);
    expect(stdout).toMatch(head);
    expect(stdout).toContain('/ask <question>');
    expect(stdout).toContain('after:2024-06-01');
    expect(stderr).not.toContain('indexed');
  });
});

describe('piped input', () => {
  it('the REPL echoes each question before its answer', async () => {
    const questions = ['/who is the State Department spokesperson', '/ask when did the Federal Apex Committee approve the Balochistan operation', '/tmeline Azm-e-Istehkam'];
    const { code, stdout } = await runScript('src/main.ts', [], `${questions.join('\n')}\n`);
    expect(code).toBe(0);
    const at = questions.map((q) => stdout.indexOf(`> ${q}\n`));
    for (const i of at) expect(i).toBeGreaterThanOrEqual(0);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(stdout.slice(at[0], at[1])).toContain('1. Matthew Miller');
    expect(stdout.slice(at[1], at[2])).toContain('(answered as /when did the Federal Apex Committee approve the Balochistan operation)');
    expect(stdout.slice(at[1], at[2])).toContain('[2024-11-19]');
    expect(stdout.slice(at[2])).toContain('Did you mean /timeline? The commands are /ask, /who, /when, /quote, /search, /timeline, /sources, /help.');
  });

  it('batch mode answers /help and /sources as JSON, and /timeline with dated entries', async () => {
    const lines = ['/help', '/sources', '/timeline Azm-e-Istehkam', '/sourcs'];
    const { code, stdout } = await runScript('src/cli/ask.ts', ['--json'], `${lines.join('\n')}\n`);
    expect(code).toBe(0);
    const [help, sources, timeline, typo] = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(help.command).toBe('help');
    expect(help.commands[0]).toEqual({ command: 'ask', usage: '/ask <question>', description: expect.any(String) });
    expect(help.commands.map((c: { command: string }) => c.command)).toEqual(['ask', 'who', 'when', 'quote', 'search', 'timeline', 'sources', 'help']);
    expect(sources).toMatchObject({ ask: '/sources', command: 'sources' });
    expect(sources.sources).toHaveLength(5);
    expect(sources.sources[0]).toEqual({ file: '000_becc9658f8bc904d.txt', title: expect.any(String), date: '2024-06-29', sentences: expect.any(Number) });
    expect(timeline.command).toBe('timeline');
    expect(timeline.answers.length).toBeGreaterThanOrEqual(3);
    for (const e of timeline.answers)
      expect(e).toMatchObject({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), date_from: expect.stringMatching(/^(text|article)$/), source: { file: expect.any(String) } });
    expect(typo.error).toContain('Did you mean /sources?');
  });
});

/** A stand-in terminal: readline treats the input as a TTY and writes its prompts and echoes to `out`. */
function terminal(): { input: PassThrough & { isTTY: boolean; setRawMode(): void }; output: PassThrough; text(): string } {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  const output = new PassThrough();
  let text = '';
  output.on('data', (d) => (text += d));
  return { input, output, text: () => text };
}

describe('on a terminal', () => {
  let index: SearchIndex;
  let dir: string;
  beforeAll(async () => {
    index = await seedIndex();
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-repl-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Tab completes commands, then names from the index', () => {
    const complete = completer(index);
    expect(complete('/ti')).toEqual([['/timeline '], '/ti']);
    expect(complete('/s')[0]).toEqual(['/search ', '/sources ']);
    const [names, word] = complete('/quote Matth');
    expect(word).toBe('Matth');
    expect(names).toContain('Matthew Miller');
  });

  it('a Tab typed at the prompt completes the command in place', async () => {
    const t = terminal();
    const done = runRepl(index, t.input, t.output);
    t.input.write('/ti\t');
    t.input.write('Azm-e-Istehkam\r');
    t.input.end();
    await done;
    expect(t.text()).toContain('/timeline Azm-e-Istehkam');
    expect(t.text()).toMatch(/1\. 2024-06-22/);
  });

  it('keeps the history in its file across sessions', async () => {
    const historyFile = join(dir, 'cache', 'repl-history');
    const first = terminal();
    const one = runRepl(index, first.input, first.output, { historyFile });
    first.input.write('/who is the State Department spokesperson\r');
    first.input.write('/sources\r');
    first.input.end();
    await one;
    expect(readFileSync(historyFile, 'utf8')).toBe('/who is the State Department spokesperson\n/sources\n');
    // The next session starts with it: two Up arrows recall the first question.
    const second = terminal();
    const two = runRepl(index, second.input, second.output, { historyFile });
    second.input.write('\x1b[A\x1b[A\r');
    second.input.end();
    await two;
    expect(second.text()).toContain('1. Matthew Miller');
    expect(readFileSync(historyFile, 'utf8').split('\n').filter(Boolean)).toEqual(['/sources', '/who is the State Department spokesperson']);
  });

  it('an unwritable history file costs the history, never the session', async () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const t = terminal();
    const done = runRepl(index, t.input, t.output, { historyFile: join(blocker, 'repl-history') });
    t.input.write('/who is the State Department spokesperson\r');
    t.input.end();
    await done;
    expect(t.text()).toContain('1. Matthew Miller');
  });
});
