// Broken folders built at test time: every bad file is skipped with a warning
// naming it, and the good files still come through.
import { mkdtemp, mkdir, rm, symlink, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/index.ts';
import { MAX_PARAGRAPH } from '../../src/corpus/split.ts';

const GOOD = ' date 2024-01-02\nA good headline\n\nThe minister said the plan would work well for everyone.\n';

let dir: string;
const made: string[] = [];

async function folder(files: Record<string, string | Uint8Array>): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'corpus-test-'));
  made.push(d);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(d, name)), { recursive: true });
    await writeFile(path.join(d, name), content);
  }
  return d;
}

afterAll(async () => {
  for (const d of made) {
    await chmod(path.join(d, 'locked.txt'), 0o644).catch(() => {});
    await rm(d, { recursive: true, force: true });
  }
});

describe('readCorpus on a folder of bad files', () => {
  let result: Awaited<ReturnType<typeof readCorpus>>;
  const warnings: string[] = [];

  beforeAll(async () => {
    dir = await folder({
      'good.txt': GOOD,
      'empty.txt': '',
      'binary.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'latin1.txt': Buffer.from(' date 2024-03-04\nCaf\xe9 opens\n\nThe caf\xe9 near the station opened on Monday, the owner said.\n', 'latin1'),
      'utf16le.txt': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(' date 2024-05-06\nHeadline\n\nThe résumé was filed in Zürich on Friday, officials said.\n', 'utf16le'),
      ]),
      'utf16be.txt': Buffer.concat([
        Buffer.from([0xfe, 0xff]),
        Buffer.from(' date 2024-05-07\nHeadline\n\nThe naïve plan was approved in Genève on Friday, officials said.\n', 'utf16le').swap16(),
      ]),
      'bom.txt': '\uFEFF date 2024-05-08\nBOM headline\n\nA file that starts with a byte order mark still parses fine.\n',
      'notes.md': '# not an article\n',
      'image.jpg': Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]),
      'sub/nested.txt': GOOD.replace('2024-01-02', '2024-01-03'),
      'x.txt/inner.md': 'a directory named like a text file',
      'locked.txt': GOOD,
    });
    await symlink('loop-b.txt', path.join(dir, 'loop-a.txt'));
    await symlink('loop-a.txt', path.join(dir, 'loop-b.txt'));
    await symlink('does-not-exist.txt', path.join(dir, 'dangling.txt'));
    await symlink('.', path.join(dir, 'sub', 'cycle'));
    await chmod(path.join(dir, 'locked.txt'), 0o000);
    result = await readCorpus(dir, { onWarn: (m) => warnings.push(m) });
  });

  const files = () => result.articles.map((a) => a.file);
  const reason = (f: string) => result.skipped.find((s) => s.file === f)?.reason;

  it('still returns the good files, sorted, with relative names', () => {
    expect(files()).toEqual(expect.arrayContaining(['good.txt', 'sub/nested.txt', 'latin1.txt', 'utf16le.txt', 'utf16be.txt', 'bom.txt']));
    expect(files()).toEqual([...files()].sort());
    expect(result.articles.find((a) => a.file === 'sub/nested.txt')?.date).toBe('2024-01-03');
  });

  it('skips an empty file with a warning', () => {
    expect(reason('empty.txt')).toBe('empty');
    expect(warnings).toContain('skipped empty.txt: empty');
  });

  it('skips a binary file with a warning', () => {
    expect(reason('binary.txt')).toBe('looks binary');
    expect(warnings).toContain('skipped binary.txt: looks binary');
  });

  it('decodes Latin-1 / Windows-1252 text', () => {
    const a = result.articles.find((x) => x.file === 'latin1.txt')!;
    expect(a.title).toBe('Café opens');
    expect(a.paragraphs[0]).toContain('café');
  });

  it('decodes UTF-16 with a BOM, and strips a UTF-8 BOM', () => {
    expect(result.articles.find((x) => x.file === 'utf16le.txt')?.paragraphs[0]).toContain('résumé was filed in Zürich');
    expect(result.articles.find((x) => x.file === 'utf16be.txt')?.paragraphs[0]).toContain('naïve plan was approved in Genève');
    const bom = result.articles.find((x) => x.file === 'bom.txt')!;
    expect(bom.date).toBe('2024-05-08');
    expect(bom.title).toBe('BOM headline');
  });

  it('ignores non-.txt files silently', () => {
    for (const f of ['notes.md', 'image.jpg', 'x.txt/inner.md']) {
      expect(files()).not.toContain(f);
      expect(warnings.join('\n')).not.toContain(f);
    }
  });

  it('skips a symlink loop and a dangling link, naming them', () => {
    expect(reason('loop-a.txt')).toBe('symlink loop');
    expect(reason('loop-b.txt')).toBe('symlink loop');
    expect(warnings).toContain('skipped loop-a.txt: symlink loop');
    expect(reason('dangling.txt')).toMatch(/not found/);
  });

  it('does not recurse forever through a directory link cycle', () => {
    expect(files().filter((f) => f.endsWith('nested.txt'))).toEqual(['sub/nested.txt']);
  });

  it('skips a directory named *.txt', () => {
    expect(reason('x.txt')).toBe('is a directory');
    expect(warnings).toContain('skipped x.txt: is a directory');
  });

  it('skips an unreadable file (or reads it when running as root)', () => {
    // chmod 000 does not stop root; then the file simply reads fine.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) expect(files()).toContain('locked.txt');
    else {
      expect(reason('locked.txt')).toBe('permission denied');
      expect(warnings).toContain('skipped locked.txt: permission denied');
    }
  });

  it('reports one warning per skipped file', () => {
    expect(warnings).toHaveLength(result.skipped.length);
    for (const s of result.skipped) expect(warnings).toContain(`skipped ${s.file}: ${s.reason}`);
  });
});

describe('readCorpus errors and limits', () => {
  it('throws naming the path when the folder does not exist', async () => {
    const missing = path.join(os.tmpdir(), `no-such-corpus-${process.pid}`);
    await expect(readCorpus(missing)).rejects.toThrow(missing);
    await expect(readCorpus(missing)).rejects.toThrow(/does not exist/);
  });

  it('throws naming the path when it is a file', async () => {
    const d = await folder({ 'a.txt': GOOD });
    const f = path.join(d, 'a.txt');
    await expect(readCorpus(f)).rejects.toThrow(`not a directory: ${f}`);
  });

  it('returns nothing for an empty folder', async () => {
    const d = await folder({});
    expect(await readCorpus(d)).toEqual({ articles: [], skipped: [] });
  });

  it('handles a 10 MB single-line file quickly', async () => {
    const sentence = 'The committee said on Monday that the new plan would be reviewed again next year. ';
    const big = sentence.repeat(Math.ceil((10 * 1024 * 1024) / sentence.length));
    const d = await folder({ 'big.txt': big, 'small.txt': GOOD });
    const t = Date.now();
    const { articles, skipped } = await readCorpus(d);
    expect(Date.now() - t).toBeLessThan(15_000);
    expect(skipped).toEqual([]);
    const a = articles.find((x) => x.file === 'big.txt')!;
    expect(a.paragraphs.length).toBeGreaterThan(500);
    for (const p of a.paragraphs) expect(p.length).toBeLessThanOrEqual(MAX_PARAGRAPH);
    expect(a.paragraphs.join(' ').length).toBeGreaterThan(10 * 1000 * 1000);
    expect(articles.map((x) => x.file)).toEqual(['big.txt', 'small.txt']);
  });

  it('survives a 10 MB line with no spaces or sentence ends', async () => {
    const d = await folder({ 'blob.txt': 'a'.repeat(10 * 1024 * 1024) });
    const t = Date.now();
    const { articles, skipped } = await readCorpus(d);
    expect(Date.now() - t).toBeLessThan(15_000);
    expect(articles.length + skipped.length).toBe(1);
  });

  it('skips files above maxBytes', async () => {
    const d = await folder({ 'a.txt': GOOD, 'b.txt': GOOD + 'x'.repeat(2000) });
    const warnings: string[] = [];
    const { articles, skipped } = await readCorpus(d, { maxBytes: 1000, onWarn: (m) => warnings.push(m) });
    expect(articles.map((a) => a.file)).toEqual(['a.txt']);
    expect(skipped[0].file).toBe('b.txt');
    expect(warnings[0]).toMatch(/^skipped b\.txt: too large/);
  });
});
