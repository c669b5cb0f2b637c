import type lunr from 'lunr';
import type { AnalysedSentence } from '../nlp/analyse.ts';
import type { Packed } from './store.ts';

export interface DocMeta {
  file: string;
  title?: string;
  date?: string;
  place?: string;
  /** The original article's http(s) address, when the corpus gives one. */
  url?: string;
  /** Id of the article's first sentence; its sentences are contiguous. */
  first: number;
  count: number;
}

export interface SentenceRecord extends AnalysedSentence {
  /** Article index in `docs`. */
  doc: number;
  /** Paragraph number within the article. */
  paragraph: number;
}

/**
 * Everything a query needs, built once from the corpus. `sentences`, `df`, `caps` and `lunr` are
 * views over `packed` (the compact store the cache file holds), so a loaded index is not re-parsed.
 */
export interface SearchIndex {
  version: string;
  docs: DocMeta[];
  sentences: SentenceRecord[];
  /** Acronym (folded) → expansions the corpus itself gives, e.g. "rsp" → ["Road Safety Plan"]. */
  acronyms: Record<string, string[]>;
  /** Sentence frequency per retrieval key, for term weights. */
  df: Record<string, number>;
  /** By retrieval key, for words seen capitalised mid-sentence: [capitalised, lower-case] counts, telling names from common nouns. */
  caps: Record<string, [number, number]>;
  /** lunr over articles (fields `t` keys, `k` name skeletons); sentences are ranked inside the best articles. */
  lunr: lunr.Index;
  /** The packed store behind the views above. */
  packed: Packed;
  /** Term → id in `packed.vocab`. */
  termIds: Map<string, number>;
  /**
   * Set when the index holds only some of the corpus's articles (a query's slice from PostgreSQL):
   * the whole corpus's sentence count and per-term article counts, so weights and term choice are
   * the whole corpus's.
   */
  corpus?: {
    sentences: number;
    articles(field: number, term: number): number;
    /** Shared by the corpus's slices: the engine's memos of an article or a sentence live under it. */
    owner: object;
    /** The number in the whole corpus of this index's article d, and of its sentence id. */
    article(d: number): number;
    sentence(id: number): number;
  };
}
