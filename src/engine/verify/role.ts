// Role direction: "who did X to Y" is answered by the agent of the verb, never by Y; "who did Y do X
// to" by its object. The sentence's own structure says which side of the verb the candidate is on;
// for "who is the <role>", whether the sentence gives the candidate that role.
import { posAt } from '../../nlp/pos.ts';
import { sentenceKeys, type SearchIndex } from '../../index/index.ts';
import { sentenceSpans, type NameSpan } from '../names/names.ts';
import { rolesOf } from '../who/name-roles.ts';
import { agentAfter, isPassive, objectAfter, subjectOf, verbPositions } from '../who/who-syntax.ts';
import type { WhoQuestion } from '../who/who-question.ts';
import type { Candidate } from '../candidate.ts';

/** The candidate does the question's verb as asked, does the other side of it, or the sentence does not say. */
export type RoleFit = 'asked' | 'reversed' | 'unknown';

const spanIs = (r: ReturnType<typeof subjectOf>, span: NameSpan): boolean => Boolean(r && 'span' in r && r.span === span);

export function roleFit(index: SearchIndex, q: WhoQuestion, c: Candidate, span: NameSpan | undefined): RoleFit {
  if (!span) return 'unknown';
  // "who is the spokesperson": the sentence gives the name the asked role (title, apposition, copula).
  const head = q.role.at(-1);
  if (head && rolesOf(c.hit.sentence, span).some((r) => r.keys.includes(head))) return 'asked';
  if (!q.verb) return 'unknown';
  const s = c.hit.sentence;
  const spans = sentenceSpans(index, c.hit.id);
  const wantsObject = q.object || q.passive;
  let fit: RoleFit = 'unknown';
  for (const v of verbPositions(index, c.hit.id, q.verb)) {
    if (posAt(s.pos, v) === 'NOUN') continue;
    const passive = isPassive(s, v);
    let start = v;
    while (start - 1 >= 0 && ['AUX', 'ADV', 'PART'].includes(posAt(s.pos, start - 1))) start--;
    const agent = passive ? agentAfter(s, v, spans) : subjectOf(s, v, spans);
    const patient = passive ? subjectOf(s, start, spans) : objectAfter(s, v, spans);
    const isAgent = passive ? agent === span : spanIs(agent as ReturnType<typeof subjectOf>, span);
    const isPatient = passive ? spanIs(patient as ReturnType<typeof subjectOf>, span) : patient === span;
    if (wantsObject ? isPatient : isAgent) return 'asked';
    if (wantsObject ? isAgent : isPatient) fit = 'reversed';
  }
  // "a lawsuit by X" answers "who brought the lawsuit": the agent of the verb's object noun.
  if (!wantsObject && fit === 'unknown') {
    const keys = sentenceKeys(s);
    for (let p = 0; p < keys.length; p++) if (keys[p] && q.objectKeys.includes(keys[p]!) && agentAfter(s, p, spans, 1) === span) return 'asked';
  }
  return fit;
}
