// Article dates: the corpus format's ` date YYYY-MM-DD` header and
// human-readable date banners left over from scraped web pages.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthIndex(name: string): number {
  const key = name.toLowerCase().slice(0, 3);
  return MONTHS.indexOf(key);
}

/** ISO date if y-m-d is a real calendar day. */
export function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The corpus header: `date YYYY-MM-DD` at the start of a line, possibly glued to body text. */
// The day has exactly two digits, so text glued right after it ("…-2913.1 C") is the rest of the line.
const DATE_HEADER = /^date:?\s+(\d{4})-(\d{2})-(\d{2})\s*/i;

export interface DateHeader {
  date?: string;
  /** Whatever followed the date on the same line (glued body or headline). */
  rest: string;
}

export function parseDateHeader(line: string): DateHeader | undefined {
  const m = DATE_HEADER.exec(line.trim());
  if (!m) return undefined;
  return { date: isoDate(+m[1], +m[2], +m[3]), rest: line.trim().slice(m[0].length).trim() };
}

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?';
const LABEL = '(?:(?:date|published|updated|posted|last updated|first published)(?:\\s+on)?:?\\s+)?';
const TIME = '(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5})?)?';
const ORD = '(?:st|nd|rd|th)?';

const MONTH_FIRST = new RegExp(`^${LABEL}${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})${TIME}$`, 'i');
const DAY_FIRST = new RegExp(`^${LABEL}${WEEKDAY}(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})${TIME}$`, 'i');
const ISO = new RegExp(`^${LABEL}(\\d{4})-(\\d{2})-(\\d{2})${TIME}$`, 'i');

/**
 * A line that is nothing but a date ("Tuesday, April 30, 2024", "30 April 2024",
 * "Updated: Apr 30, 2024 10:15 PKT", "2024-04-30") → ISO date; anything else → undefined.
 */
export function parseDateBanner(line: string): string | undefined {
  if (line.length > 80) return undefined;
  const s = line.trim().replace(/\s+/g, ' ');
  let m = MONTH_FIRST.exec(s);
  if (m) return isoDate(+m[3], monthIndex(m[1]) + 1, +m[2]);
  m = DAY_FIRST.exec(s);
  if (m) return isoDate(+m[3], monthIndex(m[2]) + 1, +m[1]);
  m = ISO.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  return undefined;
}
