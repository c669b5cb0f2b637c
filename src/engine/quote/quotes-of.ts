// Which articles (or windows of a long one) hold quotations, and their attributed quotations,
// memoised per index: the byte test keeps attribution off the many articles without a quotation mark.
import type { SearchIndex } from '../../index/index.ts';
import { articleBytes, rangeBytes } from '../../index/index.ts';
import { perIndex } from '../memo.ts';
import { Attribution, type Attributed } from './attribution.ts';
import { QUOTE_CHARACTERS } from './quote-marks.ts';

/** Every quotation in article `d`, in order, with its speaker. */
export const quotesOf = perIndex((index, d: number): Attributed[] => (hasQuoteMarks(index, d) ? new Attribution(index, d).run() : []), 4_000);

/**
 * The quotations of sentences [first, end) of a long article (a window of readingRange), keyed
 * `first:end`: attributed within the window, since a long article is never read whole.
 */
export const quotesInWindow = perIndex((index, key: string): Attributed[] => {
  const [first, end] = key.split(':').map(Number);
  const range = { first, end };
  return QUOTE_MARKS.some((m) => rangeBytes(index, range).includes(m)) ? new Attribution(index, index.sentences[first].doc, range).run() : [];
}, 4_000);

const QUOTE_MARKS = QUOTE_CHARACTERS.map((c) => Buffer.from(c, 'utf8'));

/** Whether article d's text has any quotation mark at all, read from its stored bytes (many articles have none). */
function hasQuoteMarks(index: SearchIndex, d: number): boolean {
  const bytes = articleBytes(index, d);
  return QUOTE_MARKS.some((m) => bytes.includes(m));
}
