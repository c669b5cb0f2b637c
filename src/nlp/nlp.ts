import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// Loading the model costs time and memory: one instance per process for queries (the index build
// uses a lighter pipeline of the same model, src/index/chunk.ts).
export const nlp = winkNLP(model);
export const its = nlp.its;

/** A question's tokens, their tags and their lemmas, from one model pass; shared, not to be changed. */
export interface ReadQuestion {
  words: readonly string[];
  pos: readonly string[];
  lemmas: readonly string[];
}

/** Questions read last: far more than are in flight at once. */
const QUESTIONS_KEPT = 256;
const questions = new Map<string, ReadQuestion>();

/**
 * The model's reading of a question. The planner, the /who question reader and the verifier's
 * question shape each read the same question (the planner twice when it widens to synonyms): it
 * is read once.
 */
export function readQuestion(text: string): ReadQuestion {
  let read = questions.get(text);
  if (!read) {
    const tokens = nlp.readDoc(text).tokens();
    // wink types its.lemma with an extra parameter, but out() supplies it.
    read = { words: tokens.out() as string[], pos: tokens.out(its.pos) as string[], lemmas: tokens.out(its.lemma as unknown as typeof its.pos) as string[] };
    if (questions.size >= QUESTIONS_KEPT) questions.delete(questions.keys().next().value as string);
    questions.set(text, read);
  }
  return read;
}
