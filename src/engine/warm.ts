// What a freshly opened index would otherwise compute on its first queries (corpus-wide tables,
// lunr's date shards, the autocomplete vocabulary), done in the background right after opening,
// in short unref'd steps, so no user's first command pays for it and no process is kept alive by it.
import type { SearchIndex } from '../index/types.ts';
import { shards } from '../index/search.ts';
import { warmVocabulary } from './browse.ts';
import { capitalisedPairs } from './name-places.ts';
import { planQuery } from './query.ts';
import { warmSpeechVerbs } from './quote/speech-verbs.ts';

export function warmUp(index: SearchIndex): void {
  const steps: (() => void)[] = [
    () => capitalisedPairs(index),
    () => planQuery(index, 'warm up'), // acronym expansions
    () => void shards(index),
    () => warmVocabulary(index),
    warmSpeechVerbs,
  ];
  const next = (): void => {
    const step = steps.shift();
    if (!step) return;
    try {
      step();
    } catch {
      /* a warm-up failure only means the first query computes it */
    }
    setTimeout(next, 0).unref();
  };
  setTimeout(next, 0).unref();
}
