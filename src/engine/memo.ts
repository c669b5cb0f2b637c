import type { SearchIndex } from '../index/index.ts';

/** Entries one memo keeps per index by default: far more than one query touches, far fewer than a corpus has. */
export const MEMO_ENTRIES = 20_000;

/**
 * The value under `key`, computed on a miss. Bounded (least recently used out first), so a
 * long-running bot does not grow with every sentence ever touched; an evicted value is recomputed,
 * equal to the one dropped.
 */
function remember<K, V>(cache: Map<K, V>, key: K, max: number, compute: (key: K) => V, arg: K): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(arg);
    if (cache.size >= max) cache.delete(cache.keys().next().value as K);
    cache.set(key, value);
  } else if (cache.size > max >> 1) {
    // Recently used to the back, once the cache is big enough for order to matter.
    cache.delete(key);
    cache.set(key, value);
  }
  return value;
}

function cacheOf<K, V>(caches: WeakMap<object, Map<K, V>>, owner: object): Map<K, V> {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  return cache;
}

/**
 * Memoises derived data per index and key (an article, a sentence). The WeakMap lets a swapped-out
 * index and everything derived from it be collected together after a live re-index.
 */
export function perIndex<K, V>(compute: (index: SearchIndex, key: K) => V, max = MEMO_ENTRIES): (index: SearchIndex, key: K) => V {
  const caches = new WeakMap<object, Map<K, V>>();
  return (index, key) => remember(cacheOf(caches, index), key, max, (k) => compute(index, k), key);
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
  const caches = new WeakMap<object, Map<number, V>>();
  return (index, key) => {
    const c = index.corpus;
    const run = (k: number): V => compute(index, k);
    return c ? remember(cacheOf(caches, c.owner), inCorpus(c, key), max, run, key) : remember(cacheOf(caches, index), key, max, run, key);
  };
}
