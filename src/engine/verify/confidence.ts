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
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: a fitted weight that happens to be close to log10(e)
  -0.717, 0.635, 1.161, 0.613, -3.54, -2.647, -1.844, -1.028, -0.568, 0.368, -1.054, -1.254, -0.402, -0.25, -0.672, -0.157, -0.463, 1.089, -0.313, 0.522, -0.434, 0.181, -1.584,
  0.234, -0.249, -1.271, -0.271, 1.298, -0.172, -0.53, -1.158, 1.029, -0.046, 0.31, -2.137,
];
export const WEIGHTS = [
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: a fitted weight that happens to be close to π
  -0.37, 0.827, 1.011, 1.551, -3.013, -3.141, -0.484, -1.909, 1.205, -0.382, -0.269, -1.051, -1.839, -0.657, -0.961, 0.076, 0.162, 0.054, -0.068, 0.044, -0.317, -0.163, -2.095,
  0.635, -0.379, -1.151, -0.934, 0.494, -0.266, 0.185, -1.909, 0.759, -0.539, -0.036, -1.292,
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
