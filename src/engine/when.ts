import type { SearchIndex } from '../index/types.ts';
import { textOf } from './names.ts';
import { resolveDate, tenseOf } from './dates.ts';
import type { QueryPlan } from './query.ts';
import type { Hit } from './retrieve.ts';
import type { Candidate } from './candidate.ts';

/** Date phrases near the question's words, resolved against the article date. */
export function whenCandidates(index: SearchIndex, plan: QueryPlan, hits: Hit[]): Candidate[] {
  const out: Candidate[] = [];
  for (const hit of hits) {
    const s = hit.sentence;
    const anchor = index.docs[s.d].date;
    for (const [a, b, type] of s.ents) {
      if (type !== 'DATE') continue;
      const phrase = textOf(s, a, b);
      const { iso, precision } = resolveDate(phrase, anchor, tenseOf(s.text));
      let near = 0;
      for (const [concept, positions] of hit.matched) {
        const d = Math.min(...positions.map((p) => (p < a ? a - p : p > b ? p - b : 0)));
        near += concept.weight / (1 + d / 5);
      }
      const fit = (0.4 + 0.6 * (near / plan.totalWeight)) * (0.5 + 0.5 * precision);
      out.push({ answer: phrase, date: iso, hit, score: hit.score * fit, evidence: s.text });
    }
  }
  return out;
}
