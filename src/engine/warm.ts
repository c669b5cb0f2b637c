// What a freshly opened index would otherwise compute on its first queries: corpus-wide tables,
// lunr's date shards, the autocomplete vocabulary. src/app runs these steps in the background.
import { warm, type SearchIndex } from '../index/index.ts';
import { warmVocabulary } from './browse.ts';
import { capitalisedPairs } from './names/name-places.ts';
import { planQuery } from './query.ts';
import { warmSpeechVerbs } from './quote/speech-verbs.ts';
import { warmWordNet } from '../nlp/wordnet.ts';

export const warmUpSteps = (index: SearchIndex): (() => void)[] => [
  () => capitalisedPairs(index),
  () => planQuery(index, 'warm up'), // acronym expansions
  () => warm(index),
  () => warmVocabulary(index),
  warmSpeechVerbs,
  warmWordNet,
];
