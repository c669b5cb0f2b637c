import { nlp } from '../nlp/nlp.ts';
import type { SearchIndex } from '../index/types.ts';
import { fold, queryKey, skeleton, termKey } from './terms.ts';

/** One thing the query asks about, matched by any of its alternative keys. */
export interface Concept {
  word: string;
  keys: Set<string>;
  /** Consonant skeletons that also count as a match on capitalised words. */
  skeletons: Set<string>;
  weight: number;
}

export interface QueryPlan {
  text: string;
  concepts: Concept[];
  /** Every key of the query, for "is this candidate just the question's own words?". */
  ownKeys: Set<string>;
  totalWeight: number;
}

const idf = (index: SearchIndex, key: string): number =>
  Math.log(1 + index.sentences.length / (1 + (index.df[key] ?? 0)));

const keysOf = (text: string): string[] =>
  (nlp.readDoc(text).tokens().out() as string[]).map(termKey).filter((k): k is string => k !== undefined);

/** Turns the user's words into weighted concepts; acronyms and their corpus expansions are one concept. */
export function planQuery(index: SearchIndex, text: string): QueryPlan {
  const tokens = nlp.readDoc(text).tokens().out() as string[];
  const concepts: Concept[] = [];
  const ownKeys = new Set<string>();
  for (const token of tokens) {
    const key = queryKey(token);
    if (!key) continue;
    ownKeys.add(key);
    if (concepts.some((c) => c.keys.has(key))) continue;
    const keys = new Set([key]);
    const skeletons = new Set<string>();
    const sk = skeleton(token);
    if (sk) skeletons.add(sk);
    for (const expansion of index.acronyms[fold(token)] ?? []) {
      for (const k of keysOf(expansion)) keys.add(k);
    }
    const weight = Math.max(...[...keys].map((k) => (index.df[k] ? idf(index, k) : idf(index, k) * 0.5)));
    concepts.push({ word: token, keys, skeletons, weight });
  }
  // "National Action Plan" in the query also matches "NAP" in the text.
  for (const [acronym, expansions] of Object.entries(index.acronyms)) {
    for (const expansion of expansions) {
      const ek = keysOf(expansion);
      if (ek.length < 2 || !ek.every((k) => ownKeys.has(k))) continue;
      const acrKey = termKey(acronym);
      if (!acrKey) continue;
      for (const c of concepts) if (ek.some((k) => c.keys.has(k))) c.keys.add(acrKey);
      ownKeys.add(acrKey);
    }
  }
  const totalWeight = concepts.reduce((a, c) => a + c.weight, 0);
  return { text, concepts, ownKeys, totalWeight };
}

