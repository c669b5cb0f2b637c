import type { SearchIndex } from '../index/index.ts';

/** Entries one memo keeps per index by default: far more than one query touches, far fewer than a corpus has. */
export const MEMO_ENTRIES = 20_000;

/**
 * Memoises derived data per index and key (an article, a sentence). The WeakMap lets a swapped-out
 * index and everything derived from it be collected together after a live re-index. Each index's
 * cache is bounded (least recently used out first), so a long-running bot does not grow with
 * every sentence ever touched; an evicted value is recomputed, equal to the one dropped.
 */
export function perIndex<K, V>(compute: (index: SearchIndex, key: K) => V, max = MEMO_ENTRIES): (index: SearchIndex, key: K) => V {
  const caches = new WeakMap<SearchIndex, Map<K, V>>();
  return (index, key) => {
    let cache = caches.get(index);
    if (!cache) caches.set(index, (cache = new Map()));
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(index, key);
      if (cache.size >= max) cache.delete(cache.keys().next().value as K);
      cache.set(key, value);
    } else if (cache.size > max >> 1) {
      // Recently used to the back, once the cache is big enough for order to matter.
      cache.delete(key);
      cache.set(key, value);
    }
    return value;
  };
}
