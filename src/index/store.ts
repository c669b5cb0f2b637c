// The compact sentence store: every sentence, token, POS tag, entity and retrieval key of the corpus
// in a few typed arrays and one UTF-8 buffer, instead of one object graph per sentence. It is what
// the cache file holds section for section, so loading is reading, not parsing.
import { lunrIndex } from './packed-lunr.ts';
import type { DocMeta, SearchIndex, SentenceRecord } from './types.ts';

/** Bumped whenever the shape or meaning of a built index changes, so stale caches are rebuilt. */
export const INDEX_VERSION = 'newsdesk-index-4';

/** lunr's article index, packed: postings and BM25 field vectors as lunr's builder computes them. */
export interface PackedLunr {
  /** lunr fields, in order (`t` keys, `k` name skeletons). */
  fields: string[];
  /** Postings of term v in field f: postDocs[postStart[f*(V+1)+v] .. postStart[f*(V+1)+v+1]) (u16 as loaded, under 65536 articles). */
  postStart: Uint32Array;
  postDocs: Uint32Array | Uint16Array;
  /** Field vector of (doc d, field f): vec[2*vecStart[d*F+f] .. 2*vecStart[d*F+f+1]) as [termIndex, score] pairs. */
  vecStart: Uint32Array;
  vec: Float64Array;
  /**
   * A loaded index keeps the vectors as stored (terms, f32 scores) and interleaves one field vector
   * at a time when lunr asks for it; `vec` is then decoded in full only if something reads it.
   */
  vecParts?: { terms: Uint32Array; scores: Float32Array | Float64Array };
  /**
   * Sparse postings (a slice's: a few thousand of the vocabulary's terms): the ascending slots
   * f*(V+1)+v that have any, with postStart indexed by a slot's rank (slots.length + 1 entries)
   * instead of by the slot. Read through postingStart.
   */
  slots?: Int32Array;
}

export interface Packed {
  docs: DocMeta[];
  /** Term id → term: retrieval keys and name skeletons; also lunr's term index. */
  vocab: string[];
  /** UTF-8 sentence texts; sentence i is bytes [textStart[i], textStart[i+1]). */
  text: Uint8Array;
  textStart: Uint32Array;
  sentenceDoc: Uint32Array;
  para: Uint32Array;
  /** Tokens of sentence i: [tokStart[i], tokStart[i+1]). */
  tokStart: Uint32Array;
  /** Two per token, offsets into the sentence text. */
  off: Uint16Array | Uint32Array;
  /** A loaded index keeps the offsets one byte per token (see packOffsets); `off` then decodes in full only if something reads it. */
  offParts?: OffParts;
  pos: Uint8Array;
  key: Int32Array;
  skel: Int32Array;
  flags: Uint8Array;
  entStart: Uint32Array;
  ents: Int32Array;
  entTypes: string[];
  /** Headline keys of article d: titleKeys[titleStart[d] .. titleStart[d+1]). */
  titleStart: Uint32Array;
  titleKeys: Int32Array;
  /** Sentence frequency per term as a key / as a skeleton. */
  sentenceFrequency: Uint32Array;
  skeletonSentenceFrequency: Uint32Array;
  /** [capitalised, lower-case] mid-sentence counts per term (2 per term id). */
  caseCounts: Uint32Array;
  /** Per term id, capitalised mid-sentence uses [after a place preposition, all] (2 per term id). */
  placeCounts: Uint32Array;
  /** Capitalised word pairs ("new orleans", folded) seen MIN_PAIR_COUNT+ times: newline-joined keys, counts. */
  pairs: { keys: string; count: Uint32Array };
  /** Mean keys and skeletons per sentence (for the sentence ranking). */
  sentAvg: [number, number];
  acronyms: Record<string, string[]>;
  lunr: PackedLunr;
}

/**
 * Token offsets at one byte per token: a token starts 0 or 1 character after the previous one ends
 * (bit 7) and is under 127 characters long (bits 0-6); any other token is OFF_ESCAPE, its offsets
 * kept aside. A quarter of the two u16 per token, and the bytes a load reads are what it costs.
 */
export interface OffParts {
  code: Uint8Array;
  /** Escaped token ids, ascending, and their [start, end] in the sentence (2 per token). */
  escAt: Uint32Array;
  escOff: Uint32Array;
}

const OFF_ESCAPE = 127;

export function packOffsets(p: Pick<Packed, 'off' | 'tokStart'>): OffParts {
  const { off, tokStart } = p;
  const code = new Uint8Array(off.length >> 1);
  const escAt: number[] = [];
  const escOff: number[] = [];
  for (let s = 0; s + 1 < tokStart.length; s++) {
    let end = 0;
    for (let t = tokStart[s]; t < tokStart[s + 1]; t++) {
      const gap = off[2 * t] - end;
      const len = off[2 * t + 1] - off[2 * t];
      if ((gap === 0 || gap === 1) && len >= 0 && len < OFF_ESCAPE) code[t] = (gap << 7) | len;
      else (code[t] = OFF_ESCAPE), escAt.push(t), escOff.push(off[2 * t], off[2 * t + 1]);
      end = off[2 * t + 1];
    }
  }
  return { code, escAt: Uint32Array.from(escAt), escOff: Uint32Array.from(escOff) };
}

/** Offsets of tokens [from, to) of one sentence (a damaged escape reads as an empty token, never throws). */
export function unpackOffsets(parts: OffParts, from: number, to: number, out = new Uint32Array(2 * (to - from)), at = 0): Uint32Array {
  const { code, escAt, escOff } = parts;
  let end = 0;
  let e = -1;
  for (let t = from; t < to; t++, at += 2) {
    const c = code[t];
    if (c !== OFF_ESCAPE) {
      out[at] = end + (c >> 7);
      end = out[at + 1] = out[at] + (c & 127);
      continue;
    }
    if (e < 0) {
      let lo = 0;
      let hi = escAt.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (escAt[mid] < t) lo = mid + 1;
        else hi = mid;
      }
      e = lo;
    }
    if (escAt[e] === t) (out[at] = escOff[2 * e]), (end = out[at + 1] = escOff[2 * e + 1]), e++;
    else out[at] = out[at + 1] = end;
  }
  return out;
}

/** Token offsets of sentence s (two per token). */
export function sentenceOffsets(p: Packed, s: number): Uint16Array | Uint32Array {
  const from = p.tokStart[s];
  const to = p.tokStart[s + 1];
  return p.offParts ? unpackOffsets(p.offParts, from, to) : p.off.subarray(2 * from, 2 * to);
}

const decoder = new TextDecoder();
const latin1 = new TextDecoder('latin1');

/**
 * One sentence, read from the packed store on first use of each field. The engine sees a plain
 * SentenceRecord; `off` is a typed-array view (indexable like the number[] of a fresh build).
 */
export class StoredSentence implements SentenceRecord {
  private _text: string | undefined = undefined;
  private _off: number[] | undefined = undefined;
  private _pos: string | undefined = undefined;
  private _ents: [number, number, string][] | undefined = undefined;
  constructor(
    readonly packed: Packed,
    readonly id: number,
    readonly doc: number,
    readonly paragraph: number,
  ) {}
  get text(): string {
    const s = this.packed;
    return (this._text ??= decoder.decode(s.text.subarray(s.textStart[this.id], s.textStart[this.id + 1])));
  }
  get off(): number[] {
    return (this._off ??= sentenceOffsets(this.packed, this.id) as unknown as number[]);
  }
  get pos(): string {
    const s = this.packed;
    return (this._pos ??= latin1.decode(s.pos.subarray(s.tokStart[this.id], s.tokStart[this.id + 1])));
  }
  get ents(): [number, number, string][] {
    if (this._ents) return this._ents;
    const s = this.packed;
    const out: [number, number, string][] = [];
    for (let e = s.entStart[this.id]; e < s.entStart[this.id + 1]; e++) out.push([s.ents[3 * e], s.ents[3 * e + 1], s.entTypes[s.ents[3 * e + 2]]]);
    return (this._ents = out);
  }
  /** Retrieval key of each token (undefined for stop words and punctuation). */
  keys(): (string | undefined)[] {
    return this.termsAt(this.packed.key);
  }
  private termsAt(ids: Int32Array): (string | undefined)[] {
    const { tokStart, vocab } = this.packed;
    const out: (string | undefined)[] = [];
    for (let t = tokStart[this.id]; t < tokStart[this.id + 1]; t++) out.push(ids[t] >= 0 ? vocab[ids[t]] : undefined);
    return out;
  }
  toJSON(): object {
    return { text: this.text, off: Array.from(this.off), pos: this.pos, ents: this.ents, d: this.doc, p: this.paragraph };
  }
}

/**
 * The sentences as an array whose records are made on first read: a query reads a few hundred to
 * a few thousand, while making all of them up front (hundreds of thousands on a large corpus) costs young
 * generation garbage collection at every load. Reads, `length`, `in`, iteration and the array
 * methods see every sentence, as in a plain array.
 */
/** Sentence records alive at once: far more than one query reads (at most a few thousand), far fewer than a corpus has. */
export const KEPT_RECORDS = 50_000;

export function storedSentences(packed: Packed, keep = KEPT_RECORDS): StoredSentence[] {
  const n = packed.sentenceDoc.length;
  const made: StoredSentence[] = new Array<StoredSentence>(n);
  // An array index is digits without a leading zero (but "0" itself): tested without making a string.
  const at = (k: string | symbol): number => {
    if (typeof k !== 'string') return -1;
    const c = k.charCodeAt(0);
    if (!(c >= 48 && c <= 57) || (c === 48 && k.length > 1)) return -1;
    for (let j = 1; j < k.length; j++) {
      const d = k.charCodeAt(j);
      if (!(d >= 48 && d <= 57)) return -1;
    }
    const i = Number(k);
    return i < n ? i : -1;
  };
  // Records cache their decoded text, offsets and tags: only the newest `keep` are kept, so a
  // long-running bot does not end up holding the whole corpus decoded.
  const kept = new Int32Array(Math.max(1, Math.min(n, keep))).fill(-1);
  let next = 0;
  const make = (i: number): StoredSentence => {
    let record = made[i];
    if (record) return record;
    record = made[i] = new StoredSentence(packed, i, packed.sentenceDoc[i], packed.para[i]);
    if (kept[next] >= 0) made[kept[next]] = undefined as unknown as StoredSentence;
    kept[next] = i;
    next = (next + 1) % kept.length;
    return record;
  };
  const sentences = new Proxy(made, {
    get: (t, k, r) => {
      const i = at(k);
      return i >= 0 ? make(i) : Reflect.get(t, k, r);
    },
    has: (t, k) => at(k) >= 0 || Reflect.has(t, k),
    getOwnPropertyDescriptor: (t, k) => {
      const i = at(k);
      if (i >= 0) make(i);
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
    ownKeys: (t) => {
      for (let i = 0; i < n; i++) make(i);
      return Reflect.ownKeys(t);
    },
  });
  makers.set(sentences, (i) => (i >= 0 && i < n ? make(i) : (undefined as unknown as StoredSentence)));
  return sentences;
}

/** Each stored sentence array's own reader, which the proxy's traps stand in front of. */
const makers = new WeakMap<object, (i: number) => SentenceRecord>();

/**
 * Sentence `id` of the index, as `index.sentences[id]` gives it (undefined out of range), read past
 * the proxy of stored sentences: a proxy's trap costs far more than the record, and the engine
 * reads hundreds of records per question.
 */
export function sentenceAt(index: SearchIndex, id: number): SentenceRecord {
  const read = makers.get(index.sentences);
  return read ? read(id) : index.sentences[id];
}

/** A read-only record view over term ids (for `df` and `caps`), without building a 100k-key object. */
export function termRecord<T>(vocab: string[], ids: Map<string, number>, value: (id: number) => T | undefined): Record<string, T> {
  const get = (k: string | symbol): T | undefined => {
    if (typeof k !== 'string') return undefined;
    const id = ids.get(k);
    return id === undefined ? undefined : value(id);
  };
  return new Proxy(Object.create(null) as Record<string, T>, {
    get: (_t, k) => get(k),
    has: (_t, k) => get(k) !== undefined,
    ownKeys: () => vocab.filter((k) => get(k) !== undefined),
    getOwnPropertyDescriptor: (_t, k) => {
      const v = get(k);
      return v === undefined ? undefined : { value: v, enumerable: true, configurable: true, writable: false };
    },
  });
}

/** The engine's view of a packed store: stored sentences, df/caps records, lunr over the packed postings. */
export function indexFromPacked(packed: Packed): SearchIndex {
  const { vocab } = packed;
  const termIds = new Map<string, number>();
  for (let i = 0; i < vocab.length; i++) termIds.set(vocab[i], i);
  return {
    version: INDEX_VERSION,
    docs: packed.docs,
    sentences: storedSentences(packed),
    acronyms: packed.acronyms,
    df: termRecord(vocab, termIds, (id) => packed.sentenceFrequency[id] || undefined),
    caps: termRecord(vocab, termIds, (id): [number, number] | undefined =>
      packed.caseCounts[2 * id] > 0 ? [packed.caseCounts[2 * id], packed.caseCounts[2 * id + 1]] : undefined,
    ),
    lunr: lunrIndex(packed.lunr, vocab, termIds),
    packed,
    termIds,
  };
}
