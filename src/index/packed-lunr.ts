// lunr's article index without lunr's object graph. The packer computes exactly what
// lunr.Builder computes (postings; BM25 field vectors with k1 = 1.2, b = 0.75, scores rounded to
// 3 decimals; term indexes in first-seen order), much faster and in typed arrays; `lunrIndex` hands
// them to a real lunr.Index whose inverted index, field vectors and token set materialise on demand,
// so loading costs nothing. Retrieval ranks articles from the same arrays without lunr's objects
// (article-rank.ts, held to lunr.Index#query's scores by the tests).
import lunr from 'lunr';
import type { PackedLunr } from './store.ts';
import { bm25, idf as lunrIdf } from './bm25.ts';

class Grow {
  values: Uint32Array;
  length = 0;
  constructor(size = 1 << 16) {
    this.values = new Uint32Array(size);
  }
  push(v: number): void {
    if (this.length === this.values.length) {
      const b = new Uint32Array(this.values.length * 2);
      b.set(this.values);
      this.values = b;
    }
    this.values[this.length++] = v;
  }
  done(): Uint32Array {
    return this.values.slice(0, this.length);
  }
}

/** Feeds documents field by field (in lunr's order: doc by doc, fields in order), then `finish`. */
export class LunrPacker {
  private tf: Uint32Array;
  private df: Uint32Array[];
  private readonly entryTerm = new Grow();
  private readonly entryTf = new Grow();
  private readonly entryEnd = new Grow();
  private readonly fieldLen = new Grow();
  private readonly touched: number[] = [];
  constructor(
    readonly fields: string[],
    maxTerms: number,
  ) {
    this.tf = new Uint32Array(maxTerms);
    this.df = fields.map(() => new Uint32Array(maxTerms));
  }
  /** Makes room for term ids below `termCount` (an assembler streaming chunks learns the vocabulary as it goes). */
  reserve(termCount: number): void {
    if (termCount <= this.tf.length) return;
    const size = Math.max(termCount, 2 * this.tf.length);
    const grow = (a: Uint32Array): Uint32Array => {
      const b = new Uint32Array(size);
      b.set(a);
      return b;
    };
    this.tf = grow(this.tf);
    this.df = this.df.map(grow);
  }
  /** One field of the current document: its term ids in token order. */
  addField(f: number, terms: ArrayLike<number>, count = terms.length): void {
    const { tf, touched } = this;
    touched.length = 0;
    for (let i = 0; i < count; i++) {
      const t = terms[i];
      if (tf[t]++ === 0) touched.push(t);
    }
    touched.sort((a, b) => a - b);
    const df = this.df[f];
    for (const t of touched) {
      this.entryTerm.push(t);
      this.entryTf.push(tf[t]);
      tf[t] = 0;
      df[t]++;
    }
    this.entryEnd.push(this.entryTerm.length);
    this.fieldLen.push(count);
  }
  finish(termCount: number): PackedLunr {
    this.reserve(termCount);
    const F = this.fields.length;
    const fieldLen = this.fieldLen.done();
    const N = fieldLen.length / F;
    const entryTerm = this.entryTerm.done();
    const entryTf = this.entryTf.done();
    const entryEnd = this.entryEnd.done();
    const avg: number[] = [];
    for (let f = 0; f < F; f++) {
      let sum = 0;
      for (let d = 0; d < N; d++) sum += fieldLen[d * F + f];
      avg.push(sum / N);
    }
    // lunr.idf counts a document once per field the term occurs in.
    const idf = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) {
      let n = 0;
      for (let f = 0; f < F; f++) n += this.df[f][t];
      idf[t] = lunrIdf(N, n);
    }
    const vec = new Float64Array(2 * entryTerm.length);
    const vecStart = new Uint32Array(N * F + 1);
    for (let r = 0; r < N * F; r++) {
      const f = r % F;
      const from = r === 0 ? 0 : entryEnd[r - 1];
      vecStart[r] = from;
      const len = fieldLen[r];
      for (let e = from; e < entryEnd[r]; e++) {
        const t = entryTerm[e];
        const tf = entryTf[e];
        vec[2 * e] = t;
        vec[2 * e + 1] = bm25(idf[t], tf, len / avg[f]);
      }
    }
    vecStart[N * F] = entryTerm.length;
    // Postings, by counting sort: field-major, then term, then doc ascending.
    const postStart = new Uint32Array(F * (termCount + 1));
    let total = 0;
    for (let f = 0; f < F; f++) {
      for (let t = 0; t < termCount; t++) {
        postStart[f * (termCount + 1) + t] = total;
        total += this.df[f][t];
      }
      postStart[f * (termCount + 1) + termCount] = total;
    }
    const postDocs = new Uint32Array(total);
    const fill = postStart.slice();
    for (let r = 0; r < N * F; r++) {
      const f = r % F;
      const d = (r - f) / F;
      for (let e = r === 0 ? 0 : entryEnd[r - 1]; e < entryEnd[r]; e++) postDocs[fill[f * (termCount + 1) + entryTerm[e]]++] = d;
    }
    return { fields: this.fields, postStart, postDocs, vecStart, vec };
  }
}

/**
 * Where the postings of slot i (f*(V+1)+t) start in postDocs; those of slot i end where slot i + 1's
 * start. Sparse postings: the start of the first slot at or after i that has any, so that a slot
 * without postings starts where it ends.
 */
export function postingStart(p: PackedLunr, i: number): number {
  const slots = p.slots;
  if (!slots) return p.postStart[i];
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (slots[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  return p.postStart[lo];
}

/** How many documents have term `t` in field `f`. */
export function postingCount(p: PackedLunr, termCount: number, f: number, t: number): number {
  const i = f * (termCount + 1) + t;
  return postingStart(p, i + 1) - postingStart(p, i);
}

/** The documents having term `t` in field `f`, ascending (a view, no copy). */
export function postingDocs(p: PackedLunr, termCount: number, f: number, t: number): Uint32Array | Uint16Array {
  const i = f * (termCount + 1) + t;
  return p.postDocs.subarray(postingStart(p, i), postingStart(p, i + 1));
}

/** Whether document d has term `t` in field `f` (a binary search in the term's sorted postings). */
export function postingHas(p: PackedLunr, termCount: number, f: number, t: number, d: number): boolean {
  const end = postingStart(p, f * (termCount + 1) + t + 1);
  let lo = postingStart(p, f * (termCount + 1) + t);
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.postDocs[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && p.postDocs[lo] === d;
}

const EMPTY: object = Object.freeze(Object.create(null));

/** A field vector over the shared scratch buffer: what toJSON hands out must outlive the next fetch. */
class ScratchVector extends lunr.Vector {
  override toJSON(): number[] {
    return Array.from((this as unknown as { elements: ArrayLike<number> }).elements);
  }
}

/**
 * A lunr.Index over packed data. Postings and vectors are built per term/document on lunr's first
 * touch (postings cached in a small LRU); the token set answers exact terms from the term map and
 * builds lunr's real TokenSet only if a wildcard or fuzzy clause ever asks.
 */
export function lunrIndex(p: PackedLunr, vocab: string[], termIds: Map<string, number>): lunr.Index {
  const V = vocab.length;
  const F = p.fields.length;
  const fieldNo = new Map(p.fields.map((f, i) => [f, i]));
  const cache = new Map<number, Record<string, unknown>>();
  const posting = (t: number): Record<string, unknown> => {
    let hit = cache.get(t);
    if (hit) {
      cache.delete(t);
      cache.set(t, hit);
      return hit;
    }
    hit = Object.create(null) as Record<string, unknown>;
    hit._index = t;
    for (let f = 0; f < F; f++) {
      const docs = Object.create(null) as Record<string, object>;
      const end = postingStart(p, f * (V + 1) + t + 1);
      for (let i = postingStart(p, f * (V + 1) + t); i < end; i++) {
        docs[p.postDocs[i]] = EMPTY;
      }
      hit[p.fields[f]] = docs;
    }
    cache.set(t, hit);
    if (cache.size > 256) cache.delete(cache.keys().next().value!);
    return hit;
  };
  const invertedIndex = new Proxy(Object.create(null), {
    get: (_t, k) => {
      const id = typeof k === 'string' ? termIds.get(k) : undefined;
      return id === undefined ? undefined : posting(id);
    },
    has: (_t, k) => typeof k === 'string' && termIds.has(k),
    ownKeys: () => vocab.slice(),
    getOwnPropertyDescriptor: (_t, k) => {
      const id = typeof k === 'string' ? termIds.get(k) : undefined;
      return id === undefined ? undefined : { value: posting(id), enumerable: true, configurable: true, writable: false };
    },
  });
  const N = (p.vecStart.length - 1) / F;
  // lunr reads a field vector right where it fetches it (to score a document, or in toJSON) and keeps
  // none: one scratch buffer serves every fetch, instead of a fresh array per document per query.
  let scratch = new Float64Array(1024);
  const vector = (k: string | symbol): lunr.Vector | undefined => {
    if (typeof k !== 'string') return undefined;
    const slash = k.indexOf('/');
    const f = fieldNo.get(k.slice(0, slash));
    const d = Number(k.slice(slash + 1));
    if (f === undefined || !Number.isInteger(d) || d < 0 || d >= N) return undefined;
    const r = d * F + f;
    if (p.vecParts) {
      const from = p.vecStart[r];
      const to = p.vecStart[r + 1];
      if (scratch.length < 2 * (to - from)) scratch = new Float64Array(4 * (to - from));
      return new ScratchVector(vectorOf(p.vecParts, from, to, scratch.subarray(0, 2 * (to - from))) as unknown as number[]);
    }
    return new lunr.Vector(p.vec.subarray(2 * p.vecStart[r], 2 * p.vecStart[r + 1]) as unknown as number[]);
  };
  const fieldVectors = new Proxy(Object.create(null), {
    get: (_t, k) => vector(k),
    has: (_t, k) => vector(k) !== undefined,
    ownKeys: () => {
      const keys: string[] = [];
      for (let d = 0; d < N; d++) for (const f of p.fields) keys.push(`${f}/${d}`);
      return keys;
    },
    getOwnPropertyDescriptor: (_t, k) => {
      const v = vector(k);
      return v === undefined ? undefined : { value: v, enumerable: true, configurable: true, writable: false };
    },
  });
  let full: lunr.TokenSet | undefined;
  const tokenSet = {
    intersect(b: lunr.TokenSet): { toArray(): string[] } {
      const exact = chainString(b);
      if (exact !== undefined) return { toArray: () => (termIds.has(exact) ? [exact] : []) };
      full ??= (lunr.TokenSet as unknown as { fromArray(a: string[]): lunr.TokenSet }).fromArray([...vocab].sort());
      return full!.intersect(b);
    },
    toArray: () => vocab.slice(),
  };
  // lunr 2.3.9 reads `fieldVectors` (the @types name it `documentVectors`).
  const attrs = { invertedIndex, fieldVectors, tokenSet, fields: p.fields, pipeline: new lunr.Pipeline() };
  return new lunr.Index(attrs as unknown as lunr.Index.Attributes);
}

/** Entries [from, to) of stored vectors as lunr's [termIndex, score] pairs (f32 scores re-rounded to lunr's 3 decimals), into `out`. */
export function vectorOf(parts: StoredVectors, from: number, to: number, out = new Float64Array(2 * (to - from))): Float64Array {
  for (let i = from, o = 0; i < to; i++, o += 2) {
    out[o] = parts.terms[i];
    out[o + 1] = scoreOf(parts, i);
  }
  return out;
}

type StoredVectors = { terms: Uint32Array; scores: Float32Array | Float64Array };

/** Score i of stored vectors as lunr computed it (f32 scores re-rounded to lunr's 3 decimals). */
export const scoreOf = (parts: StoredVectors, i: number): number => (parts.scores instanceof Float32Array ? Math.round(parts.scores[i] * 1000) / 1000 : parts.scores[i]);

/** The word a TokenSet accepts when it is a plain chain (no wildcard, no fuzziness), else undefined. */
function chainString(ts: lunr.TokenSet): string | undefined {
  let node = ts as unknown as { edges: Record<string, unknown>; final: boolean };
  let out = '';
  for (;;) {
    const keys = Object.keys(node.edges);
    if (keys.length === 0) return node.final ? out : undefined;
    if (keys.length !== 1 || node.final || keys[0] === '*') return undefined;
    out += keys[0];
    node = node.edges[keys[0]] as typeof node;
  }
}
