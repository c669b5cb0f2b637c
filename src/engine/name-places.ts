// Telling places from people and organisations without a gazetteer: the corpus writes places
// after "in", "at", "from", "near" far more often than it writes people there.
import type { SearchIndex } from '../index/types.ts';
import { quickFold } from './lexicon.ts';
import { tokenAt, tokenCount } from '../index/keys.ts';
import { isCapitalised, termKey } from './terms.ts';

export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'into', 'outside', 'throughout', 'toward', 'towards']);

interface Stats {
  /** By key: [after a place preposition, all] counts of capitalised mid-sentence uses. */
  place: Map<string, [number, number]>;
  /** "new england" → how often the two words stand capitalised side by side. */
  pairs: Map<string, number>;
}

const cache = new WeakMap<SearchIndex, Stats>();

/** One pass over the corpus for both statistics. */
function stats(index: SearchIndex): Stats {
  let st = cache.get(index);
  if (st) return st;
  const m = new Map<string, [number, number]>();
  const pairs = new Map<string, number>();
  st = { place: m, pairs };
  for (const s of index.sentences) {
    const n = tokenCount(s);
    let prev = n > 0 && isCapitalised(tokenAt(s, 0)) ? quickFold(tokenAt(s, 0)) : undefined;
    for (let i = 1; i < n; i++) {
      const t = tokenAt(s, i);
      if (!isCapitalised(t)) {
        prev = undefined;
        continue;
      }
      const f = quickFold(t);
      if (prev !== undefined) {
        const pk = `${prev} ${f}`;
        pairs.set(pk, (pairs.get(pk) ?? 0) + 1);
      }
      prev = f;
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
  cache.set(index, st);
  return st;
}

const counts = (index: SearchIndex): Map<string, [number, number]> => stats(index).place;

/** How often two folded words stand capitalised side by side in the corpus ("new england"). */
export const capitalisedPairs = (index: SearchIndex): Map<string, number> => stats(index).pairs;

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
