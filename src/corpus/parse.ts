// Text → Article: header, chrome, dateline, title, dedupe. Pure.
import type { Article } from '../types.ts';
import { isChrome } from './chrome.ts';
import { standalonePlace, stripDateline, type Dateline } from './dateline.ts';
import { parseDateBanner, parseDateHeader } from './header.ts';
import { splitLong } from './split.ts';
import { httpUrl, parseUrlHeader } from './url.ts';
import { TRAILING_AGENCY, firstSentence, joinWrapped, looksLikeProse, splitLines, truncateWords, wordCount } from './text.ts';

// Checked on short lines only: a regex over a huge unterminated line would backtrack for ever.
const isShortLeadIn = (line: string): boolean => line.length <= 120 && line.endsWith(':') && /^\p{Lu}[^:]*\s\p{Ll}{2,}[^:]*:$/u.test(line);
const OPENS_QUOTE = /^["“‘'«]/;

export const MAX_TITLE = 100;
// A dateline sits at the top of the story, sometimes after a standfirst;
// deeper "NAME:" prefixes are speaker labels or quotations.
const DATELINE_WINDOW = 3;

// Comparison key for duplicates: scrapes repeat paragraphs with different quote styles or case.
function dedupeKey(s: string): string {
  return s.toLowerCase().replace(/[“”„]/g, '"').replace(/[‘’‚]/g, "'");
}

interface LonePlace {
  place: string;
  /** Index of the body paragraph that follows it. */
  at: number;
  leadsProse: boolean;
}

interface Header {
  date?: string;
  /** Headline given by the corpus format (line after a bare date header). */
  title?: string;
}

/** Consumes the ` date YYYY-MM-DD` header (and the headline line after it) in place. */
function takeDateHeader(lines: string[]): Header {
  const i = lines.findIndex((l) => l !== '');
  if (i < 0) return {};
  const hdr = parseDateHeader(lines[i]);
  if (!hdr) return {};
  if (hdr.rest) {
    // Glued header: the rest is content (body or a page label) and there is no headline line.
    lines[i] = hdr.rest;
    return { date: hdr.date };
  }
  lines[i] = '';
  const next = lines[i + 1] ?? '';
  const after = lines[i + 2] ?? '';
  // The format puts the headline on line 2 and a blank line 3; without the
  // blank, a prose line 2 is the first paragraph rather than a headline.
  if (next && !isChrome(next) && (after === '' || !looksLikeProse(next))) {
    lines[i + 1] = '';
    return { date: hdr.date, title: next };
  }
  return { date: hdr.date };
}

/** Best headline among the non-prose lines above the body: the wordiest one, first on ties. */
function pickHeadline(candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestWords = 0;
  for (const c of candidates) {
    const w = wordCount(c);
    if (w > bestWords) {
      best = c;
      bestWords = w;
    }
  }
  return best;
}

/** How many lines at the top may hold the ` url` header, around the date header and the headline. */
const URL_WINDOW = 6;

/** Takes the ` url …` header line out of the top of the file (before the first paragraph). */
function takeUrlHeader(lines: string[]): string | undefined {
  for (let i = 0; i < Math.min(lines.length, URL_WINDOW); i++) {
    const url = parseUrlHeader(lines[i]);
    if (url) {
      lines.splice(i, 1);
      return url;
    }
    if (looksLikeProse(lines[i])) return undefined;
  }
  return undefined;
}

/** `onWarn` hears of a ` url` header that is not an http(s) address (it is dropped). */
export function parseArticle(file: string, text: string, onWarn?: (msg: string) => void): Article {
  const raw = splitLines(text);
  const given = takeUrlHeader(raw);
  const url = given ? httpUrl(given, file, onWarn) : undefined;
  const header = takeDateHeader(raw);
  const lines = joinWrapped(raw);

  const headerLines: string[] = [];
  const body: string[] = [];
  let bannerDate: string | undefined;
  // Lines shaped like a lone dateline ("Islamabad:"), with the paragraph index they precede.
  // A real dateline line introduces the story's next paragraph; a "COMMUTATIONS:"
  // heading introduces a list, so the line after it must be prose.
  const lonePlaces: LonePlace[] = [];
  let awaiting: LonePlace | undefined;
  // A short "X tweeted on Monday:" line only counts as prose when a quotation follows it.
  let leadIn: string | undefined;

  for (let line of lines) {
    // Concatenated files repeat the format header; it is never body text.
    for (let h = parseDateHeader(line); h; h = parseDateHeader(line)) {
      if (body.length === 0 && h.date) bannerDate ??= h.date;
      line = h.rest;
    }
    if (!line) continue;
    if (awaiting) {
      awaiting.leadsProse = looksLikeProse(line);
      awaiting = undefined;
    }
    if (body.length === 0) {
      const banner = parseDateBanner(line);
      if (banner) {
        bannerDate ??= banner;
        continue;
      }
    }
    const lonePlace = standalonePlace(line);
    if (lonePlace) {
      awaiting = { place: lonePlace, at: body.length, leadsProse: false };
      lonePlaces.push(awaiting);
      continue;
    }
    if (isChrome(line)) continue;
    if (looksLikeProse(line)) {
      if (leadIn && OPENS_QUOTE.test(line)) body.push(leadIn);
      body.push(line);
    } else if (body.length === 0) headerLines.push(line);
    leadIn = isShortLeadIn(line) && body.length > 0 ? line : undefined;
    // Non-prose lines below the first paragraph are subheadings, captions and
    // footers: not sentences, so they stay out of the body.
  }

  // A story has one dateline. When the "NAME:" shape recurs ("MODERATOR: …
  // CARLIN: …", "Belize: … Guatemala: …") it marks speakers or list labels.
  const inline = body.map((p, i) => ({ at: i, d: stripDateline(p) })).filter((x): x is { at: number; d: Dateline } => x.d !== undefined && (!x.d.titleCase || x.at === 0));
  const unique = lonePlaces.length + inline.length === 1;
  let place: string | undefined;
  const lone = lonePlaces[0];
  const first = inline[0];
  if (first && first.at < DATELINE_WINDOW && (first.d.strong || unique) && (!lone || lone.at > first.at)) {
    place = first.d.place;
    body[first.at] = first.d.text;
  } else if (unique && lone?.leadsProse && lone.at < DATELINE_WINDOW) {
    place = lone.place;
  }

  // Agency credits are bylines, not part of the last sentence.
  for (let i = 0; i < body.length; i++) body[i] = body[i].replace(TRAILING_AGENCY, '$1');

  const headline = header.title ?? pickHeadline(headerLines);
  // No headline line (glued header, bare body): the opening sentence stands in.
  const title = headline ?? (body.length > 0 ? truncateWords(firstSentence(body[0]), MAX_TITLE) : undefined);

  // A repeated headline or paragraph is a page banner, not new text.
  const seen = new Set<string>();
  if (headline) seen.add(dedupeKey(headline));
  const paragraphs: string[] = [];
  for (const p of body) {
    const key = dedupeKey(p);
    if (seen.has(key)) continue;
    seen.add(key);
    paragraphs.push(...splitLong(p));
  }

  const date = header.date ?? bannerDate;
  // Optional fields are omitted, not undefined, so snapshots and JSON stay clean.
  return {
    file,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(place ? { place } : {}),
    ...(url ? { url } : {}),
    paragraphs,
  };
}
