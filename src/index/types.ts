import type lunr from 'lunr';
import type { AnalysedSentence } from '../nlp/analyse.ts';

export interface DocMeta {
  file: string;
  title?: string;
  date?: string;
  place?: string;
  /** Id of the article's first sentence; its sentences are contiguous. */
  first: number;
  count: number;
}

export interface SentenceRecord extends AnalysedSentence {
  /** Article index in `docs`. */
  d: number;
  /** Paragraph number within the article. */
  p: number;
}

/** Everything a query needs, built once from the corpus and serialisable as JSON. */
export interface SearchIndex {
  version: string;
  docs: DocMeta[];
  sentences: SentenceRecord[];
  /** Acronym (folded) → expansions the corpus itself gives, e.g. "nap" → ["National Action Plan"]. */
  acronyms: Record<string, string[]>;
  /** Sentence frequency per retrieval key, for term weights. */
  df: Record<string, number>;
  /** By retrieval key, for words seen capitalised mid-sentence: [capitalised, lower-case] counts, telling names from common nouns. */
  caps: Record<string, [number, number]>;
  lunr: lunr.Index;
}
