// Broken corpus folders end to end: batch mode over a folder of bad files still answers from the good
// ones (text in legacy encodings decoded), names every bad file in a warning on stderr, and keeps
// stdout to one JSON line per question. tests/corpus/faults.test.ts covers readCorpus itself (reasons,
// sorting, chmod 000 as non-root, maxBytes); this file goes through the real CLI, adds devices and
// FIFOs, and files deleted while the index is being built.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, promises as fsp, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { answer } from '../../src/engine/index.ts';
import { openIndex } from '../../src/app/index.ts';
import { ROOT } from '../cli/run.ts';
import { SEEDS } from '../helpers.ts';

const STACK = /^\s+at .+:\d+:\d+\)?$/m;
const made: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};

afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** Runs batch mode over `dir`; `during` runs while the child is alive (until its first line of output). */
function ask(dir: string, questions: string[], during?: (done: () => boolean) => Promise<void>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve, reject) => {
    const t = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', '--corpus', dir], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: '', INDEX_CACHE_DIR: tmp('newsdesk-rel-cache-') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t }));
    child.stdin.end(`${questions.join('\n')}\n`);
    void during?.(() => stdout.length > 0 || child.exitCode !== null);
  });
}

const latin1 = Buffer.from(
  ' date 2024-03-04\nCaf\xe9 opens by the station\n\nThe caf\xe9 near the Lahore station opened on Monday, the owner Bilal \x93Billu\x94 Ahmed said.\n',
  'latin1',
);
const utf16 = (s: string, be: boolean) => {
  const body = Buffer.from(s, 'utf16le');
  if (be) body.swap16();
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
};

describe('batch mode over a folder of broken files', () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof ask>>;
  const questions = [
    '/who is the State Department spokesperson',
    '/search café Lahore station owner',
    '/search résumé filed Zürich',
    // Not "plan": a word in every sentence of the 10 MB article plus absent words is quadratic in
    // retrieve.ts contextWeight (~37 s on this folder) — reported to the engine owner, not tested here.
    '/search naïve approved Genève',
    '/search committee plan reviewed next year',
    '/search zero urandom fifo',
  ];

  beforeAll(async () => {
    dir = tmp('newsdesk-rel-faults-');
    copyFileSync(join(SEEDS, '000_becc9658f8bc904d.txt'), join(dir, '000.txt'));
    copyFileSync(join(SEEDS, '001_4c37596a6a6b1c86.txt'), join(dir, '001.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0xff]));
    writeFileSync(join(dir, 'latin1.txt'), latin1);
    writeFileSync(join(dir, 'utf16le.txt'), utf16(' date 2024-05-06\nFiling in Zürich\n\nThe résumé was filed in Zürich on Friday, officials said.\n', false));
    writeFileSync(join(dir, 'utf16be.txt'), utf16(' date 2024-05-07\nPlan in Genève\n\nThe naïve plan was approved in Genève on Friday, officials said.\n', true));
    const sentence = 'The committee said on Monday that the new plan would be reviewed again next year. ';
    writeFileSync(join(dir, 'big-one-line.txt'), sentence.repeat(Math.ceil((10 * 1024 * 1024) / sentence.length)));
    symlinkSync('loop-b.txt', join(dir, 'loop-a.txt'));
    symlinkSync('loop-a.txt', join(dir, 'loop-b.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt')); // would never end if read
    symlinkSync('/dev/urandom', join(dir, 'urandom.txt'));
    if (spawnSync('mkfifo', [join(dir, 'fifo.txt')]).status !== 0) throw new Error('mkfifo failed');
    mkdirSync(join(dir, 'x.txt')); // unreadable as a file (chmod 000 does not stop root)
    writeFileSync(join(dir, 'x.txt', 'inside.md'), 'not an article');
    writeFileSync(join(dir, 'notes.md'), '# The committee notes\n\nThe committee said nothing about Zürich.\n');
    writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    run = await ask(dir, questions);
  }, 120_000);

  const lines = () =>
    run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
  const cited = (i: number) => lines()[i].answers.map((a: any) => a.source.file);

  it('exits 0 with one JSON line per question and no stack trace', () => {
    expect(run.stderr).not.toMatch(STACK);
    expect(run.code).toBe(0);
    expect(lines().map((l) => l.ask)).toEqual(questions);
    console.log(`corpus faults: indexed and answered in ${run.ms} ms`);
  });

  it('answers from the good files, including Latin-1/CP1252, UTF-16 LE and BE with a BOM, and the 10 MB one-line file', () => {
    expect(lines()[0].answers[0].answer).toBe('Matthew Miller');
    expect(cited(1)).toContain('latin1.txt');
    expect(lines()[1].answers.find((a: any) => a.source.file === 'latin1.txt').source.sentence).toContain('Bilal “Billu” Ahmed');
    expect(cited(2)).toContain('utf16le.txt');
    expect(cited(3)).toContain('utf16be.txt');
    expect(cited(4)).toContain('big-one-line.txt');
    expect(lines()[5].answers).toEqual([]);
  });

  it('names every bad .txt in a warning, with its reason', () => {
    const warnings = run.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    const reason = (f: string) => warnings.find((w) => w.startsWith(`warning: skipped ${f}: `))?.slice(`warning: skipped ${f}: `.length);
    expect(reason('empty.txt')).toBe('empty');
    expect(reason('binary.txt')).toBe('looks binary');
    expect(reason('loop-a.txt')).toBe('symlink loop');
    expect(reason('loop-b.txt')).toBe('symlink loop');
    expect(reason('zero.txt')).toBe('not a regular file');
    expect(reason('urandom.txt')).toBe('not a regular file');
    expect(reason('fifo.txt')).toBe('not a regular file');
    expect(reason('x.txt')).toBe('is a directory');
    // Good files are not warned about.
    for (const f of ['000.txt', '001.txt', 'latin1.txt', 'utf16le.txt', 'utf16be.txt', 'big-one-line.txt']) expect(reason(f)).toBeUndefined();
  });

  it('leaves non-.txt files out of the index (silently, by design of readCorpus)', () => {
    for (const l of lines()) for (const a of l.answers) expect(a.source.file).toMatch(/\.txt$/);
    expect(run.stderr).not.toContain('photo.jpg');
  });
});

describe('files deleted while the index is being built', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a file that vanishes between listing and reading (simulated at stat and at readFile) is skipped, the rest indexed', async () => {
    const dir = tmp('newsdesk-rel-vanish-');
    copyFileSync(join(SEEDS, '001_4c37596a6a6b1c86.txt'), join(dir, '001.txt'));
    copyFileSync(join(SEEDS, '000_becc9658f8bc904d.txt'), join(dir, 'gone-before-stat.txt'));
    copyFileSync(join(SEEDS, '002_84d199cf34c98c0a.txt'), join(dir, 'gone-before-read.txt'));
    // readCorpus lists the folder, then stats and reads each file: delete the file in between.
    const stat = fsp.stat.bind(fsp);
    const readFile = fsp.readFile.bind(fsp);
    vi.spyOn(fsp, 'stat').mockImplementation(async (p: any, ...rest: any[]) => {
      // Only readCorpus's own stat (the fingerprint before it stats every file too).
      if (String(p).endsWith('gone-before-stat.txt') && new Error().stack?.includes('corpus/read.ts')) await fsp.rm(p, { force: true });
      return (stat as any)(p, ...rest);
    });
    vi.spyOn(fsp, 'readFile').mockImplementation(async (p: any, ...rest: any[]) => {
      if (String(p).endsWith('gone-before-read.txt')) await fsp.rm(p, { force: true });
      return (readFile as any)(p, ...rest);
    });
    const warnings: string[] = [];
    const index = await openIndex({ corpusDir: dir, cacheDir: false, onWarn: (m) => warnings.push(m) });
    expect(index.docs.map((d) => d.file)).toEqual(['001.txt']);
    expect(warnings).toContain('skipped gone-before-stat.txt: not found (deleted or dangling link)');
    expect(warnings).toContain('skipped gone-before-read.txt: not found (deleted or dangling link)');
    expect(answer(index, 'who', 'is the State Department spokesperson')[0].answer).toBe('Matthew Miller');
  });

  it('a real race: files created and deleted every few ms while batch mode indexes never break it', async () => {
    const dir = tmp('newsdesk-rel-churn-');
    for (const f of ['000_becc9658f8bc904d.txt', '001_4c37596a6a6b1c86.txt', '002_84d199cf34c98c0a.txt']) copyFileSync(join(SEEDS, f), join(dir, f));
    const body = ' date 2024-01-02\nChurn\n\nThe churning file said nothing of note on Monday, officials said.\n';
    let churned = 0;
    const run = await ask(dir, ['/who is the State Department spokesperson', '/search churning file'], async (done) => {
      // Keep 40 short-lived files in flight: each written, then deleted a moment later.
      while (!done()) {
        const name = join(dir, `churn-${churned++ % 40}.txt`);
        try {
          writeFileSync(name, body);
          await new Promise((r) => setTimeout(r, 1));
          unlinkSync(name);
        } catch {
          /* the other side may have it open; fine */
        }
      }
    });
    expect(run.stderr).not.toMatch(STACK);
    expect(run.code).toBe(0);
    const out = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(2);
    expect(out[0].answers[0].answer).toBe('Matthew Miller');
    // Any churn file that was caught mid-way is reported as gone, nothing worse.
    for (const w of run.stderr.split('\n').filter((l) => l.includes('churn-'))) expect(w).toMatch(/skipped churn-\d+\.txt: (not found|empty)/);
    console.log(`churn race: ${churned} files created and deleted during indexing; ${run.stderr.split('\n').filter((l) => l.includes('churn-')).length} caught mid-way`);
    expect(churned).toBeGreaterThan(20);
  }, 60_000);
});
