import type { SearchIndex } from '../index/types.ts';
import { fold, termKey } from './terms.ts';
import { tokenAt } from '../index/keys.ts';
import { fullName, nameSpans, type NameSpan } from './names.ts';
import type { QueryPlan } from './query.ts';
import type { Hit } from './retrieve.ts';
import type { Candidate } from './candidate.ts';

const PLACE_PREPOSITIONS = new Set(['in', 'to', 'from', 'at', 'across', 'near', 'into', 'toward', 'towards']);

/** Person or organisation phrases near the question's words, scored by proximity and role match. */
export function whoCandidates(index: SearchIndex, plan: QueryPlan, hits: Hit[]): Candidate[] {
  const out: Candidate[] = definitions(index, plan, hits);
  for (const hit of hits) {
    const s = hit.sentence;
    for (const span of nameSpans(s, index)) {
      const nameKeys = span.name.split(/[\s\-]+/).map(termKey).filter((k): k is string => k !== undefined);
      if (nameKeys.length === 0 || nameKeys.every((k) => plan.ownKeys.has(k))) continue;
      const fit = proximity(plan, hit, span) * kindFactor(s, span) * roleFactor(plan, span);
      const answer = span.kind === 'person' || span.kind === 'other' ? fullName(index, s.d, span.name) : span.name;
      out.push({ answer, hit, score: hit.score * fit, evidence: s.text });
    }
  }
  return out;
}

function proximity(plan: QueryPlan, hit: Hit, span: NameSpan): number {
  let near = 0;
  for (const [concept, positions] of hit.matched) {
    const d = Math.min(...positions.map((p) => (p < span.start ? span.start - p : p > span.end ? p - span.end : 0)));
    near += concept.weight / (1 + d / 4);
  }
  return 0.4 + 0.6 * (near / plan.totalWeight);
}

function kindFactor(s: Hit['sentence'], span: NameSpan): number {
  if (span.kind === 'person') return 1;
  if (span.kind === 'org') return 0.85;
  const before = span.start > 0 ? tokenAt(s, span.start - 1).toLowerCase() : '';
  return PLACE_PREPOSITIONS.has(before) ? 0.35 : 0.6;
}

/** A question naming a role ("the spokesperson") wants the person holding that role. */
function roleFactor(plan: QueryPlan, span: NameSpan): number {
  if (!span.role) return 1;
  const roleKeys = span.role.split(/\s+/).map(termKey).filter((k): k is string => k !== undefined);
  return roleKeys.some((k) => plan.ownKeys.has(k)) ? 1.5 : 1;
}

/** "who is TTP": the expansion the corpus gives for an acronym, cited where it is defined. */
function definitions(index: SearchIndex, plan: QueryPlan, hits: Hit[]): Candidate[] {
  if (plan.concepts.length !== 1) return [];
  const acronym = fold(plan.concepts[0].word);
  const out: Candidate[] = [];
  for (const expansion of index.acronyms[acronym] ?? []) {
    for (const hit of hits) {
      const text = hit.sentence.text;
      const at = text.indexOf(expansion);
      if (at >= 0 && fold(text.slice(at + expansion.length)).trimStart().startsWith(`(${acronym})`)) {
        out.push({ answer: expansion, hit, score: hit.score * 1.5, evidence: text });
      }
    }
  }
  return out;
}
