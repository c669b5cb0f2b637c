// An article's stored UTF-8 text, searched as bytes: cheaper than decoding its sentences to look
// for one word or one character. A long article (over LONG_ARTICLE sentences) is never searched
// whole: a word is looked up through the article's term postings, and an article-level reading
// (who said a quotation, who holds a role) keeps to a window of sentences around the one it is about.
import type { SearchIndex } from './types.ts';
import { examined, isLong, termSentences } from './long-articles.ts';
import { termKey } from '../nlp/terms.ts';
import { sentenceAt } from './store.ts';

/** A long article's window: the block of READ_BLOCK sentences holding the sentence read about, the two before it and the one after. */
const READ_BLOCK = 32;
/** The most sentences mentioning a word that a long article gives (its first ones). */
export const MENTION_CAP = 16;

/** Sentence ids [first, end) of an article, or of a window of it. */
export interface SentenceRange {
  first: number;
  end: number;
}

/**
 * What an article-level reading about sentence `near` of article d looks at: the whole article, or
 * for a long one the window around `near` (its opening window when `near` is not given).
 */
export function readingRange(index: SearchIndex, d: number, near?: number): SentenceRange {
  const doc = index.docs[d];
  const end = doc.first + doc.count;
  if (!isLong(index, d)) return { first: doc.first, end };
  const block = Math.floor(((near ?? doc.first) - doc.first) / READ_BLOCK);
  return { first: doc.first + Math.max(0, block - 2) * READ_BLOCK, end: Math.min(end, doc.first + (block + 2) * READ_BLOCK) };
}

/** The bytes of sentences [first, end), back to back (a view, no copy). */
export function rangeBytes(index: SearchIndex, r: SentenceRange): Buffer {
  const { text, textStart } = index.packed;
  const from = textStart[r.first];
  return Buffer.from(text.buffer, text.byteOffset + from, textStart[r.end] - from);
}

/** The bytes of article d's sentences, back to back (a view, no copy). */
export function articleBytes(index: SearchIndex, d: number): Buffer {
  const doc = index.docs[d];
  return rangeBytes(index, { first: doc.first, end: doc.first + doc.count });
}

/**
 * Sentences of article d whose text has `word` (a plain substring test), in order. A long article
 * gives those of the window `within` when one is given (a reading of that window), else its first MENTION_CAP.
 */
export function sentencesWith(index: SearchIndex, d: number, word: string, within?: SentenceRange): number[] {
  const doc = index.docs[d];
  if (!isLong(index, d)) return sentencesOfRangeWith(index, { first: doc.first, end: doc.first + doc.count }, word);
  return within ? sentencesOfRangeWith(index, within, word) : mentionsInLong(index, d, word);
}

function sentencesOfRangeWith(index: SearchIndex, r: SentenceRange, word: string): number[] {
  const { textStart } = index.packed;
  const from = textStart[r.first];
  const bytes = rangeBytes(index, r);
  const needle = Buffer.from(word, 'utf8');
  const out: number[] = [];
  if (needle.length === 0) {
    for (let id = r.first; id < r.end; id++) out.push(id);
    return out;
  }
  let id = r.first;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    while (textStart[id + 1] <= from + at) id++;
    // A match running on into the next sentence is in neither.
    if (from + at + needle.length <= textStart[id + 1] && out.at(-1) !== id) out.push(id);
  }
  return out;
}

/**
 * In a long article, the sentences holding the rarest of the word's retrieval keys are the only
 * ones that can have it as words; the substring test runs on those alone. A word without a key
 * (punctuation, a stop word) is not looked for.
 */
function mentionsInLong(index: SearchIndex, d: number, word: string): number[] {
  let fewest: readonly number[] | undefined;
  for (const w of word.split(/\s+/)) {
    const k = termKey(w);
    if (k === undefined) continue;
    const id = index.termIds.get(k);
    const list = id === undefined ? [] : termSentences(index, d, id, 0);
    if (!fewest || list.length < fewest.length) fewest = list;
  }
  const out: number[] = [];
  if (!fewest) return out;
  const needle = Buffer.from(word, 'utf8');
  for (const id of fewest) {
    examined.sentences++;
    if (rangeBytes(index, { first: id, end: id + 1 }).includes(needle)) out.push(id);
    if (out.length >= MENTION_CAP) break;
  }
  return out;
}

/** "İ" and the Kelvin sign: the only characters besides A–Z that lower-case to an ASCII letter. */
const DOTTED_I = Buffer.from('İ');
const KELVIN = Buffer.from('K');

/** The sentences of the range whose lower-cased text holds one of the words, in order. */
export function sentencesWithLowerCase(index: SearchIndex, range: SentenceRange, words: string[]): number[] {
  const out: number[] = [];
  const bytes = rangeBytes(index, range);
  if (words.every((b) => /^[a-z]+$/.test(b)) && !bytes.includes(DOTTED_I) && !bytes.includes(KELVIN)) {
    // Then a word is in a sentence's lower-cased text exactly where it is in the lower-cased bytes
    // read one character per byte, whose offsets are the stored text's: no sentence is decoded to
    // be looked at, and only those holding a word are.
    const all = bytes.toString('latin1').toLowerCase();
    const { textStart } = index.packed;
    const from = textStart[range.first];
    const found = new Set<number>();
    for (const b of words) {
      let id = range.first;
      for (let at = all.indexOf(b); at >= 0; at = all.indexOf(b, at + 1)) {
        while (textStart[id + 1] <= from + at) id++;
        // A match running on into the next sentence is in neither.
        if (from + at + b.length <= textStart[id + 1]) found.add(id);
      }
    }
    return [...found].sort((x, y) => x - y);
  }
  for (let id = range.first; id < range.end; id++) {
    const lower = sentenceAt(index, id).text.toLowerCase();
    if (words.some((b) => lower.includes(b))) out.push(id);
  }
  return out;
}
