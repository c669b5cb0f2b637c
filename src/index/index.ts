// The index's entry: everything the engine reads of an index, and nothing else. The engine never
// touches the packed store's arrays; it asks these questions, by article number, sentence id and
// term id. `IndexReads` spells the contract out, so a second backend (a database) implements the
// same questions over its own storage and the engine stays as it is.
import { postingDocs, postingHas } from './packed-lunr.ts';
import { lunrCandidates, shards, type Candidate, type Seen, type TermGroup } from './search.ts';
import { headlineKeys, sentenceKeys } from './keys.ts';
import { articleBytes, MENTION_CAP, rangeBytes, readingRange, sentencesWith, sentencesWithLowerCase, type SentenceRange } from './article-text.ts';
import { examined, isLong, LONG_ARTICLE, sentencesHolding, warmLongArticles } from './long-articles.ts';
import { postingScores } from './article-rank.ts';
import type { SearchIndex, SentenceRecord } from './types.ts';
import { sentenceAt } from './store.ts';

export type { DocMeta, SearchIndex, SentenceRecord } from './types.ts';
export type { Candidate, Seen, TermGroup } from './search.ts';
export type { SentenceRange } from './article-text.ts';

/** A term's two roles in the index: a retrieval key, or a name's consonant skeleton. */
export type TermField = 'key' | 'skeleton';

/** What the engine asks of an index (the embedded implementation is below). */
export interface IndexReads {
  /**
   * Candidate sentences sharing any term with the query's groups, best first (BM25), with the groups
   * each has; `seen`, when given, gets what the scoring saw of every sentence it read, past the limit too.
   */
  candidates(index: SearchIndex, groups: TermGroup[], limit: number, seen?: Seen): Candidate[];
  /** The articles having the term in that field (headline or body), ascending; a view, not a copy. */
  articlesWith(index: SearchIndex, field: TermField, termId: number): ArrayLike<number> & Iterable<number>;
  /** Whether article `doc` has the term in that field anywhere (headline or body). */
  articleHas(index: SearchIndex, doc: number, field: TermField, termId: number): boolean;
  /** The id of a retrieval key or skeleton; undefined when the corpus never has it. */
  termId(index: SearchIndex, term: string): number | undefined;
  /** Number of term ids (ids run from 0 to this, exclusive). */
  termCount(index: SearchIndex): number;
  /** Per token of sentence `id`, the term id in that field (-1: none); a view, not a copy. */
  sentenceTermIds(index: SearchIndex, id: number, field: TermField): Int32Array;
  /**
   * Per token of article `doc`'s sentences, back to back, the term id in that field (-1: none), and
   * where each sentence's tokens start in it (one more entry, the end); views, not copies.
   */
  articleTermIds(index: SearchIndex, doc: number, field: TermField): { ids: Int32Array; starts: Uint32Array };
  /** Retrieval keys of a sentence, one per token (undefined for stop words and punctuation). */
  sentenceKeys: typeof sentenceKeys;
  /** The article of sentence `id`. */
  articleOf(index: SearchIndex, id: number): number;
  /** Sentence `id`, as `index.sentences[id]` (undefined out of range), without the cost of reading it through that array. */
  sentenceAt(index: SearchIndex, id: number): SentenceRecord;
  /** How many sentences the index has (`index.sentences.length`). */
  sentenceCount(index: SearchIndex): number;
  /** Term ids of article `doc`'s headline keys; a view, not a copy. */
  headlineTermIds(index: SearchIndex, doc: number): Int32Array;
  headlineKeys(index: SearchIndex, doc: number): string[];
  /** Mid-sentence uses of a term written capitalised, and written in lower case. */
  capitalisedCount(index: SearchIndex, termId: number): number;
  lowerCaseCount(index: SearchIndex, termId: number): number;
  /** Capitalised mid-sentence uses of a term right after a place preposition, and in all. */
  afterPlacePrepositionCount(index: SearchIndex, termId: number): number;
  capitalisedUseCount(index: SearchIndex, termId: number): number;
  /** Capitalised word pairs ("new orleans", folded) the corpus has at least twice, with their counts. */
  capitalisedPairs(index: SearchIndex): Map<string, number>;
  /** The UTF-8 bytes of article `doc`'s sentences, back to back. */
  articleBytes(index: SearchIndex, doc: number): Buffer;
  /** The UTF-8 bytes of sentences [first, end), back to back. */
  rangeBytes(index: SearchIndex, range: SentenceRange): Buffer;
  /**
   * Sentences of article `doc` whose text has `word` (a plain substring test), in order. A long
   * article (LONG_ARTICLE) gives only those of `within` when given, else its first MENTION_CAP.
   */
  sentencesWith(index: SearchIndex, doc: number, word: string, within?: SentenceRange): number[];
  /** Sentences of a range whose lower-cased text has one of the words (plain substring tests), in order. */
  sentencesWithLowerCase(index: SearchIndex, range: SentenceRange, words: string[]): number[];
  /** Sentences of long article `doc` having any of the terms, ascending, at most `cap`: the rarest terms' first. */
  longArticleSentences(index: SearchIndex, doc: number, terms: { field: TermField; termId: number }[], cap: number): number[];
  /** Work a fresh index would otherwise do on its first queries. */
  warm(index: SearchIndex): void;
}

const FIELD: Record<TermField, number> = { key: 0, skeleton: 1 };

export const candidates = (index: SearchIndex, groups: TermGroup[], limit: number, seen?: Seen): Candidate[] => lunrCandidates(index, groups, limit, seen);

export const articlesWith = (index: SearchIndex, field: TermField, termId: number): Uint32Array | Uint16Array =>
  postingDocs(index.packed.lunr, index.packed.vocab.length, FIELD[field], termId);

export const articleHas = (index: SearchIndex, doc: number, field: TermField, termId: number): boolean =>
  postingHas(index.packed.lunr, index.packed.vocab.length, FIELD[field], termId, doc);

export const termId = (index: SearchIndex, term: string): number | undefined => index.termIds.get(term);

export const termCount = (index: SearchIndex): number => index.packed.vocab.length;
export const tokenTotal = (index: SearchIndex): number => index.packed.key.length;

export function sentenceTermIds(index: SearchIndex, id: number, field: TermField): Int32Array {
  const { tokStart } = index.packed;
  return (field === 'key' ? index.packed.key : index.packed.skel).subarray(tokStart[id], tokStart[id + 1]);
}

export function articleTermIds(index: SearchIndex, doc: number, field: TermField): { ids: Int32Array; starts: Uint32Array } {
  const { tokStart } = index.packed;
  const { first, count } = index.docs[doc];
  const starts = tokStart.subarray(first, first + count + 1);
  const ids = (field === 'key' ? index.packed.key : index.packed.skel).subarray(starts[0], starts[count]);
  return { ids, starts };
}

export const articleOf = (index: SearchIndex, id: number): number => index.packed.sentenceDoc[id];
export const sentenceCount = (index: SearchIndex): number => index.packed.sentenceDoc.length;

export function headlineTermIds(index: SearchIndex, doc: number): Int32Array {
  const { titleStart, titleKeys } = index.packed;
  return titleKeys.subarray(titleStart[doc], titleStart[doc + 1]);
}

export const capitalisedCount = (index: SearchIndex, termId: number): number => index.packed.caseCounts[2 * termId];
export const lowerCaseCount = (index: SearchIndex, termId: number): number => index.packed.caseCounts[2 * termId + 1];
export const afterPlacePrepositionCount = (index: SearchIndex, termId: number): number => index.packed.placeCounts[2 * termId];
export const capitalisedUseCount = (index: SearchIndex, termId: number): number => index.packed.placeCounts[2 * termId + 1];

// Keyed by the pair table itself: the slices of one database generation share it, and so the map.
const pairCache = new WeakMap<SearchIndex['packed']['pairs'], Map<string, number>>();

export function capitalisedPairs(index: SearchIndex): Map<string, number> {
  let pairs = pairCache.get(index.packed.pairs);
  if (pairs) return pairs;
  pairs = new Map();
  const { keys, count } = index.packed.pairs;
  if (keys)
    keys.split('\n').forEach((k, i) => {
      pairs!.set(k, count[i]);
    });
  pairCache.set(index.packed.pairs, pairs);
  return pairs;
}

export const warm = (index: SearchIndex): void => {
  shards(index);
  postingScores(index.packed.lunr, index.packed.vocab.length);
  warmLongArticles(index);
};

export const longArticleSentences = (index: SearchIndex, doc: number, terms: { field: TermField; termId: number }[], cap: number): number[] =>
  sentencesHolding(
    index,
    doc,
    terms.map((t) => ({ id: t.termId, field: FIELD[t.field] })),
    cap,
  );

export { articleBytes, examined, sentenceAt, headlineKeys, isLong, LONG_ARTICLE, MENTION_CAP, rangeBytes, readingRange, sentenceKeys, sentencesWith, sentencesWithLowerCase };

/** The embedded index answers every question of the contract. */
export const embedded: IndexReads = {
  candidates,
  articlesWith,
  articleHas,
  termId,
  termCount,
  sentenceTermIds,
  articleTermIds,
  sentenceKeys,
  articleOf,
  sentenceAt,
  sentenceCount,
  headlineTermIds,
  headlineKeys,
  capitalisedCount,
  lowerCaseCount,
  afterPlacePrepositionCount,
  capitalisedUseCount,
  capitalisedPairs,
  articleBytes,
  rangeBytes,
  sentencesWith,
  sentencesWithLowerCase,
  longArticleSentences,
  warm,
};
