import type { SearchIndex } from '../index/index.ts';
import { nameSpans } from './names/names.ts';
import { fold } from '../nlp/terms.ts';

export interface SourceInfo {
  file: string;
  title?: string;
  date?: string;
  sentences: number;
}

export const listSources = (index: SearchIndex): SourceInfo[] => index.docs.map((d) => ({ file: d.file, title: d.title, date: d.date, sentences: d.count }));

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

/** Sentences counted synchronously when a suggestion needs a vocabulary not yet built (small corpora: all of it). */
const SYNC_SENTENCES = 20_000;
/** Background slice length: short enough not to hold a query up noticeably. */
const SLICE_MS = 8;
/** What a suggestion may spend counting when the background count has not got far. */
const SYNC_MS = 50;

interface Vocabulary {
  counts: Map<string, number>;
  /** Next sentence to count. */
  next: number;
  /** The names of `counts`, most mentioned first (final once `next` reaches the end). */
  ranked?: string[];
  rankedAt: number;
  final: boolean;
  running: boolean;
}

const vocabularies = new WeakMap<SearchIndex, Vocabulary>();

const vocabOf = (index: SearchIndex): Vocabulary => {
  let v = vocabularies.get(index);
  if (!v) vocabularies.set(index, (v = { counts: new Map(), next: 0, rankedAt: 0, final: false, running: false }));
  return v;
};

function countSentences(index: SearchIndex, v: Vocabulary, until: (n: number) => boolean): void {
  const n = index.sentences.length;
  while (v.next < n && !until(v.next)) {
    for (const span of nameSpans(index.sentences[v.next], index, v.next)) v.counts.set(span.name, (v.counts.get(span.name) ?? 0) + 1);
    v.next++;
  }
}

const rank = (counts: Map<string, number>): string[] => [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);

/**
 * Every name the corpus mentions, most mentioned first: the ranking suggestions are drawn from,
 * counted to the end now (after what warmVocabulary has counted so far).
 */
export function countedNames(index: SearchIndex): string[] {
  const v = vocabOf(index);
  countSentences(index, v, () => false);
  if (!v.final) (v.ranked = rank(v.counts)), (v.final = true);
  return v.ranked!;
}

/**
 * Gives an index whose sentences are not in memory (PostgreSQL's) the ranking countedNames made of
 * its corpus when it was indexed, so that it suggests what the embedded index of that corpus does.
 */
export function useCountedNames(index: SearchIndex, ranked: string[]): void {
  vocabularies.set(index, { counts: new Map(), next: index.sentences.length, ranked, rankedAt: 0, final: true, running: false });
}

/**
 * Counts the corpus's names in the background, a few milliseconds at a time (unref'd timers: it never
 * keeps a process alive), so autocomplete does not pay a corpus-wide pass on first use. Started by
 * openIndex; on a 13 k-article corpus it takes some seconds of CPU.
 */
export function warmVocabulary(index: SearchIndex): void {
  const v = vocabOf(index);
  if (v.running || v.next >= index.sentences.length) return;
  v.running = true;
  const step = (): void => {
    try {
      const t = performance.now();
      countSentences(index, v, (i) => (i & 15) === 0 && performance.now() - t > SLICE_MS);
    } catch {
      v.running = false;
      return;
    }
    if (v.next < index.sentences.length) setTimeout(step, 0).unref();
    else v.running = false;
  };
  setTimeout(step, 0).unref();
}

/**
 * Names, places and terms of the corpus, most mentioned first, for autocomplete. A small corpus (or
 * the rest of a nearly counted one) is counted on the spot; while a large one is still being counted
 * in the background, the ranking of what is counted so far stands in (re-ranked at most once a second).
 */
function vocabulary(index: SearchIndex): string[] {
  const v = vocabOf(index);
  const n = index.sentences.length;
  if (v.next < n && n - v.next <= SYNC_SENTENCES) countSentences(index, v, () => false);
  if (v.next >= n) {
    if (!v.final) (v.ranked = rank(v.counts)), (v.final = true);
    return v.ranked!;
  }
  // Not counted yet: a bounded head start on the spot, so an early suggestion is not empty.
  const t = performance.now();
  countSentences(index, v, (i) => (i & 15) === 0 && performance.now() - t > SYNC_MS);
  warmVocabulary(index);
  if (!v.ranked || performance.now() - v.rankedAt > 1000) (v.ranked = rank(v.counts)), (v.rankedAt = performance.now());
  return v.ranked;
}

/** Suggestions whose words start with what the user typed last. */
export function suggest(index: SearchIndex, typed: string, limit = 25): string[] {
  const words = typed.trim().split(/\s+/);
  const last = fold(words.at(-1) ?? '');
  const head = words.slice(0, -1).join(' ');
  const out: string[] = [];
  for (const name of vocabulary(index)) {
    if (out.length >= limit) break;
    if (!last || name.split(/[\s-]+/).some((w) => fold(w).startsWith(last))) out.push(head ? `${head} ${name}` : name);
  }
  return out;
}
