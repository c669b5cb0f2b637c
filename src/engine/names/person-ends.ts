// fullName reads the sentences of an article that mention a word: most of them name no person
// ending in it (the word is a place's or an organisation's), and this test, far cheaper than their
// name spans, tells most of those apart.
import type { AnalysedSentence } from '../../nlp/analyse.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { NAME_PARTICLES } from '../words.ts';

/**
 * False only if no person span of the sentence can have a last word folding to `folded`. A
 * person's name has at least two words (names.ts rangeKind): its last word ends where a capitalised
 * token ends, and the name word before that, past particles, hyphens and "&" (the only other tokens
 * a span takes in), is capitalised, or is the "the" of "Otto the Bold" after a capitalised word.
 * Only in ASCII text does folding keep the word's length, so that the last word is the
 * `folded.length` characters before a token's end; any other sentence may.
 */
export function mayNamePersonEndingIn(s: AnalysedSentence, folded: string): boolean {
  const { text, off } = s;
  if (!/^[\x00-\x7f]*$/.test(text)) return true;
  // From here on the text is ASCII: a capitalised token starts with A–Z, and the only hyphen is "-".
  for (let e = 1; e < tokenCount(s); e++) {
    const to = off[2 * e + 1];
    if (to <= off[2 * e] || !upper(text.charCodeAt(off[2 * e])) || to < folded.length || !foldsTo(text, to - folded.length, folded)) continue;
    let k = nameWordBefore(s, e);
    if (k >= 0 && tokenAt(s, k) === 'the') k = nameWordBefore(s, k);
    if (k >= 0 && upper(tokenAt(s, k).charCodeAt(0))) return true;
  }
  return false;
}

const upper = (c: number): boolean => c >= 65 && c <= 90;

/** Whether ASCII text[from, from + folded.length) folds (terms.ts `fold`) to `folded`, without slicing or folding it. */
function foldsTo(text: string, from: number, folded: string): boolean {
  for (let k = 0; k < folded.length; k++) {
    let c = text.charCodeAt(from + k);
    if (upper(c)) c += 32;
    else if (c === 96) c = 39;
    if (c !== folded.charCodeAt(k)) return false;
  }
  return true;
}

function nameWordBefore(s: AnalysedSentence, i: number): number {
  let k = i - 1;
  while (k >= 0 && (NAME_PARTICLES.has(tokenAt(s, k)) || tokenAt(s, k) === '-' || tokenAt(s, k) === '&')) k--;
  return k;
}
