// Telling places from people and organisations without a gazetteer: the corpus writes places
// after "in", "at", "from", "near" far more often than it writes people there. Both statistics are
// counted at build time (src/index/build.ts, `packed.place` and `packed.pairs`), so no query pays
// for a corpus-wide pass.
import type { SearchIndex } from '../index/types.ts';
import { PLACE_PREPOSITIONS } from '../index/chunk.ts';
import { termKey } from './terms.ts';

export { PLACE_PREPOSITIONS };

const pairCache = new WeakMap<SearchIndex, Map<string, number>>();

/**
 * How often two folded words stand capitalised side by side in the corpus ("new orleans").
 * Pairs seen fewer than MIN_PAIR_COUNT (2) times are not stored and read as absent.
 */
export function capitalisedPairs(index: SearchIndex): Map<string, number> {
  let m = pairCache.get(index);
  if (m) return m;
  m = new Map();
  const { keys, count } = index.packed.pairs;
  if (keys) keys.split('\n').forEach((k, i) => m!.set(k, count[i]));
  pairCache.set(index, m);
  return m;
}

/** 0..1: how much the corpus uses this name like a place (every word of it, the least place-like decides). */
export function placeLikeness(index: SearchIndex, name: string): number {
  const { place } = index.packed;
  let least = 1;
  let seen = false;
  for (const w of name.split(/[\s-]+/)) {
    const k = termKey(w);
    if (!k) continue;
    const id = index.termIds.get(k);
    const all = id === undefined ? 0 : place[2 * id + 1];
    if (all < 2) return 0;
    seen = true;
    least = Math.min(least, place[2 * id!] / all);
  }
  return seen ? least : 0;
}
