// One article's NLP as one bytea: its sentences, tokens, POS, entities and keys, in ids of its own
// small vocabulary (a bytea beside it), so the same bytes serve every generation in which the
// article is unchanged. A reader maps the local term ids with the generation's ids of that
// vocabulary (articleTermIds, stored per generation beside the article) and never reads, nor
// receives, the vocabulary's words; a re-index does.
import type { Chunk } from '../chunk.ts';
import { freezeChunk } from '../chunk.ts';
import { sentenceOffsets, type Packed } from '../store.ts';

const MAGIC = 0x3341444e; // "NDA3"

/** An article read back: arrays relative to the article (sentence 0, token 0, entity 0), term ids local to it until mapped. */
export interface ArticleData
  extends Pick<Packed, 'entTypes' | 'text' | 'textStart' | 'para' | 'tokStart' | 'off' | 'pos' | 'key' | 'skel' | 'flags' | 'entStart' | 'ents' | 'titleKeys'> {
  sentenceCount: number;
}

interface Header {
  entTypes: string[];
  n: number;
  tokens: number;
  ents: number;
  title: number;
  textBytes: number;
  wide: boolean;
  /** Keys and skeletons as u16 (0xffff for none): an article's vocabulary is a few hundred words, so nearly always. */
  narrow: boolean;
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/**
 * The store's term ids of article d's own vocabulary, in its order: the terms as the headline, the
 * keys and the skeletons first use them. The same for the same article in any store, so that a
 * re-used article's stored bytes and a new generation's ids agree.
 */
export function articleTermIds(p: Packed, d: number): Int32Array {
  const doc = p.docs[d];
  const t0 = p.tokStart[doc.first];
  const t1 = p.tokStart[doc.first + doc.count];
  const seen = new Set<number>();
  const add = (a: Int32Array): void => {
    for (const g of a) if (g >= 0) seen.add(g);
  };
  add(p.titleKeys.subarray(p.titleStart[d], p.titleStart[d + 1]));
  add(p.key.subarray(t0, t1));
  add(p.skel.subarray(t0, t1));
  return Int32Array.from(seen);
}

/** Article d of a packed store, with its terms renumbered into a vocabulary of its own (articleTermIds), and that vocabulary's words ('\n'-joined). */
export function encodeArticle(p: Packed, d: number): { data: Buffer; vocab: Buffer } {
  const doc = p.docs[d];
  const s0 = doc.first;
  const s1 = doc.first + doc.count;
  const t0 = p.tokStart[s0];
  const t1 = p.tokStart[s1];
  const e0 = p.entStart[s0];
  const e1 = p.entStart[s1];
  const terms = articleTermIds(p, d);
  const local = new Map<number, number>();
  for (let l = 0; l < terms.length; l++) local.set(terms[l], l);
  const id = (g: number): number => (g < 0 ? -1 : local.get(g)!);
  const titleKeys = Int32Array.from(p.titleKeys.subarray(p.titleStart[d], p.titleStart[d + 1]), id);
  const key = Int32Array.from(p.key.subarray(t0, t1), id);
  const skel = Int32Array.from(p.skel.subarray(t0, t1), id);
  const typeIds = new Map<number, number>();
  const entTypes: string[] = [];
  const ents = new Int32Array(3 * (e1 - e0));
  for (let e = e0, o = 0; e < e1; e++, o += 3) {
    let t = typeIds.get(p.ents[3 * e + 2]);
    if (t === undefined) typeIds.set(p.ents[3 * e + 2], (t = entTypes.length)), entTypes.push(p.entTypes[p.ents[3 * e + 2]]);
    ents[o] = p.ents[3 * e];
    ents[o + 1] = p.ents[3 * e + 1];
    ents[o + 2] = t;
  }
  const off32 = new Uint32Array(2 * (t1 - t0));
  let max = 0;
  for (let s = s0; s < s1; s++) {
    const o = sentenceOffsets(p, s);
    off32.set(o, 2 * (p.tokStart[s] - t0));
  }
  for (const v of off32) if (v > max) max = v;
  const wide = max >= 0x10000;
  const rel = (a: Uint32Array, from: number, to: number): Uint32Array => Uint32Array.from(a.subarray(from, to + 1), (v) => v - a[from]);
  const words = Buffer.from(Array.from(terms, (g) => p.vocab[g]).join('\n'), 'utf8');
  const narrow = terms.length < 0xffff;
  const ids = (a: Int32Array): Typed => (narrow ? Uint16Array.from(a, (v) => (v < 0 ? 0xffff : v)) : a);
  const header: Header = {
    entTypes,
    n: doc.count,
    tokens: t1 - t0,
    ents: e1 - e0,
    title: titleKeys.length,
    textBytes: p.textStart[s1] - p.textStart[s0],
    wide,
    narrow,
  };
  const arrays: Typed[] = [
    rel(p.textStart, s0, s1),
    p.text.subarray(p.textStart[s0], p.textStart[s1]),
    p.para.slice(s0, s1),
    rel(p.tokStart, s0, s1),
    wide ? off32 : Uint16Array.from(off32),
    p.pos.slice(t0, t1),
    ids(key),
    ids(skel),
    p.flags.slice(t0, t1),
    rel(p.entStart, s0, s1),
    ents,
    titleKeys,
  ];
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const parts: Buffer[] = [];
  const head = Buffer.alloc(8);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(json.length, 4);
  parts.push(head, json);
  let at = 8 + json.length;
  const pad = (): void => {
    const n = (4 - (at % 4)) % 4;
    if (n) parts.push(Buffer.alloc(n)), (at += n);
  };
  for (const a of arrays) {
    pad();
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    at += a.byteLength;
  }
  return { data: Buffer.concat(parts), vocab: words };
}

function headerOf(buf: Uint8Array): { h: Header; at: number } {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not an encoded article');
  const len = view.getUint32(4, true);
  return { h: JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + 8, len).toString('utf8')) as Header, at: 8 + len };
}

/** The words of an encoded article's own vocabulary (what its local term ids stand for). */
export function articleVocab(vocab: Uint8Array): string[] {
  const text = Buffer.from(vocab.buffer, vocab.byteOffset, vocab.byteLength).toString('utf8');
  return text.length ? text.split('\n') : [];
}

/** Local term ids stored as u16, widened (0xffff is none). */
function widen(a: Uint16Array): Int32Array {
  const out = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] === 0xffff ? -1 : a[i];
  return out;
}

/** Reads an encoded article (its arrays are views of `bytes`, aligned, but for keys and skeletons stored narrow); throws on bytes that are not one. */
export function decodeArticle(bytes: Uint8Array): ArticleData {
  // Typed views need 4-byte alignment: a buffer from the driver may start anywhere.
  const buf = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const head = headerOf(buf);
  const h = head.h;
  let at = head.at;
  const take = <T extends Typed>(C: { new (b: ArrayBuffer, o: number, l: number): T; BYTES_PER_ELEMENT: number }, n: number): T => {
    at += (4 - (at % 4)) % 4;
    if (at + n * C.BYTES_PER_ELEMENT > buf.byteLength) throw new Error('encoded article is truncated');
    const a = new C(buf.buffer as ArrayBuffer, buf.byteOffset + at, n);
    at += n * C.BYTES_PER_ELEMENT;
    return a;
  };
  return {
    sentenceCount: h.n,
    entTypes: h.entTypes,
    textStart: take(Uint32Array, h.n + 1),
    text: take(Uint8Array, h.textBytes),
    para: take(Uint32Array, h.n),
    tokStart: take(Uint32Array, h.n + 1),
    off: h.wide ? take(Uint32Array, 2 * h.tokens) : take(Uint16Array, 2 * h.tokens),
    pos: take(Uint8Array, h.tokens),
    key: h.narrow ? widen(take(Uint16Array, h.tokens)) : take(Int32Array, h.tokens),
    skel: h.narrow ? widen(take(Uint16Array, h.tokens)) : take(Int32Array, h.tokens),
    flags: take(Uint8Array, h.tokens),
    entStart: take(Uint32Array, h.n + 1),
    ents: take(Int32Array, 3 * h.ents),
    titleKeys: take(Int32Array, h.title),
  };
}

const decoder = new TextDecoder();

/** An encoded article (and its vocabulary) as the build's chunk of one document, so a rebuild re-uses its NLP. */
export function articleChunk(a: ArticleData, vocab: string[], meta: { file: string; title?: string; date?: string; place?: string }): Chunk {
  const texts: string[] = [];
  const textEnd: number[] = [];
  let len = 0;
  for (let s = 0; s < a.sentenceCount; s++) {
    const t = decoder.decode(a.text.subarray(a.textStart[s], a.textStart[s + 1]));
    texts.push(t);
    len += t.length;
    textEnd.push(len);
  }
  return freezeChunk({
    docs: [{ file: meta.file, title: meta.title, date: meta.date, place: meta.place, count: a.sentenceCount }],
    vocab,
    texts,
    textEnd,
    para: Array.from(a.para),
    tokEnd: Array.from(a.tokStart.subarray(1)),
    off: Array.from(a.off),
    pos: Array.from(a.pos),
    key: Array.from(a.key),
    skel: Array.from(a.skel),
    flags: Array.from(a.flags),
    entEnd: Array.from(a.entStart.subarray(1)),
    ents: Array.from(a.ents),
    entTypes: a.entTypes,
    titleEnd: [a.titleKeys.length],
    titleKeys: Array.from(a.titleKeys),
  });
}
