// Telling places from people and organisations without a gazetteer: the corpus writes places
// after "in", "at", "from", "near" far more often than it writes people there. Both statistics are
// counted at build time (src/index/build.ts, `placeCounts` and `pairs` of the packed store), so no query pays
// for a corpus-wide pass.
import { afterPlacePrepositionCount, capitalisedPairs, capitalisedUseCount, termId, type SearchIndex } from '../../index/index.ts';
import { PLACE_PREPOSITIONS } from '../../nlp/place-words.ts';
import { termKey } from '../../nlp/terms.ts';
import { perIndex } from '../memo.ts';

export { PLACE_PREPOSITIONS };

/**
 * How often two folded words stand capitalised side by side in the corpus ("new orleans").
 * Pairs seen fewer than MIN_PAIR_COUNT (2) times are not stored and read as absent.
 */
export { capitalisedPairs };

/**
 * 0..1: how much the corpus uses this name like a place (every word of it, the least place-like
 * decides); kept per index, since the extractor and the verifier ask of the same names.
 */
export const placeLikeness = perIndex((index: SearchIndex, name: string): number => {
  let least = 1;
  let seen = false;
  for (const w of name.split(/[\s-]+/)) {
    const k = termKey(w);
    if (!k) continue;
    const id = termId(index, k);
    const all = id === undefined ? 0 : capitalisedUseCount(index, id);
    if (all < 2) return 0;
    seen = true;
    least = Math.min(least, afterPlacePrepositionCount(index, id!) / all);
  }
  return seen ? least : 0;
});
