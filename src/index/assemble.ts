// Assembly: the chunks of analysed articles, concatenated into the packed store, with the
// corpus-wide statistics (sentence frequencies, case and place counts, capitalised pairs, acronyms)
// and lunr's article index packed alongside.
import { findAcronyms } from './acronyms.ts';
import { F_CAP, F_LETTERS, F_PLACE_PREP, type Chunk } from './chunk.ts';
import { fold } from '../nlp/terms.ts';
import { LunrPacker } from './packed-lunr.ts';
import type { Packed } from './store.ts';
import type { DocMeta } from './types.ts';

/** Capitalised word pairs seen fewer times than this are not stored (the engine asks for ≥ 3). */
export const MIN_PAIR_COUNT = 2;

/** UTF-8 length of s[from, to). */
function utf8Length(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * Concatenates analysed chunks (in corpus order) into one packed store: global term ids in
 * lunr's first-seen order, lunr's article postings and vectors, sentence df, case counts, acronyms.
 */
export function assemble(chunks: Chunk[]): Packed {
  const assembler = new Assembler();
  for (const c of chunks) assembler.add(c);
  return assembler.finish();
}

/** What one chunk adds, in global ids, held until the assembly's totals are known. */
interface Part {
  chunk: Chunk;
  key: Int32Array;
  skel: Int32Array;
  ents: Int32Array;
  sentenceDoc: Uint32Array;
  tokStart: Uint32Array;
  entStart: Uint32Array;
  textStart: Uint32Array;
}

/**
 * assemble, one chunk at a time in corpus order: a build adds each chunk as the NLP workers hand it
 * over, while they analyse the next ones, and only the copying into the store's arrays waits for the last.
 */
export class Assembler {
  private readonly vocab: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly entTypes: string[] = [];
  private readonly entTypeIds = new Map<string, number>();
  private readonly docs: DocMeta[] = [];
  private readonly acronyms: Record<string, string[]> = {};
  private readonly texts: Buffer[] = [];
  private readonly parts: Part[] = [];
  private readonly packer = new LunrPacker(['t', 'k'], 1 << 16);
  private readonly titleStart: number[] = [0];
  private readonly titleKeys: number[] = [];
  private readonly tBuf: number[] = [];
  private readonly kBuf: number[] = [];
  // "new orleans" → how often the two words stand capitalised side by side.
  private readonly pairCounts = new Map<string, number>();
  private readonly folded = new Map<string, string>();
  private sBase = 0;
  private tBase = 0;
  private eBase = 0;
  private bytes = 0;
  private maxOff = 0;

  private foldOf(w: string): string {
    let f = this.folded.get(w);
    if (f === undefined) this.folded.set(w, (f = fold(w)));
    return f;
  }

  add(c: Chunk): void {
    const { vocab, ids, docs, acronyms, packer, titleKeys, tBuf, kBuf, pairCounts } = this;
    const { sBase, tBase, eBase } = this;
    for (let i = 1; i < c.off.length; i += 2) if (c.off[i] > this.maxOff) this.maxOff = c.off[i];
    const remap = new Int32Array(c.vocab.length).fill(-1);
    const g = (l: number): number => {
      let v = remap[l];
      if (v < 0) {
        const term = c.vocab[l];
        v = ids.get(term) ?? -1;
        if (v < 0) {
          v = vocab.length;
          vocab.push(term);
          ids.set(term, v);
        }
        remap[l] = v;
      }
      return v;
    };
    const typeMap = c.entTypes.map((t) => {
      let v = this.entTypeIds.get(t);
      if (v === undefined) this.entTypeIds.set(t, (v = this.entTypes.length)), this.entTypes.push(t);
      return v;
    });
    const nS = c.textEnd.length;
    const part: Part = {
      chunk: c,
      key: new Int32Array(c.key.length),
      skel: new Int32Array(c.skel.length),
      ents: new Int32Array(c.ents.length),
      sentenceDoc: new Uint32Array(nS),
      tokStart: new Uint32Array(nS),
      entStart: new Uint32Array(nS),
      textStart: new Uint32Array(nS),
    };
    const { key, skel } = part;
    this.texts.push(Buffer.from(c.text, 'utf8'));
    let ls = 0;
    let paren = c.text.indexOf('(');
    c.docs.forEach((doc, ld) => {
      const d = docs.length;
      docs.push({ file: doc.file, title: doc.title, date: doc.date, place: doc.place, ...(doc.url ? { url: doc.url } : {}), first: sBase + ls, count: doc.count });
      // lunr document: field t = headline keys then body keys, field k = name skeletons.
      tBuf.length = 0;
      kBuf.length = 0;
      for (let i = ld === 0 ? 0 : c.titleEnd[ld - 1]; i < c.titleEnd[ld]; i++) {
        const v = g(c.titleKeys[i]);
        tBuf.push(v);
        titleKeys.push(v);
      }
      this.titleStart.push(titleKeys.length);
      const tokFrom = ls === 0 ? 0 : c.tokEnd[ls - 1];
      const tokTo = ls + doc.count === 0 ? 0 : c.tokEnd[ls + doc.count - 1];
      for (let t = tokFrom; t < tokTo; t++) {
        const k = c.key[t];
        const v = k >= 0 ? g(k) : -1;
        key[t] = v;
        if (v >= 0) tBuf.push(v);
      }
      for (let t = tokFrom; t < tokTo; t++) {
        const k = c.skel[t];
        const v = k >= 0 ? g(k) : -1;
        skel[t] = v;
        if (v >= 0) kBuf.push(v);
      }
      packer.reserve(vocab.length);
      packer.addField(0, tBuf);
      packer.addField(1, kBuf);
      for (let s = ls; s < ls + doc.count; s++) {
        part.sentenceDoc[s] = d;
        part.tokStart[s] = tBase + (s === 0 ? 0 : c.tokEnd[s - 1]);
        part.entStart[s] = eBase + (s === 0 ? 0 : c.entEnd[s - 1]);
        const from = s === 0 ? 0 : c.textEnd[s - 1];
        part.textStart[s] = this.bytes;
        this.bytes += utf8Length(c.text, from, c.textEnd[s]);
        for (let t = s === 0 ? 1 : c.tokEnd[s - 1] + 1; t < c.tokEnd[s]; t++) {
          if (!(c.flags[t] & F_CAP) || !(c.flags[t - 1] & F_CAP)) continue;
          const pk = `${this.foldOf(c.text.slice(from + c.off[2 * t - 2], from + c.off[2 * t - 1]))} ${this.foldOf(c.text.slice(from + c.off[2 * t], from + c.off[2 * t + 1]))}`;
          pairCounts.set(pk, (pairCounts.get(pk) ?? 0) + 1);
        }
        if (paren >= 0 && paren < from) paren = c.text.indexOf('(', from);
        if (paren >= 0 && paren < c.textEnd[s]) {
          for (const [acr, expansion] of findAcronyms(c.text.slice(from, c.textEnd[s]))) {
            const list = (acronyms[acr] ??= []);
            if (!list.includes(expansion)) list.push(expansion);
          }
        }
      }
      ls += doc.count;
    });
    for (let e = 0; e < c.ents.length; e += 3) {
      part.ents[e] = c.ents[e];
      part.ents[e + 1] = c.ents[e + 1];
      part.ents[e + 2] = typeMap[c.ents[e + 2]];
    }
    this.parts.push(part);
    this.sBase += nS;
    this.tBase += c.key.length;
    this.eBase += c.ents.length / 3;
  }

  finish(): Packed {
    const { sBase: nS, tBase: nT, eBase: nE, vocab } = this;
    const sentenceDoc = new Uint32Array(nS);
    const para = new Uint32Array(nS);
    const tokStart = new Uint32Array(nS + 1);
    const entStart = new Uint32Array(nS + 1);
    const textStart = new Uint32Array(nS + 1);
    const key = new Int32Array(nT);
    const skel = new Int32Array(nT);
    const flags = new Uint8Array(nT);
    const pos = new Uint8Array(nT);
    const off = this.maxOff < 0x10000 ? new Uint16Array(2 * nT) : new Uint32Array(2 * nT);
    const ents = new Int32Array(3 * nE);
    let s0 = 0;
    let t0 = 0;
    let e0 = 0;
    for (const p of this.parts) {
      const c = p.chunk;
      sentenceDoc.set(p.sentenceDoc, s0);
      para.set(c.para, s0);
      tokStart.set(p.tokStart, s0);
      entStart.set(p.entStart, s0);
      textStart.set(p.textStart, s0);
      key.set(p.key, t0);
      skel.set(p.skel, t0);
      off.set(c.off, 2 * t0);
      pos.set(c.pos, t0);
      flags.set(c.flags, t0);
      ents.set(p.ents, 3 * e0);
      s0 += c.textEnd.length;
      t0 += c.key.length;
      e0 += c.ents.length / 3;
    }
    this.parts.length = 0;
    tokStart[nS] = nT;
    entStart[nS] = nE;
    textStart[nS] = this.bytes;

    const V = vocab.length;
    const lunr = this.packer.finish(V);
    // Sentence frequencies, and how often each word is capitalised away from the sentence start.
    const sentenceFrequency = new Uint32Array(V);
    const skeletonSentenceFrequency = new Uint32Array(V);
    const caseCounts = new Uint32Array(2 * V);
    // Per key, capitalised mid-sentence uses: [after a place preposition, all]. The first word of a
    // capitalised run decides: "in New York" counts for New and York alike.
    const placeCounts = new Uint32Array(2 * V);
    const seenKey = new Int32Array(V).fill(-1);
    const seenSkel = new Int32Array(V).fill(-1);
    let keyCount = 0;
    let skelCount = 0;
    for (let s = 0; s < nS; s++) {
      let runStart = tokStart[s];
      for (let t = tokStart[s]; t < tokStart[s + 1]; t++) {
        const k = key[t];
        if (!(flags[t] & F_CAP)) runStart = t + 1;
        else if (k >= 0 && t > tokStart[s]) {
          if (runStart > tokStart[s] && flags[runStart - 1] & F_PLACE_PREP) placeCounts[2 * k]++;
          placeCounts[2 * k + 1]++;
        }
        if (k >= 0) {
          keyCount++;
          if (seenKey[k] !== s) (seenKey[k] = s), sentenceFrequency[k]++;
          if (t > tokStart[s] && flags[t] & F_LETTERS) caseCounts[2 * k + (flags[t] & F_CAP ? 0 : 1)]++;
        }
        const sk = skel[t];
        if (sk >= 0) {
          skelCount++;
          if (seenSkel[sk] !== s) (seenSkel[sk] = s), skeletonSentenceFrequency[sk]++;
        }
      }
    }
    return {
      docs: this.docs,
      vocab,
      text: Buffer.concat(this.texts),
      textStart,
      sentenceDoc,
      para,
      tokStart,
      off,
      pos,
      key,
      skel,
      flags,
      entStart,
      ents,
      entTypes: this.entTypes,
      titleStart: Uint32Array.from(this.titleStart),
      titleKeys: Int32Array.from(this.titleKeys),
      sentenceFrequency,
      skeletonSentenceFrequency,
      caseCounts,
      placeCounts,
      pairs: pairsOf(this.pairCounts),
      sentAvg: [keyCount / Math.max(1, nS), skelCount / Math.max(1, nS)],
      acronyms: this.acronyms,
      lunr,
    };
  }
}

/** The recurring pairs (MIN_PAIR_COUNT or more), sorted, as the packed store keeps them. */
function pairsOf(counts: Map<string, number>): { keys: string; count: Uint32Array } {
  const kept = [...counts].filter(([k, n]) => n >= MIN_PAIR_COUNT && !k.includes('\n')).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { keys: kept.map((e) => e[0]).join('\n'), count: Uint32Array.from(kept, (e) => e[1]) };
}
