import lunr from 'lunr';
import type { Article } from '../types.ts';
import { analyseParagraph } from '../nlp/analyse.ts';
import { findAcronyms } from './acronyms.ts';
import { sentenceKeys, sentenceSkeletons, tokenAt, tokenCount } from './keys.ts';
import { isCapitalised, termKey } from '../engine/terms.ts';
import type { DocMeta, SearchIndex, SentenceRecord } from './types.ts';

/** Bumped whenever the shape or meaning of a built index changes, so stale caches are rebuilt. */
export const INDEX_VERSION = 'newsdesk-index-1';

export interface BuildProgress {
  (done: number, total: number): void;
}

/** Runs NLP once per article and indexes every sentence in lunr (a sentence is a document). */
export function buildIndex(articles: Article[], onProgress?: BuildProgress): SearchIndex {
  const docs: DocMeta[] = [];
  const sentences: SentenceRecord[] = [];
  const acronyms: Record<string, string[]> = {};
  const df: Record<string, number> = {};
  const capCounts = new Map<string, [number, number]>();

  articles.forEach((a, d) => {
    const first = sentences.length;
    a.paragraphs.forEach((para, p) => {
      for (const s of analyseParagraph(para)) sentences.push({ ...s, d, p });
    });
    docs.push({ file: a.file, title: a.title, date: a.date, place: a.place, first, count: sentences.length - first });
    onProgress?.(d + 1, articles.length);
  });

  const idx = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    this.field('t');
    this.field('k');
    sentences.forEach((s, id) => {
      const keys = sentenceKeys(s).filter((k): k is string => k !== undefined);
      for (const k of new Set(keys)) df[k] = (df[k] ?? 0) + 1;
      countCase(s, capCounts);
      for (const [acr, expansion] of findAcronyms(s.text)) {
        const list = (acronyms[acr] ??= []);
        if (!list.includes(expansion)) list.push(expansion);
      }
      this.add({ id: String(id), t: keys, k: sentenceSkeletons(s) });
    });
  });

  const caps: Record<string, [number, number]> = {};
  for (const [w, c] of capCounts) if (c[0] > 0) caps[w] = c;
  return { version: INDEX_VERSION, docs, sentences, acronyms, df, caps, lunr: idx };
}

/** Counts how often each word (by stem, so plurals count) is capitalised away from the sentence start. */
function countCase(s: SentenceRecord, counts: Map<string, [number, number]>): void {
  for (let i = 1; i < tokenCount(s); i++) {
    const t = tokenAt(s, i);
    if (!/^\p{L}+$/u.test(t)) continue;
    const f = termKey(t);
    if (!f) continue;
    let c = counts.get(f);
    if (!c) counts.set(f, (c = [0, 0]));
    c[isCapitalised(t) ? 0 : 1]++;
  }
}
