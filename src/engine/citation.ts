import type { Citation } from '../types.ts';
import type { SearchIndex } from '../index/index.ts';

/** The citation of a sentence of article d: its file, headline, date and address when known. */
export function citationOf(index: SearchIndex, d: number, sentence: string): Citation {
  const doc = index.docs[d];
  return { file: doc.file, ...(doc.title ? { title: doc.title } : {}), ...(doc.date ? { date: doc.date } : {}), sentence, ...(doc.url ? { url: doc.url } : {}) };
}
