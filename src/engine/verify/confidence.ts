// Calibrated confidence: the checks of a candidate (verify/index.ts) and its extraction score,
// combined by a logistic model into an estimate of the probability that the answer is right.
// The weights were fitted on the visible evaluation sets (see docs/QUALITY.md for how, the
// calibration curve and the threshold); no question or answer of those sets is in the code.
import type { CommandName } from '../../types.ts';
import type { Checked } from './index.ts';

/** Below this confidence the bot abstains: the corpus is taken not to answer the question. */
export const THRESHOLD = 0.15;
/** An answer after the first is shown only at this share of the first's confidence or more. */
export const CLOSE = 0.6;

/** Kinds of /who answer weighed against a person (places, dates and things are ruled out before). */
const WHO_TYPES = ['org', 'group', 'common'] as const;
const TIES = ['sentence', 'none', 'no-event'] as const;

/** The model's inputs for one candidate, given the best extraction score of its question. */
export function features(c: Checked, command: 'who' | 'when', best: number): number[] {
  const { missing, nearOnly } = c.checks.constraints;
  const when = command === 'when' ? 1 : 0;
  const logScore = Math.log(Math.max(c.score, 1e-3));
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
    logScore - Math.log(Math.max(best, 1e-3)),
  ];
}

/** Fitted weights, in the order of `features`. */
const WEIGHTS = [
  0.04, 1.221, 1.437, 0.522, -3.63, -2.924, -1.621, -0.651, -0.609, -0.124, -1.249, -0.394, -0.315, -0.078, -0.339, -0.112, -0.2, 1.646, -0.43, 0.041, -0.291, 2.501,
];

/** P(right) for one candidate. */
export function confidence(c: Checked, command: 'who' | 'when', best: number): number {
  const f = features(c, command, best);
  let z = 0;
  for (let i = 0; i < f.length; i++) z += f[i] * WEIGHTS[i];
  return 1 / (1 + Math.exp(-z));
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
