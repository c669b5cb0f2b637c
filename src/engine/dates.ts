// Resolving a date phrase against the article's date. The anchor and tense logic is ours so that
// "met on Saturday" means the Saturday before publication and "will start on Monday" the one after.

export type Tense = 'past' | 'future';

export interface ResolvedDate {
  /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the coarsest form that is honest. */
  iso?: string;
  /** How precise the phrase is, 0..1, for ranking. */
  precision: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const monthIndex = (m: string): number => MONTHS.findIndex((name) => name.startsWith(m.slice(0, 3).toLowerCase()));
const pad = (n: number): string => String(n).padStart(2, '0');
const isoDay = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoMonth = (y: number, m: number): string => `${y}-${pad(m + 1)}`;
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);

function parseAnchor(anchor?: string): Date | undefined {
  if (!anchor || !/^\d{4}-\d{2}-\d{2}$/.test(anchor)) return undefined;
  const d = new Date(`${anchor}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function validDay(y: number, m: number, day: number): Date | undefined {
  const d = new Date(Date.UTC(y, m, day));
  return d.getUTCMonth() === m && d.getUTCDate() === day ? d : undefined;
}

/** Coarsest ISO form that contains the whole range. */
function rangeIso(from: Date, to: Date): string | undefined {
  if (isoDay(from) === isoDay(to)) return isoDay(from);
  if (from.getUTCFullYear() === to.getUTCFullYear() && from.getUTCMonth() === to.getUTCMonth()) {
    return isoMonth(from.getUTCFullYear(), from.getUTCMonth());
  }
  return from.getUTCFullYear() === to.getUTCFullYear() ? String(from.getUTCFullYear()) : undefined;
}

/** A month/day with no year takes the anchor's year, moved by tense when that lands on the wrong side. */
function yearFor(m: number, day: number, anchor: Date, tense: Tense): number {
  const y = anchor.getUTCFullYear();
  const candidate = Date.UTC(y, m, day);
  if (tense === 'past' && candidate > anchor.getTime() + 86_400_000 * 2) return y - 1;
  if (tense === 'future' && candidate < anchor.getTime() - 86_400_000 * 2) return y + 1;
  return y;
}

export function resolveDate(phrase: string, anchorIso?: string, tense: Tense = 'past'): ResolvedDate {
  const p = phrase.toLowerCase().replace(/[,]/g, ' ').replace(/\s+/g, ' ').trim();
  const anchor = parseAnchor(anchorIso);
  let m: RegExpMatchArray | null;

  // June 22 2024 / 22 June 2024 / June 22 / 22 June
  if ((m = p.match(new RegExp(`\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?\\b`)))
    || (m = p.match(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_RE}(?: (\\d{4}))?\\b`)))) {
    const [monthWord, dayText] = /^\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
    const month = monthIndex(monthWord);
    const day = Number(dayText);
    const year = m[3] ? Number(m[3]) : anchor ? yearFor(month, day, anchor, tense) : undefined;
    const date = year !== undefined ? validDay(year, month, day) : undefined;
    return { iso: date ? isoDay(date) : undefined, precision: 1 };
  }
  // June 2024 / in March
  if ((m = p.match(new RegExp(`\\b${MONTH_RE}(?: (?:of )?(\\d{4}))?\\b`))) && (m[1] !== 'may' || /\bin may\b|\bmay \d{4}\b/.test(p))) {
    const month = monthIndex(m[1]);
    const year = m[2] ? Number(m[2]) : anchor ? yearFor(month, 15, anchor, tense) : undefined;
    return { iso: year !== undefined ? isoMonth(year, month) : undefined, precision: 0.8 };
  }
  if ((m = p.match(/\b(1[6-9]\d\d|20\d\d)s\b/))) return { iso: undefined, precision: 0.4 };
  if ((m = p.match(/\b(1[6-9]\d\d|20\d\d)\b/))) return { iso: m[1], precision: 0.7 };

  const wd = WEEKDAYS.findIndex((w) => p.includes(w));
  if (wd >= 0) {
    if (!anchor) return { precision: 0.9 };
    const today = anchor.getUTCDay();
    const future = /\bnext\b|\bcoming\b/.test(p) || (tense === 'future' && !/\blast\b|\bpast\b/.test(p));
    let delta = future ? (wd - today + 7) % 7 || 7 : -((today - wd + 7) % 7);
    if (!future && /\blast\b/.test(p) && delta === 0) delta = -7;
    return { iso: isoDay(addDays(anchor, delta)), precision: 0.95 };
  }
  if (!anchor) return { precision: 0.3 };
  if (/\byesterday\b/.test(p)) return { iso: isoDay(addDays(anchor, -1)), precision: 0.9 };
  if (/\btomorrow\b/.test(p)) return { iso: isoDay(addDays(anchor, 1)), precision: 0.9 };
  if (/\btoday\b|\btonight\b|\bthis morning\b|\bthis evening\b/.test(p)) return { iso: isoDay(anchor), precision: 0.85 };
  if ((m = p.match(/\b(\d+|a|one|two|three|four|five|six|seven|ten) days? ago\b/))) {
    const words: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10 };
    const n = words[m[1]] ?? Number(m[1]);
    return { iso: isoDay(addDays(anchor, -n)), precision: 0.85 };
  }
  if (/\bweek\b/.test(p)) {
    const monday = addDays(anchor, -((anchor.getUTCDay() + 6) % 7));
    const shift = /\blast\b|\bpast\b|\bprevious\b/.test(p) ? -7 : /\bnext\b|\bcoming\b/.test(p) ? 7 : 0;
    const from = addDays(monday, shift);
    const to = shift === 0 && /\bearlier\b/.test(p) ? anchor : addDays(from, 6);
    return { iso: rangeIso(from, to), precision: 0.5 };
  }
  if (/\bmonth\b/.test(p)) {
    const shift = /\blast\b|\bpast\b|\bprevious\b/.test(p) ? -1 : /\bnext\b|\bcoming\b/.test(p) ? 1 : 0;
    const d = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + shift, 1));
    return { iso: isoMonth(d.getUTCFullYear(), d.getUTCMonth()), precision: 0.5 };
  }
  if (/\byear\b/.test(p)) {
    const shift = /\blast\b|\bpast\b|\bprevious\b/.test(p) ? -1 : /\bnext\b|\bcoming\b/.test(p) ? 1 : 0;
    return { iso: String(anchor.getUTCFullYear() + shift), precision: 0.45 };
  }
  return { precision: 0.3 };
}

const FUTURE_MARKERS = /\b(will|shall|would|going to|set to|scheduled|due to|plans? to|planned|upcoming|next|expected to|to be held|is to|are to)\b|['’]ll\b/i;

/** Whether the clause around a date speaks of the future relative to publication. */
export const tenseOf = (text: string): Tense => (FUTURE_MARKERS.test(text) ? 'future' : 'past');
