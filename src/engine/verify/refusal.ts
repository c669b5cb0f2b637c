// A refusal asked, none stated. A trick question turns a sentence's act into its refusal: "when did
// the council refuse to sign the pact" over "the council signed the pact in 1990", "when was the
// levy rejected" over "the levy was adopted in 1990". A verb of refusal is a negation in a word: the
// question asks about an act that did not happen, and a sentence stating it with no refusal and no
// negation answers another question. This rules the answer out, as a dropped "not" does (conflicts.ts).
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import type { SentenceRecord } from '../../index/index.ts';
import { synonyms } from '../../nlp/wordnet.ts';
import { eventRoot } from '../when/when-words.ts';
import { isNegation, type QuestionShape } from './shape.ts';

/** Verbs that say an act was refused or undone; not "end" or "stop", acts of their own, nor "decline", as often a fall. */
const REFUSALS = ['refuse', 'reject', 'deny', 'veto', 'disapprove', 'boycott', 'rescind', 'revoke', 'repeal', 'renounce', 'spurn', 'rebuff'];
const REFUSAL = new Set(REFUSALS.map(eventRoot));

/** The refusal words a sentence may state: the list's roots and those of the question verb's WordNet synonyms. */
function statedRoots(lemma: string): Set<string> {
  return new Set([...REFUSAL, ...synonyms(lemma, 'v').map(eventRoot)]);
}

export function refusalConflict(s: SentenceRecord, shape: QuestionShape): string | undefined {
  // The tagger reads "refuse" after a name as a noun ("did Spain refuse to join"): any word of the list but one after an article.
  const asked = shape.tokens.find((t, i) => /^\p{Ll}/u.test(t.text) && REFUSAL.has(eventRoot(t.lemma)) && shape.tokens[i - 1]?.pos !== 'DET');
  if (!asked) return undefined;
  const roots = statedRoots(asked.lemma);
  for (let i = 0; i < tokenCount(s); i++) {
    const t = tokenAt(s, i);
    if (isNegation(t) || roots.has(eventRoot(t))) return undefined;
  }
  return `${asked.text} asked, no refusal stated`;
}
