import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchIndex } from '../src/engine/index.ts';
import { openIndex } from '../src/app/index.ts';
import { quotesOf, type Attributed } from '../src/engine/quote/quote.ts';

export const SEEDS = join(import.meta.dirname, '..', 'seeds');

let seeds: Promise<SearchIndex> | undefined;
/** The real index over the seed articles, built once per test file. */
export const seedIndex = (): Promise<SearchIndex> => (seeds ??= openIndex({ corpusDir: SEEDS, onWarn: () => {} }));

/** A corpus folder of articles written for a test: name → body lines (header added). */
export function tempCorpus(articles: Record<string, { date?: string; title: string; paragraphs: string[] }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-corpus-'));
  for (const [file, a] of Object.entries(articles)) {
    const header = a.date ? ` date ${a.date}\n` : '';
    writeFileSync(join(dir, file), `${header}${a.title}\n\n${a.paragraphs.join('\n')}\n`);
  }
  return dir;
}

/** The quotation of article `file` (the first article when absent) that holds `text`, with its attribution. */
export function quoteIn(index: SearchIndex, file: string | undefined, text: string): Attributed {
  const d = file === undefined ? 0 : index.docs.findIndex((x) => x.file === file);
  const q = quotesOf(index, d).find((x) => x.quote.includes(text));
  if (!q) throw new Error(`no quote with ${text}`);
  return q;
}
