import type { AnalysedSentence } from './analyse.ts';
import { fold } from './terms.ts';

// The answerers read the same sentence's tokens over and over: the last few sentences' tokens are
// kept sliced, instead of a new substring on every read.
const RECENT = 8;
const recentSentences: (AnalysedSentence | undefined)[] = new Array(RECENT).fill(undefined);
const recentTokens: string[][] = new Array(RECENT).fill([]);
let nextSlot = 0;
// Nearly every call asks of the same sentence as the one before: it is tested first.
let lastSentence: AnalysedSentence | undefined;
let lastTokens: string[] = [];

/** Token i of a sentence (out of range: what slicing at undefined offsets gives, as before). */
export function tokenAt(s: AnalysedSentence, i: number): string {
  let tokens = s === lastSentence ? lastTokens : undefined;
  if (!tokens) {
    for (let k = 0; k < RECENT; k++) {
      if (recentSentences[k] === s) {
        tokens = recentTokens[k];
        break;
      }
    }
    if (!tokens) {
      const { text, off } = s;
      tokens = new Array<string>(off.length >> 1);
      for (let t = 0; t < tokens.length; t++) tokens[t] = text.slice(off[2 * t], off[2 * t + 1]);
      recentSentences[nextSlot] = s;
      recentTokens[nextSlot] = tokens;
      nextSlot = (nextSlot + 1) % RECENT;
    }
    lastSentence = s;
    lastTokens = tokens;
  }
  return i >= 0 && i < tokens.length ? tokens[i] : s.text.slice(s.off[2 * i], s.off[2 * i + 1]);
}
export const tokenCount = (s: AnalysedSentence): number => s.off.length / 2;

// The verifier compares every token of a sentence, folded, with the question's words, in several
// checks: the last few sentences' folded tokens are kept.
const recentFoldedOf: (AnalysedSentence | undefined)[] = new Array(RECENT).fill(undefined);
const recentFolded: string[][] = new Array(RECENT).fill([]);
let nextFolded = 0;

/** Every token of a sentence, folded (terms.ts `fold`); shared, not to be changed. */
export function foldedTokens(s: AnalysedSentence): readonly string[] {
  for (let k = 0; k < RECENT; k++) if (recentFoldedOf[k] === s) return recentFolded[k];
  const out: string[] = [];
  for (let i = 0; i < tokenCount(s); i++) out.push(fold(tokenAt(s, i)));
  recentFoldedOf[nextFolded] = s;
  recentFolded[nextFolded] = out;
  nextFolded = (nextFolded + 1) % RECENT;
  return out;
}
