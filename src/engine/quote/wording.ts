// How much of the asked wording a quotation holds word for word: "/quote where do we go from here"
// asks for the quotation that says those words in that order, not one that shares a content word.
import { fold } from '../../nlp/terms.ts';

/** The words of a text, folded (curly apostrophes straightened), with their apostrophes kept: "we’re" → "we're". */
export const wordsOf = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? [];

// A quotation is read by every /quote question whose hits reach its article: its words once.
const quoteWords = new WeakMap<object, string[]>();

/** `wordsOf` a quotation's text, kept with the quotation (attributions are memoised per article). */
export function wordsOfQuote(q: { quote: string }): string[] {
  let words = quoteWords.get(q);
  if (!words) quoteWords.set(q, (words = wordsOf(q.quote)));
  return words;
}

/** The longest run of the asked words, in their order, that the quotation contains, as a share of the asked words. */
export function sequenceShare(asked: string[], quote: string[]): number {
  if (asked.length === 0 || quote.length === 0) return 0;
  let best = 0;
  // Longest common substring over words: one row of the table at a time.
  let previous = new Uint16Array(quote.length + 1);
  let current = new Uint16Array(quote.length + 1);
  for (let i = 1; i <= asked.length; i++) {
    for (let j = 1; j <= quote.length; j++) {
      current[j] = asked[i - 1] === quote[j - 1] ? previous[j - 1] + 1 : 0;
      if (current[j] > best) best = current[j];
    }
    [previous, current] = [current, previous];
  }
  return best / asked.length;
}
