// Calibrated confidence: the checks of a candidate (verify/index.ts) and its extraction score,
// combined by a logistic model into an estimate of the probability that the answer is right.
// The weights were fitted on the visible evaluation sets (see docs/QUALITY.md for how, the
// calibration curve and the threshold); no question or answer of those sets is in the code.
import type { CommandName } from '../../types.ts';
import type { Checked } from './index.ts';
import { fold } from '../../nlp/terms.ts';

/** Below this confidence the bot abstains: the corpus is taken not to answer the question. */
export const THRESHOLD = 0.3;
/** An answer after the first is shown only at this share of the first's confidence or more. */
export const CLOSE = 0.6;

/** Kinds of /who answer weighed against a person (places, dates and things are ruled out before). */
const WHO_TYPES = ['org', 'group', 'common'] as const;
const TIES = ['sentence', 'none', 'no-event'] as const;

/** What the model reads of the whole candidate set of a question. */
export interface CandidateSet {
  /** The best extraction score. */
  best: number;
  /** The best extraction score of each distinct answer. */
  byAnswer: Map<string, number>;
  /** The two best of those. */
  first: number;
  second: number;
}

const answerKey = (c: Checked): string => fold(c.date ?? c.answer);

export function setOf(checked: Checked[]): CandidateSet {
  const byAnswer = new Map<string, number>();
  for (const c of checked) byAnswer.set(answerKey(c), Math.max(byAnswer.get(answerKey(c)) ?? 0, c.score));
  const [first = 0, second = 0] = [...byAnswer.values()].sort((a, b) => b - a);
  return { best: first, byAnswer, first, second };
}

const log = (x: number): number => Math.log(Math.max(x, 1e-3));

/** The model's inputs for one candidate, given its question's candidate set. */
export function features(c: Checked, command: 'who' | 'when', set: CandidateSet): number[] {
  const { missing, nearOnly, relations } = c.checks.constraints;
  const when = command === 'when' ? 1 : 0;
  const logScore = log(c.score);
  // How far this answer stands above the best other answer: a question its corpus answers has a clear winner more often.
  const own = set.byAnswer.get(answerKey(c)) ?? c.score;
  const rival = own >= set.first ? set.second : set.first;
  return [
    1,
    when,
    logScore,
    c.hit.coverage,
    missing.name,
    missing.noun,
    missing.verb,
    when * missing.name,
    when * missing.noun,
    when * missing.verb,
    nearOnly.name,
    nearOnly.noun + nearOnly.verb,
    c.checks.constraints.substituted,
    ...WHO_TYPES.map((t) => (c.checks.type === t ? 1 : 0)),
    c.checks.role === 'asked' ? 1 : 0,
    // The relation met in the sentence itself, its qualifiers may be in the context around it.
    c.checks.role === 'asked' ? nearOnly.name + nearOnly.noun + nearOnly.verb : 0,
    ...TIES.map((t) => (c.checks.tie === t ? 1 : 0)),
    logScore - log(set.best),
    c.checks.constraints.maxMissing,
    relations.antonym,
    relations.modifier,
    relations.negated,
    relations.numberElsewhere,
    Math.min(2, log(own) - log(rival)),
    Math.log(set.byAnswer.size),
    c.checks.constraints.paraphrased,
    c.checks.actor === 'other' ? 1 : 0,
    c.checks.clause ?? 0,
    c.checks.tie === 'other' ? 1 : 0,
    1 - (c.checks.nameClause ?? 1),
    c.checks.place ?? 0,
  ];
}

/**
 * Fitted weights, in the order of `features` (by src/bench/fit.ts): RANKING orders a question's
 * candidates (fitted on the best candidate of each distinct answer), WEIGHTS gives the first one's
 * probability of being right (fitted on the first answers RANKING picks).
 */
export const RANKING = [
  -0.204, 0.615, 1.169, 0.066, -4.86, -3.611, -3.218, -0.938, -0.695, 0.995, -1.396, -1.596, -0.399, -0.228, -0.795, -0.079, -0.529, 1.396, -0.315, 0.535, -0.457, 0.137, -0.803,
  0.227, -0.263, -1.461, -0.316, 1.331, -0.159, -1.008, -1.234, 1.068, -0.038, 0.324, -4.431,
];
export const WEIGHTS = [
  0.048, 0.774, 0.847, 1.117, -4.186, -4.193, -1.84, -2.92, 1.544, 0.045, -0.685, -1.621, -2.586, -0.619, -1.276, 0.332, 0.235, 0.138, -0.094, 0.016, -0.432, -0.044, -1.469, 0.49,
  -0.35, -1.454, -1.148, 0.499, -0.247, -0.054, -2.086, 0.774, -0.616, -0.068, -3.095,
];

const dot = (f: number[], w: number[]): number => {
  let z = 0;
  for (let i = 0; i < f.length; i++) z += f[i] * w[i];
  return z;
};

/**
 * The candidates best first, each with its confidence: P(right) by the model, and never above the
 * confidence of an answer ranked before it.
 */
export function scored(checked: Checked[], command: 'who' | 'when'): Checked[] {
  const set = setOf(checked);
  const rows = checked.map((c) => {
    const f = features(c, command, set);
    return { c, rank: dot(f, RANKING), p: 1 / (1 + Math.exp(-dot(f, WEIGHTS))) };
  });
  rows.sort((a, b) => b.rank - a.rank || a.c.hit.id - b.c.hit.id);
  let cap = 1;
  return rows.map(({ c, p }) => {
    // Strictly below the one before, so merging keeps the ranking's order.
    const score = Math.min(p, cap);
    cap = score - 1e-9;
    return { ...c, score };
  });
}

/**
 * How the shells say a /who or /when answer's confidence in words, so a guess never reads like an
 * answer; undefined for /quote and /search, whose scores are rankings, not calibrated.
 */
export function confidenceWord(command: CommandName, score: number): string | undefined {
  if (command !== 'who' && command !== 'when') return undefined;
  if (score >= 0.75) return 'very likely';
  if (score >= 0.5) return 'likely';
  return 'possible';
}
