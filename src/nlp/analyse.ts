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

/** Splits a paragraph into sentences with tokens, POS and entities in one wink-nlp pass. */
export function analyseParagraph(paragraph: string): AnalysedSentence[] {
  const doc = nlp.readDoc(paragraph);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];
  const entitySpans = doc.entities().out(its.span) as unknown as [number, number][];
  const entityTypes = doc.entities().out(its.type) as string[];

  const out: AnalysedSentence[] = [];
  let e = 0;
  for (const [first, last] of sentenceSpans) {
    let text = '';
    const off: number[] = [];
    for (let i = first; i <= last; i++) {
      if (i > first) text += spaces[i];
      off.push(text.length, text.length + values[i].length);
      text += values[i];
    }
    const ents: [number, number, string][] = [];
    while (e < entitySpans.length && entitySpans[e][0] <= last) {
      const [s, t] = entitySpans[e];
      if (s >= first) ents.push([s - first, Math.min(t, last) - first, entityTypes[e]]);
      e++;
    }
    out.push({ text, off, pos: packPos(tags.slice(first, last + 1)), ents });
  }
  return out;
}
