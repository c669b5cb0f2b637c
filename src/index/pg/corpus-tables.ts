// The corpus-wide tables of a generation: the vocabulary with its term and case statistics, place
// counts, capitalised pairs, acronyms and the article list. Written once by the indexer, read once
// per generation by each reader; a query then reads only its candidate articles.
import type { Packed } from '../store.ts';
import { postingCount } from '../packed-lunr.ts';
import type { DocMeta } from '../types.ts';

export interface CorpusTables {
  vocab: string[];
  termIds: Map<string, number>;
  /** Sentence frequency per term as a key / as a skeleton. */
  sentenceFrequency: Uint32Array;
  skeletonSentenceFrequency: Uint32Array;
  /** Per term: [capitalised, lower-case] mid-sentence uses; [after a place preposition, all capitalised] uses. */
  caseCounts: Uint32Array;
  placeCounts: Uint32Array;
  /** Articles holding each term in field t (keys) and k (skeletons): the embedded index's posting counts. */
  keyArticles: Uint32Array;
  skeletonArticles: Uint32Array;
  pairs: { keys: string; count: Uint32Array };
  acronyms: Record<string, string[]>;
  sentAvg: [number, number];
  entTypes: string[];
  /** Mean field lengths (keys, skeletons) per article, as the embedded index's BM25 uses them. */
  fieldAvg: [number, number];
  /** Field lengths (keys, skeletons) of article d at 2d, 2d + 1. */
  fieldLengths: Uint32Array;
  docs: DocMeta[];
  sentences: number;
  /** Every name of the corpus, most mentioned first (the engine's countedNames): autocomplete's ranking. */
  names: string[];
}

interface Meta {
  acronyms: Record<string, string[]>;
  sentAvg: [number, number];
  entTypes: string[];
  fieldAvg: [number, number];
  sentences: number;
  /** Per article: file, title, date, place, sentence count, and the article's link (absent in older generations). */
  docs: [string, string | null, string | null, string | null, number, (string | null)?][];
}

const u32 = (a: Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** The tables as named byte strings, from the packed store of the whole corpus. */
export function encodeCorpusTables(p: Packed, fieldAvg: [number, number], fieldLengths: Uint32Array, names: string[]): [string, Buffer][] {
  const V = p.vocab.length;
  const keyArticles = new Uint32Array(V);
  const skeletonArticles = new Uint32Array(V);
  for (let term = 0; term < V; term++) {
    keyArticles[term] = postingCount(p.lunr, V, 0, term);
    skeletonArticles[term] = postingCount(p.lunr, V, 1, term);
  }
  const meta: Meta = {
    acronyms: p.acronyms,
    sentAvg: p.sentAvg,
    entTypes: p.entTypes,
    fieldAvg,
    sentences: p.sentenceDoc.length,
    docs: p.docs.map((d) => [d.file, d.title ?? null, d.date ?? null, d.place ?? null, d.count, d.url ?? null]),
  };
  return [
    ['meta', Buffer.from(JSON.stringify(meta), 'utf8')],
    ['vocab', Buffer.from(p.vocab.join('\n'), 'utf8')],
    ['sentence_frequency', u32(p.sentenceFrequency)],
    ['skeleton_sentence_frequency', u32(p.skeletonSentenceFrequency)],
    ['case_counts', u32(p.caseCounts)],
    ['place_counts', u32(p.placeCounts)],
    ['articles_t', u32(keyArticles)],
    ['articles_k', u32(skeletonArticles)],
    ['pair_keys', Buffer.from(p.pairs.keys, 'utf8')],
    ['pair_counts', u32(p.pairs.count)],
    ['field_lengths', u32(fieldLengths)],
    // One name a line (a name is tokens joined by spaces): one string to read, not 100 k small arrays.
    ['names', Buffer.from(names.join('\n'), 'utf8')],
  ];
}

/** Reads the tables back (throws when one is missing or inconsistent). */
export function decodeCorpusTables(rows: Map<string, Buffer>): CorpusTables {
  const get = (name: string): Buffer => {
    const b = rows.get(name);
    if (!b) throw new Error(`corpus table ${name} is missing`);
    return b;
  };
  const words = (b: Buffer): Uint32Array => {
    const copy = new Uint8Array(b.byteLength);
    copy.set(b);
    return new Uint32Array(copy.buffer, 0, b.byteLength >> 2);
  };
  const meta = JSON.parse(get('meta').toString('utf8')) as Meta;
  const lines = (b: Buffer): string[] => {
    const text = b.toString('utf8');
    return text.length ? text.split('\n') : [];
  };
  const vocab = lines(get('vocab'));
  const termIds = new Map<string, number>();
  for (let i = 0; i < vocab.length; i++) termIds.set(vocab[i], i);
  const V = vocab.length;
  const tables: CorpusTables = {
    vocab,
    termIds,
    sentenceFrequency: words(get('sentence_frequency')),
    skeletonSentenceFrequency: words(get('skeleton_sentence_frequency')),
    caseCounts: words(get('case_counts')),
    placeCounts: words(get('place_counts')),
    keyArticles: words(get('articles_t')),
    skeletonArticles: words(get('articles_k')),
    pairs: { keys: get('pair_keys').toString('utf8'), count: words(get('pair_counts')) },
    acronyms: meta.acronyms,
    sentAvg: meta.sentAvg,
    entTypes: meta.entTypes,
    fieldAvg: meta.fieldAvg,
    fieldLengths: words(get('field_lengths')),
    sentences: meta.sentences,
    docs: [],
    names: lines(get('names')),
  };
  if (
    tables.sentenceFrequency.length !== V ||
    tables.skeletonSentenceFrequency.length !== V ||
    tables.caseCounts.length !== 2 * V ||
    tables.placeCounts.length !== 2 * V ||
    tables.keyArticles.length !== V ||
    tables.skeletonArticles.length !== V
  ) {
    throw new Error('corpus tables are inconsistent');
  }
  if (tables.fieldLengths.length !== 2 * meta.docs.length) throw new Error('corpus tables are inconsistent (field lengths)');
  let first = 0;
  for (const [file, title, date, place, count, url] of meta.docs) {
    tables.docs.push({
      file,
      ...(title !== null ? { title } : {}),
      ...(date !== null ? { date } : {}),
      ...(place !== null ? { place } : {}),
      ...(url ? { url } : {}),
      first,
      count,
    });
    first += count;
  }
  return tables;
}
