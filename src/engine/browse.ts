import type { SearchIndex } from '../index/types.ts';
import { nameSpans } from './names.ts';
import { fold } from './terms.ts';

export interface SourceInfo {
  file: string;
  title?: string;
  date?: string;
  sentences: number;
}

export const listSources = (index: SearchIndex): SourceInfo[] =>
  index.docs.map((d) => ({ file: d.file, title: d.title, date: d.date, sentences: d.count }));

/** The sentences around a cited sentence of an article, the cited one included. */
export function contextOf(index: SearchIndex, file: string, sentence: string, radius = 2): string[] {
  const d = index.docs.findIndex((doc) => doc.file === file);
  if (d < 0) return [];
  const doc = index.docs[d];
  let at = -1;
  for (let id = doc.first; id < doc.first + doc.count; id++) {
    if (sentence.includes(index.sentences[id].text) || index.sentences[id].text.includes(sentence)) {
      at = id;
      break;
    }
  }
  if (at < 0) return [];
  const from = Math.max(doc.first, at - radius);
  const to = Math.min(doc.first + doc.count - 1, at + radius);
  return index.sentences.slice(from, to + 1).map((s) => s.text);
}

const vocabularyCache = new WeakMap<SearchIndex, [string, number][]>();

/** Names, places and terms of the corpus, most mentioned first, for autocomplete. */
function vocabulary(index: SearchIndex): [string, number][] {
  let vocab = vocabularyCache.get(index);
  if (!vocab) {
    const counts = new Map<string, number>();
    for (const s of index.sentences) for (const span of nameSpans(s, index)) counts.set(span.name, (counts.get(span.name) ?? 0) + 1);
    vocab = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    vocabularyCache.set(index, vocab);
  }
  return vocab;
}

/** Suggestions whose words start with what the user typed last. */
export function suggest(index: SearchIndex, typed: string, limit = 25): string[] {
  const words = typed.trim().split(/\s+/);
  const last = fold(words.at(-1) ?? '');
  const head = words.slice(0, -1).join(' ');
  const out: string[] = [];
  for (const [name] of vocabulary(index)) {
    if (out.length >= limit) break;
    if (!last || name.split(/[\s-]+/).some((w) => fold(w).startsWith(last))) out.push(head ? `${head} ${name}` : name);
  }
  return out;
}
