// The calibration harness's view of a /who or /when question: every verified candidate of each
// plan the answer path would try, with the model's inputs, so the weights can be fitted from
// features alone (src/bench/fit.ts). The answer path itself never calls this.
import type { SearchIndex } from '../index/index.ts';
import type { Answer, AnswerOptions } from '../types.ts';
import { answer, extractedFor, SYNONYM_CONFIDENCE } from './answer.ts';
import { checkQuery } from './parse-ask.ts';
import { planQuery } from './query.ts';
import { namedSubjects } from './who/who-is.ts';
import { verified } from './verify/index.ts';
import { features, setOf } from './verify/confidence.ts';
import { citationOf } from './citation.ts';

export interface TracedCandidate {
  answer: string;
  date?: string;
  file: string;
  sentence: string;
  /** The question's words the evidence does not meet. */
  unmet: string[];
  features: number[];
}

export interface TracedPlan {
  /** What the answer path multiplies this plan's confidences by. */
  scale: number;
  candidates: TracedCandidate[];
}

/** A question as the answer path sees it: its plans in order, or the answers of a path the model does not score ("who is NAME"). */
export type Traced = { plans: TracedPlan[] } | { fixed: Answer[] };

export function traceQuestion(index: SearchIndex, command: 'who' | 'when', query: string, options: AnswerOptions = {}): Traced {
  const clean = checkQuery(query);
  if (command === 'who' && namedSubjects(index, clean)) return { fixed: answer(index, command, query, options) };
  const plain = planQuery(index, clean);
  const wider = planQuery(index, clean, { synonyms: true });
  const plans: TracedPlan[] = [];
  for (const [plan, scale] of wider.widened ? [[plain, 1] as const, [wider, SYNONYM_CONFIDENCE] as const] : [[plain, 1] as const]) {
    const checked = verified(index, command, plan, extractedFor(index, command, plan, options));
    const set = setOf(checked);
    plans.push({
      scale,
      candidates: checked.map((c) => ({
        answer: c.answer,
        ...(c.date ? { date: c.date } : {}),
        file: citationOf(index, c.hit.sentence.doc, c.hit.sentence.text).file,
        sentence: c.hit.sentence.text,
        unmet: c.checks.constraints.unmet,
        features: features(c, command, set),
      })),
    });
  }
  return { plans };
}
