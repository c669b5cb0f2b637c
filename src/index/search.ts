import lunr from 'lunr';
import type { SearchIndex } from './types.ts';

/** What the retriever asks of the index: concepts, each matched by any of its keys. */
export interface TermGroup {
  keys: Iterable<string>;
  skeletons: Iterable<string>;
  weight: number;
}

/** Candidate sentences sharing any term with the query, best lunr score first. */
export function lunrCandidates(index: SearchIndex, groups: TermGroup[], limit: number): { id: number; score: number }[] {
  if (groups.length === 0) return [];
  const results = index.lunr.query((q) => {
    for (const g of groups) {
      for (const key of g.keys) q.term(key, { fields: ['t'], usePipeline: false, boost: g.weight, presence: lunr.Query.presence.OPTIONAL });
      for (const sk of g.skeletons) q.term(sk, { fields: ['k'], usePipeline: false, boost: g.weight * 0.5, presence: lunr.Query.presence.OPTIONAL });
    }
  });
  return results.slice(0, limit).map((r) => ({ id: Number(r.ref), score: r.score }));
}
