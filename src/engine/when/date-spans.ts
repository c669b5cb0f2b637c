// Date phrases in an analysed sentence, and the clause structure around them.
// wink's lite model tags most DATE entities; it misses some ("last night" is TIME, "his 1837
// publication" is CARDINAL, "mid-2031" is a PROPN) and splits ranges ("1927–1936" is two DATEs).
import type { AnalysedSentence } from '../../nlp/analyse.ts';
import { posAt, type PosTag } from '../../nlp/pos.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';

export interface DateSpan {
  /** First and last token, inclusive. */
  start: number;
  end: number;
  /** For a range ("1837–1871"), the last token of its first end. */
  split?: number;
}

const WEEKDAY_OR_TODAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight)s?$/i;
const CALENDAR =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;
/** TIME entities that name a day, not a clock time: "last night", "this morning", "Saturday night". */
const DAY_TIME = /\b(last|this|tonight|yesterday|tomorrow|today|overnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const EXTEND_LEFT = new Set(['early', 'earlier', 'late', 'later', 'mid', 'around', 'circa', 'c.', 'ca.']);
/** Words after which a bare four-digit number is a year: "in 1927", "his 1837 publication", "(1868". */
const YEAR_BEFORE = new Set([
  'in',
  'since',
  'by',
  'until',
  'till',
  'from',
  'after',
  'before',
  'during',
  'circa',
  'c.',
  'ca.',
  'around',
  'early',
  'late',
  'mid',
  'between',
  'his',
  'her',
  'its',
  'their',
  'our',
  'the',
  'this',
  'that',
  "'s",
  '’s',
  '(',
  'and',
  'to',
  '–',
  '-',
  '—',
  'of',
  'year',
  'summer',
  'winter',
  'spring',
  'autumn',
  'fall',
  'through',
  'throughout',
  'fiscal',
  'season',
  ',',
]);
const RANGE_JOINERS = new Set(['–', '-', '—', '−', 'to', 'and', 'through', 'until', 'till', '/']);
const isYearToken = (t: string): boolean => /^\d{4}$/.test(t) && Number(t) >= 1000 && Number(t) <= 2099;

/** Date phrases, left to right, not overlapping; ranges joined into one span. */
export function findDateSpans(s: AnalysedSentence): DateSpan[] {
  const n = tokenCount(s);
  const tok = (i: number): string => (i >= 0 && i < n ? tokenAt(s, i) : '');
  const covered = new Array<boolean>(n).fill(false);
  const spans: DateSpan[] = [];
  const add = (start: number, end: number): void => {
    for (let i = start; i <= end; i++) covered[i] = true;
    spans.push({ start, end });
  };

  for (const [a, b, type] of s.ents) {
    const text = s.text.slice(s.off[2 * a], s.off[2 * b + 1]);
    if (type === 'TIME' && !DAY_TIME.test(text)) continue;
    // The model sometimes calls a span of years a DURATION: "(rebuilt 1868–1871)".
    if (type === 'DURATION' && /^\d{4}\s*[–\-—]\s*\d{2,4}$/.test(text) && isYearToken(tok(a))) {
      add(a, b);
      continue;
    }
    if (type !== 'DATE' && type !== 'TIME') continue;
    // "Today" inside a name ("History Today"), a weekday inside one ("the ABC Sunday Night Movie").
    if (a === b && WEEKDAY_OR_TODAY.test(text)) {
      const prev = tok(a - 1);
      if (a > 0 && /^\p{Lu}/u.test(prev) && !CALENDAR.test(prev) && !/^(On|In|By|Since|Until|Last|Next|This|Early|Late)$/.test(prev)) continue;
    }
    // "History Today", "Good Evening Lumsk … This Morning": a relative phrase capitalised mid-sentence is a title.
    if (a > 0 && /^(Today|Tonight|This|Last|Next|Yesterday|Tomorrow)$/.test(tok(a)) && !/^["“‘'(]$/.test(tok(a - 1))) continue;
    add(a, b);
  }
  for (let i = 0; i < n; i++) {
    if (covered[i]) continue;
    const t = tok(i);
    if (/^(mid|early|late)-(\d{4}|\d{3}0s)$/i.test(t) || /^(1\d|20)\d0'?s$/.test(t)) {
      add(i, i);
      continue;
    }
    if (!isYearToken(t)) continue;
    const prev = tok(i - 1).toLowerCase();
    const next = tok(i + 1);
    const nextPos = i + 1 < n ? posAt(s.pos, i + 1) : 'PUNCT';
    const yearish = YEAR_BEFORE.has(prev) || (i === 0 && next === ',');
    const counted = (nextPos === 'NOUN' && /s$/i.test(next) && !/^(season|series|census|crisis|process)$/i.test(next)) || /^(%|percent|per)$/i.test(next);
    if (yearish && !counted && prev !== '$') add(i, i);
  }
  spans.sort((x, y) => x.start - y.start);

  // Left modifiers: "earlier this week", "early 1936", "circa 1958".
  for (const sp of spans) {
    while (sp.start > 0 && !covered[sp.start - 1] && EXTEND_LEFT.has(tok(sp.start - 1).toLowerCase())) covered[--sp.start] = true;
  }
  // "December of the same year", "the spring of that year": the anaphor belongs to the phrase.
  for (const sp of spans) {
    const words = [1, 2, 3, 4].map((k) => tok(sp.end + k).toLowerCase());
    if (words[0] === 'of' && /^(that|the|this)$/.test(words[1])) {
      const len = words[2] === 'year' ? 3 : /^(same|following|next|previous|preceding)$/.test(words[2]) && words[3] === 'year' ? 4 : 0;
      if (len) {
        for (let k = 1; k <= len; k++) covered[sp.end + k] = true;
        sp.end += len;
      }
    }
  }
  // Drop what an extension swallowed ("same year" inside "December of the same year").
  for (let k = spans.length - 1; k >= 0; k--) {
    if (spans.some((o, j) => j !== k && o.start <= spans[k].start && o.end >= spans[k].end && (o.start < spans[k].start || o.end > spans[k].end))) spans.splice(k, 1);
  }
  // Ranges: "1927–1936", "winter of 1958–59", "1868 and 1871", "(1837–1839)".
  const out: DateSpan[] = [];
  for (const sp of spans) {
    const last = out.at(-1);
    const joiner = last ? tok(last.end + 1).toLowerCase() : '';
    if (last && sp.start === last.end + 2 && RANGE_JOINERS.has(joiner) && sameShape(tok(last.end), tok(sp.end))) {
      out[out.length - 1] = { start: last.start, end: sp.end, split: last.end };
      continue;
    }
    out.push({ ...sp });
  }
  for (const sp of out) {
    for (let k = sp.start + 1; k < sp.end && sp.split === undefined; k++) {
      if (/^[–\-—]$/.test(tok(k)) && /\d$/.test(tok(k - 1)) && /^\d/.test(tok(k + 1))) sp.split = k - 1;
    }
    // "(rebuilt 1868–1871)": a first year the model tagged CARDINAL.
    if (
      sp.split === undefined &&
      sp.start >= 2 &&
      isYearToken(tok(sp.start)) &&
      /^[–\-—]$/.test(tok(sp.start - 1)) &&
      isYearToken(tok(sp.start - 2)) &&
      !covered[sp.start - 2] &&
      glued(s, sp.start - 1) &&
      glued(s, sp.start)
    ) {
      sp.split = sp.start - 2;
      sp.start -= 2;
    }
    // "1958–59": a two-digit second year the model left untagged.
    if (
      sp.split === undefined &&
      /\d{4}$/.test(tok(sp.end)) &&
      /^[–\-—]$/.test(tok(sp.end + 1)) &&
      /^\d{2}$/.test(tok(sp.end + 2)) &&
      glued(s, sp.end + 1) &&
      glued(s, sp.end + 2)
    ) {
      sp.split = sp.end;
      sp.end += 2;
    }
  }
  return out;
}

/** Two ends of one range: both years, both days of a month, both months. */
function sameShape(a: string, b: string): boolean {
  if (/^\d{4}s?$/.test(a) && /^\d{2,4}s?$/.test(b)) return true;
  const kind = (t: string): string => (CALENDAR.test(t) ? 'cal' : /^\d/.test(t) ? 'num' : 'word');
  return kind(a) !== 'word' && kind(a) === kind(b);
}

const glued = (s: AnalysedSentence, i: number): boolean => i > 0 && s.off[2 * i] === s.off[2 * i - 1];

const BOUNDARY_TOKENS = new Set([';', ':', '—', '--', '[', ']']);
const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'where', 'while', 'whereas', 'although', 'though', 'because']);
const SUBJECTISH = new Set<PosTag>(['DET', 'PROPN', 'NOUN', 'PRON', 'ADJ', 'NUM', 'PUNCT']);

export interface Clauses {
  /** Clause number of each token. */
  clause: number[];
  /** Parenthesis depth of each token. */
  depth: number[];
}

/** Splits a sentence into rough clauses at semicolons, dashes, parentheses, subordinators and "and" + new subject. */
export function clausesOf(s: AnalysedSentence): Clauses {
  const n = tokenCount(s);
  // One entry per token, every token: sized once, not grown.
  const id = new Array<number>(n);
  const depth = new Array<number>(n);
  let current = 0;
  let next = 1;
  const stack: number[] = [];
  const relative: number[] = [];
  let d = 0;
  for (let i = 0; i < n; i++) {
    const t = tokenAt(s, i);
    const pos = posAt(s.pos, i);
    if (t === '(') {
      stack.push(current);
      d++;
      current = next++;
    } else if (t === ')' && stack.length) {
      id[i] = current;
      depth[i] = d;
      d--;
      current = stack.pop()!;
      continue;
    } else if (BOUNDARY_TOKENS.has(t) || (/^[–-]$/.test(t) && !glued(s, i) && !glued(s, i + 1))) {
      current = next++;
    } else if ((pos === 'SCONJ' || RELATIVES.has(t.toLowerCase())) && !(i > 0 && tokenAt(s, i - 1) === ',' && relative.length)) {
      current = next++;
    } else if (t === ',' && i + 1 < n && /^(which|who|whom|whose)$/i.test(tokenAt(s, i + 1))) {
      // ", which was built in 1932," is a clause inside the main one: it ends at the next comma.
      relative.push(current);
      current = next++;
    } else if (t === ',' && i + 1 < n && (posAt(s.pos, i + 1) === 'SCONJ' || posAt(s.pos, i + 1) === 'CCONJ' || RELATIVES.has(tokenAt(s, i + 1).toLowerCase()))) {
      current = next++;
    } else if (t === ',' && relative.length) {
      id[i] = current;
      depth[i] = d;
      current = relative.pop()!;
      continue;
    } else if (pos === 'CCONJ' && newSubjectAfter(s, i, n)) {
      current = next++;
    }
    id[i] = current;
    depth[i] = d;
  }
  return { clause: id, depth };
}

/** "… in 1921 and Halvorsen did receive …": a conjunction followed by a subject and its verb. */
function newSubjectAfter(s: AnalysedSentence, i: number, n: number): boolean {
  for (let j = i + 1; j < Math.min(n, i + 6); j++) {
    const pos = posAt(s.pos, j);
    if (pos === 'AUX' || pos === 'VERB') return j > i + 1;
    if (!SUBJECTISH.has(pos)) return false;
  }
  return false;
}

/** How many clause boundaries lie between two tokens (a parenthesis skipped over counts none). */
export function crossings(c: Clauses, i: number, j: number): number {
  if (i > j) [i, j] = [j, i];
  const floor = Math.min(c.depth[i], c.depth[j]);
  let count = c.depth[i] !== c.depth[j] ? 1 : 0;
  let last = c.clause[i];
  for (let k = i + 1; k <= j; k++) {
    if (c.depth[k] > floor) continue;
    if (c.clause[k] !== last) {
      count++;
      last = c.clause[k];
    }
  }
  return count;
}
