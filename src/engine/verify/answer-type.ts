// Does the candidate have the type the question asks for? /who wants a person, an organisation or
// a group, never a place, a date, a thing or the question's own words; /when wants a date phrase
// that the sentence ties to the question's event, its verb or noun in the same clause.
import type { SearchIndex, SentenceRecord } from '../../index/index.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { sentenceSpans, type NameSpan } from '../names/names.ts';
import { placeLikeness, PLACE_PREPOSITIONS } from '../names/name-places.ts';
import { clausesOf, crossings, type Clauses } from '../when/date-spans.ts';
import { eventRoot } from '../when/when-words.ts';
import { analyseWhen } from '../when/when-question.ts';
import type { QueryPlan } from '../query.ts';
import { fold, termKey } from '../../nlp/terms.ts';
import type { Candidate } from '../candidate.ts';

export type WhoType = 'person' | 'org' | 'group' | 'place' | 'date' | 'thing' | 'common';

/** Head words that make a capitalised phrase a place, a building, a vehicle or a work rather than an actor. */
const THING_HEADS = new Set([
  'street',
  'road',
  'avenue',
  'boulevard',
  'square',
  'bridge',
  'tower',
  'building',
  'station',
  'airport',
  'port',
  'harbour',
  'harbor',
  'stadium',
  'arena',
  'hall',
  'palace',
  'castle',
  'church',
  'cathedral',
  'mosque',
  'temple',
  'park',
  'garden',
  'gardens',
  'river',
  'lake',
  'mountain',
  'mountains',
  'island',
  'islands',
  'bay',
  'valley',
  'county',
  'province',
  'district',
  'city',
  'town',
  'village',
  'state',
  'region',
  'ocean',
  'sea',
  'desert',
  'coast',
  'peninsula',
  'highway',
  'canal',
  'ship',
  'train',
  'car',
  'aircraft',
  'rocket',
  'satellite',
  'shuttle',
  'award',
  'prize',
  'cup',
  'act',
  'treaty',
  'law',
  'war',
  'battle',
  'revolution',
  'theory',
  'effect',
  'museum',
  'gallery',
  'library',
  'centre',
  'center',
  'hospital',
]);
const MONTHS =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const NUMERIC_ENTITIES = new Set(['DATE', 'TIME', 'CARDINAL', 'MONEY', 'PERCENT', 'ORDINAL', 'DURATION']);
/** Common nouns that make the name set beside them a place: "the provinces, X", "the city of X". */
const PLACE_NOUNS = new Set([
  'province',
  'provinces',
  'city',
  'cities',
  'town',
  'towns',
  'village',
  'villages',
  'region',
  'regions',
  'country',
  'countries',
  'district',
  'districts',
  'capital',
  'island',
  'islands',
  'county',
  'state',
  'states',
]);

/**
 * "the provinces, Gilgit-Baltistan and Azad Jammu", "the city of Lumsk": a place noun just before
 * the name or the list of names it belongs to.
 */
function placeNounBefore(s: SentenceRecord, start: number): boolean {
  for (let k = start - 1; k >= 0 && k >= start - 10; k--) {
    const t = fold(tokenAt(s, k));
    if (PLACE_NOUNS.has(t)) return posAt(s.pos, k) === 'NOUN';
    if (!/^(,|of|the|and|-)$/.test(t) && posAt(s.pos, k) !== 'PROPN') return false;
  }
  return false;
}

/** Plural nouns that name groups of people: "Californios", "the settlers". */
const GROUP_SUFFIX = /(ans|ians|ers|ors|ists|ites|ese|ish|ites|ios|os|is)$/;

/** The name span of the sentence the answer was read from, when the answer is one. */
export function spanOf(index: SearchIndex, c: Candidate): NameSpan | undefined {
  const a = fold(c.answer);
  const spans = sentenceSpans(index, c.hit.id);
  return spans.find((sp) => fold(sp.name) === a) ?? spans.find((sp) => a.includes(fold(sp.name)) || fold(sp.name).includes(a));
}

/** What kind of thing a /who candidate is. */
export function whoType(index: SearchIndex, c: Candidate, span: NameSpan | undefined): WhoType {
  const words = c.answer.split(/[\s-]+/);
  if (words.some((w) => /\d/.test(w)) || words.every((w) => MONTHS.test(w))) return 'date';
  const s = c.hit.sentence;
  if (!span) return /^\p{Lu}/u.test(c.answer) ? 'person' : 'common';
  // Wholly inside a date or number the model tags ("Jan" alone in "Deputy Mayor Jan Orlik" is a name).
  if (s.ents.some(([a, b, t]) => a <= span.nameStart && b >= span.end && NUMERIC_ENTITIES.has(t))) return 'date';
  if (placeNounBefore(s, span.start)) return 'place';
  const head = fold(words.at(-1) ?? '');
  if (span.kind !== 'person' && THING_HEADS.has(head)) return 'thing';
  const before = span.start > 0 ? fold(tokenAt(s, span.start - 1)) : '';
  const place = placeLikeness(index, span.name);
  if (span.kind === 'person') return place >= 0.5 && PLACE_PREPOSITIONS.has(before) ? 'place' : 'person';
  if (span.kind === 'org') return 'org';
  if (PLACE_PREPOSITIONS.has(before) || place >= 0.5) return 'place';
  if (words.length === 1 && GROUP_SUFFIX.test(fold(words[0]))) return 'group';
  return 'org';
}

/** Share of the answer's words that are the question's own. */
export function ownShare(plan: QueryPlan, answer: string): number {
  const keys = answer
    .split(/[\s-]+/)
    .map(termKey)
    .filter((k): k is string => k !== undefined);
  if (!keys.length) return 1;
  return keys.filter((k) => plan.ownKeys.has(k)).length / keys.length;
}

/**
 * Where the question's event (its word or a synonym's) stands relative to the date: in its clause,
 * elsewhere in the sentence; or not at all, the date's clause stating another act ("other") or none.
 */
export type WhenTie = 'clause' | 'sentence' | 'other' | 'none' | 'no-event';

/** Verbs that state no act of their own: a clause with only these says nothing of its date's event. */
const NO_ACT = new Set(
  'be is are was were been being have has had do does did done become becomes became get gets got take takes took taken make makes made come comes came go goes went gone remain remains remained'
    .split(' ')
    .map(eventRoot),
);

export function whenTie(plan: QueryPlan, c: Candidate): WhenTie {
  const q = analyseWhen(plan.text);
  if (q.events.size === 0) return 'no-event';
  const s = c.hit.sentence;
  const at = dateTokens(s, c);
  if (!at) return 'none';
  const clauses = clausesOf(s);
  let best: WhenTie = 'none';
  let otherAct = false;
  for (let i = 0; i < tokenCount(s); i++) {
    const t = tokenAt(s, i);
    if (!/^\p{L}/u.test(t)) continue;
    const pos = posAt(s.pos, i);
    if (pos !== 'VERB' && pos !== 'NOUN' && pos !== 'AUX' && pos !== 'ADJ') continue;
    const root = eventRoot(t);
    const ownClause = crossings(clauses, i, i < at[0] ? at[0] : at[1]) === 0;
    if (q.events.has(root) || q.paraphrases.has(root)) {
      if (ownClause) return 'clause';
      best = 'sentence';
    } else if (ownClause && pos === 'VERB' && !NO_ACT.has(root)) otherAct = true;
  }
  return best === 'none' && otherAct ? 'other' : best;
}

/**
 * "Anna Lindqvist (1921–2004)": a year range in parentheses just after a name is its bearer's
 * lifespan, which states the birth and the death a question asks about without the verb.
 */
export function inLifespan(plan: QueryPlan, c: Candidate): boolean {
  const q = analyseWhen(plan.text);
  if (!q.events.has(eventRoot('born')) && !q.events.has(eventRoot('died'))) return false;
  const s = c.hit.sentence;
  const at = dateTokens(s, c);
  if (!at) return false;
  let open = at[0] - 1;
  while (open >= 0 && open >= at[0] - 4 && tokenAt(s, open) !== '(') open--;
  let close = at[1] + 1;
  while (close < tokenCount(s) && close <= at[1] + 4 && tokenAt(s, close) !== ')') close++;
  if (open < 1 || close >= tokenCount(s) || tokenAt(s, open) !== '(' || tokenAt(s, close) !== ')') return false;
  for (let k = open + 1; k < close; k++) if (!/^(\d{3,4}|[–—-]|c\.|b\.|d\.)$/.test(tokenAt(s, k))) return false;
  // One year alone is a citation ("Gasquet (1908) claimed"), not a lifespan.
  if (close - open === 2) return false;
  return posAt(s.pos, open - 1) === 'PROPN';
}

/** A question's verb of birth or of death, and the roots that state each ("Black Death" is no verb of death). */
const VITAL: [RegExp, Set<string>][] = [
  [/\bborn\b/i, new Set([eventRoot('born')])],
  [/\b(die|dies|died|killed)\b/i, new Set(['died', 'killed'].map(eventRoot))],
];

/**
 * "when was X born" over "X wrote about the plague in 1893": a birth or a death asked about is
 * stated in so many words ("born", "birth", "died", "death", "killed") or by a lifespan, never by
 * another act (nor the other one: "born" does not state a death); false when the question asks one
 * and the sentence does not state it.
 */
export function birthOrDeathStated(plan: QueryPlan, c: Candidate): boolean {
  const asked = VITAL.find(([verb]) => verb.test(plan.text))?.[1];
  if (!asked) return true;
  const s = c.hit.sentence;
  for (let i = 0; i < tokenCount(s); i++) if (asked.has(eventRoot(tokenAt(s, i)))) return true;
  return inLifespan(plan, c);
}

/** Token span of the candidate's date phrase in its sentence. */
export function dateTokens(s: SentenceRecord, c: Candidate): [number, number] | undefined {
  const phrase = c.answer.replace(/\s*\(\d{4}\)$/, '');
  const from = s.text.indexOf(phrase);
  if (from < 0) return undefined;
  const to = from + phrase.length;
  let a = -1;
  let b = -1;
  for (let i = 0; i < tokenCount(s); i++) {
    if (s.off[2 * i + 1] > from && s.off[2 * i] < to) {
      if (a < 0) a = i;
      b = i;
    }
  }
  return a < 0 ? undefined : [a, b];
}

/**
 * How much of the question the evidence says in the answer's own clause: the IDF share of the
 * matched concepts with a position there, of all matched. A trick question often keeps the
 * sentence's words and moves the answer to another clause's fact ("when was UNEP founded" over
 * "the Fund, established in 1989 by UNEP and the WMO, … the Secretary was provided by the UNEP").
 * With `namesOnly`, the share of the question's names (1 when the sentence has none of them): a
 * name swapped between clauses keeps every word ("when did the plague reach Iceland" over "it came
 * to Norway in 1349, then spread to Iceland").
 */
export function clauseShare(c: Candidate, at: [number, number] | undefined, clauses: Clauses, namesOnly = false): number {
  if (!at) return 0;
  // An answer in parentheses belongs to the word before them: "Anna Lindqvist (1921–2004)".
  let before = at[0];
  while (before > 0 && clauses.depth[before] >= clauses.depth[at[0]] && clauses.depth[at[0]] > 0) before--;
  const own = new Set([clauses.clause[at[0]], clauses.clause[at[1]], clauses.clause[before]]);
  let all = 0;
  let near = 0;
  for (const [concept, positions] of c.hit.matched) {
    if (namesOnly && !concept.name) continue;
    all += concept.weight;
    // The same clause, a relative clause between them skipped over ("The accused man, whose name …, is Piotr K.").
    if (positions.some((p) => (p >= at[0] && p <= at[1]) || own.has(clauses.clause[p]))) near += concept.weight;
  }
  return all ? near / all : namesOnly ? 1 : 0;
}
