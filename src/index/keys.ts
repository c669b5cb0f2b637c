import type { AnalysedSentence } from '../nlp/analyse.ts';
import { isCapitalised, skeleton, termKey } from '../engine/terms.ts';

export const tokenAt = (s: AnalysedSentence, i: number): string => s.text.slice(s.off[2 * i], s.off[2 * i + 1]);
export const tokenCount = (s: AnalysedSentence): number => s.off.length / 2;

/** Retrieval keys of a sentence, one per token (undefined for stop words and punctuation). */
export function sentenceKeys(s: AnalysedSentence): (string | undefined)[] {
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
