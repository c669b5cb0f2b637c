// Where the subject of a clause is, and which name spans are not the person they look like: a name's
// suffix cut off from it, a place after an institution, a common noun capitalised at a sentence's start,
// a person described but not named. Pure reads of one article's sentences.
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { isPersonNoun } from '../../nlp/wordnet.ts';
import { capitalisedCount, lowerCaseCount, termId } from '../../index/index.ts';
import { termKey } from '../../nlp/terms.ts';
import { ORG_WORDS, TITLE_WORDS } from '../words.ts';
import { sentencesWith } from '../../index/index.ts';
import { PREPOSITIONS } from './quote-words.ts';
import { lower, type ArticleClauses } from './clauses.ts';
import { fullName, type NameSpan } from '../names/names.ts';

/** What follows a name after a comma and is no name of its own: "Robert S. Mueller, III", "Donald Berwick, M.D.", "Yahoo! Inc.". */
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|m\.?d|ph\.?d|esq|inc|llc|ltd|corp)\.?$/iu;

/**
 * Words that open a question inside a clause ("asked whether Y was …"): the verb after them is not the one a
 * conjunction after the question goes on. Not "that": a conjunction after "said that X …" is mostly inside it.
 */
const QUESTION_OPENERS = new Set(['whether', 'if']);

/** A party and state, a state, a handle or an age in brackets after a person's name: "(D-Ore.)", "(Tex.)", "(@dwhit)", "(R)", "(42)". */
export const isPersonalAside = (inner: string): boolean => /^(?:[DRIL](?:\s*-\s*\p{L}[\p{L}.]*)?|@\w+|\d{1,3}|\p{Lu}\p{Ll}{1,4}\.)$/u.test(inner.replace(/\s+/g, ' ').trim());

/**
 * The name a suffix span belongs to ("Mueller" for "Mueller, III"): the span before its comma; `null`
 * when the suffix stands alone (it names no one); undefined when the span is no suffix.
 */
export function suffixOwner(article: ArticleClauses, id: number, sp: NameSpan): NameSpan | null | undefined {
  if (!NAME_SUFFIX.test(sp.name)) return undefined;
  const s = article.sentence(id);
  if (sp.start < 2 || tokenAt(s, sp.start - 1) !== ',') return null;
  return article.spanEndingAt(id, sp.start - 2) ?? null;
}

/** "Norway's Bergen University": where the possessor that opens an organisation's name starts (else the span's own start). */
export function possessorStart(article: ArticleClauses, id: number, sp: NameSpan): number {
  const s = article.sentence(id);
  if (sp.start < 2 || !/^['’]s$/u.test(tokenAt(s, sp.start - 1))) return sp.start;
  return article.spanEndingAt(id, sp.start - 2)?.start ?? sp.start;
}

/**
 * "the University of Bergen, Nordnes, said": a name that is no person's, right after another name that is no
 * person's and a comma, is the place of the one before (part of the description), not an apposition naming the speaker.
 */
export function isPlaceAfterName(article: ArticleClauses, id: number, inner: NameSpan): boolean {
  if (inner.kind === 'person' || inner.role || NAME_SUFFIX.test(inner.name)) return false;
  const s = article.sentence(id);
  // "of Raleigh, N.C., who was polled": a place's region after a comma continues it too.
  const before = inner.start >= 2 && tokenAt(s, inner.start - 1) === ',' ? article.spanEndingAt(id, inner.start - 2) : undefined;
  return !!before && before.kind !== 'person';
}

/**
 * "Officials tell BBC News …": a single capitalised word opening the sentence that the articles use in
 * lower case more often than capitalised is a common noun, not a name — unless "who" follows it
 * ("Small, who attended the rally, said").
 */
export function isCommonWordAtStart(article: ArticleClauses, id: number, sp: NameSpan): boolean {
  if (sp.start !== 0 || sp.end !== 0 || sp.role) return false;
  const s = article.sentence(id);
  if (sp.end + 2 < tokenCount(s) && tokenAt(s, sp.end + 1) === ',' && lower(tokenAt(s, sp.end + 2)) === 'who') return false;
  const key = termKey(sp.name);
  const t = key === undefined ? undefined : termId(article.index, key);
  return t !== undefined && lowerCaseCount(article.index, t) > capitalisedCount(article.index, t);
}

/** "Virginia delegate Beau Correll", "Rubio spokesman Alex Conant": a name in a person's title describes that person. */
export const inPersonTitle = (spans: NameSpan[], sp: NameSpan): boolean =>
  spans.some((o) => o !== sp && (o.kind === 'person' || (o.kind === 'other' && !!o.role)) && o.start <= sp.start && sp.end < o.nameStart);

/** "Chelsea Lund, 35, the daughter of …, said": given the comma after an age that follows a name's comma, the comma before the age (else `k` itself). */
export function commaBeforeAge(article: ArticleClauses, id: number, k: number, lo: number): number {
  const s = article.sentence(id);
  return k - 2 >= lo && /^\d{1,3}$/u.test(tokenAt(s, k - 1)) && tokenAt(s, k - 2) === ',' && article.spanEndingAt(id, k - 3) ? k - 2 : k;
}

/** Words between an affiliation and the person it describes: "moderator", "Republican strategist", "-based". */
const AFFILIATION_GAP = 4;

/**
 * "Fox Business moderator Gerard Baker", "Florida-based Republican strategist Al Cardenas": a name that is no
 * person's, then a few lowercase words of a role, then a person's name: the person, whom the name describes.
 */
export function affiliatedPerson(article: ArticleClauses, id: number, sp: NameSpan): NameSpan | undefined {
  if (sp.kind === 'person') return undefined;
  const s = article.sentence(id);
  const next = article.spans(id).find((o) => o.start > sp.end && o.start <= sp.end + 1 + AFFILIATION_GAP);
  if (!next || next.kind === 'org' || !isPersonName(article, next.name)) return undefined;
  let role = false;
  for (let k = sp.end + 1; k < next.start; k++) {
    const t = tokenAt(s, k);
    const lowerNoun = /^\p{Ll}/u.test(t) && ['NOUN', 'ADJ'].includes(posAt(s.pos, k));
    if (!(lowerNoun || /^-\p{Ll}+$/u.test(t) || t === '-' || TITLE_WORDS.has(lower(t)) || posAt(s.pos, k) === 'PROPN')) return undefined;
    role ||= lowerNoun || TITLE_WORDS.has(lower(t));
  }
  return role ? next : undefined;
}

/**
 * "Katie Packer, who is chairman of Our Principles Pac said", "Michael Seaman, who lives outside the state capital,
 * Sacramento, said": names inside a relative clause after a name are that clause's; the name before ", who" is the
 * subject. `from` is the last token of the clause looked at; the relative pronoun is the nearest before it, no comma between.
 */
export function relativeClauseOwner(article: ArticleClauses, id: number, from: number, lo: number): NameSpan | undefined {
  const s = article.sentence(id);
  for (let w = from; w > lo + 1; w--) {
    const t = tokenAt(s, w);
    if (t === ',' || article.quoted(id, w)) return undefined;
    if (t.toLowerCase() !== 'who' && t.toLowerCase() !== 'whose') continue;
    if (tokenAt(s, w - 1) !== ',') return undefined;
    const owner = article.spanEndingAt(id, w - 2);
    return owner && owner.kind !== 'org' && (mayBePerson(article, owner) || isPersonName(article, owner.name)) ? owner : undefined;
  }
  return undefined;
}

/** "Turkish president Erdoğan": a name with a title, or one the article gives in full elsewhere, is a person's. */
export const mayBePerson = (article: ArticleClauses, sp: NameSpan): boolean =>
  sp.kind === 'person' || (sp.kind === 'other' && (!!sp.role || fullName(article.index, article.doc, sp.name) !== sp.name));

/** The names of sentence `i` before token `limit` that a pronoun may stand for. */
export function antecedentSpans(article: ArticleClauses, i: number, limit: number): NameSpan[] {
  const s = article.sentence(i);
  const spans = article.spans(i);
  return spans.filter(
    (sp) =>
      sp.end < limit &&
      !article.quoted(i, sp.start) &&
      !article.isPossessive(i, sp) &&
      !article.isRoleOnly(sp) &&
      // "Sen. Claire McCaskill (D-Mo.)": a name in brackets is an aside about the one before it.
      !(sp.start > 0 && tokenAt(s, sp.start - 1) === '(') &&
      !inPersonTitle(spans, sp) &&
      (!article.isPrepositional(i, sp) || ['with', 'by'].includes(lower(tokenAt(s, article.prepositionBefore(i, sp.start, 0))))),
  );
}

/**
 * "Scott Pruitt, the attorney general of Oklahoma, one of the states suing the agency, said": the
 * person whose comma opens the description that ends at token `k` (a comma) describes.
 */
export function describedPerson(article: ArticleClauses, id: number, k: number, lo: number): NameSpan | undefined {
  if (k <= lo || tokenAt(article.sentence(id), k) !== ',') return undefined;
  const span = article.spanEndingAt(id, k - 1);
  return span?.kind === 'person' ? span : undefined;
}

/** The sentence's first verb outside quotations up to token `j`, not an infinitive: its main clause's, most often. */
export function firstVerb(article: ArticleClauses, id: number, j: number): number | undefined {
  const s = article.sentence(id);
  // "Continuing to explain his view, Carson rejected …": an opening participle's phrase is not the main clause.
  let from = 0;
  if (/ing$/u.test(lower(tokenAt(s, 0))) && posAt(s.pos, 0) === 'VERB') while (from < j && tokenAt(s, from) !== ',') from++;
  for (let x = from; x <= j; x++) {
    if (!article.quoted(id, x) && ['VERB', 'AUX'].includes(posAt(s.pos, x)) && !(x > 0 && lower(tokenAt(s, x - 1)) === 'to')) return x;
  }
  return undefined;
}

/**
 * The verb before token `j` whose subject a conjunction or participle shares: "X described …, adding",
 * "X called on Y to join …, adding", "X asked whether Y was … and then declared" — not an infinitive
 * (its subject is the object before it) nor a verb of a clause opened by "whether", "that", ….
 */
export function sharedVerbBefore(article: ArticleClauses, id: number, j: number, lo: number): number | undefined {
  const s = article.sentence(id);
  let found: number | undefined;
  for (let x = j; x >= lo; x--) {
    if (article.quoted(id, x)) continue;
    const t = lower(tokenAt(s, x));
    if (found !== undefined && QUESTION_OPENERS.has(t)) found = undefined;
    else if (posAt(s.pos, x) === 'VERB' && !(x > 0 && /^["“”'‘’]$/u.test(tokenAt(s, x - 1)))) {
      if (found !== undefined) return found;
      if (!(x > 0 && lower(tokenAt(s, x - 1)) === 'to')) found = x;
    }
  }
  return found;
}

/**
 * "One of the victims decided to speak. She said …", "The judge sentenced X.": the subject of sentence
 * `id` (before token `limit`) describes a person without naming one. Returns its words, else undefined.
 */
export function unnamedPersonSubject(article: ArticleClauses, id: number, limit = tokenCount(article.sentence(id))): string[] | undefined {
  const s = article.sentence(id);
  // "If any of the prisoners tried to escape, he said …": the subject of an opening clause is not the sentence's.
  if (QUESTION_OPENERS.has(lower(tokenAt(s, 0)))) return undefined;
  let verb = 0;
  while (verb < limit && !['VERB', 'AUX'].includes(posAt(s.pos, verb))) verb++;
  if (verb >= limit || article.spans(id).some((sp) => sp.start < verb)) return undefined;
  const words: string[] = [];
  let person = false;
  for (let k = 0; k < verb; k++) {
    if (article.quoted(id, k)) return undefined;
    const w = lower(tokenAt(s, k));
    words.push(w);
    if (posAt(s.pos, k) === 'NOUN' && (TITLE_WORDS.has(w) || isPersonNoun(w))) person = true;
  }
  return person ? words : undefined;
}

/** Whether a verb follows the name (adverbs aside): "Bloomberg endorsed", "Smith later said". */
export function isSubject(article: ArticleClauses, id: number, sp: NameSpan): boolean {
  const s = article.sentence(id);
  let k = sp.end + 1;
  while (k < tokenCount(s) && posAt(s.pos, k) === 'ADV') k++;
  return k < tokenCount(s) && ['VERB', 'AUX'].includes(posAt(s.pos, k));
}

/**
 * "Daniel R. Levinson, Inspector General of the Department of Health …, stated": an organisation at the
 * end of an apposition that opens with a title belongs to the person named before the comma.
 */
export function personBeforeApposition(article: ArticleClauses, id: number, orgStart: number, lo: number): NameSpan | undefined {
  const s = article.sentence(id);
  for (let k = orgStart - 1; k > lo && k >= orgStart - 14; k--) {
    if (article.quoted(id, k)) return undefined;
    if (tokenAt(s, k) !== ',') continue;
    if (!TITLE_WORDS.has(lower(tokenAt(s, k + 1)).replace(/\.$/, ''))) return undefined;
    const before = article.spanEndingAt(id, k - 1);
    return before?.kind === 'person' ? before : undefined;
  }
  return undefined;
}

/** Whether a speaker's name is a person's: two words or more, or a person's (or written with a title) where the article uses it, and no body's word. */
export function isPersonName(article: ArticleClauses, name: string): boolean {
  const words = name.split(/\s+/);
  // "the Bill and Melinda Gates Foundation" is a body's name; "President Obama" (a title before it), a person's.
  if (words.some((w) => ORG_WORDS.has(lower(w)))) return false;
  const titled = (id: number): boolean => article.spans(id).some((sp) => (sp.kind === 'person' || !!sp.role) && sp.name === name);
  return words.length >= 2 || sentencesWith(article.index, article.doc, name, article).some(titled);
}

/**
 * `Anna Lind of "Have No Fear"`: token `j` closes a short name in quotation marks (not a quotation) that a
 * preposition governs; returns the preposition's index, so the subject is looked for before it.
 */
export function prepositionBeforeQuotedName(article: ArticleClauses, id: number, j: number, lo: number): number | undefined {
  const s = article.sentence(id);
  if (article.quoted(id, j) || !/^["”’]$/u.test(tokenAt(s, j))) return undefined;
  for (let k = j - 1; k > lo && k >= j - 8; k--) {
    if (!/^["“‘]$/u.test(tokenAt(s, k))) continue;
    return PREPOSITIONS.has(lower(tokenAt(s, k - 1))) ? k - 1 : undefined;
  }
  return undefined;
}
