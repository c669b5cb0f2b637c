// The NLP stage of the build: articles → a compact, transferable chunk (typed arrays and a local
// vocabulary), so worker threads can do it and the main thread only concatenates.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Article } from '../types.ts';
import { analyseParagraph } from '../nlp/analyse.ts';
import { isCapitalised, skeleton, termKey } from '../nlp/terms.ts';
import { PLACE_PREPOSITIONS } from '../nlp/place-words.ts';

/** Per-token flags. */
export const F_LETTERS = 1; // the token is letters only (/^\p{L}+$/u)
export const F_CAP = 2; // the token starts with a capital
export const F_PLACE_PREP = 4; // the token is a place preposition ("in", "at", "from", …), any case

export interface ChunkDoc {
  file: string;
  title?: string;
  date?: string;
  place?: string;
  url?: string;
  /** Number of sentences. */
  count: number;
}

/** Articles analysed once: sentences, tokens, POS, entities and retrieval keys, ids into `vocab`. */
export interface Chunk {
  docs: ChunkDoc[];
  vocab: string[];
  /** Sentence texts, concatenated; `textEnd[i]` is the end (UTF-16 units) of sentence i. */
  text: string;
  textEnd: Uint32Array;
  /** Paragraph number of each sentence. */
  para: Uint32Array;
  /** Token range of sentence i: [tokEnd[i-1], tokEnd[i]). */
  tokEnd: Uint32Array;
  /** Two per token: [start, end) offsets into its sentence text. */
  off: Uint32Array;
  /** One POS code (char code of pos.ts) per token. */
  pos: Uint8Array;
  /** Retrieval key id per token, -1 for none. */
  key: Int32Array;
  /** Consonant skeleton id per capitalised token, -1 for none. */
  skel: Int32Array;
  flags: Uint8Array;
  /** Entities of sentence i: triples [entEnd[i-1], entEnd[i]) of ents (first token, last token, type id into entTypes). */
  entEnd: Uint32Array;
  ents: Int32Array;
  entTypes: string[];
  /** Retrieval keys of each headline: [titleEnd[d-1], titleEnd[d]) of titleKeys. */
  titleEnd: Uint32Array;
  titleKeys: Int32Array;
}

type Engine = ReturnType<typeof winkNLP>;
let light: Engine | undefined;
/** wink-nlp without sentiment, negation and custom entities: the same tokens, POS and entities, faster. */
export const buildEngine = (): Engine => (light ??= winkNLP(model, ['sbd', 'pos', 'ner']));

/** Runs NLP once per paragraph of each article (one wink pass each) and packs the result. */
export function analyseArticles(articles: Article[], engine: Engine = buildEngine(), onArticle?: () => void): Chunk {
  const vocab: string[] = [];
  const vocabIds = new Map<string, number>();
  const intern = (term: string | undefined): number => {
    if (term === undefined) return -1;
    let id = vocabIds.get(term);
    if (id === undefined) vocabIds.set(term, (id = vocab.length)), vocab.push(term);
    return id;
  };
  // Each distinct surface form is keyed once: termKey/skeleton are regex-heavy.
  const tokenInfo = new Map<string, [number, number, number]>();
  const info = (tok: string): [number, number, number] => {
    let r = tokenInfo.get(tok);
    if (!r) {
      const cap = isCapitalised(tok);
      r = [
        intern(termKey(tok)),
        cap ? intern(skeleton(tok)) : -1,
        (/^\p{L}+$/u.test(tok) ? F_LETTERS : 0) | (cap ? F_CAP : 0) | (PLACE_PREPOSITIONS.has(tok.toLowerCase()) ? F_PLACE_PREP : 0),
      ];
      tokenInfo.set(tok, r);
    }
    return r;
  };
  const entTypes: string[] = [];
  const entTypeIds = new Map<string, number>();

  const docs: ChunkDoc[] = [];
  const texts: string[] = [];
  const textEnd: number[] = [];
  const para: number[] = [];
  const tokEnd: number[] = [];
  const off: number[] = [];
  const pos: number[] = [];
  const key: number[] = [];
  const skel: number[] = [];
  const flags: number[] = [];
  const entEnd: number[] = [];
  const ents: number[] = [];
  const titleEnd: number[] = [];
  const titleKeys: number[] = [];
  let textLen = 0;

  for (const a of articles) {
    let n = 0;
    a.paragraphs.forEach((paragraph, p) => {
      for (const s of analyseParagraph(paragraph, engine)) {
        n++;
        texts.push(s.text);
        textLen += s.text.length;
        textEnd.push(textLen);
        para.push(p);
        const count = s.off.length / 2;
        for (let i = 0; i < count; i++) {
          const a0 = s.off[2 * i];
          const a1 = s.off[2 * i + 1];
          off.push(a0, a1);
          pos.push(s.pos.charCodeAt(i));
          const [k, sk, f] = info(s.text.slice(a0, a1));
          key.push(k);
          skel.push(sk);
          flags.push(f);
        }
        tokEnd.push(off.length / 2);
        for (const [first, last, type] of s.ents) {
          let t = entTypeIds.get(type);
          if (t === undefined) entTypeIds.set(type, (t = entTypes.length)), entTypes.push(type);
          ents.push(first, last, t);
        }
        entEnd.push(ents.length / 3);
      }
    });
    if (a.title)
      for (const tok of engine.readDoc(a.title).tokens().out() as string[]) {
        const k = info(tok)[0];
        if (k >= 0) titleKeys.push(k);
      }
    titleEnd.push(titleKeys.length);
    docs.push({ file: a.file, title: a.title, date: a.date, place: a.place, ...(a.url ? { url: a.url } : {}), count: n });
    onArticle?.();
  }
  return freezeChunk({ docs, vocab, texts, textEnd, para, tokEnd, off, pos, key, skel, flags, entEnd, ents, entTypes, titleEnd, titleKeys });
}

/** A chunk while it is filled: plain arrays, one entry per sentence, token or entity. */
export interface ChunkParts {
  docs: ChunkDoc[];
  vocab: string[];
  texts: string[];
  textEnd: number[];
  para: number[];
  tokEnd: number[];
  off: number[];
  pos: number[];
  key: number[];
  skel: number[];
  flags: number[];
  entEnd: number[];
  ents: number[];
  entTypes: string[];
  titleEnd: number[];
  titleKeys: number[];
}

/** Packs filled arrays into the chunk's typed arrays. */
export function freezeChunk(p: ChunkParts): Chunk {
  return {
    docs: p.docs,
    vocab: p.vocab,
    text: p.texts.join(''),
    textEnd: Uint32Array.from(p.textEnd),
    para: Uint32Array.from(p.para),
    tokEnd: Uint32Array.from(p.tokEnd),
    off: Uint32Array.from(p.off),
    pos: Uint8Array.from(p.pos),
    key: Int32Array.from(p.key),
    skel: Int32Array.from(p.skel),
    flags: Uint8Array.from(p.flags),
    entEnd: Uint32Array.from(p.entEnd),
    ents: Int32Array.from(p.ents),
    entTypes: p.entTypes,
    titleEnd: Uint32Array.from(p.titleEnd),
    titleKeys: Int32Array.from(p.titleKeys),
  };
}

/** The typed arrays of a chunk, to transfer (not copy) it between threads. */
export const chunkBuffers = (c: Chunk): ArrayBuffer[] =>
  [c.textEnd, c.para, c.tokEnd, c.off, c.pos, c.key, c.skel, c.flags, c.entEnd, c.ents, c.titleEnd, c.titleKeys].map((a) => a.buffer as ArrayBuffer);
