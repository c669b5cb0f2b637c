// Verification, the step after extraction: each candidate's evidence is checked against the
// question (constraints, answer type, role direction), contradicted candidates are dropped, and
// the rest get a calibrated confidence (see confidence.ts).
import { sentenceAt, type SearchIndex } from '../../index/index.ts';
import type { CommandName } from '../../types.ts';
import type { Candidate } from '../candidate.ts';
import type { QueryPlan } from '../query.ts';
import { analyseWho } from '../who/who-question.ts';
import { verbPositions } from '../who/who-syntax.ts';
import { checkConstraints, type ConstraintCheck } from './constraints.ts';
import { clausesOf, type Clauses } from '../when/date-spans.ts';
import { birthOrDeathStated, clauseShare, dateTokens, inLifespan, ownShare, spanOf, whenTie, whoType, type WhenTie, type WhoType } from './answer-type.ts';
import { roleFit, type RoleFit } from './role.ts';
import { actorFit, questionActors, type ActorFit } from './actor.ts';
import { scored } from './confidence.ts';
import { placeLikeness } from '../names/name-places.ts';

export interface Checks {
  constraints: ConstraintCheck;
  type?: WhoType;
  /** Share of the answer's words that are the question's. */
  own?: number;
  role?: RoleFit;
  /** IDF share of the matched question words in the answer's own clause. */
  clause?: number;
  /** The same share of the question's names (1 when none is in the sentence). */
  nameClause?: number;
  /** The sentence gives a name of the question the other role of its act, or its role to another name. */
  actor?: ActorFit;
  tie?: WhenTie;
  /** A /who answer: how much the corpus writes its name like a place (after in/at/from), 0..1. */
  place?: number;
  /** A /when question about a birth or death: whether the sentence states one. */
  vital?: boolean;
}

export interface Checked extends Candidate {
  checks: Checks;
}

/** How many of the extractor's candidates are verified, best first. */
const VERIFIED = 40;

/** Types a /who answer never has. */
const NOT_WHO = new Set<WhoType>(['place', 'date', 'thing']);

/** Why a candidate is ruled out: a contradicted constraint, the wrong type, the wrong side of the verb (its or the question's name's). */
export function ruledOut(c: Checked): string | undefined {
  if (c.checks.constraints.contradiction) return c.checks.constraints.contradiction;
  if (c.checks.type && NOT_WHO.has(c.checks.type)) return `a ${c.checks.type}, not a person or organisation`;
  if (c.checks.role === 'reversed') return 'the other side of the verb';
  if (c.checks.actor === 'swapped') return "a name of the question on the other side of the sentence's verb";
  if (c.checks.vital === false) return 'a birth or death asked, none stated';
  return undefined;
}

/** Checks every candidate of a /who or /when question against its evidence. */
export function checkCandidates(index: SearchIndex, command: CommandName, plan: QueryPlan, candidates: Candidate[]): Checked[] {
  const who = command === 'who' ? analyseWho(plan.text) : undefined;
  const bySentence = new Map<number, ConstraintCheck>();
  const clauseMemo = new Map<number, Clauses>();
  const clauses = (id: number): Clauses => {
    let c = clauseMemo.get(id);
    if (!c) clauseMemo.set(id, (c = clausesOf(sentenceAt(index, id))));
    return c;
  };
  const actors = questionActors(plan.text);
  return candidates.map((c) => {
    let constraints = bySentence.get(c.hit.id);
    if (!constraints) {
      constraints = checkConstraints(index, c.hit.id, plan, c.hit.matched);
      bySentence.set(c.hit.id, constraints);
    }
    // The word standing in the question's slot may be the answer itself ("appointed by the European Council"),
    // unless the answer also has the question's words: "John Mayow" is the name changed from "Robert Mayow".
    const stated = constraints.stated;
    const answerIsSlot = stated && c.answer.split(/\s+/).includes(stated) && ownShare(plan, c.answer) === 0;
    const checks: Checks = { constraints: answerIsSlot ? { ...constraints, contradiction: undefined, stated: undefined } : constraints };
    if (actors) checks.actor = actorFit(index, actors, c);
    if (who) {
      const span = spanOf(index, c);
      checks.type = whoType(index, c, span);
      checks.place = span ? placeLikeness(index, span.name) : 0;
      checks.own = ownShare(plan, c.answer);
      checks.role = roleFit(index, who, c, span);
      checks.clause = clauseShare(c, span ? [span.start, span.end] : undefined, clauses(c.hit.id));
      checks.nameClause = clauseShare(c, span ? [span.start, span.end] : undefined, clauses(c.hit.id), true);
      // The question's verb found under another form of its family ("beat" for "lost to") is met.
      if (who.verb && checks.constraints.missing.verb > 0 && verbPositions(index, c.hit.id, who.verb).length > 0) {
        checks.constraints = { ...checks.constraints, missing: { ...checks.constraints.missing, verb: 0 } };
      }
    } else if (command === 'when') {
      checks.tie = whenTie(plan, c);
      checks.vital = birthOrDeathStated(plan, c);
      checks.clause = clauseShare(c, dateTokens(c.hit.sentence, c), clauses(c.hit.id));
      checks.nameClause = clauseShare(c, dateTokens(c.hit.sentence, c), clauses(c.hit.id), true);
      // A lifespan states the birth or death asked about: its event is met, in the date's own clause.
      if (inLifespan(plan, c)) {
        checks.tie = 'clause';
        checks.constraints = { ...checks.constraints, missing: { ...checks.constraints.missing, verb: 0 } };
      }
    }
    return { ...c, checks };
  });
}

/** The extractor's best candidates, checked, without the ruled-out ones. */
export function verified(index: SearchIndex, command: 'who' | 'when', plan: QueryPlan, candidates: Candidate[]): Checked[] {
  // The extractor's best few are all that re-ranking ever lifts to the top: checking them bounds the cost.
  const top = [...candidates].sort((a, b) => b.score - a.score || a.hit.id - b.hit.id).slice(0, VERIFIED);
  return checkCandidates(index, command, plan, top).filter((c) => !ruledOut(c));
}

/**
 * Verification: contradicted, wrong-type and wrong-side candidates are ruled out, and each other one's score becomes its
 * confidence, the estimated probability that it is right.
 */
export function verify(index: SearchIndex, command: 'who' | 'when', plan: QueryPlan, candidates: Candidate[]): Checked[] {
  return scored(verified(index, command, plan, candidates), command);
}
