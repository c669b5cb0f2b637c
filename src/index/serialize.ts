// The cache file: a small JSON header, then the packed store's typed arrays byte for byte, each
// 8-byte aligned. Loading is one read plus typed-array views: no JSON per sentence, no lunr.Index.load.
import { INDEX_VERSION, indexFromPacked, packOffsets, unpackOffsets, type OffParts, type Packed, type PackedLunr } from './store.ts';
import { vectorOf } from './packed-lunr.ts';
import type { SearchIndex } from './types.ts';

const MAGIC = 'NDXPACK1';

type ArrayKind = 'u8' | 'u16' | 'u32' | 'i32' | 'f32' | 'f64';
const CTOR = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f32: Float32Array, f64: Float64Array } as const;
type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
const kindOf = (a: Typed): ArrayKind =>
  a instanceof Uint8Array
    ? 'u8'
    : a instanceof Uint16Array
      ? 'u16'
      : a instanceof Uint32Array
        ? 'u32'
        : a instanceof Int32Array
          ? 'i32'
          : a instanceof Float32Array
            ? 'f32'
            : 'f64';

// `off` is stored one byte per token (see packOffsets) and `vec` as u32 terms plus f32 scores (see
// encodeVec); `skel` is dense, mostly -1, so that loading it is a view rather than 34 MB of fresh
// memory to fill, which costs more here than reading it.
const ARRAYS = [
  'text',
  'textStart',
  'sentenceDoc',
  'para',
  'tokStart',
  'pos',
  'key',
  'skel',
  'flags',
  'entStart',
  'ents',
  'titleStart',
  'titleKeys',
  'sentenceFrequency',
  'skeletonSentenceFrequency',
  'caseCounts',
  'placeCounts',
] as const;
const LUNR_ARRAYS = ['postStart', 'vecStart'] as const;

/**
 * lunr's field vectors are [termIndex, score] pairs with scores rounded to 3 decimals: stored as u32
 * terms and f32 scores, which re-round to the same doubles (checked here; f64 otherwise).
 */
function encodeVec(vec: Float64Array): [Uint32Array, Float32Array | Float64Array] {
  const n = vec.length >> 1;
  const terms = new Uint32Array(n);
  let scores: Float32Array | Float64Array = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    terms[i] = vec[2 * i];
    scores[i] = vec[2 * i + 1];
    if (Math.round(scores[i] * 1000) / 1000 !== vec[2 * i + 1]) {
      scores = new Float64Array(n);
      for (let j = 0; j < n; j++) scores[j] = vec[2 * j + 1];
      break;
    }
  }
  return [terms, scores];
}

/** Loaded vectors stay as stored; `vec` decodes in full on first read only (lunr reads one field vector at a time, see vectorOf). */
function lazyVectors(lunr: Omit<PackedLunr, 'vec'>, terms: Uint32Array, scores: Float32Array | Float64Array): PackedLunr {
  if (terms.length !== scores.length) throw new Error('index file is inconsistent (vectors)');
  let vec: Float64Array | undefined;
  const out = { ...lunr, vecParts: { terms, scores } } as PackedLunr;
  Object.defineProperty(out, 'vec', { enumerable: true, get: () => (vec ??= vectorOf({ terms, scores }, 0, terms.length)) });
  return out;
}

/** Loaded offsets stay packed; `off` decodes in full on first read only (sentences decode their own, see StoredSentence). */
function lazyOffsets(packed: Omit<Packed, 'off'>, parts: OffParts): Packed {
  let off: Uint32Array | undefined;
  Object.defineProperty(packed, 'off', {
    enumerable: true,
    get: () => {
      if (off) return off;
      const { tokStart } = packed;
      const all = new Uint32Array(2 * parts.code.length);
      for (let s = 0; s + 1 < tokStart.length; s++) unpackOffsets(parts, tokStart[s], tokStart[s + 1], all, 2 * tokStart[s]);
      return (off = all);
    },
  });
  return packed as Packed;
}

interface Header {
  magic: string;
  version: string;
  meta: unknown;
  docs: Packed['docs'];
  entTypes: string[];
  acronyms: Record<string, string[]>;
  sentAvg: [number, number];
  fields: string[];
  vocabBytes: number;
  sections: { name: string; kind: ArrayKind; offset: number; length: number }[];
  size: number;
}

const align = (n: number): number => (n + 7) & ~7;
const utf8 = (u: Uint8Array): string => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('utf8');

/** The index as file parts (header first); `meta` is stored as is (the cache keys). */
export function serializeIndex(index: SearchIndex, meta: unknown = null): Buffer[] {
  const p = index.packed;
  const vocab = Buffer.from(p.vocab.join('\n'), 'utf8');
  const pairText = Buffer.from(p.pairs.keys, 'utf8');
  const arrays: [string, Typed][] = [
    ['pairText', new Uint8Array(pairText.buffer, pairText.byteOffset, pairText.length)],
    ['pairCount', p.pairs.count],
    ...ARRAYS.map((n): [string, Typed] => [n, p[n]]),
    ...LUNR_ARRAYS.map((n): [string, Typed] => [`lunr.${n}`, p.lunr[n]]),
  ];
  const off = p.offParts ?? packOffsets(p);
  const [vecTerms, vecScores] = p.lunr.vecParts ? [p.lunr.vecParts.terms, p.lunr.vecParts.scores] : encodeVec(p.lunr.vec);
  const { postDocs } = p.lunr;
  arrays.push(
    ['offCode', off.code],
    ['offEscAt', off.escAt],
    ['offEscOff', off.escOff],
    ['lunr.postDocs', postDocs instanceof Uint32Array && p.docs.length <= 0x10000 ? Uint16Array.from(postDocs) : postDocs],
    ['lunr.vecTerms', vecTerms],
    ['lunr.vecScores', vecScores],
  );
  const header: Header = {
    magic: MAGIC,
    version: INDEX_VERSION,
    meta,
    docs: p.docs,
    entTypes: p.entTypes,
    acronyms: p.acronyms,
    sentAvg: p.sentAvg,
    fields: p.lunr.fields,
    vocabBytes: vocab.length,
    sections: [],
    size: 0,
  };
  // Offsets are relative to the end of the header block, so the header can be sized after.
  let at = align(vocab.length);
  for (const [name, a] of arrays) {
    header.sections.push({ name, kind: kindOf(a), offset: at, length: a.length });
    at = align(at + a.byteLength);
  }
  const body = at;
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  const headLen = (j: Buffer): number => align(12 + j.length);
  header.size = headLen(json) + body;
  json = Buffer.from(JSON.stringify(header), 'utf8');
  // Growing `size` can lengthen the JSON by a digit or two; the padding absorbs it.
  while (headLen(json) + body !== header.size) {
    header.size = headLen(json) + body;
    json = Buffer.from(JSON.stringify(header), 'utf8');
  }
  const head = Buffer.alloc(headLen(json));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, 8);
  json.copy(head, 12);
  const parts: Buffer[] = [head, vocab, Buffer.alloc(align(vocab.length) - vocab.length)];
  let pos = align(vocab.length);
  for (const [, a] of arrays) {
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    pos += a.byteLength;
    const pad = align(pos) - pos;
    if (pad) parts.push(Buffer.alloc(pad));
    pos += pad;
  }
  return parts;
}

/** Reads just the header (version and meta), to decide whether a cache file fits before trusting it. */
export function readHeader(buf: Uint8Array): Header {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 12 || b.toString('latin1', 0, 8) !== MAGIC) throw new Error('not an index file (bad magic)');
  const len = b.readUInt32LE(8);
  if (12 + len > b.length) throw new Error('truncated header');
  let header: Header;
  try {
    header = JSON.parse(b.toString('utf8', 12, 12 + len)) as Header;
  } catch {
    throw new Error('unreadable header');
  }
  if (header?.magic !== MAGIC) throw new Error('bad header');
  return header;
}

/** Throws with the reason when the bytes are not a sound index of this engine version. */
export function deserializeIndex(buf: Uint8Array, parsed?: Header): SearchIndex {
  // The header (docs, file list) is ~10 MB of JSON on a large corpus: parsed once when the caller already has it.
  const header = parsed ?? readHeader(buf);
  if (header.version !== INDEX_VERSION) {
    throw new Error(`index version ${JSON.stringify(header.version)} does not match engine version ${INDEX_VERSION}`);
  }
  if (header.size !== buf.byteLength) throw new Error(`index file is ${buf.byteLength} bytes, expected ${header.size} (truncated?)`);
  // Typed views need aligned offsets; a pooled or sliced buffer gets copied once.
  if (buf.byteOffset % 8 !== 0) buf = new Uint8Array(buf);
  const base = buf.byteOffset + align(12 + Buffer.from(buf.buffer, buf.byteOffset + 8, 4).readUInt32LE(0));
  const vocabText = Buffer.from(buf.buffer, base, header.vocabBytes).toString('utf8');
  const vocab = vocabText.length ? vocabText.split('\n') : [];
  const got: Record<string, Typed> = {};
  for (const s of header.sections) {
    const C = CTOR[s.kind];
    if (!C || s.offset % 8 !== 0 || base + s.offset + s.length * C.BYTES_PER_ELEMENT > buf.byteOffset + buf.byteLength) {
      throw new Error(`section ${s.name} out of bounds`);
    }
    got[s.name] = new C(buf.buffer as ArrayBuffer, base + s.offset, s.length);
  }
  const a = <T extends Typed>(name: string): T => {
    if (!got[name]) throw new Error(`section ${name} missing`);
    return got[name] as T;
  };
  const lunr = lazyVectors(
    { fields: header.fields, postStart: a('lunr.postStart'), postDocs: a('lunr.postDocs'), vecStart: a('lunr.vecStart') },
    a('lunr.vecTerms'),
    a('lunr.vecScores'),
  );
  const offParts: OffParts = { code: a('offCode'), escAt: a('offEscAt'), escOff: a('offEscOff') };
  const packed = lazyOffsets(
    {
      docs: header.docs,
      vocab,
      entTypes: header.entTypes,
      acronyms: header.acronyms,
      sentAvg: header.sentAvg,
      lunr,
      pairs: { keys: utf8(a<Uint8Array>('pairText')), count: a('pairCount') },
      ...(Object.fromEntries(ARRAYS.map((n) => [n, a(n)])) as Pick<Packed, (typeof ARRAYS)[number]>),
      offParts,
    },
    offParts,
  );
  validate(packed);
  return indexFromPacked(packed);
}

/** Cheap structural checks, so a damaged file is rebuilt rather than crashing a query later. */
function validate(p: Packed): void {
  const fail = (what: string): never => {
    throw new Error(`index file is inconsistent (${what})`);
  };
  const nS = p.sentenceDoc.length;
  const nT = p.key.length;
  const V = p.vocab.length;
  const nD = p.docs.length;
  if (!Array.isArray(p.docs)) fail('docs');
  if (p.textStart.length !== nS + 1 || p.textStart[nS] !== p.text.length) fail('text');
  if (p.tokStart.length !== nS + 1 || p.tokStart[nS] !== nT || p.pos.length !== nT || p.skel.length !== nT || p.flags.length !== nT) fail('tokens');
  const { code, escAt, escOff } = p.offParts!;
  if (code.length !== nT || escOff.length !== 2 * escAt.length) fail('offsets');
  for (let i = 0; i < escAt.length; i++) if (escAt[i] >= nT || (i > 0 && escAt[i] <= escAt[i - 1])) fail('offsets');
  if (p.entStart.length !== nS + 1 || p.entStart[nS] * 3 !== p.ents.length) fail('entities');
  if (p.para.length !== nS || p.sentenceFrequency.length !== V || p.skeletonSentenceFrequency.length !== V || p.caseCounts.length !== 2 * V) fail('term tables');
  if (p.placeCounts.length !== 2 * V) fail('term tables');
  if ((p.pairs.keys ? p.pairs.keys.split('\n').length : 0) !== p.pairs.count.length) fail('pairs');
  if (p.titleStart.length !== nD + 1 || p.titleStart[nD] !== p.titleKeys.length) fail('headlines');
  const { tokStart, textStart, entStart, sentenceDoc } = p;
  for (let i = 0; i < nS; i++) {
    if (tokStart[i] > tokStart[i + 1] || textStart[i] > textStart[i + 1] || entStart[i] > entStart[i + 1] || sentenceDoc[i] >= nD) fail('sentence table');
  }
  let d = 0;
  for (const doc of p.docs) {
    if (typeof doc?.file !== 'string' || doc.first !== d || doc.first + doc.count > nS) fail('docs');
    d += doc.count;
  }
  if (d !== nS) fail('docs');
  const ids = [p.key, p.skel, p.titleKeys];
  if (!ids.every((a) => a instanceof Int32Array && allTermIds(a, V))) fail('term ids');
  const F = p.lunr.fields.length;
  const { postStart, postDocs, vecStart, vecParts } = p.lunr;
  if (postStart.length !== F * (V + 1) || postStart[F * (V + 1) - 1] !== postDocs.length || maxOf(postDocs) >= nD) fail('postings');
  const vecTerms = vecParts!.terms;
  if (vecStart.length !== nD * F + 1 || vecStart[nD * F] !== vecTerms.length || maxOf(vecTerms) >= V) fail('vectors');
}

/** Every id is a term id or -1 (one unsigned compare per id: -1 + 1 wraps to 0). Kept monomorphic, it runs at memory speed. */
function allTermIds(ids: Int32Array, V: number): boolean {
  for (let i = 0; i < ids.length; i++) if ((ids[i] + 1) >>> 0 > V) return false;
  return true;
}

function maxOf(a: Uint32Array | Uint16Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > max) max = a[i];
  return max;
}
