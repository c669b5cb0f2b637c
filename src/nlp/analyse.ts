import { nlp, its } from './nlp.ts';
import { packPos } from './pos.ts';

/** A sentence with what the answerers need, computed once at build time. */
export interface AnalysedSentence {
  text: string;
  /** Token [start, end) character offsets into `text`, flattened. */
  off: number[];
  /** One POS code per token (see pos.ts). */
  pos: string;
  /** Entities the model tags (DATE, TIME, CARDINAL, …) as [firstToken, lastToken, type]. */
  ents: [number, number, string][];
}

/**
 * Splits a paragraph into sentences with tokens, POS and entities in one wink-nlp pass.
 * `engine` lets the index build use a wink instance with a lighter pipe (same tokens, POS, entities).
 */
export function analyseParagraph(paragraph: string, engine: Pick<typeof nlp, 'readDoc'> = nlp): AnalysedSentence[] {
  const doc = engine.readDoc(paragraph);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const sentenceSpans = joinContinuations(doc.sentences().out(its.span) as unknown as [number, number][], values);
  const entitySpans = doc.entities().out(its.span) as unknown as [number, number][];
  const entityTypes = doc.entities().out(its.type) as string[];

  const out: AnalysedSentence[] = [];
  let e = 0;
  for (const [first, last] of sentenceSpans) {
    let text = '';
    const off: number[] = [];
    const pos: string[] = [];
    // Token number in this sentence of each wink token, after re-joining split words.
    const local: number[] = [];
    for (let i = first; i <= last; i++) {
      if (i > first) text += spaces[i];
      // The lite model splits words at letters outside Latin-1 (Brudzi|ń|ski): join them back.
      if (i > first && spaces[i] === '' && endsWithLetter(values[i - 1]) && startsWithLetter(values[i]) && !isLatin1(values[i - 1] + values[i])) {
        off[off.length - 1] += values[i].length;
      } else {
        off.push(text.length, text.length + values[i].length);
        pos.push(tags[i]);
      }
      local.push(pos.length - 1);
      text += values[i];
    }
    const ents: [number, number, string][] = [];
    while (e < entitySpans.length && entitySpans[e][0] <= last) {
      const [s, t] = entitySpans[e];
      if (s >= first) ents.push([local[s - first], local[Math.min(t, last) - first], entityTypes[e]]);
      e++;
    }
    out.push({ text, off, pos: packPos(pos), ents });
  }
  return out;
}

/**
 * "Rep. Gwen Moore (D-Wis.) said Friday.": the model ends a sentence at the abbreviation's stop, and
 * the next one opens with a lowercase word. News sentences open with a capital, a digit or a quote
 * mark, so a sentence that opens with a lowercase word continues the one before it; so does a dash
 * that signs the quotation before it.
 */
function joinContinuations(spans: [number, number][], values: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [first, last] of spans) {
    const prev = out.at(-1);
    const end = prev ? values[prev[1]] : '';
    const stop = end.endsWith('.') || (end === ')' && prev !== undefined && values[prev[1] - 1]?.endsWith('.'));
    // "said the Rev. Peter Wherry": a title's stop before the name it introduces ends no sentence.
    const word = prev === undefined ? '' : end === '.' ? (values[prev[1] - 1] ?? '') : end.slice(0, -1);
    const title = stop && TITLE_ABBREVIATIONS.has(word.toLowerCase()) && /^\p{Lu}/u.test(values[first]);
    // `“…” ― Steve Quinlan`: a dash after a closing quotation mark signs it.
    const signed = /^[”"]$/u.test(end) && /^[―—–]$/u.test(values[first]);
    const bracketed = stop && prev !== undefined && insideBracket(values, prev, first, last);
    // "Rep. Elijah Cummings (D-Md.) , chair of the committee, said": no sentence opens on a comma or a semicolon.
    const continued = /^[,;]$/u.test(values[first]);
    if (prev && ((stop && /^\p{Ll}/u.test(values[first])) || signed || title || bracketed || continued)) prev[1] = last;
    else out.push([first, last]);
  }
  return out;
}

/**
 * "Sen. Jack Reed (D-R.I.) said": the model ends a sentence at a stop inside a party tag's state. A
 * sentence that leaves a bracket open at a stop, and whose next sentence closes it within a few
 * tokens, is one sentence; a parenthesis of whole sentences closes later, or not at all.
 */
function insideBracket(values: string[], prev: [number, number], first: number, last: number): boolean {
  let depth = 0;
  for (let i = prev[0]; i <= prev[1]; i++) {
    if (values[i] === '(') depth++;
    else if (values[i].startsWith(')')) depth = Math.max(0, depth - 1);
  }
  if (depth === 0) return false;
  for (let i = first; i <= Math.min(last, first + BRACKET_TAIL); i++) {
    // "):" is one token.
    if (values[i].startsWith(')')) return true;
    if (values[i] === '(') return false;
  }
  return false;
}

// Tokens of a party tag's state after the split: "I." ")" or "Y." ")".
const BRACKET_TAIL = 3;

/** Abbreviated titles written before a name, whose stop the model may take for a sentence's end. */
export const TITLE_ABBREVIATIONS = new Set([
  'rev',
  'dr',
  'gov',
  'sen',
  'rep',
  'lt',
  'gen',
  'col',
  'capt',
  'sgt',
  'maj',
  'adm',
  'cmdr',
  'prof',
  'fr',
  'hon',
  'supt',
  'det',
  'insp',
  'mr',
  'mrs',
  'ms',
  'st',
]);

const endsWithLetter = (t: string): boolean => /\p{L}$/u.test(t);
const startsWithLetter = (t: string): boolean => /^\p{L}/u.test(t);
// eslint-disable-next-line no-control-regex
const isLatin1 = (t: string): boolean => /^[\u0000-\u00ff]*$/.test(t);
