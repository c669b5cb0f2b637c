// Links to the original articles: the ` url` header line and the corpus's MANIFEST.tsv.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpUrl, parseArticle, readCorpus } from '../../src/corpus/index.ts';

const BODY = 'The council approved the harbour plan on Monday after a long debate.';
const dirs: string[] = [];
const corpus = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-url-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the ` url` header', () => {
  it('is read next to the date header and is never body text', () => {
    const a = parseArticle('a.txt', ` date 2031-04-01\n url https://example.org/news/harbour?id=7\nHarbour plan approved\n\n${BODY}\n`);
    expect(a).toEqual({ file: 'a.txt', title: 'Harbour plan approved', date: '2031-04-01', url: 'https://example.org/news/harbour?id=7', paragraphs: [BODY] });
  });

  it('may come after the headline', () => {
    const a = parseArticle('a.txt', ` date 2031-04-01\nHarbour plan approved\n url: http://example.org/h\n\n${BODY}\n`);
    expect(a).toMatchObject({ title: 'Harbour plan approved', url: 'http://example.org/h', paragraphs: [BODY] });
  });

  it('drops an address that is not http(s), with a warning naming the file', () => {
    const warnings: string[] = [];
    const a = parseArticle('bad.txt', ` date 2031-04-01\n url javascript:alert(1)\nHarbour plan approved\n\n${BODY}\n`, (m) => warnings.push(m));
    expect(a.url).toBeUndefined();
    expect(a.paragraphs).toEqual([BODY]);
    expect(warnings).toEqual(['bad.txt: ignored the URL "javascript:alert(1)": only http(s) links are kept']);
  });

  it.each(['ftp://example.org/a', 'file:///etc/passwd', '/news/a.html', 'https://'])('refuses %s', (raw) => {
    expect(httpUrl(raw, 'x')).toBeUndefined();
  });
});

describe('MANIFEST.tsv', () => {
  it('links each listed file, and fills in a headline or date the file lacks', async () => {
    const dir = corpus({
      'MANIFEST.tsv': 'file\tsource\tdate\ttitle\na.txt\thttps://example.org/a\t2031-04-01\tManifest headline A\nb.txt\thttps://example.org/b\t2031-05-02\tBridge opens\n',
      'a.txt': ` date 2031-04-01\nHarbour plan approved\n\n${BODY}\n`,
      'b.txt': `${BODY}\n`,
    });
    const { articles } = await readCorpus(dir);
    expect(articles.map((a) => [a.file, a.url, a.title, a.date])).toEqual([
      ['a.txt', 'https://example.org/a', 'Harbour plan approved', '2031-04-01'],
      ['b.txt', 'https://example.org/b', expect.any(String), '2031-05-02'],
    ]);
  });

  it('takes its columns in any order, and the article header wins over it', async () => {
    const dir = corpus({
      'MANIFEST.tsv': 'source\tfile\nhttps://example.org/from-manifest\ta.txt\n',
      'a.txt': ` date 2031-04-01\n url https://example.org/from-header\nHarbour plan approved\n\n${BODY}\n`,
    });
    const { articles } = await readCorpus(dir);
    expect(articles[0].url).toBe('https://example.org/from-header');
  });

  it('ignores a row whose source is not http(s), saying which line', async () => {
    const warnings: string[] = [];
    const dir = corpus({ 'MANIFEST.tsv': 'file\tsource\na.txt\tmailto:desk@example.org\n', 'a.txt': `${BODY}\n` });
    const { articles } = await readCorpus(dir, { onWarn: (m) => warnings.push(m) });
    expect(articles[0].url).toBeUndefined();
    expect(warnings).toEqual(['MANIFEST.tsv line 2 (a.txt): ignored the URL "mailto:desk@example.org": only http(s) links are kept']);
  });

  it('warns once and links nothing when the header row lacks `file` or `source`', async () => {
    const warnings: string[] = [];
    const dir = corpus({ 'MANIFEST.tsv': 'name\turl\na.txt\thttps://example.org/a\n', 'a.txt': `${BODY}\n` });
    const { articles } = await readCorpus(dir, { onWarn: (m) => warnings.push(m) });
    expect(articles[0].url).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^MANIFEST\.tsv: the header row must name the columns "file" and "source"/)]);
  });
});
