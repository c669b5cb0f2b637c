import type { SearchIndex, SentenceRecord } from '../../index/index.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { textOf } from '../names/names.ts';
import { resolveDate, type ResolvedDate, type Tense } from './dates.ts';
import { clausesOf, crossings, findDateSpans, type Clauses, type DateSpan } from './date-spans.ts';
import { tenseAt } from './tense.ts';
import { analyseWhen, type WhenQuestion } from './when-question.ts';
import { eventRoot } from './when-words.ts';
import type { QueryPlan } from '../query.ts';
import type { Hit } from '../retrieve/retrieve.ts';
import type { Candidate } from '../candidate.ts';

/** A boundary between clauses counts as this many tokens of distance. */
const CLAUSE_COST = 6;
const CHROME = /^\s*(published|updated|posted|last (updated|modified)|first published|copyright|©)\b/i;

/**
 * Date phrases in the retrieved sentences, resolved against the article date and ranked by how
 * closely they attach to the event asked about: the question's words, and above all its main
 * verb, in the same clause; then by how specific the date is.
 */
export function whenCandidates(index: SearchIndex, plan: QueryPlan, hits: Hit[]): Candidate[] {
  const q = analyseWhen(plan.text);
  const out: Candidate[] = [];
  for (const hit of hits) {
    const s = hit.sentence;
    const anchor = index.docs[s.doc].date;
    const clauses = clausesOf(s);
    const events = eventPositions(s, q, hit);
    const chrome = CHROME.test(s.text) ? 0.3 : 1;
    for (const span of findDateSpans(s)) {
      const [a, b] = pickEnd(s, span, q);
      const phrase = textOf(s, a, b);
      const tense = tenseAt(s, a, b, clauses);
      const resolved = resolveDate(phrase, anchor, tense);
      if (resolved.kind === 'duration' || (resolved.kind === 'vague' && resolved.precision <= 0.1)) continue;
      let answer = phrase;
      let { iso } = resolved;
      let precision = resolved.precision;
      if (resolved.kind === 'anaphor') {
        const year = yearBefore(index, hit.id, a, phrase);
        if (year) {
          const month = MONTH_IN.exec(phrase);
          iso = month ? `${year}-${String(monthNumber(month[1])).padStart(2, '0')}` : year;
          answer = `${phrase} (${year})`;
          precision = 0.65;
        } else precision = 0.15;
      }
      // "prior to 2000", "of the 2000s": a date the question itself gives is not its answer.
      const own = ownWords(hit, a, b) ? 0.3 : 1;
      const fit =
        attachment(plan, q, hit, clauses, events, a, b) * (0.55 + 0.45 * precision) * own * tenseFit(q, resolved, anchor, iso, tense) * attributive(s, hit, events, b) * chrome;
      out.push({ answer, ...(iso ? { date: iso } : {}), hit, score: hit.score * fit, evidence: s.text });
    }
  }
  return out;
}

/** Whether every word of the date is one of the question's own (a more specific date is still an answer: "June 3" for "in June"). */
function ownWords(hit: Hit, a: number, b: number): boolean {
  const matched = new Set([...hit.matched.values()].flat());
  let any = false;
  for (let i = a; i <= b; i++) {
    if (!/[\p{L}\p{N}]/u.test(tokenAt(hit.sentence, i))) continue;
    if (!matched.has(i)) return false;
    any = true;
  }
  return any;
}

/** The token span of the answer: a whole range, or its first or last end when the question asks how something began or ended. */
function pickEnd(s: SentenceRecord, span: DateSpan, q: WhenQuestion): [number, number] {
  if (span.split === undefined) return [span.start, span.end];
  if (q.start) return [span.start, span.split];
  if (q.end) {
    let from = span.split + 2;
    // "1958–59": the second end alone is not a year.
    if (/^\d{2}$/.test(tokenAt(s, from))) return [span.start, span.end];
    while (from < span.end && !/\d|\p{L}/u.test(tokenAt(s, from))) from++;
    return [from, span.end];
  }
  return [span.start, span.end];
}

interface EventPosition {
  at: number;
  /** The verb is used actively with an object after it ("approved a plan"). */
  active: boolean;
  /** …and that object is what the question names ("established this settlement"). */
  objectAsked: boolean;
}

/** Whether a word of the question follows the verb closely, as its object. */
function objectMatches(hit: Hit, i: number, n: number): boolean {
  for (const positions of hit.matched.values()) if (positions.some((p) => p > i && p <= Math.min(n - 1, i + 4))) return true;
  return false;
}

/** Where the sentence states the question's event (its verb, or a form of it: "death" for "die"). */
function eventPositions(s: SentenceRecord, q: WhenQuestion, hit: Hit): EventPosition[] {
  const out: EventPosition[] = [];
  if (q.events.size === 0) return out;
  const n = tokenCount(s);
  for (let i = 0; i < n; i++) {
    const t = tokenAt(s, i);
    if (!/^\p{L}/u.test(t) || !q.events.has(eventRoot(t))) continue;
    const pos = posAt(s.pos, i);
    const prev = i > 0 ? tokenAt(s, i - 1).toLowerCase() : '';
    const nextPos = i + 1 < n ? posAt(s.pos, i + 1) : 'PUNCT';
    const active =
      pos === 'VERB' &&
      !/^(was|were|is|are|be|been|being|having|'s|’s)$/.test(prev) &&
      (nextPos === 'DET' || nextPos === 'NOUN' || nextPos === 'PROPN' || nextPos === 'PRON' || nextPos === 'ADJ' || nextPos === 'NUM');
    out.push({ at: i, active, objectAsked: active && objectMatches(hit, i, n) });
  }
  return out;
}

/** Distance from a token to the span, with each clause boundary in between counting CLAUSE_COST tokens. */
function distance(clauses: Clauses, p: number, a: number, b: number): number {
  if (p >= a && p <= b) return 0;
  const d = p < a ? a - p : p - b;
  return d + CLAUSE_COST * crossings(clauses, p, p < a ? a : b);
}

function attachment(plan: QueryPlan, q: WhenQuestion, hit: Hit, clauses: Clauses, events: EventPosition[], a: number, b: number): number {
  let near = 0;
  let total = 0;
  const s = hit.sentence;
  // "The Long Border War (1702–1709)": a date in parentheses right after a name dates that name.
  const glossOf = a >= 2 && tokenAt(s, a - 1) === '(' && b + 1 < tokenCount(s) && tokenAt(s, b + 1) === ')' ? a - 2 : -1;
  for (const concept of plan.concepts) {
    // The names in the question are what it is about: the date in their clause counts most.
    const w = concept.weight * (concept.name ? 1.5 : 1);
    total += w;
    const positions = hit.matched.get(concept);
    if (!positions) continue;
    const d = Math.min(...positions.map((p) => (p === glossOf ? 0 : distance(clauses, p, a, b))));
    near += w / (1 + d / 5);
  }
  const words = total > 0 ? near / total : 0;
  if (q.events.size === 0) return 0.3 + 0.7 * words;
  if (events.length === 0) return 0.8 * (0.3 + 0.7 * words);
  let best = events[0];
  let bestD = Infinity;
  for (const e of events) {
    const d = distance(clauses, e.at, a, b);
    if (d < bestD) [best, bestD] = [e, d];
  }
  // "when was X approved": in "X's committee approved a plan on Tuesday" the approving was done by X, to something else.
  const voice = q.passive && best.active && !best.objectAsked ? 0.7 : 1;
  return (0.3 + 0.4 * words + 0.3 / (1 + bestD / 3)) * voice;
}

const MONTH_IN = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const monthNumber = (m: string): number => ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(m.slice(0, 3).toLowerCase()) + 1;

/**
 * A date written before a noun ("its 1927–1936 jingles", "the 1958 original") dates that thing,
 * not the event, unless the noun is the event or a word of the question ("his 1837 publication").
 */
function attributive(s: SentenceRecord, hit: Hit, events: EventPosition[], b: number): number {
  const n = tokenCount(s);
  let head = b + 1;
  while (head < n && head < b + 4 && (posAt(s.pos, head) === 'ADJ' || (posAt(s.pos, head) === 'NOUN' && head + 1 < n && posAt(s.pos, head + 1) === 'NOUN'))) head++;
  if (head >= n || posAt(s.pos, head) !== 'NOUN') return 1;
  if (/^(season|year|years|period|era|census|election|elections|edition)$/i.test(tokenAt(s, head))) return 1;
  // The noun phrase it dates is the event itself, or what the question names: "the inventor's March 1902 announcement of the device".
  const within = (p: number): boolean => p > b && p <= head + 3;
  if (events.some((e) => within(e.at))) return 1;
  for (const positions of hit.matched.values()) if (positions.some(within)) return 1;
  return 0.8;
}

/** "when will…" wants a date after publication, "when did…" one before it; with no article date, a clause in the same tense. */
function tenseFit(q: WhenQuestion, r: ResolvedDate, anchor: string | undefined, iso: string | undefined, tense: Tense): number {
  if (q.present) return r.kind === 'vague' ? 0.8 : 1;
  if (!anchor || !iso) return q.future === (tense === 'future') ? 1 : q.future ? 0.8 : 0.9;
  const day = anchor.slice(0, iso.length);
  if (q.future && iso < day) return 0.6;
  if (!q.future && iso > day) return 0.75;
  return r.kind === 'vague' ? 0.8 : 1;
}

/** The year an anaphor ("that year", "the following year") refers to: the latest one stated before it. */
function yearBefore(index: SearchIndex, id: number, before: number, phrase: string): string | undefined {
  const d = index.sentences[id].doc;
  const first = index.docs[d].first;
  const offset = /\b(following|next|later|after)\b/.test(phrase.toLowerCase()) ? 1 : /\b(previous|preceding|prior|earlier|before)\b/.test(phrase.toLowerCase()) ? -1 : 0;
  const count = /\b(two)\b/i.test(phrase) ? 2 : /\b(three)\b/i.test(phrase) ? 3 : 1;
  for (let k = id; k >= Math.max(first, id - 4); k--) {
    const s = index.sentences[k];
    const spans = findDateSpans(s).filter((sp) => k < id || sp.end < before);
    for (let j = spans.length - 1; j >= 0; j--) {
      const sp = spans[j];
      const r = resolveDate(textOf(s, sp.start, sp.split ?? sp.end), index.docs[d].date);
      const year = r.iso?.slice(0, 4) ?? r.from?.slice(0, 4);
      if (year && /^\d{4}$/.test(year)) return String(Number(year) + offset * count);
    }
  }
  return undefined;
}
