// Quotation marks in a paragraph: which spans are quotations, which are scare quotes or titles.
import { ATTRIBUTION_VERBS } from './quote-words.ts';

export interface QuoteSpan {
  /** Offsets of the quoted words (inside the marks, trimmed) in the paragraph text. */
  from: number;
  to: number;
  /** Offsets including the marks; `close` is the paragraph's end when the quote is left open. */
  open: number;
  close: number;
  /** The quote runs to the end of the paragraph without a closing mark (continues in the next one). */
  unclosed: boolean;
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /[\s([{\u2014\u2013-]/u.test(c);

interface Mark {
  at: number;
  kind: 'open' | 'close' | 'either';
  family: 'double' | 'single' | 'guillemet';
}

/** Every character marks() may read as a quotation mark. */
export const QUOTE_CHARACTERS = ['"', '“', '”', '„', '«', '»', "'", '‘', '’'];

/**
 * `…consumer fraud, "said Peter Edge`: a straight mark after a comma and a space, right before a speech verb
 * of the kept list, closes the quotation before it — the space is on the wrong side.
 */
function misplacedClose(text: string, i: number): boolean {
  if (text[i - 1] !== ' ' || !/[,!?]/u.test(text[i - 2] ?? '')) return false;
  const word = text.slice(i + 1).match(/^\p{Ll}+/u)?.[0];
  return !!word && ATTRIBUTION_VERBS.has(word);
}

/** Every character that can open or close a quotation, with what it can do where it stands. */
function marks(text: string): Mark[] {
  const out: Mark[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const prev = text[i - 1];
    const next = text[i + 1];
    if (c === '“' || c === '„') out.push({ at: i, kind: 'open', family: 'double' });
    else if (c === '”') out.push({ at: i, kind: 'close', family: 'double' });
    else if (c === '«') out.push({ at: i, kind: 'open', family: 'guillemet' });
    else if (c === '»') out.push({ at: i, kind: 'close', family: 'guillemet' });
    else if (c === '"') {
      if (misplacedClose(text, i)) out.push({ at: i, kind: 'close', family: 'double' });
      else if (isSpace(prev) && !isSpace(next)) out.push({ at: i, kind: 'open', family: 'double' });
      else if (!isSpace(prev) && isSpace(next)) out.push({ at: i, kind: 'close', family: 'double' });
      else if (!isSpace(prev) && !isLetter(next)) out.push({ at: i, kind: 'close', family: 'double' });
      else out.push({ at: i, kind: 'either', family: 'double' });
    } else if (c === '‘' || c === "'" || c === '’') {
      // An apostrophe inside or at the end of a word (don’t, the Smiths’) is not a quotation mark.
      if (isLetter(prev) && isLetter(next)) continue;
      if (c !== '‘' && isLetter(prev) && /s/i.test(prev)) {
        // "parents’ home": a plural possessive unless it closes a single-quoted span.
        out.push({ at: i, kind: 'close', family: 'single' });
        continue;
      }
      if (isSpace(prev) && isLetter(next)) out.push({ at: i, kind: 'open', family: 'single' });
      else if (c === '‘' && !isLetter(prev)) out.push({ at: i, kind: 'open', family: 'single' });
      else if (c !== '‘' && !isSpace(prev) && !isLetter(next)) out.push({ at: i, kind: 'close', family: 'single' });
    }
  }
  return out;
}

/** Quoted spans at the top level: double quotes first; single quotes only outside them (British style). */
type Span = { open: number; close: number; unclosed: boolean };

function spans(text: string): Span[] {
  const all = marks(text);
  const out: Span[] = [];
  pass(all, out, text, 'double', false);
  pass(all, out, text, 'guillemet', false);
  pass(all, out, text, 'single', true);
  return out.sort((a, b) => a.open - b.open);
}

/**
 * Pairs one family's marks into spans, after the spans found so far (module-level, not a closure
 * per call: under tsx every named closure made costs a defineProperty, and this runs per text).
 * A single mark inside a span found already is an apostrophe or a nested quote, not a span's end.
 */
function pass(all: Mark[], out: Span[], text: string, family: Mark['family'], notInside: boolean): void {
  const ms = all.filter((m) => m.family === family && !(notInside && out.some((s) => m.at > s.open && m.at < s.close)));
  let k = 0;
  while (k < ms.length) {
    const o = ms[k];
    if (o.kind === 'close') {
      k++;
      continue;
    }
    // The next mark of the family that can close; a new opener first means this quote was left open.
    const j = k + 1;
    if (j < ms.length && ms[j].kind !== 'open') {
      out.push({ open: o.at, close: ms[j].at + 1, unclosed: false });
      k = j + 1;
    } else if (j < ms.length) {
      // “A … “B …”: the first quotation stops where the next one opens.
      out.push({ open: o.at, close: ms[j].at, unclosed: false });
      k = j;
    } else {
      out.push({ open: o.at, close: text.length, unclosed: true });
      k = ms.length;
    }
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/**
 * Whether quoted words are a quotation rather than scare quotes or a title:
 * four words or more unless they read as an utterance ("We couldn’t win,"), and not a Title Cased name.
 */
export function isQuotation(inner: string): boolean {
  const words = inner.match(WORD) ?? [];
  if (words.length === 0) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  const ends = /[.!?,…]["'”’]?$/u.test(inner.trim());
  if (words.length < 4) {
    // A short utterance: starts a sentence, is not a name, ends with its own punctuation.
    return words.length >= 2 && ends && /^\p{Lu}/u.test(words[0] ?? '') && capitalised < words.length;
  }
  // “Reinvigorating Pakistan’s Counter Terrorism (CT) Campaign”: a title, not something said.
  const small = words.filter((w) => /^(of|the|and|for|in|on|to|a|an|at|by|with|de|la|e|i)$/i.test(w)).length;
  if (!ends && words.length <= 10 && capitalised + small >= words.length && capitalised >= words.length * 0.6) return false;
  return true;
}

/** Quotations in a paragraph; an opening mark never closed runs to the paragraph's end, as in news style. */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const s of spans(text)) {
    const innerEnd = s.unclosed ? s.close : s.close - 1;
    const raw = text.slice(s.open + 1, innerEnd);
    const inner = raw.trim();
    if (!isQuotation(inner)) continue;
    const from = s.open + 1 + (raw.length - raw.trimStart().length);
    out.push({ from, to: from + inner.length, open: s.open, close: s.close, unclosed: s.unclosed });
  }
  return out;
}
