import type { AnalysedSentence } from '../nlp/analyse.ts';
import { isCapitalised, skeleton, termKey } from '../engine/terms.ts';
import { StoredSentence } from './store.ts';
import type { SearchIndex } from './types.ts';

// The answerers read the same sentence's tokens over and over: the last few sentences' tokens are
// kept sliced, instead of a new substring on every read.
const RECENT = 8;
const recentSentences: (AnalysedSentence | undefined)[] = new Array(RECENT);
const recentTokens: string[][] = new Array(RECENT);
let nextSlot = 0;

/** Token i of a sentence (out of range: what slicing at undefined offsets gives, as before). */
export function tokenAt(s: AnalysedSentence, i: number): string {
  let tokens: string[] | undefined;
  for (let k = 0; k < RECENT; k++) if (recentSentences[k] === s) tokens = recentTokens[k];
  if (!tokens) {
    const { text, off } = s;
    tokens = new Array<string>(off.length >> 1);
    for (let t = 0; t < tokens.length; t++) tokens[t] = text.slice(off[2 * t], off[2 * t + 1]);
    recentSentences[nextSlot] = s;
    recentTokens[nextSlot] = tokens;
    nextSlot = (nextSlot + 1) % RECENT;
  }
  return i >= 0 && i < tokens.length ? tokens[i] : s.text.slice(s.off[2 * i], s.off[2 * i + 1]);
}
export const tokenCount = (s: AnalysedSentence): number => s.off.length / 2;

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
