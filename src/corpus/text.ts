// Line-level text helpers shared by the parsing steps.

// Zero-width and BOM characters carry no meaning in article text and break
// exact-match dedupe and quote search downstream.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// C0/C1 controls except \n (tabs become spaces first, \r is folded into \n).
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
// Every Unicode space separator, so NBSP, thin spaces etc. collapse like ASCII
// spaces. Single ASCII spaces are not matched: rewriting each one made
// multi-megabyte files crawl.
const SPACES = /[ \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]{2,}|[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Normalises line ends, whitespace and control characters; quotes are left untouched. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(SPACES, ' ');
}

export function splitLines(text: string): string[] {
  return normalizeText(text)
    .split('\n')
    .map((l) => l.trim());
}

/** Words (tokens with a letter or digit); stops counting at `cap`, since callers only compare against small thresholds. */
export function wordCount(line: string, cap = Infinity): number {
  const re = /\S+/g;
  let n = 0;
  let m: RegExpExecArray | null;
  while (n < cap && (m = re.exec(line))) if (/[\p{L}\p{N}]/u.test(m[0])) n++;
  return n;
}

// Sentence end: terminal punctuation, then any closing quotes/brackets/emphasis.
const TERMINAL = /[.!?…]["'”’»)\]*]*$/;
// A clause that leads into a quotation or list ("… said in a statement:") or is a list item ("…;").
const LEAD_IN = /[:;]$/;

// Wikipedia-style reference marks after the full stop: "….[3]", "….[citation needed]".
const TRAILING_REFS = /(?:\[[^\]]{1,30}\])+$/;

/**
 * A wire-agency credit after the last sentence ("… for the border militias. IANS").
 * The word before the stop must be lower case so "the U.S. FBI" is not cut.
 */
export const TRAILING_AGENCY = /(\p{Ll}{2}[.!?…]["'”’)\]]*)\s+\p{Lu}{2,6}$/u;

export function endsLikeSentence(line: string): boolean {
  // End-anchored regexes scan from the start in V8; on a growing or huge line
  // that is quadratic, so only the tail is tested.
  const end = line.length > 80 ? line.slice(-80) : line;
  return TERMINAL.test(end) || (TRAILING_REFS.test(end) && TERMINAL.test(end.replace(TRAILING_REFS, ''))) || TRAILING_AGENCY.test(end);
}

/**
 * Body paragraphs must read as prose. Short lines without a sentence end are
 * headlines, captions, section labels or page chrome; long unterminated lines
 * are kept because files are sometimes cut off mid-sentence.
 */
export function looksLikeProse(line: string): boolean {
  const words = wordCount(line, 16);
  if (words >= 16) return /\p{Ll}/u.test(line);
  if (!/\p{Ll}{2}/u.test(line)) return false;
  return (words >= 4 && endsLikeSentence(line)) || (words >= 6 && LEAD_IN.test(line.slice(-1)));
}

// Tokens whose trailing dot does not end a sentence.
const ABBREV =
  /(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Col|Lt|Capt|Sgt|Gov|Sen|Rep|Rev|Hon|Inc|Ltd|Co|Corp|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]\.[A-Z])\.$/;

/** The first sentence of a paragraph (whole paragraph if no clear end). */
export function firstSentence(text: string): string {
  const re = /[.!?…]["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && ABBREV.test(text.slice(Math.max(0, m.index - 12), m.index + 1))) continue;
    return text.slice(0, end);
  }
  return text;
}

/** Cuts on a word boundary, marking the cut with an ellipsis. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * Re-joins hard-wrapped paragraphs: a line that does not end a sentence,
 * directly followed (no blank line) by one starting in lower case, is the same
 * paragraph. Only the lower-case start is trusted; a capital could just as well
 * open a new paragraph after a headline.
 */
export function joinWrapped(lines: string[]): string[] {
  // Pieces are collected and joined once: appending to a growing string and
  // then reading its tail flattens it every time, which is quadratic.
  const out: string[] = [];
  let parts: string[] = [];
  const flush = () => {
    if (parts.length > 0) out.push(parts.join(''));
    parts = [];
  };
  for (const line of lines) {
    const last = parts.length > 0 ? parts[parts.length - 1] : '';
    if (last && line && /^\p{Ll}/u.test(line) && !endsLikeSentence(last) && !last.endsWith(':')) {
      // "counter-\nterrorism": keep the hyphen, drop the break.
      parts.push(/\p{L}-$/u.test(last.slice(-2)) ? line : ` ${line}`);
      continue;
    }
    flush();
    if (line) parts.push(line);
    else out.push('');
  }
  flush();
  return out;
}
