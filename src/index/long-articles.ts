// A long article (a file of collected press releases, a book) is read through the sentences that
// match, never whole: per long article, which of its sentences hold each term. Built once per article
// on first need (or by the warm-up after opening), so a query's work follows its matching sentences.
import type { SearchIndex } from './types.ts';

/** Up to this many sentences an article is read whole; every article of the question sets is shorter. */
export const LONG_ARTICLE = 512;

/** Per long article: (2 × term id + field) → its sentence ids holding the term, ascending. Field 0 keys, 1 skeletons. */
type Postings = Map<number, number[]>;

const built = new WeakMap<SearchIndex, Map<number, Postings>>();

export const isLong = (index: SearchIndex, d: number): boolean => index.docs[d].count > LONG_ARTICLE;

function postingsOf(index: SearchIndex, d: number): Postings {
  let perDoc = built.get(index);
  if (!perDoc) {
    perDoc = new Map();
    built.set(index, perDoc);
  }
  const known = perDoc.get(d);
  if (known) return known;
  const made: Postings = new Map();
  const { tokStart, key, skel } = index.packed;
  const doc = index.docs[d];
  const add = (code: number, s: number): void => {
    const list = made.get(code);
    if (!list) made.set(code, [s]);
    else if (list[list.length - 1] !== s) list.push(s);
  };
  for (let s = doc.first; s < doc.first + doc.count; s++) {
    for (let t = tokStart[s]; t < tokStart[s + 1]; t++) {
      if (key[t] >= 0) add(2 * key[t], s);
      if (skel[t] >= 0) add(2 * skel[t] + 1, s);
    }
  }
  perDoc.set(d, made);
  return made;
}

const NONE: readonly number[] = [];

/** Sentences of long article d holding term `id` in field `f` (0 key, 1 skeleton), ascending. */
export function termSentences(index: SearchIndex, d: number, id: number, f: number): readonly number[] {
  return postingsOf(index, d).get(2 * id + f) ?? NONE;
}

/**
 * The sentences of long article d holding any of these terms (`field` 0 key, 1 skeleton), ascending, at
 * most `cap`: the rarest terms' sentences first, a commoner term's only while they all fit.
 */
export function sentencesHolding(index: SearchIndex, d: number, terms: { id: number; field: number }[], cap: number): number[] {
  const lists = terms
    .map((t) => termSentences(index, d, t.id, t.field))
    .filter((l) => l.length)
    .sort((a, b) => a.length - b.length);
  const chosen = new Set<number>();
  for (const list of lists) {
    if (chosen.size && chosen.size + list.length > cap) continue;
    for (let i = 0; i < list.length && chosen.size < cap; i++) chosen.add(list[i]);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** Builds the postings of every long article now, so that no query pays for it. */
export function warmLongArticles(index: SearchIndex): void {
  for (let d = 0; d < index.docs.length; d++) if (isLong(index, d)) postingsOf(index, d);
}

/** Sentences the engine has read one by one since the process started: the bench and tests take its growth per query. */
export const examined = { sentences: 0 };
