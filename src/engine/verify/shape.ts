// The question's tokens as verification reads them: which plan concept each is, whether it is
// written as a name, and what kind of word each concept is.
import { readQuestion } from '../../nlp/nlp.ts';
import type { QueryPlan } from '../query.ts';
import { fold, queryKey } from '../../nlp/terms.ts';

/**
 * What a concept is in the question: a name or number, a common noun or adjective, a verb, or a
 * light word that says little ("take place", "come out", "become"; an adverb or preposition).
 */
export type ConceptKind = 'name' | 'noun' | 'verb' | 'light';

const LIGHT = new Set([
  'take',
  'place',
  'come',
  'out',
  'go',
  'get',
  'make',
  'do',
  'become',
  'happen',
  'occur',
  'give',
  'put',
  'set',
  'up',
  'one',
  'part',
  'use',
  'begin',
  'start',
  'known',
  'call',
  'name',
  'mani',
  'much',
  'often',
  'also',
  'ever',
]);

export interface QuestionToken {
  text: string;
  /** Index of the plan concept this token is, or -1 (a frame or stop word). */
  concept: number;
  capitalised: boolean;
  /** wink's lemma (folded) and part of speech. */
  lemma: string;
  pos: string;
}

export interface QuestionShape {
  tokens: QuestionToken[];
  negated: boolean;
  /** Per plan concept. */
  kinds: ConceptKind[];
}

const NEGATIONS = new Set(['not', "n't", 'n’t', 'never', 'no', 'neither', 'nor', 'none', 'nobody', 'without', 'cannot']);
export const isNegation = (t: string): boolean => NEGATIONS.has(fold(t));

const shapes = new WeakMap<QueryPlan, QuestionShape>();

export function shapeOf(plan: QueryPlan): QuestionShape {
  let shape = shapes.get(plan);
  if (shape) return shape;
  const read = readQuestion(plan.text);
  const { words, pos } = read;
  const lemmas = read.lemmas.map(fold);
  const kinds: ConceptKind[] = plan.concepts.map(() => 'verb');
  const tokens = words.map((text, i) => {
    const key = queryKey(text);
    const concept = key === undefined ? -1 : plan.concepts.findIndex((c) => c.keys.has(key));
    const capitalised = i > 0 && /^\p{Lu}/u.test(text);
    if (concept >= 0) {
      if (LIGHT.has(lemmas[i] ?? '') && !capitalised) kinds[concept] = 'light';
      // An adverb or preposition ("finally", "technically", "prior", "alongside") is how, not what: the evidence rewords it freely.
      else if ((pos[i] === 'ADV' || pos[i] === 'ADP') && !capitalised && kinds[concept] === 'verb') kinds[concept] = 'light';
      else if (capitalised || /\d/.test(text) || pos[i] === 'PROPN') kinds[concept] = 'name';
      else if ((pos[i] === 'NOUN' || pos[i] === 'ADJ' || pos[i] === 'NUM') && kinds[concept] !== 'name') kinds[concept] = 'noun';
    }
    return { text, concept, capitalised, lemma: lemmas[i] ?? fold(text), pos: pos[i] ?? '' };
  });
  shape = { tokens, negated: words.some(isNegation), kinds };
  shapes.set(plan, shape);
  return shape;
}
