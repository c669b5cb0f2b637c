import type { AnalysedSentence } from '../nlp/analyse.ts';
import { posAt } from '../nlp/pos.ts';
import { tokenAt, tokenCount } from '../index/keys.ts';
import type { SearchIndex } from '../index/types.ts';
import { CALENDAR_WORDS, ORG_WORDS, ROLE_ABBREVIATIONS, TITLE_WORDS } from './lexicon.ts';
import { fold, isCapitalised, termKey } from './terms.ts';

export type NameKind = 'person' | 'org' | 'other';

/** A proper-noun phrase in a sentence, split into its title/role and the name itself. */
export interface NameSpan {
  /** First and last token of the whole phrase, title included (inclusive). */
  start: number;
  end: number;
  /** First token of the name after any title. */
  nameStart: number;
  name: string;
  /** Role words around the name: "State Department spokesperson", "Prime Minister". */
  role: string;
  kind: NameKind;
}

const bare = (t: string): string => fold(t).replace(/\.$/, '');
const isTitle = (t: string): boolean => TITLE_WORDS.has(bare(t));
const TEMPORAL_LEADS = new Set(['in', 'on', 'since', 'until', 'till', 'by', 'from', 'last', 'next', 'of', 'early', 'late', 'mid', 'this', 'that', 'each', 'every', 'before', 'after', 'during', 'through', 'to', 'and', 'or', ',']);
const LEADING_ADJECTIVES = new Set(['former', 'ex', 'then', 'acting', 'interim']);
const HYPHENS = new Set(['-', '‐', '–']);
const INFIXES = new Set(['e', 'i', 'ul', 'al', 'ur', 'el', 'bin', 'van', 'de', 'von', 'da', 'di', 'du', 'la', 'le']);

function inEntity(s: AnalysedSentence, i: number): boolean {
  return s.ents.some(([a, b, type]) => i >= a && i <= b && (type === 'DATE' || type === 'TIME' || type === 'DURATION'));
}

function namey(s: AnalysedSentence, i: number): boolean {
  const t = tokenAt(s, i);
  if (!isCapitalised(t)) return false;
  // "Jan Orlik", "June Carter": a calendar word before a capitalised word is a first name.
  const firstName = CALENDAR_WORDS.has(bare(t)) && !t.endsWith('.') && i + 1 < tokenCount(s) &&
    !(i > 0 && TEMPORAL_LEADS.has(tokenAt(s, i - 1).toLowerCase())) &&
    /^\p{Lu}\p{Ll}+$/u.test(tokenAt(s, i + 1)) && !CALENDAR_WORDS.has(bare(tokenAt(s, i + 1)));
  if (!firstName && (inEntity(s, i) || CALENDAR_WORDS.has(bare(t)))) return false;
  const pos = posAt(s.pos, i);
  if (pos === 'PRON' || pos === 'DET' || pos === 'ADP' || pos === 'CCONJ' || pos === 'SCONJ' || pos === 'AUX') return false;
  if (i === 0 && pos !== 'PROPN' && !isTitle(t)) return false;
  return true;
}

const glued = (s: AnalysedSentence, i: number): boolean => i > 0 && s.off[2 * i] === s.off[2 * i - 1];

/** Proper-noun runs, joined across hyphens ("Tehreek-e-Taliban") and "of" ("Ministry of Foreign Affairs"). */
export function nameSpans(s: AnalysedSentence, index?: SearchIndex): NameSpan[] {
  const n = tokenCount(s);
  const spans: NameSpan[] = [];
  let i = 0;
  while (i < n) {
    if (!namey(s, i)) {
      i++;
      continue;
    }
    let end = i;
    let j = i + 1;
    while (j < n) {
      const t = tokenAt(s, j);
      if (namey(s, j)) {
        end = j;
        j++;
      } else if (HYPHENS.has(t) && glued(s, j) && j + 1 < n && glued(s, j + 1)) {
        j++;
      } else if (INFIXES.has(t.toLowerCase()) && glued(s, j) && j > end) {
        j++;
      } else if ((t === 'of' || t === 'for') && j + 1 < n && namey(s, j + 1) && ORG_WORDS.has(bare(tokenAt(s, end)))) {
        j++;
      } else break;
    }
    spans.push(makeSpan(s, i, end, index));
    i = end + 1;
  }
  return spans;
}

function makeSpan(s: AnalysedSentence, start: number, end: number, index?: SearchIndex): NameSpan {
  let nameStart = start;
  // Titles belong to people; "Foreign Office" keeps its first word.
  if (kindOf(s, start, end, index) !== 'org') {
    while (nameStart < end && isTitle(tokenAt(s, nameStart))) nameStart++;
    // Leading common nouns and the titles after them are not part of a person's name:
    // "Counterterrorism Christopher Landberg", "Emergencies Minister Yevgeny Zinichev".
    let first = nameStart;
    while (first < end && (isTitle(tokenAt(s, first)) || (end - first >= 2 && !isNameWord(index, tokenAt(s, first))))) first++;
    if (first > nameStart && kindOf(s, first, end, index) === 'person') nameStart = first;
    // A title inside the run ends what came before it: "U.S. District Judge Gray Miller".
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
  // Lower-case role words just before the phrase: "State Department spokesperson Matthew Miller".
  let roleStart = start;
  while (roleStart > 0 && roleStart > start - 4) {
    const t = tokenAt(s, roleStart - 1);
    if (isTitle(t) || (isCapitalised(t) && ORG_WORDS.has(bare(t)))) roleStart--;
    else break;
  }
  if (roleStart < start) {
    while (roleStart > 0 && isCapitalised(tokenAt(s, roleStart - 1)) && namey(s, roleStart - 1)) roleStart--;
  }
  const name = textOf(s, nameStart, end);
  const role = nameStart > roleStart ? textOf(s, roleStart, nameStart - 1) : '';
  return { start: roleStart, end, nameStart, name, role, kind: kindOf(s, nameStart, end, index) };
}

export const textOf = (s: AnalysedSentence, a: number, b: number): string => s.text.slice(s.off[2 * a], s.off[2 * b + 1]);

/**
 * Whether a word is a name rather than a capitalised common noun ("Plan", "Operation"):
 * the corpus itself tells, by how often the word is written in lower case.
 */
export function isNameWord(index: SearchIndex | undefined, word: string): boolean {
  if (!index) return true;
  const key = termKey(word);
  const c = key ? index.caps[key] : undefined;
  if (!c) return true;
  return c[0] / (c[0] + c[1]) >= 0.75;
}

const words = (s: AnalysedSentence, a: number, b: number): string[] => {
  const out: string[] = [];
  for (let i = a; i <= b; i++) if (/\p{L}/u.test(tokenAt(s, i))) out.push(tokenAt(s, i));
  return out;
};

function kindOf(s: AnalysedSentence, a: number, b: number, index?: SearchIndex): NameKind {
  const ws = words(s, a, b);
  if (ws.length === 0) return 'other';
  // English names put the head last: "Federal Apex Committee", "Ministry of Foreign Affairs".
  if (ORG_WORDS.has(bare(ws.at(-1)!)) || (ORG_WORDS.has(bare(ws[0])) && ws.some((w) => w === 'of' || w === 'for'))) return 'org';
  if (ws.length === 1 && /^\p{Lu}{2,}$/u.test(ws[0])) return ROLE_ABBREVIATIONS[fold(ws[0])] ? 'other' : 'org';
  if (ws.length >= 2 && ws.length <= 4 && ws.every((w) => /^\p{Lu}/u.test(w) && isNameWord(index, w))) return 'person';
  return 'other';
}

/** People an article names, with their roles, in order of first mention. */
export interface Person {
  name: string;
  role: string;
  sentence: number;
}

const peopleCache = new WeakMap<SearchIndex, Map<number, Person[]>>();

export function peopleOf(index: SearchIndex, d: number): Person[] {
  let cache = peopleCache.get(index);
  if (!cache) peopleCache.set(index, (cache = new Map()));
  let people = cache.get(d);
  if (!people) {
    people = [];
    const doc = index.docs[d];
    for (let id = doc.first; id < doc.first + doc.count; id++) {
      for (const span of nameSpans(index.sentences[id], index)) {
        if (span.kind !== 'person') continue;
        const known = people.find((p) => p.name === span.name);
        if (known) {
          if (!known.role && span.role) known.role = span.role;
        } else people.push({ name: span.name, role: span.role, sentence: id });
      }
    }
    cache.set(d, people);
  }
  return people;
}

/** The fullest form of a name the same article gives: "Miller" → "Matthew Miller". */
export function fullName(index: SearchIndex, d: number, name: string): string {
  const words = name.split(/\s+/);
  if (words.length > 1) return name;
  const last = fold(words[0]);
  const match = peopleOf(index, d).find((p) => fold(p.name.split(/\s+/).at(-1) ?? '') === last);
  return match?.name ?? name;
}

/** The person an article introduced with this role: "the PM" / "the premier" → "Shehbaz Sharif". */
export function personWithRole(index: SearchIndex, d: number, roleWords: string, before?: number): Person | undefined {
  const wanted = (ROLE_ABBREVIATIONS[fold(roleWords)] ?? fold(roleWords)).split(/\s+/);
  const people = peopleOf(index, d).filter((p) => before === undefined || p.sentence <= before);
  return people.find((p) => {
    const role = fold(p.role);
    return wanted.every((w) => role.includes(w));
  });
}
