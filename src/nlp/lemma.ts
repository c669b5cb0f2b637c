// Lemmas of single words, without a model pass over their sentence.
import { nlp, its } from './nlp.ts';

// wink's lemma of a token depends on the word and its POS tag only: a word the model tags alone as
// it tagged it in the sentence has that lemma, known without a pass over the sentence.
const wordLemmas = new Map<string, string | null>();

/** wink's lemma of `word` tagged `pos` (lower-cased), or undefined when the word alone is tagged otherwise. */
export function wordLemma(word: string, pos: string): string | undefined {
  const key = `${pos}\t${word}`;
  let lemma = wordLemmas.get(key);
  if (lemma === undefined) {
    const tokens = nlp.readDoc(word).tokens();
    const fits = tokens.length() === 1 && (tokens.out(its.pos) as string[])[0] === pos;
    lemma = fits ? ((tokens.out(its.lemma as unknown as typeof its.pos) as string[])[0] ?? word).toLowerCase() : null;
    if (wordLemmas.size >= 50_000) wordLemmas.clear();
    wordLemmas.set(key, lemma);
  }
  return lemma ?? undefined;
}
