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
  /** Written as a name in the question ("Japan"): an answer must come from an article that has it. */
  name: boolean;
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
  tokens.forEach((token, position) => {
    const key = queryKey(token);
    if (!key) return;
    ownKeys.add(key);
    if (concepts.some((c) => c.keys.has(key))) return;
    const keys = new Set([key]);
    const skeletons = new Set<string>();
    const sk = skeleton(token);
    if (sk) skeletons.add(sk);
    for (const expansion of index.acronyms[fold(token)] ?? []) {
      for (const k of keysOf(expansion)) keys.add(k);
    }
    // A word the corpus never uses weighs most: a question about it is not answered here.
    const weight = Math.max(...[...keys].map((k) => idf(index, k)));
    const name = position > 0 && /^\p{Lu}/u.test(token) && !/^\p{Lu}+$/u.test(token);
    concepts.push({ word: token, keys, skeletons, weight, name });
  });
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

