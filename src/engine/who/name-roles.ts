// The roles a sentence attaches to a name: a title before it ("Emergencies Minister X",
// "eyewitness X"), an apposition after it ("X, mayor of Y,") or before it ("The Senate Minority
// Leader, X,"), or a copula ("X is the suspect", "the lone survivor was X").
import type { AnalysedSentence } from '../../nlp/analyse.ts';
import { posAt, type PosTag } from '../../nlp/pos.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { TITLE_WORDS } from '../words.ts';
import { fold } from '../../nlp/terms.ts';
import { textOf, type NameSpan } from '../names/names.ts';
import { termKey } from '../../nlp/terms.ts';

export interface RolePhrase {
  text: string;
  /** Retrieval keys of its words. */
  keys: string[];
  how: 'title' | 'apposition' | 'copula';
}

const BE_FORMS = new Set(['is', 'was', 'are', 'were', 'be', 'been', "'s", 'became', 'becomes', 'become', 'remains', 'remained']);
const isTitleWord = (t: string): boolean => TITLE_WORDS.has(fold(t).replace(/\.$/, ''));
const lower = (t: string): boolean => /^\p{Ll}/u.test(t);

function phrase(s: AnalysedSentence, a: number, b: number, how: RolePhrase['how']): RolePhrase {
  const keys: string[] = [];
  for (let i = a; i <= b; i++) {
    const k = termKey(tokenAt(s, i));
    if (k) keys.push(k);
  }
  return { text: textOf(s, a, b), keys, how };
}

/** Whether tokens a..b read as a role: they hold a common noun or a title word. */
function roleLike(s: AnalysedSentence, a: number, b: number): boolean {
  for (let i = a; i <= b; i++) {
    const t = tokenAt(s, i);
    if ((posAt(s.pos, i) === 'NOUN' && lower(t)) || (isTitleWord(t) && /\p{L}/u.test(t))) return true;
  }
  return false;
}

const NP_TAGS = new Set<PosTag>(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
const inNounPhrase = (s: AnalysedSentence, i: number): boolean => {
  const t = tokenAt(s, i);
  return NP_TAGS.has(posAt(s.pos, i)) || t === "'s" || t === '’s' || t === 'of' || t === '-' || isTitleWord(t);
};

/** End of the noun phrase starting at `a` (inclusive), or a-1 when none; stops at a comma, verb or clause word. */
export function nounPhraseEnd(s: AnalysedSentence, a: number, max = 12): number {
  const n = tokenCount(s);
  let b = a - 1;
  while (b + 1 < n && b + 1 - a < max && inNounPhrase(s, b + 1)) b++;
  // "of" must lead somewhere: a trailing "of" belongs to what follows.
  while (b >= a && (tokenAt(s, b) === 'of' || tokenAt(s, b) === '-')) b--;
  return b;
}

/** Start of the noun phrase ending at `b`, walking back. */
export function nounPhraseStart(s: AnalysedSentence, b: number, max = 10): number {
  let a = b + 1;
  while (a - 1 >= 0 && b - (a - 1) < max && inNounPhrase(s, a - 1)) a--;
  return a;
}

export function rolesOf(s: AnalysedSentence, span: NameSpan): RolePhrase[] {
  const n = tokenCount(s);
  const out: RolePhrase[] = [];
  // A title or common-noun role right before the name: "Taliban spokesperson X", "eyewitness X".
  if (span.nameStart > span.start) out.push(phrase(s, span.start, span.nameStart - 1, 'title'));
  else if (span.start > 0) {
    const b = span.start - 1;
    if (!/^[,;:("“”'’]$/.test(tokenAt(s, b))) {
      const a = nounPhraseStart(s, b, 6);
      if (a <= b && roleLike(s, a, b) && lower(tokenAt(s, b))) out.push(phrase(s, a, b, 'title'));
    }
  }
  // Apposition after: "X, Pakistan's ambassador, …", "X, mayor of Y,".
  if (span.end + 2 < n && tokenAt(s, span.end + 1) === ',') {
    const a = span.end + 2;
    const b = nounPhraseEnd(s, a);
    const stop = tokenAt(s, b + 1) ?? '';
    if (b >= a && posAt(s.pos, a) !== 'ADP' && roleLike(s, a, b) && (b + 1 >= n || /^[,;.)–—-]$/.test(stop))) {
      out.push(phrase(s, a, b, 'apposition'));
    }
  }
  // Apposition before: "The Senate Minority Leader, X, said", "Merkel's spokesperson, X,".
  // "the Governor of Tasmania, currently X": an adverb may stand between.
  let comma = span.start - 1;
  while (comma > 0 && posAt(s.pos, comma) === 'ADV' && lower(tokenAt(s, comma))) comma--;
  if (comma >= 1 && tokenAt(s, comma) === ',') {
    const b = comma - 1;
    const a = nounPhraseStart(s, b);
    // The head comes before any "of": "the Governor of Tasmania, currently X".
    let head = b;
    for (let k = a; k <= b; k++)
      if (tokenAt(s, k) === 'of') {
        head = k - 1;
        break;
      }
    if (a <= head && (lower(tokenAt(s, head)) || isTitleWord(tokenAt(s, head))) && roleLike(s, a, head)) out.push(phrase(s, a, b, 'apposition'));
  }
  // Copula after: "X is the suspect", "X was the lone survivor".
  let c = span.end + 1;
  if (c < n && BE_FORMS.has(fold(tokenAt(s, c)))) {
    c++;
    while (c < n && posAt(s.pos, c) === 'ADV') c++;
    const b = nounPhraseEnd(s, c);
    if (b >= c && roleLike(s, c, b)) out.push(phrase(s, c, b, 'copula'));
  }
  // Copula before: "the lone survivor was X", "The suspect is X".
  if (span.start >= 2 && BE_FORMS.has(fold(tokenAt(s, span.start - 1))) && tokenAt(s, span.start - 1) !== "'s") {
    const b = span.start - 2;
    const a = nounPhraseStart(s, b);
    if (a <= b && roleLike(s, a, b)) out.push(phrase(s, a, b, 'copula'));
  }
  return out;
}

/**
 * Common-noun answers: "The lone survivor was a deck officer." — the phrase on the other side
 * of a copula from a word with one of `keys`. Token ranges [start, end] of the answer phrase.
 */
export function copulaPartners(s: AnalysedSentence, keys: Set<string>): [number, number][] {
  const n = tokenCount(s);
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const k = termKey(tokenAt(s, i));
    if (!k || !keys.has(k)) continue;
    // The role word heads a noun phrase followed by a copula: the complement is the answer.
    const end = nounPhraseEnd(s, i, 8);
    const be = end + 1;
    if (be < n && BE_FORMS.has(fold(tokenAt(s, be))) && tokenAt(s, be) !== "'s") {
      let a = be + 1;
      while (a < n && posAt(s.pos, a) === 'ADV') a++;
      const b = nounPhraseEnd(s, a, 6);
      if (b >= a) out.push(trimDeterminer(s, a, b));
    }
    // "… a deck officer was the lone survivor": the subject before the copula.
    const before = nounPhraseStart(s, i) - 1;
    if (before >= 1 && BE_FORMS.has(fold(tokenAt(s, before))) && tokenAt(s, before) !== "'s") {
      const b = before - 1;
      const a = nounPhraseStart(s, b, 6);
      // Only a whole subject, not the tail of a prepositional phrase ("… in the state is …").
      const lead = a > 0 ? tokenAt(s, a - 1) : ',';
      if (a <= b && (lead === ',' || lead === ';' || posAt(s.pos, a - 1) === 'SCONJ' || posAt(s.pos, a - 1) === 'CCONJ')) out.push(trimDeterminer(s, a, b));
    }
  }
  return out;
}

function trimDeterminer(s: AnalysedSentence, a: number, b: number): [number, number] {
  while (a < b && posAt(s.pos, a) === 'DET') a++;
  return [a, b];
}
