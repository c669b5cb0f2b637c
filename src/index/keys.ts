import type { AnalysedSentence } from '../nlp/analyse.ts';
import { isCapitalised, skeleton, termKey } from '../nlp/terms.ts';
import { tokenAt, tokenCount } from '../nlp/tokens.ts';
import { StoredSentence } from './store.ts';
import type { SearchIndex } from './types.ts';

/** Retrieval keys of a sentence, one per token (undefined for stop words and punctuation). */
export function sentenceKeys(s: AnalysedSentence): (string | undefined)[] {
  if (s instanceof StoredSentence) return s.keys();
  const keys: (string | undefined)[] = [];
  for (let i = 0; i < tokenCount(s); i++) keys.push(termKey(tokenAt(s, i)));
  return keys;
}

/** Consonant skeletons of the capitalised words, so spelling variants of names still match. */
export function sentenceSkeletons(s: AnalysedSentence): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokenCount(s); i++) {
    const t = tokenAt(s, i);
    if (!isCapitalised(t)) continue;
    const k = skeleton(t);
    if (k) out.push(k);
  }
  return out;
}

/** Retrieval keys of article d's headline (stored at build time). */
export function headlineKeys(index: SearchIndex, d: number): string[] {
  const { titleStart, titleKeys, vocab } = index.packed;
  const out: string[] = [];
  for (let i = titleStart[d]; i < titleStart[d + 1]; i++) out.push(vocab[titleKeys[i]]);
  return out;
}
