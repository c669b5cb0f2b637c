// An article's stored UTF-8 text, searched as bytes: cheaper than decoding its sentences to look
// for one word or one character.
import type { SearchIndex } from './types.ts';

/** The bytes of article d's sentences, back to back (a view, no copy). */
export function articleBytes(index: SearchIndex, d: number): Buffer {
  const { text, textStart } = index.packed;
  const doc = index.docs[d];
  const from = textStart[doc.first];
  return Buffer.from(text.buffer, text.byteOffset + from, textStart[doc.first + doc.count] - from);
}

/** Sentences of article d whose text has `word` (a plain substring test), in order. */
export function sentencesWith(index: SearchIndex, d: number, word: string): number[] {
  const { textStart } = index.packed;
  const doc = index.docs[d];
  const from = textStart[doc.first];
  const bytes = articleBytes(index, d);
  const needle = Buffer.from(word, 'utf8');
  const out: number[] = [];
  if (needle.length === 0) {
    for (let id = doc.first; id < doc.first + doc.count; id++) out.push(id);
    return out;
  }
  let id = doc.first;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    while (textStart[id + 1] <= from + at) id++;
    // A match running on into the next sentence is in neither.
    if (from + at + needle.length <= textStart[id + 1] && out.at(-1) !== id) out.push(id);
  }
  return out;
}
