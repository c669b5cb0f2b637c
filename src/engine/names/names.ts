import type { AnalysedSentence } from '../../nlp/analyse.ts';
import { posAt } from '../../nlp/pos.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { capitalisedCount, examined, isLong, lowerCaseCount, readingRange, sentenceAt, sentencesWith, sentenceTermIds, termId, type SearchIndex } from '../../index/index.ts';
import { CALENDAR_WORDS, NAME_PARTICLES, ORG_WORDS, ROLE_ABBREVIATIONS, TITLE_WORDS } from '../words.ts';
import { capitalisedPairs } from './name-places.ts';
import { mayNamePersonEndingIn } from './person-ends.ts';
import { fold, termKey } from '../../nlp/terms.ts';
import { perArticle, perSentence } from '../memo.ts';

export type NameKind = 'person' | 'org' | 'other';

/** A proper-noun phrase in a sentence, split into its title/role and the name itself. */
export interface NameSpan {
  /** First and last token of the whole phrase, title included (inclusive). */
  start: number;
  end: number;
  /** First token of the name after any title. */
  nameStart: number;
  name: string;
  /** Role words around the name: "Treasury Board spokesperson", "Prime Minister". */
  role: string;
  kind: NameKind;
}

const bare = (t: string): string => {
  const f = fold(t);
  return f.endsWith('.') ? f.slice(0, -1) : f;
};
/** isCapitalised, without a Unicode regex for the ASCII first letters nearly every token has: asked of every token. */
const isCapitalised = (t: string): boolean => {
  const c = t.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(t);
};
const isTitle = (t: string): boolean => TITLE_WORDS.has(bare(t));
const TEMPORAL_LEADS = new Set([
  'in',
  'on',
  'since',
  'until',
  'till',
  'by',
  'from',
  'last',
  'next',
  'of',
  'early',
  'late',
  'mid',
  'this',
  'that',
  'each',
  'every',
  'before',
  'after',
  'during',
  'through',
  'to',
  'and',
  'or',
  ',',
]);
const LEADING_ADJECTIVES = new Set(['former', 'ex', 'then', 'acting', 'interim']);
const HYPHENS = new Set(['-', '‐', '–']);
const INFIXES = new Set(['e', 'i', 'ul', 'al', 'ur', 'el', 'bin', 'van', 'de', 'von', 'da', 'di', 'du', 'la', 'le']);

function inEntity(s: AnalysedSentence, i: number): boolean {
  return s.ents.some(([a, b, type]) => i >= a && i <= b && (type === 'DATE' || type === 'TIME' || type === 'DURATION'));
}

function namey(s: AnalysedSentence, i: number): boolean {
  const t = tokenAt(s, i);
  if (!isCapitalised(t)) return false;
  const calendar = CALENDAR_WORDS.has(bare(t));
  // "Jan Orlik", "June Carter": a calendar word before a capitalised word is a first name.
  const firstName =
    calendar &&
    !t.endsWith('.') &&
    i + 1 < tokenCount(s) &&
    !(i > 0 && TEMPORAL_LEADS.has(tokenAt(s, i - 1).toLowerCase())) &&
    /^\p{Lu}\p{Ll}+$/u.test(tokenAt(s, i + 1)) &&
    !CALENDAR_WORDS.has(bare(tokenAt(s, i + 1)));
  if (!firstName && (inEntity(s, i) || calendar)) return false;
  const pos = posAt(s.pos, i);
  if (pos === 'PRON' || pos === 'DET' || pos === 'ADP' || pos === 'CCONJ' || pos === 'SCONJ' || pos === 'AUX') return false;
  if (i === 0 && pos !== 'PROPN' && !isTitle(t)) return false;
  return true;
}

// nameSpans asks whether the same tokens are namey (as a run's next word, after "of", after "the")
// and makeSpan the kind of the same token ranges, again and again: each answered once per sentence.
let memoSentence: AnalysedSentence | undefined;
let memoIndex: SearchIndex | undefined;
/** The stored retrieval key id of each token of memoSentence, when nameSpans was given its id. */
let memoKeys: Int32Array | undefined;
/** Per token of memoSentence: 0 not asked yet, 1 namey, 2 not. */
let nameyKnown = new Int8Array(64);
const kinds = new Map<number, NameKind>();

function memoFor(s: AnalysedSentence, index?: SearchIndex, id?: number): void {
  if (memoSentence === s && memoIndex === index) {
    if (index && id !== undefined) memoKeys ??= sentenceTermIds(index, id, 'key');
    return;
  }
  memoSentence = s;
  memoIndex = index;
  memoKeys = index && id !== undefined ? sentenceTermIds(index, id, 'key') : undefined;
  kinds.clear();
  const n = tokenCount(s);
  if (n > nameyKnown.length) nameyKnown = new Int8Array(2 * n);
  else nameyKnown.fill(0, 0, n);
}

function nameyAt(s: AnalysedSentence, i: number): boolean {
  if (s !== memoSentence || i >= tokenCount(s)) return namey(s, i);
  if (nameyKnown[i] === 0) nameyKnown[i] = namey(s, i) ? 1 : 2;
  return nameyKnown[i] === 1;
}

const glued = (s: AnalysedSentence, i: number): boolean => i > 0 && s.off[2 * i] === s.off[2 * i - 1];

/** Proper-noun runs, joined across hyphens ("Harakat-ul-Noor") and "of" ("Ministry of Foreign Affairs"); `id` (in the index) lets the name tests read the tokens' stored key ids. */
export function nameSpans(s: AnalysedSentence, index?: SearchIndex, id?: number): NameSpan[] {
  const n = tokenCount(s);
  memoFor(s, index, id);
  const spans: NameSpan[] = [];
  let i = 0;
  while (i < n) {
    if (!nameyAt(s, i)) {
      i++;
      continue;
    }
    let end = i;
    let j = i + 1;
    while (j < n) {
      const t = tokenAt(s, j);
      if (nameyAt(s, j)) {
        end = j;
        j++;
      } else if (HYPHENS.has(t) && glued(s, j) && j + 1 < n && glued(s, j + 1)) {
        j++;
      } else if (glued(s, j) && j > end && INFIXES.has(t.toLowerCase())) {
        j++;
      } else if (
        (t === 'of' || t === 'for') &&
        j + 1 < n &&
        ORG_WORDS.has(bare(tokenAt(s, end))) &&
        (nameyAt(s, j + 1) || (tokenAt(s, j + 1) === 'the' && j + 2 < n && nameyAt(s, j + 2)))
      ) {
        // "Ministry of Foreign Affairs", "Museum of the Applied Arts".
        j += tokenAt(s, j + 1) === 'the' ? 2 : 1;
      } else if (t === '&' && j + 1 < n && (nameyAt(s, j + 1) || /^\p{Lu}/u.test(tokenAt(s, j + 1)))) {
        // "Harlow & Co.", "Smith & Sons".
        j++;
        end = j;
        j++;
      } else if (NAME_PARTICLES.has(t) && j > end) {
        // "Jean Paul de la Roche", "Anna von Elm", "Muhammad ibn Rashid": particles inside a name.
        let k = j;
        while (k < n && NAME_PARTICLES.has(tokenAt(s, k)) && k - j < 3) k++;
        if (k < n && k > j && nameyAt(s, k) && /^\p{Lu}\p{Ll}/u.test(tokenAt(s, k))) j = k;
        else break;
      } else break;
    }
    // "Otto the Bold", "Lucas Cranach the Elder": an epithet after a short name.
    if (
      end + 2 < n &&
      tokenAt(s, end + 1) === 'the' &&
      end - i <= 2 &&
      nameyAt(s, end + 2) &&
      !nameyAt(s, end + 3) &&
      /^\p{Lu}\p{Ll}+$/u.test(tokenAt(s, end + 2)) &&
      !isTitle(tokenAt(s, end + 2)) &&
      EPITHET_HEAD(s, i, end, index)
    ) {
      end += 2;
    }
    // "The Lantern Company": a capitalised "The" inside the sentence belongs to the name after it.
    const start = i > 0 && tokenAt(s, i - 1) === 'The' && !(i - 1 === 0) ? i - 1 : i;
    spans.push(makeSpan(s, start, end, index));
    i = end + 1;
  }
  return spans;
}

function makeSpan(s: AnalysedSentence, start: number, end: number, index?: SearchIndex): NameSpan {
  let nameStart = start;
  // Titles belong to people; "Home Office" keeps its first word.
  if (kindOf(s, start, end, index) !== 'org') {
    if (tokenAt(s, nameStart) === 'The' && kindOf(s, start + 1, end, index) === 'person') nameStart++;
    while (nameStart < end && isTitle(tokenAt(s, nameStart))) nameStart++;
    // Leading common nouns and the titles after them are not part of a person's name:
    // "Counterterrorism Dana Holt", "Transport Minister Ivan Petrov" — but a word
    // the corpus keeps writing before the next one is part of a name ("Harbor City Gulls").
    let first = nameStart;
    while (first < end && (isTitle(tokenAt(s, first)) || (end - first >= 2 && !isNameWordAt(s, first, index) && !recurringPair(s, first, index)))) first++;
    if (first > nameStart && kindOf(s, first, end, index) === 'person') nameStart = first;
    // A title inside the run ends what came before it: "U.S. District Judge Ada Brenner".
    for (let k = end - 2; k > nameStart; k--) {
      if (isTitle(tokenAt(s, k)) && kindOf(s, k + 1, end, index) === 'person') {
        nameStart = k + 1;
        break;
      }
    }
  } else {
    // "Former United States Central Intelligence Agency": a leading "former" is not the organisation's.
    while (nameStart < end && LEADING_ADJECTIVES.has(bare(tokenAt(s, nameStart)))) nameStart++;
  }
  // Lower-case role words just before the phrase: "Treasury Board spokesperson Jane Doe".
  let roleStart = start;
  while (roleStart > 0 && roleStart > start - 4) {
    const t = tokenAt(s, roleStart - 1);
    if (isTitle(t) || (isCapitalised(t) && ORG_WORDS.has(bare(t)))) roleStart--;
    else break;
  }
  if (roleStart < start) {
    while (roleStart > 0 && isCapitalised(tokenAt(s, roleStart - 1)) && nameyAt(s, roleStart - 1)) roleStart--;
  }
  const name = textOf(s, nameStart, end);
  const role = nameStart > roleStart ? textOf(s, roleStart, nameStart - 1) : '';
  return { start: roleStart, end, nameStart, name, role, kind: kindOf(s, nameStart, end, index) };
}

/** nameSpans of a stored sentence, memoised per corpus: answerers and article scans share them. */
export const sentenceSpans = perSentence((index, id: number): NameSpan[] => nameSpans(sentenceAt(index, id), index, id));

export const textOf = (s: AnalysedSentence, a: number, b: number): string => s.text.slice(s.off[2 * a], s.off[2 * b + 1]);

/**
 * Whether a word is a name rather than a capitalised common noun ("Plan", "Operation"):
 * the corpus itself tells, by how often the word is written in lower case.
 */
export function isNameWord(index: SearchIndex | undefined, word: string): boolean {
  if (!index) return true;
  const key = termKey(word);
  const id = key === undefined ? undefined : termId(index, key);
  if (id === undefined) return true;
  return nameByCounts(index, id);
}

// Read from the counts by term id: this runs for every capitalised word of every sentence looked at.
function nameByCounts(index: SearchIndex, id: number): boolean {
  const upper = capitalisedCount(index, id);
  return upper === 0 || upper / (upper + lowerCaseCount(index, id)) >= 0.75;
}

/** isNameWord of token i, from the token's stored key id when the sentence's are known (the key of its text, without looking it up). */
function isNameWordAt(s: AnalysedSentence, i: number, index?: SearchIndex): boolean {
  if (!index) return true;
  if (memoKeys && s === memoSentence && index === memoIndex && i < memoKeys.length) {
    const id = memoKeys[i];
    return id < 0 || nameByCounts(index, id);
  }
  return isNameWord(index, tokenAt(s, i));
}

/** Whether the capitalised words at i and i+1 recur together in the corpus, the second not a title. */
function recurringPair(s: AnalysedSentence, i: number, index?: SearchIndex): boolean {
  if (!index || i + 1 >= tokenCount(s) || isTitle(tokenAt(s, i + 1))) return false;
  return (capitalisedPairs(index).get(`${fold(tokenAt(s, i))} ${fold(tokenAt(s, i + 1))}`) ?? 0) >= 3;
}

/** "Otto the Bold": the name before an epithet is a short run of name words. */
function EPITHET_HEAD(s: AnalysedSentence, a: number, b: number, index?: SearchIndex): boolean {
  for (let i = a; i <= b; i++) if (!/^\p{Lu}\p{Ll}/u.test(tokenAt(s, i)) || !isNameWordAt(s, i, index) || isTitle(tokenAt(s, i))) return false;
  return kindOf(s, a, b, index) !== 'org';
}

function kindOf(s: AnalysedSentence, a: number, b: number, index?: SearchIndex): NameKind {
  memoFor(s, index);
  // A small-integer key: Map hashes those fastest.
  const key = a * tokenCount(s) + b;
  let kind = kinds.get(key);
  if (kind === undefined) kinds.set(key, (kind = rangeKind(s, a, b, index)));
  return kind;
}

// rangeKind runs for nearly every span: the positions of its words are gathered in one reused array.
const rangeWords: number[] = [];

function rangeKind(s: AnalysedSentence, a: number, b: number, index?: SearchIndex): NameKind {
  const ws = rangeWords;
  ws.length = 0;
  let first = true;
  for (let i = a; i <= b; i++) {
    const w = tokenAt(s, i);
    if (!/\p{L}/u.test(w)) continue;
    // Particles ("de", "von") and a leading "The" do not decide what a name is.
    if (!NAME_PARTICLES.has(w) && !(first && w === 'The')) ws.push(i);
    first = false;
  }
  const n = ws.length;
  if (n === 0) return 'other';
  // English names put the head last: "Federal Review Committee", "Ministry of Foreign Affairs".
  if (ORG_WORDS.has(bare(tokenAt(s, ws[n - 1])))) return 'org';
  let of = -1;
  for (let k = 0; k < n && of < 0; k++) {
    const w = tokenAt(s, ws[k]);
    if (w === 'of' || w === 'for') of = k;
  }
  for (let k = 0; k < of; k++) if (ORG_WORDS.has(bare(tokenAt(s, ws[k])))) return 'org';
  if (n === 1 && /^\p{Lu}{2,}$/u.test(tokenAt(s, ws[0]))) return ROLE_ABBREVIATIONS[fold(tokenAt(s, ws[0]))] ? 'other' : 'org';
  let person = n >= 2 && n <= 4;
  for (let k = 0; k < n && person; k++) person = isCapitalised(tokenAt(s, ws[k])) && isNameWordAt(s, ws[k], index);
  if (person) return 'person';
  // "Otto the Bold".
  if (n === 3 && tokenAt(s, ws[1]) === 'the' && isCapitalised(tokenAt(s, ws[0])) && isCapitalised(tokenAt(s, ws[2]))) return 'person';
  return 'other';
}

/** People an article names, with their roles, in order of first mention. */
export interface Person {
  name: string;
  role: string;
  sentence: number;
}

/** Adds the people sentence `id` names to `people` (in order of first mention; a role, once given, is kept). */
function addPeople(people: Person[], index: SearchIndex, id: number): void {
  for (const span of sentenceSpans(index, id)) {
    if (span.kind !== 'person') continue;
    const known = people.find((p) => p.name === span.name);
    if (known) {
      if (!known.role && span.role) known.role = span.role;
    } else people.push({ name: span.name, role: span.role, sentence: id });
  }
}

/** The fullest form of a name the same article gives: "Doe" → "Jane Doe". */
export function fullName(index: SearchIndex, d: number, name: string): string {
  const words = name.split(/\s+/);
  if (words.length > 1) return name;
  // Always from the sentences that mention the word, never from whatever peopleOf has cached: the
  // answer must not depend on which questions came before.
  return firstMentionEndingWith(index, d, words[0]) || name;
}

const endsWithWord = (name: string, folded: string): boolean => fold(name.split(/\s+/).at(-1) ?? '') === folded;

/**
 * The first person (a span of kind 'person', in the article's order) whose name ends in the word,
 * among only the sentences of the article that mention it, or '': a cheap peopleOf for one name,
 * which stops at the first sentence that gives it.
 */
function firstMentionEndingWith(index: SearchIndex, d: number, word: string): string {
  const known = mentionsEndingWith(index, d);
  let name = known.get(word);
  if (name === undefined) known.set(word, (name = findMentionEndingWith(index, d, word)));
  return name;
}

/** Per article, what firstMentionEndingWith found for each word asked. */
const mentionsEndingWith = perArticle((): Map<string, string> => new Map());

function findMentionEndingWith(index: SearchIndex, d: number, word: string): string {
  const folded = fold(word);
  for (const id of sentencesWith(index, d, word)) {
    // Most of these words are places and organisations ("Alabama", "N.Y."), named in many sentences.
    if (!mayNamePersonEndingIn(sentenceAt(index, id), folded)) continue;
    for (const span of sentenceSpans(index, id)) if (span.kind === 'person' && endsWithWord(span.name, folded)) return span.name;
  }
  return '';
}

/** The person an article introduced with this role: "the PM" / "the premier" → the prime minister's name. */
export function personWithRole(index: SearchIndex, d: number, roleWords: string, before?: number): Person | undefined {
  const wanted = (ROLE_ABBREVIATIONS[fold(roleWords)] ?? fold(roleWords)).split(/\s+/);
  const eligible = (p: Person): boolean => before === undefined || p.sentence <= before;
  const fits = (p: Person): boolean => {
    const role = fold(p.role);
    return wanted.every((w) => role.includes(w));
  };
  const people: Person[] = [];
  // A long article is read around the sentence asked about, not from its start, and only where the
  // role's words are: everyone else it names there cannot be the one.
  const { first, end } = readingRange(index, d, before);
  const roleIds: number[] = [];
  if (isLong(index, d)) {
    for (const w of wanted) {
      const k = termKey(w);
      const id = k === undefined ? undefined : termId(index, k);
      if (id !== undefined) roleIds.push(id);
    }
  }
  for (let id = first; id < end; id++) {
    if (roleIds.length && !sentenceTermIds(index, id, 'key').some((t) => roleIds.includes(t))) continue;
    examined.sentences++;
    addPeople(people, index, id);
    // The first person who fits is known as soon as everyone named before them has a role: a
    // later sentence can add people after them or give a role to one who has none, nothing else.
    for (const p of people) {
      if (!eligible(p)) continue;
      if (!p.role) break;
      if (fits(p)) return p;
    }
  }
  return people.find((p) => eligible(p) && fits(p));
}
