// "/who is Ana Ferreira": who the corpus says a named person or organisation is — the title
// before the name, an apposition after or before it, or a copula ("X is a …") — never someone else.
import { articleHas, articlesWith, examined, isLong, longArticleSentences, MENTION_CAP, sentenceAt, termId, type SearchIndex } from '../../index/index.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import type { AnalysedSentence } from '../../nlp/analyse.ts';
import { posAt } from '../../nlp/pos.ts';
import { NAME_PARTICLES, ORG_WORDS, TITLE_WORDS } from '../words.ts';
import { fullName, sentenceSpans, textOf, type NameSpan } from '../names/names.ts';
import { nounPhraseStart, rolesOf } from './name-roles.ts';
import { matchPositions } from '../retrieve/retrieve.ts';
import { planQuery, type QueryPlan } from '../query.ts';
import type { Candidate } from '../candidate.ts';
import { fold, termKey } from '../../nlp/terms.ts';

/** Articles read for descriptions; mentions are counted in every article. */
const READ_ARTICLES = 200;
/** The longest answer the contract calls a phrase. */
const MAX_ANSWER = 80;

/** Forms of address that say nothing about who someone is. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'the', 'a', 'an']);
const BE_FORMS = new Set(['is', 'was', 'are', 'were', 'became', 'becomes', 'remains', 'remained']);
/** Prepositions that stay inside a description: "ambassador to the United States", "chair of the board". */
const INNER_PREPOSITIONS = new Set(['of', 'for', 'to', 'at', 'in', 'on', 'with', 'from']);
const RELATIVES = new Set(['who', 'which', 'that', 'whose', 'whom']);
const STOPS = new Set([',', ';', '.', ':', '—', '–', '!', '?', '"', '“', '”']);

const isWord = (t: string): boolean => /^[\p{L}\p{N}]/u.test(t);
const lowerCase = (t: string): boolean => /^\p{Ll}/u.test(t);
const isTitleWord = (t: string): boolean => TITLE_WORDS.has(fold(t).replace(/\.$/, ''));

/**
 * The names a question asks about when it is only "who is/was" and names (one, or several joined by
 * "and"), e.g. "who is Ana Ferreira", "who was the Harbour Board"; undefined for any other question.
 * A name headed by a title ("the President of the IPCC") asks for a role, not a name.
 */
export function namedSubjects(index: SearchIndex, query: string): string[] | undefined {
  const m = /^(?:who\s+)?(?:is|was|are|were)\s+(.+?)[\s?.!]*$/iu.exec(query.trim());
  if (!m) return undefined;
  const subjects = m[1].split(/\s+and\s+/);
  for (const subject of subjects) {
    const words = subject.split(/\s+/);
    const name = words[0].toLowerCase() === 'the' ? words.slice(1) : words;
    if (name.length === 0) return undefined;
    // Every word a name word: capitalised, a number ("Super Bowl 50"), or a particle inside.
    if (!name.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && (NAME_PARTICLES.has(w) || w === 'of' || w === 'the')))) return undefined;
    const of = name.indexOf('of');
    const head = (of > 0 ? name[of - 1] : name.at(-1)!).replace(/['’]s$/, '');
    if (isTitleWord(head) || /['’]s$/.test(name.at(-1)!)) return undefined;
    // A lone acronym the corpus expands ("who is TTP") is answered by its expansion.
    if (name.length === 1 && index.acronyms[fold(name[0])]) return undefined;
    // "who is the Harbour Board" names an organisation; "the Most Valuable Player of …" is a role.
    if (name !== words && !ORG_WORDS.has(fold(head))) return undefined;
  }
  return subjects.map((s) => s.replace(/^the\s+/i, ''));
}

/** A name's words as compared: folded, without particles and "of"/"the". */
const nameWords = (name: string): string[] =>
  name
    .split(/[\s\-‐]+/)
    .map((w) =>
      fold(w)
        .replace(/['’]s$/, '')
        .replace(/[^\p{L}\p{N}]/gu, ''),
    )
    .filter((w) => w && !NAME_PARTICLES.has(w) && w !== 'of' && w !== 'the' && !isTitleWord(w));

/** Whether a span in article d is the named subject: its full name has the subject's words, in order. */
function isSubject(index: SearchIndex, d: number, span: NameSpan, wanted: string[]): boolean {
  const full = nameWords(span.kind === 'org' ? span.name : fullName(index, d, span.name));
  let at = 0;
  for (const w of full) if (w === wanted[at]) at++;
  if (at < wanted.length) return false;
  // "Masood Khan" is not "Khan Research Laboratories": an organisation must be the subject itself.
  return span.kind !== 'org' || full.length === wanted.length;
}

export interface Mention {
  id: number;
  span: NameSpan;
  /** How the answer names it: the fullest form the article gives. */
  display: string;
}

/** The articles whose text has every key of the name (lunr's postings), in corpus order. */
function articlesNaming(index: SearchIndex, plan: QueryPlan): number[] {
  const ids = plan.concepts.map((c) => [...c.keys].map((k) => termId(index, k)).filter((id): id is number => id !== undefined));
  if (ids.length === 0 || ids.some((list) => list.length === 0)) return [];
  // The rarest concept's postings, checked against the others.
  const lists = ids.map((list) => [...new Set(list.flatMap((id) => [...articlesWith(index, 'key', id)]))].sort((a, b) => a - b));
  lists.sort((a, b) => a.length - b.length);
  return lists[0].filter((d) => ids.every((list) => list.some((id) => articleHas(index, d, 'key', id))));
}

/** The sentences of article d to look for the subject in: all of them, or those of a long article that hold its words. */
function sentencesOf(index: SearchIndex, d: number, plan: QueryPlan): number[] {
  const doc = index.docs[d];
  if (!isLong(index, d)) {
    examined.sentences += doc.count;
    return Array.from({ length: doc.count }, (_, i) => doc.first + i);
  }
  const terms = plan.concepts.flatMap((c) => [...[...c.keys].map((k) => ({ k, field: 'key' as const })), ...[...c.skeletons].map((k) => ({ k, field: 'skeleton' as const }))]);
  const ids = terms.flatMap(({ k, field }) => {
    const id = termId(index, k);
    return id === undefined ? [] : [{ field, termId: id }];
  });
  const out = longArticleSentences(index, d, ids, MENTION_CAP);
  examined.sentences += out.length;
  return out;
}

/** The plans mentionsOf looks for each subject with (an index that is a query's slice must hold their articles). */
export const subjectPlans = (index: SearchIndex, subjects: string[]): QueryPlan[] => subjects.map((s) => planQuery(index, nameWords(s).join(' ')));

/** Every mention of the subject, by article; at most READ_ARTICLES articles are read. */
export function mentionsOf(index: SearchIndex, subject: string, only: (d: number) => boolean = () => true): { articles: number; mentions: Mention[] } {
  const wanted = nameWords(subject);
  if (wanted.length === 0) return { articles: 0, mentions: [] };
  const plan = planQuery(index, wanted.join(' '));
  const mentions: Mention[] = [];
  let articles = 0;
  for (const d of articlesNaming(index, plan)) {
    if (articles >= READ_ARTICLES) break;
    if (!only(d)) continue;
    let found = false;
    for (const id of sentencesOf(index, d, plan)) {
      const matched = matchPositions(index, id, plan);
      if (matched.size === 0) continue;
      const at = [...matched.values()].flat();
      const s = sentenceAt(index, id);
      const spans = sentenceSpans(index, id);
      for (const [k, one] of spans.entries()) {
        // "Bolesław II of Masovia": a name and the place it is "of" name one person.
        const next = spans[k + 1];
        const joined: NameSpan | undefined =
          next && next.start === one.end + 2 && tokenAt(s, one.end + 1) === 'of' ? { ...one, end: next.end, name: textOf(s, one.nameStart, next.end) } : undefined;
        const span = [joined, one].find((c) => c && at.some((p) => p >= c.nameStart && p <= c.end) && isSubject(index, d, c, wanted));
        if (!span) continue;
        found = true;
        mentions.push({ id, span, display: span.kind === 'org' || span === joined ? span.name : fullName(index, d, span.name) });
      }
    }
    if (found) articles++;
  }
  return { articles, mentions };
}

export interface Description {
  /** Token range of the description in the sentence. */
  start: number;
  end: number;
  how: 'title' | 'apposition' | 'copula' | 'member';
}

/**
 * How likely each kind of description is to say who the subject is, before other articles repeat
 * it: an apposition or copula is written to describe; a title may be one word of several.
 */
const HOW_WEIGHT: Record<Description['how'], number> = { apposition: 0.8, copula: 0.75, title: 0.7, member: 0.55 };

/** Descriptions of the subject the corpus gives, as answers "Name, description", cited. */
export function whoIsCandidates(index: SearchIndex, subjects: string[], only: (d: number) => boolean = () => true): Candidate[] {
  const out: (Candidate & { name: string; text: string })[] = [];
  for (const subject of subjects) {
    for (const m of mentionsOf(index, subject, only).mentions) {
      const s = sentenceAt(index, m.id);
      for (const desc of describe(s, m.span)) {
        let text = phraseText(index, s, desc);
        if (`${m.display}, ${text}`.length > MAX_ANSWER) text = cut(text, MAX_ANSWER - m.display.length - 2);
        if (!text) continue;
        const from = Math.min(desc.start, m.span.nameStart);
        const to = Math.max(desc.end, m.span.end);
        const words = text.split(/\s+/).length;
        const score = HOW_WEIGHT[desc.how] * (words === 1 ? 0.75 : 1);
        const hit = { id: m.id, sentence: s, coverage: 1, matched: new Map(), score };
        out.push({ answer: `${m.display}, ${text}`, evidence: textOf(s, from, to), hit, score, name: m.display, text });
      }
    }
  }
  // A bare title another description of the same person holds says nothing more: "Ambassador" beside "Pakistan's Ambassador to …".
  const within = (c: (typeof out)[number]): boolean =>
    !/\s/.test(c.text) &&
    out.some(
      (o) =>
        o !== c &&
        o.name === c.name &&
        o.text !== c.text &&
        fold(o.text)
          .split(/[\s']+/)
          .includes(fold(c.text)),
    );
  return out.filter((c) => !within(c)).map(({ name: _name, text: _text, ...c }) => c);
}

/** A description as the answer words it: "the Prince of Płock" mid-answer, "one of the famous musicians". */
function phraseText(index: SearchIndex, s: AnalysedSentence, d: Description): string {
  let text = textOf(s, d.start, d.end);
  // A capital that only opens the sentence ("The Prince of Płock, …", "Famous musicians include …"): the corpus's case statistics tell.
  const first = tokenAt(s, 0);
  const key = termKey(first) ?? '';
  const [upper, lower] = index.caps[key] ?? [0, 0];
  const common = lower > upper || (upper === 0 && (index.df[key] ?? 0) > 1);
  if (d.start === 0 && lowerCase(first.slice(1, 2)) && (posAt(s.pos, 0) === 'DET' || common)) text = text[0].toLowerCase() + text.slice(1);
  if (d.how !== 'member') return text;
  return `one of ${posAt(s.pos, d.start) === 'DET' ? '' : 'the '}${text}`;
}

/** The text up to the last whole word that fits. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const at = text.lastIndexOf(' ', max);
  return at > 0 ? text.slice(0, at).replace(/[\s,(–—-]+$/, '') : '';
}

/** What a sentence says the name in `span` is. */
export function describe(s: AnalysedSentence, span: NameSpan): Description[] {
  const out: Description[] = [];
  const add = (d: Description | undefined): void => {
    if (!d || d.start > d.end || !informative(s, d)) return;
    if (!out.some((o) => o.start === d.start && o.end === d.end)) out.push(d);
  };
  // The title before the name, widened to "Acting Coordinator for Counterterrorism", "the State Department's spokesperson".
  for (const r of rolesOf(s, span)) {
    if (r.how !== 'title') continue;
    const b = span.nameStart - 1;
    const a = widenLeft(s, span.start);
    if (a <= b) add({ start: a, end: b, how: 'title' });
  }
  add(appositionAfter(s, span.end));
  add(appositionBefore(s, span.start));
  add(copulaAfter(s, span.end));
  add(listedMember(s, span.start));
  return out;
}

/** "Famous musicians include Władysław Szpilman and Frédéric Chopin": one of a class the sentence lists. */
function listedMember(s: AnalysedSentence, start: number): Description | undefined {
  let v = start - 1;
  // Back over the list before the name: other names, commas, "and".
  while (v >= 0 && start - v < 24 && (tokenAt(s, v) === ',' || tokenAt(s, v) === 'and' || /^\p{Lu}/u.test(tokenAt(s, v)) || NAME_PARTICLES.has(tokenAt(s, v)))) v--;
  if (v < 1 || posAt(s.pos, v) !== 'VERB' || !/^includ(e|es|ed)$/.test(fold(tokenAt(s, v)))) return undefined;
  const b = v - 1;
  if (posAt(s.pos, b) !== 'NOUN' || !lowerCase(tokenAt(s, b))) return undefined;
  const a = nounPhraseStart(s, b, 6);
  // The whole subject: at the sentence's start or after a clause boundary.
  if (a > 0 && !STOPS.has(tokenAt(s, a - 1)) && posAt(s.pos, a - 1) !== 'CCONJ') return undefined;
  return { start: a, end: b, how: 'member' };
}

/** A description must hold a common noun or a title word, and no date. */
function informative(s: AnalysedSentence, d: Description): boolean {
  let a = d.start;
  while (a <= d.end && HONORIFICS.has(fold(tokenAt(s, a)).replace(/\.$/, ''))) a++;
  if (a > d.end) return false;
  if (s.ents.some(([x, y, type]) => x <= d.end && y >= d.start && (type === 'DATE' || type === 'TIME' || type === 'DURATION'))) return false;
  for (let i = a; i <= d.end; i++) {
    const t = tokenAt(s, i);
    if (isTitleWord(t) && !HONORIFICS.has(fold(t).replace(/\.$/, ''))) return true;
    if (posAt(s.pos, i) === 'NOUN' && lowerCase(t)) return true;
  }
  return false;
}

/** Back over "Coordinator for", "Pakistan's", "the": what the title before a name belongs to. */
function widenLeft(s: AnalysedSentence, start: number): number {
  let a = start;
  for (;;) {
    const k = a - 1;
    if (k < 1) break;
    const t = tokenAt(s, k);
    const joins = t === "'s" || t === '’s' || t === 'of' || t === 'for' || t === 'to';
    if (!joins) break;
    // The words before the joint: capitalised or titles, as in "Acting Coordinator", "State Department".
    let j = k;
    while (j - 1 >= 0 && (isTitleWord(tokenAt(s, j - 1)) || /^\p{Lu}/u.test(tokenAt(s, j - 1))) && posAt(s.pos, j - 1) !== 'PRON') j--;
    if (j === k) break;
    // "of"/"for"/"to" must hang from a title: "Coordinator for", not "plans for".
    if (t !== "'s" && t !== '’s' && !isTitleWord(tokenAt(s, k - 1))) break;
    a = j;
  }
  return a;
}

/** Forward from `a` over a noun phrase with its inner prepositions and a parenthesis, to a stop; -1 if none. */
function phraseForward(s: AnalysedSentence, a: number, max = 14): number {
  const n = tokenCount(s);
  let b = a - 1;
  for (let i = a; i < n && i - a < max; i++) {
    const t = tokenAt(s, i);
    const pos = posAt(s.pos, i);
    // A relative clause ends the phrase: "a retired captain who trained the crew".
    if (STOPS.has(t) || (RELATIVES.has(fold(t)) && i > a)) return trimEnd(s, a, b);
    if (t === '(') {
      const close = [...Array(Math.min(8, n - i)).keys()].map((k) => i + k).find((k) => tokenAt(s, k) === ')');
      if (close === undefined) break;
      b = close;
      i = close;
      continue;
    }
    if (pos === 'VERB' || pos === 'AUX' || pos === 'PRON' || pos === 'SCONJ') return -1;
    if (pos === 'ADP' && !INNER_PREPOSITIONS.has(fold(t))) return -1;
    b = i;
  }
  // A phrase must end at a stop or the sentence's end, not in the middle of a clause.
  return b + 1 >= n ? trimEnd(s, a, b) : -1;
}

function trimEnd(s: AnalysedSentence, a: number, b: number): number {
  while (b >= a && (posAt(s.pos, b) === 'ADP' || posAt(s.pos, b) === 'DET' || posAt(s.pos, b) === 'CCONJ')) b--;
  return b;
}

/** "X, mayor of Y,", "X, the chair of the Harbour Board,", "X, Additional Secretary (UN&RD),". */
function appositionAfter(s: AnalysedSentence, end: number): Description | undefined {
  if (end + 2 >= tokenCount(s) || tokenAt(s, end + 1) !== ',') return undefined;
  let a = end + 2;
  // "X, who is the chair of …": a relative clause with a copula says the same.
  if (/^who$/i.test(tokenAt(s, a)) && BE_FORMS.has(fold(tokenAt(s, a + 1) ?? ''))) a += 2;
  const first = posAt(s.pos, a);
  if (first === 'ADP' || first === 'VERB' || first === 'AUX' || first === 'ADV' || first === 'CCONJ' || first === 'PUNCT' || !isWord(tokenAt(s, a))) return undefined;
  const b = phraseForward(s, a);
  return b >= a ? { start: a, end: b, how: 'apposition' } : undefined;
}

/** "The Prince of Płock, Bolesław II of Masovia,", "Pakistan's Ambassador to the United States, Masood Khan,". */
function appositionBefore(s: AnalysedSentence, start: number): Description | undefined {
  const comma = start - 1;
  if (comma < 1 || tokenAt(s, comma) !== ',') return undefined;
  let a = comma;
  while (a - 1 >= 0) {
    const t = tokenAt(s, a - 1);
    const pos = posAt(s.pos, a - 1);
    const inside =
      pos === 'DET' ||
      pos === 'ADJ' ||
      pos === 'NOUN' ||
      pos === 'PROPN' ||
      pos === 'NUM' ||
      pos === 'PART' ||
      t === "'s" ||
      t === '’s' ||
      isTitleWord(t) ||
      (pos === 'ADP' && INNER_PREPOSITIONS.has(fold(t)));
    if (!inside) break;
    a--;
  }
  if (a >= comma) return undefined;
  // Only a whole noun phrase: at the sentence's start or after a clause boundary, not the object of "during".
  const lead = a > 0 ? tokenAt(s, a - 1) : '';
  if (a > 0 && !STOPS.has(lead) && posAt(s.pos, a - 1) !== 'CCONJ' && posAt(s.pos, a - 1) !== 'VERB') return undefined;
  while (a < comma && posAt(s.pos, a) === 'ADP') a++;
  let b = comma - 1;
  while (b >= a && posAt(s.pos, b) === 'ADP') b--;
  if (a > b || posAt(s.pos, a) === 'ADP') return undefined;
  // The head comes before any preposition: "Ambassador" in "Pakistan's Ambassador to the United States".
  let head = b;
  for (let k = a; k <= b; k++)
    if (posAt(s.pos, k) === 'ADP') {
      head = k - 1;
      break;
    }
  if (head < a) return undefined;
  const h = tokenAt(s, head);
  if (!isTitleWord(h) && !(lowerCase(h) && posAt(s.pos, head) === 'NOUN')) return undefined;
  return { start: a, end: b, how: 'apposition' };
}

/** "X is a retired teacher", "X was the lone survivor". */
function copulaAfter(s: AnalysedSentence, end: number): Description | undefined {
  let c = end + 1;
  if (c >= tokenCount(s) || !BE_FORMS.has(fold(tokenAt(s, c)))) return undefined;
  c++;
  while (c < tokenCount(s) && posAt(s.pos, c) === 'ADV' && lowerCase(tokenAt(s, c))) c++;
  const pos = posAt(s.pos, c);
  if (pos !== 'DET' && pos !== 'ADJ' && pos !== 'NOUN' && pos !== 'PROPN' && pos !== 'NUM') return undefined;
  const b = phraseForward(s, c);
  return b >= c ? { start: c, end: b, how: 'copula' } : undefined;
}

/** The words for "/who is NAME" when the corpus names NAME but says nothing of who it is, or does not name it. */
export function whoIsNote(index: SearchIndex, subjects: string[], only: (d: number) => boolean = () => true): string {
  return subjects
    .map((subject) => {
      const { articles } = mentionsOf(index, subject, only);
      if (articles === 0) return `${subject}: not mentioned in the indexed articles.`;
      return `${subject}: mentioned in ${articles} article${articles === 1 ? '' : 's'}, not described.`;
    })
    .join(' ');
}
