// Who "he" or "she" stands for: the person last named as a speaker or a subject in the sentences before,
// of the pronoun's gender when the article tells it, and not a person the quoted words speak about.
import { tokenCount } from '../../nlp/tokens.ts';
import { lower, type ArticleClauses, type Who } from './clauses.ts';
import { PronounFit } from './gender.ts';
import type { Speakers } from './speaker.ts';
import { antecedentSpans, isPersonName, isSubject, mayBePerson, unnamedPersonSubject } from './subjects.ts';

/** How many paragraphs before its own a pronoun's person may be named. */
const PRONOUN_REACH = 2;

/**
 * "he added" → the person last named as a subject before token `j` of sentence `id`:
 * the subject of the nearest speech verb, else the last name that is not an object or a possessor.
 */
export function antecedent(speakers: Speakers, article: ArticleClauses, id: number, j: number, pronoun?: string): Who | undefined {
  const here = article.sentence(id).paragraph;
  const fit = new PronounFit(article, pronoun);
  // "“Mara should do whatever she wants,” he said": whoever the quoted words name is spoken about, not speaking.
  const quoted = article.quotedWords(id);
  const fits = (name: string): boolean => !quoted.has(lower(name.split(/\s+/).at(-1) ?? '')) && fit.fits(name);
  for (let i = id; i >= article.first; i--) {
    // "He said the United States …": that sentence is about the person the same pronoun stands for, further back.
    if (i < id && pronoun && article.leadingPronoun(i) === pronoun) continue;
    const s = article.sentence(i);
    // A pronoun's person is named in its paragraph or the two before; further back, in a long article, it is a guess.
    if (here - s.paragraph > PRONOUN_REACH) return undefined;
    const limit = i === id ? j : tokenCount(s);
    // "One of the victims decided to speak. She said …": the person nearest is not named, or only by a role.
    const unnamed = i < id ? unnamedPersonSubject(article, i, limit) : undefined;
    if (unnamed) return speakers.roleHolder(unnamed, i);
    let best: Who | undefined;
    for (let v = limit - 1; v >= 0 && !best; v--) {
      if (article.quoted(i, v) || !article.isVerb(i, v)) continue;
      const who = speakers.speakerOfVerb(i, v, article.clauseStart(i, v), limit - 1, false);
      if (who?.name && isPersonName(article, who.name) && fits(who.name)) best = who;
    }
    if (best) return best;
    // "Voss endorsed his former rival, Ada Brook. “…,” he said": the subject, not the object named after it.
    const people = antecedentSpans(article, i, limit).filter((sp) => mayBePerson(article, sp));
    const named = [...people.filter((sp) => isSubject(article, i, sp)).reverse(), ...people.reverse()].find((sp) => fits(sp.name));
    if (named) return speakers.whoOfSpan(i, named);
  }
  return undefined;
}
