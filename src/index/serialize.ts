import lunr from 'lunr';
import { INDEX_VERSION } from './build.ts';
import type { SearchIndex } from './types.ts';

export function serializeIndex(index: SearchIndex): string {
  return JSON.stringify({ ...index, lunr: index.lunr.toJSON() });
}

/** Throws with the reason when the text is not an index of this engine version. */
export function deserializeIndex(json: string): SearchIndex {
  const raw = JSON.parse(json) as Omit<SearchIndex, 'lunr'> & { lunr: object };
  if (raw?.version !== INDEX_VERSION) {
    throw new Error(`index version ${JSON.stringify(raw?.version)} does not match engine version ${INDEX_VERSION}`);
  }
  if (!Array.isArray(raw.docs) || !Array.isArray(raw.sentences)) throw new Error('index has no docs or sentences');
  return { ...raw, lunr: lunr.Index.load(raw.lunr) };
}
