// Telling places from people and organisations without a gazetteer: the corpus writes places
// after "in", "at", "from", "near" far more often than it writes people there.
import type { SearchIndex } from '../index/types.ts';
import { tokenAt, tokenCount } from '../index/keys.ts';
import { isCapitalised, termKey } from './terms.ts';

export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'into', 'outside', 'throughout', 'toward', 'towards']);

const cache = new WeakMap<SearchIndex, Map<string, [number, number]>>();

function counts(index: SearchIndex): Map<string, [number, number]> {
  let m = cache.get(index);
  if (m) return m;
  m = new Map();
  for (const s of index.sentences) {
    const n = tokenCount(s);
    for (let i = 1; i < n; i++) {
      const t = tokenAt(s, i);
      if (!isCapitalised(t)) continue;
      const k = termKey(t);
      if (!k) continue;
      // The first word of a run decides: "in New York" counts for New and York alike.
      let a = i;
      while (a > 0 && isCapitalised(tokenAt(s, a - 1))) a--;
      const before = a > 0 ? tokenAt(s, a - 1).toLowerCase() : '';
      let c = m.get(k);
      if (!c) m.set(k, (c = [0, 0]));
      if (PLACE_PREPOSITIONS.has(before)) c[0]++;
      c[1]++;
    }
  }
  cache.set(index, m);
  return m;
}

/** 0..1: how much the corpus uses this name like a place (every word of it, the least place-like decides). */
export function placeLikeness(index: SearchIndex, name: string): number {
  const m = counts(index);
  let least = 1;
  let seen = false;
  for (const w of name.split(/[\s-]+/)) {
    const k = termKey(w);
    if (!k) continue;
    const c = m.get(k);
    if (!c || c[1] < 2) return 0;
    seen = true;
    least = Math.min(least, c[0] / c[1]);
  }
  return seen ? least : 0;
}
