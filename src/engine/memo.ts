import type { SearchIndex } from '../index/types.ts';

/**
 * Memoises derived data per index and key (an article, a sentence). The WeakMap lets a swapped-out
 * index and everything derived from it be collected together after a live re-index.
 */
export function perIndex<K, V>(compute: (index: SearchIndex, key: K) => V): (index: SearchIndex, key: K) => V {
  const caches = new WeakMap<SearchIndex, Map<K, V>>();
  return (index, key) => {
    let cache = caches.get(index);
    if (!cache) caches.set(index, (cache = new Map()));
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(index, key);
      cache.set(key, value);
    }
    return value;
  };
}
