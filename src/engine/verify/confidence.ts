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
  ];
}

/**
 * Fitted weights, in the order of `features` (by src/bench/fit.ts): RANKING orders a question's
 * candidates (fitted on the best candidate of each distinct answer), WEIGHTS gives the first one's
 * probability of being right (fitted on the first answers RANKING picks).
 */
export const RANKING = [
  -0.532, 0.656, 1.123, 0.378, -3.597, -2.815, -1.762, -0.948, -0.427, 0.231, -1.275, -1.242, -0.565, -0.266, -0.688, -0.12, -0.424, 1.08, -0.351, 0.538, -0.425, 0.172, -1.567,
  -0.144, -0.241, -1.256, -0.237, 1.316, -0.168, -0.545, -1.141, 1, -0.101, 0.295,
];
export const WEIGHTS = [
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: a fitted weight that happens to be close to π
  -0.538, 0.921, 0.953, 1.489, -2.995, -3.141, -0.058, -1.862, 1.184, -0.603, 0.004, -0.981, -1.872, -0.606, -0.93, 0.103, 0.217, -0.103, -0.154, 0.032, -0.29, -0.081, -2.008,
  -0.132, -0.32, -1.156, -1.01, 0.54, -0.23, 0.178, -1.883, 0.738, -0.663, -0.048,
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
