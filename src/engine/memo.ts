import type { SearchIndex } from '../index/index.ts';

/** Entries one memo keeps per index by default: far more than one query touches, far fewer than a corpus has. */
export const MEMO_ENTRIES = 20_000;

/**
 * A bounded memo in two generations: new values go into the young one; when it holds half the
 * bound it becomes the old one, and the old one is dropped. A value read from the old generation
 * moves to the young one, so what was used lately stays; a hit in the young one (nearly all) costs
 * one lookup, with no reordering. An evicted value is recomputed, equal to the one dropped.
 */
interface Generations<K, V> {
  young: Map<K, V>;
  old: Map<K, V>;
}

// The index and the argument are passed through, not closed over: a memo is asked per token and
// sentence, and a closure per lookup (hit or not) was garbage, and under tsx a defineProperty too.
function remember<K, V>(cache: Generations<K, V>, key: K, max: number, compute: (index: SearchIndex, arg: K) => V, index: SearchIndex, arg: K): V {
  let value = cache.young.get(key);
  if (value !== undefined) return value;
  value = cache.old.get(key);
  if (value === undefined) value = compute(index, arg);
  if (cache.young.size >= max >> 1) {
    cache.old = cache.young;
    cache.young = new Map();
  }
  cache.young.set(key, value);
  return value;
}

function cacheOf<K, V>(caches: WeakMap<object, Generations<K, V>>, owner: object): Generations<K, V> {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = { young: new Map(), old: new Map() }));
  return cache;
}

/**
 * Memoises derived data per index and key (an article, a sentence). The WeakMap lets a swapped-out
 * index and everything derived from it be collected together after a live re-index.
 */
export function perIndex<K, V>(compute: (index: SearchIndex, key: K) => V, max = MEMO_ENTRIES): (index: SearchIndex, key: K) => V {
  const caches = new WeakMap<object, Generations<K, V>>();
  return (index, key) => remember(cacheOf(caches, index), key, max, compute, index, key);
}

type Corpus = NonNullable<SearchIndex['corpus']>;

/**
 * perIndex for what one article alone decides (its text, the corpus-wide tables), keyed by its
 * number. An index that is a slice of a corpus (PostgreSQL's, one per query) shares the memo with
 * the corpus's other slices, under the article's number in the corpus: a query re-uses what earlier
 * ones worked out for the same article, as it does on the embedded index.
 */
export const perArticle = <V>(compute: (index: SearchIndex, d: number) => V, max = MEMO_ENTRIES): ((index: SearchIndex, d: number) => V) =>
  sharedMemo(compute, max, (c, d) => c.article(d));

/** perArticle for what one sentence alone decides, keyed by the sentence's id. */
export const perSentence = <V>(compute: (index: SearchIndex, id: number) => V, max = MEMO_ENTRIES): ((index: SearchIndex, id: number) => V) =>
  sharedMemo(compute, max, (c, id) => c.sentence(id));

function sharedMemo<V>(compute: (index: SearchIndex, key: number) => V, max: number, inCorpus: (c: Corpus, key: number) => number): (index: SearchIndex, key: number) => V {
  const caches = new WeakMap<object, Generations<number, V>>();
  return (index, key) => {
    const c = index.corpus;
    return c ? remember(cacheOf(caches, c.owner), inCorpus(c, key), max, compute, index, key) : remember(cacheOf(caches, index), key, max, compute, index, key);
  };
}
