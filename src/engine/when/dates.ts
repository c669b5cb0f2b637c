// Resolving a date phrase against the article's date. The anchor and tense logic is ours so that
// "met on Saturday" means the Saturday before publication and "will start on Monday" the one after.
// The phrase comes from date-spans.ts; the tense from the clause around it (tenseAt there).

export type Tense = 'past' | 'future';

/** What sort of time expression a phrase is, for ranking and for the caller's special cases. */
export type DateKind =
  | 'day' // June 3, 2024 / 3 June / yesterday
  | 'weekday' // (on) Monday
  | 'month' // March 2019 / in March / last month
  | 'week' // earlier this week
  | 'year' // 1930 / mid-2031 / last year
  | 'range' // 1927–1936 / 1868 and 1871
  | 'decade' // the 1870s
  | 'century' // the 19th century
  | 'relative' // a relative phrase with no article date to resolve it against
  | 'anaphor' // that year / the same year: the caller resolves it from earlier sentences
  | 'vague' // today with no anchor, recently, at the time
  | 'duration'; // two years, a 47-year-old: never an answer to "when"

export interface ResolvedDate {
  /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the coarsest form that is honest. */
  iso?: string;
  /** How precise the phrase is, 0..1, for ranking; 0 for durations. */
  precision: number;
  kind: DateKind;
  /** For ranges: the two ends, as they would resolve alone. */
  from?: string;
  to?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  several: 3,
  few: 3,
  couple: 2,
};
const NUM = `(\\d+|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT = '(second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie))s?';
const PAST_WORD = /\b(last|past|previous|earlier|ago)\b/;
const NEXT_WORD = /\b(next|coming|following|upcoming)\b/;

const monthIndex = (m: string): number => MONTHS.findIndex((name) => name.startsWith(m.slice(0, 3).toLowerCase()));
const pad = (n: number): string => String(n).padStart(2, '0');
const isoDay = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoMonth = (y: number, m: number): string => `${y}-${pad(m + 1)}`;
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);
const DAY = 86_400_000;

/** The article date as a UTC midnight, or undefined when it is missing or malformed. */
export function parseAnchor(anchor?: string): Date | undefined {
  if (!anchor || !/^\d{4}-\d{2}-\d{2}$/.test(anchor)) return undefined;
  const d = new Date(`${anchor}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || isoDay(d) !== anchor ? undefined : d;
}

function validDay(y: number, m: number, day: number): Date | undefined {
  const d = new Date(Date.UTC(y, m, day));
  return d.getUTCFullYear() === y && d.getUTCMonth() === m && d.getUTCDate() === day ? d : undefined;
}

/** Coarsest ISO form that contains the whole range, or undefined when no single form does. */
export function rangeIso(from: Date, to: Date): string | undefined {
  if (isoDay(from) === isoDay(to)) return isoDay(from);
  if (from.getUTCFullYear() === to.getUTCFullYear() && from.getUTCMonth() === to.getUTCMonth()) {
    return isoMonth(from.getUTCFullYear(), from.getUTCMonth());
  }
  return from.getUTCFullYear() === to.getUTCFullYear() ? String(from.getUTCFullYear()) : undefined;
}

/** Coarsest ISO form two ISO strings share ("2019-03-04" and "2019-03-20" → "2019-03"). */
function commonIso(a?: string, b?: string): string | undefined {
  if (!a || !b) return undefined;
  if (a === b) return a;
  if (a.slice(0, 7) === b.slice(0, 7) && a.length >= 7 && b.length >= 7) return a.slice(0, 7);
  return a.slice(0, 4) === b.slice(0, 4) ? a.slice(0, 4) : undefined;
}

/**
 * A month/day with no year takes the anchor's year, moved a year when the tense puts it on the
 * other side of publication ("in December" written in January about the past is last December).
 */
function yearFor(m: number, day: number, anchor: Date, tense: Tense): number {
  const y = anchor.getUTCFullYear();
  const candidate = Date.UTC(y, m, day);
  if (tense === 'past' && candidate > anchor.getTime() + DAY * 2) return y - 1;
  if (tense === 'future' && candidate < anchor.getTime() - DAY * 2) return y + 1;
  return y;
}

/** A month with no year: the past one that has begun by publication, or the future one not yet over. */
function yearForMonth(m: number, anchor: Date, tense: Tense): number {
  const y = anchor.getUTCFullYear();
  if (tense === 'past' && Date.UTC(y, m, 1) > anchor.getTime()) return y - 1;
  if (tense === 'future' && Date.UTC(y, m + 1, 0) < anchor.getTime()) return y + 1;
  return y;
}

const isYear = (n: number): boolean => n >= 1000 && n <= 2099;

/** Resolves one date phrase; never throws, and `iso` always matches YYYY(-MM(-DD)). */
export function resolveDate(phrase: string, anchorIso?: string, tense: Tense = 'past'): ResolvedDate {
  const p = phrase
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const anchor = parseAnchor(anchorIso);
  // The phrase's own words beat the clause: "next Monday" is ahead even in a past-tense sentence.
  const own: Tense = NEXT_WORD.test(p) && !PAST_WORD.test(p) ? 'future' : PAST_WORD.test(p) ? 'past' : tense;
  let m: RegExpMatchArray | null;

  // Ages and durations answer "how long", not "when": "two years", "a 47-year-old", "aged 78".
  if (/\d+-(year|month|week|day)s?-old\b|\baged? \d+\b|\bage of\b/.test(p)) return { precision: 0, kind: 'duration' };
  if (
    new RegExp(
      `^(?:for |about |some |nearly |almost |over |around |more than |less than |the )?(?:(?:a |the )?(?:few|couple of|several|many)|${NUM}(?:[ -]and[ -]a[ -]half)?)[ -]${UNIT}(?: (?:long|old|running|straight))?$`,
    ).test(p)
  ) {
    return { precision: 0, kind: 'duration' };
  }

  // Ranges: "1927-1936", "1958-59", "1868 and 1871", "from 1837 to 1839", "June 3-5".
  if ((m = p.match(/^(?:.*?\b)?(\d{4})s? ?(?:-|to|through|until|and) ?(\d{2}|\d{4})\b/)) && isYear(Number(m[1]))) {
    const y1 = Number(m[1]);
    let y2 = Number(m[2]);
    if (m[2].length === 2) y2 = Math.floor(y1 / 100) * 100 + y2;
    if (isYear(y2) && y2 > y1 && y2 - y1 < 300) {
      return { iso: undefined, precision: 0.7, kind: 'range', from: String(y1), to: String(y2) };
    }
  }
  if ((m = p.match(new RegExp(`\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)? ?(?:-|to|and|through|until) ?(\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?\\b`)))) {
    const month = monthIndex(m[1]);
    const year = m[4] ? Number(m[4]) : anchor ? yearFor(month, Number(m[2]), anchor, own) : undefined;
    const from = year !== undefined ? validDay(year, month, Number(m[2])) : undefined;
    const to = year !== undefined ? validDay(year, month, Number(m[3])) : undefined;
    if (from && to) return { iso: isoMonth(year!, month), precision: 0.85, kind: 'range', from: isoDay(from), to: isoDay(to) };
  }
  const twoMonths = p.match(new RegExp(`\\b${MONTH_RE}(?: (\\d{4}))? ?(?:-|to|and|through|until) ?${MONTH_RE}(?: (\\d{4}))?\\b`));
  if (twoMonths && (twoMonths[2] || twoMonths[4] || anchor) && !/\d{1,2} /.test(p.replace(/\d{4}/g, ''))) {
    const y2 = twoMonths[4] ? Number(twoMonths[4]) : twoMonths[2] ? Number(twoMonths[2]) : yearForMonth(monthIndex(twoMonths[3]), anchor!, own);
    const y1 = twoMonths[2] ? Number(twoMonths[2]) : y2;
    const a = isoMonth(y1, monthIndex(twoMonths[1]));
    const b = isoMonth(y2, monthIndex(twoMonths[3]));
    return { iso: commonIso(a, b), precision: 0.75, kind: 'range', from: a, to: b };
  }

  // June 3 2024 / 3 June 2024 / June 3 / 3 June / the 3rd of June
  if (
    (m = p.match(new RegExp(`\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?\\b`))) ||
    (m = p.match(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_RE}(?: (\\d{4}))?\\b`)))
  ) {
    const [monthWord, dayText] = /^\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
    const month = monthIndex(monthWord);
    const day = Number(dayText);
    const year = m[3] ? Number(m[3]) : anchor ? yearFor(month, day, anchor, own) : undefined;
    const date = year !== undefined ? validDay(year, month, day) : undefined;
    if (date || !m[3]) return { iso: date ? isoDay(date) : undefined, precision: 1, kind: 'day' };
  }
  if (new RegExp(`\\b${MONTH_RE}\\b.* of (that|the same|the following|the next|the previous|the preceding) year\\b`).test(p)) return { precision: 0.6, kind: 'anaphor' };
  // June 2024 / in March / early March / mid-June 2019
  if ((m = p.match(new RegExp(`\\b${MONTH_RE}(?: (?:of )?(\\d{4}))?\\b`))) && (m[1] !== 'may' || /\bin may\b|\bmay \d{4}\b|\b(early|mid|late)[ -]may\b|^may$/.test(p))) {
    const month = monthIndex(m[1]);
    const year = m[2] ? Number(m[2]) : anchor ? yearForMonth(month, anchor, own) : undefined;
    return { iso: year !== undefined ? isoMonth(year, month) : undefined, precision: 0.8, kind: 'month' };
  }
  // 300 BC / AD 79: no ISO form for them here.
  if (/\b\d{1,4} ?(bc|bce|b\.c\.)\b|\b(ad|a\.d\.) ?\d{1,4}\b|\b\d{1,4} ?(ad|ce|a\.d\.)\b/.test(p)) return { precision: 0.7, kind: 'year' };
  // the 1870s / the mid-1870s: no ISO form is that coarse.
  if (/\b(1\d|20)\d0'?s\b/.test(p)) return { precision: 0.5, kind: 'decade' };
  if (
    /\b(\d{1,2})(st|nd|rd|th)[ -]centur|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[ -]centur/.test(
      p,
    )
  ) {
    return { precision: 0.4, kind: 'century' };
  }
  // 1930 / in 1927 / mid-2031 / the winter of 1936 / fiscal 2033
  if ((m = p.match(/(?:^|[^\d.,$£€])(\d{4})(?![\d%])/)) && isYear(Number(m[1]))) return { iso: m[1], precision: 0.7, kind: 'year' };

  // Phrases that only an earlier sentence can date.
  if (
    /\b(that|the same|this same|that same|the following|the next|the previous|the preceding|the prior)( calendar)? (year|month|day|week|summer|winter|spring|autumn|fall)\b|\b(a|one|two|three) (year|month)s? (later|earlier|before|after)\b/.test(
      p,
    )
  ) {
    return { precision: 0.3, kind: 'anaphor' };
  }

  const wd = WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}s?\\b`).test(p));
  if (wd >= 0) {
    // With no article date a weekday is a habit ("on Sunday nights"), not a date.
    if (!anchor) return { precision: 0.2, kind: 'relative' };
    const today = anchor.getUTCDay();
    const forward = (wd - today + 7) % 7;
    const back = (today - wd + 7) % 7;
    let delta: number;
    // News style names the weekday for a week either side; the same weekday is the day itself,
    // unless the phrase says "last" or "next".
    if (/\blast\b|\bpast\b|\bprevious\b/.test(p)) delta = -(back || 7);
    else if (/\bnext\b|\bcoming\b/.test(p)) delta = forward || 7;
    else delta = own === 'future' ? forward : -back;
    return { iso: isoDay(addDays(anchor, delta)), precision: 0.95, kind: 'weekday' };
  }

  if (
    /^(?:just |until |till |up to |by |since )?(now|nowadays|currently|recently|lately|at the time|at that time|at present|these days|those days|once|then|today)$/.test(p) &&
    !anchor
  ) {
    return { precision: 0.1, kind: 'vague' };
  }
  if (!anchor) {
    const relative = /\b(yesterday|tomorrow|today|tonight|ago|last|next|this|coming|earlier|later|week|weekend|month|year|morning|evening|afternoon|night)\b/.test(p);
    return { precision: relative ? 0.25 : 0.3, kind: relative ? 'relative' : 'vague' };
  }

  if (/\bday before yesterday\b/.test(p)) return { iso: isoDay(addDays(anchor, -2)), precision: 0.9, kind: 'day' };
  if (/\bday after tomorrow\b/.test(p)) return { iso: isoDay(addDays(anchor, 2)), precision: 0.9, kind: 'day' };
  if (/\byesterday\b/.test(p) || /\blast (night|evening)\b|\bovernight\b/.test(p)) return { iso: isoDay(addDays(anchor, -1)), precision: 0.9, kind: 'day' };
  if (/\btomorrow\b/.test(p)) return { iso: isoDay(addDays(anchor, 1)), precision: 0.9, kind: 'day' };
  if (/\b(today|tonight|this (morning|evening|afternoon))\b/.test(p)) return { iso: isoDay(anchor), precision: 0.85, kind: 'day' };

  if ((m = p.match(new RegExp(`\\b${NUM} ${UNIT} (ago|earlier|before|from now|later|hence)\\b`))) || (m = p.match(new RegExp(`\\b(?:in|within) ${NUM} ${UNIT}(?: time)?$`)))) {
    const n = NUMBER_WORDS[m[1]] ?? Number(m[1]);
    const sign = m[3] === undefined || /from now|later|hence/.test(m[3]) ? 1 : -1;
    const unit = m[2];
    // "in two weeks" only counts from publication when the clause speaks of the future.
    if (m[3] === undefined && own !== 'future') return { precision: 0.3, kind: 'relative' };
    if (m[3] && /earlier|before|later/.test(m[3]) && !/ago|from now|hence/.test(m[3])) return { precision: 0.3, kind: 'anaphor' };
    if (!Number.isFinite(n) || n > 5000) return { precision: 0.3, kind: 'relative' };
    if (unit === 'day' || unit === 'night') return { iso: isoDay(addDays(anchor, sign * n)), precision: 0.85, kind: 'day' };
    if (unit === 'week' || unit === 'fortnight') {
      const d = addDays(anchor, sign * n * (unit === 'week' ? 7 : 14));
      const monday = addDays(d, -((d.getUTCDay() + 6) % 7));
      return { iso: rangeIso(monday, addDays(monday, 6)), precision: 0.5, kind: 'week' };
    }
    if (unit === 'month') {
      const d = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + sign * n, 1));
      return { iso: isoMonth(d.getUTCFullYear(), d.getUTCMonth()), precision: 0.6, kind: 'month' };
    }
    if (unit === 'year') return { iso: String(anchor.getUTCFullYear() + sign * n), precision: 0.5, kind: 'year' };
    return { precision: 0.3, kind: 'relative' };
  }

  const shift = /\blast\b|\bpast\b|\bprevious\b/.test(p) ? -1 : /\bnext\b|\bcoming\b/.test(p) ? 1 : /\bthis\b|\bcurrent\b|\bthe\b/.test(p) ? 0 : undefined;
  if (/\bweekend\b/.test(p) && shift !== undefined) {
    // Saturday and Sunday: the latest one at or before publication, or the next one after it.
    const today = anchor.getUTCDay();
    const future = shift === 1 || (shift === 0 && own === 'future');
    let delta = future ? (6 - today + 7) % 7 : -((today + 1) % 7);
    if (shift === 1 && delta === 0) delta = 7;
    if (shift === -1 && (today === 6 || today === 0)) delta -= 7;
    const sat = addDays(anchor, delta);
    return { iso: rangeIso(sat, addDays(sat, 1)), precision: 0.6, kind: 'week' };
  }
  if (/\bweek\b/.test(p) && shift !== undefined) {
    const monday = addDays(anchor, -((anchor.getUTCDay() + 6) % 7));
    const from = addDays(monday, shift * 7);
    let [start, end] = [from, addDays(from, 6)];
    if (shift === 0 && /\bearlier\b/.test(p)) end = anchor;
    if (shift === 0 && /\blater\b/.test(p)) start = anchor;
    return { iso: rangeIso(start, end), precision: 0.5, kind: 'week' };
  }
  if (/\bmonth\b/.test(p) && shift !== undefined) {
    const d = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + shift, 1));
    return { iso: isoMonth(d.getUTCFullYear(), d.getUTCMonth()), precision: 0.6, kind: 'month' };
  }
  if (/\byear\b/.test(p) && shift !== undefined) return { iso: String(anchor.getUTCFullYear() + shift), precision: 0.45, kind: 'year' };
  if (/\b(spring|summer|autumn|fall|winter)\b/.test(p) && shift !== undefined) {
    const y = anchor.getUTCFullYear() + (shift === -1 && !/\bwinter\b/.test(p) ? -1 : shift === 1 ? 1 : 0);
    return { iso: String(y), precision: 0.45, kind: 'year' };
  }
  if (/^(?:just |until |till |up to |by |since )?(now|nowadays|currently|recently|lately|at the time|at that time|at present|these days|those days|once|then)$/.test(p)) {
    return { precision: 0.1, kind: 'vague' };
  }
  return { precision: 0.3, kind: 'vague' };
}
