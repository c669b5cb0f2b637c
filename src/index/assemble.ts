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
  let nS = 0;
  let nT = 0;
  let nE = 0;
  let maxV = 0;
  let maxOff = 0;
  for (const c of chunks) {
    nS += c.textEnd.length;
    nT += c.key.length;
    nE += c.ents.length / 3;
    maxV += c.vocab.length;
    for (let i = 1; i < c.off.length; i += 2) if (c.off[i] > maxOff) maxOff = c.off[i];
  }
  const vocab: string[] = [];
  const ids = new Map<string, number>();
  const entTypes: string[] = [];
  const entTypeIds = new Map<string, number>();
  const docs: DocMeta[] = [];
  const acronyms: Record<string, string[]> = {};
  const sentenceDoc = new Uint32Array(nS);
  const para = new Uint32Array(nS);
  const tokStart = new Uint32Array(nS + 1);
  const entStart = new Uint32Array(nS + 1);
  const textStart = new Uint32Array(nS + 1);
  const key = new Int32Array(nT);
  const skel = new Int32Array(nT);
  const flags = new Uint8Array(nT);
  const pos = new Uint8Array(nT);
  const off = maxOff < 0x10000 ? new Uint16Array(2 * nT) : new Uint32Array(2 * nT);
  const ents = new Int32Array(3 * nE);
  const texts: Buffer[] = [];
  const packer = new LunrPacker(['t', 'k'], Math.max(1, maxV));
  const titleStart: number[] = [0];
  const titleKeys: number[] = [];
  const tBuf: number[] = [];
  const kBuf: number[] = [];
  // "new orleans" → how often the two words stand capitalised side by side.
  const pairCounts = new Map<string, number>();
  const folded = new Map<string, string>();
  const foldOf = (w: string): string => {
    let f = folded.get(w);
    if (f === undefined) folded.set(w, (f = fold(w)));
    return f;
  };

  let sBase = 0;
  let tBase = 0;
  let eBase = 0;
  let bytes = 0;
  for (const c of chunks) {
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
      let v = entTypeIds.get(t);
      if (v === undefined) entTypeIds.set(t, (v = entTypes.length)), entTypes.push(t);
      return v;
    });
    texts.push(Buffer.from(c.text, 'utf8'));
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
      titleStart.push(titleKeys.length);
      const tokFrom = ls === 0 ? 0 : c.tokEnd[ls - 1];
      const tokTo = ls + doc.count === 0 ? 0 : c.tokEnd[ls + doc.count - 1];
      for (let t = tokFrom; t < tokTo; t++) {
        const k = c.key[t];
        const v = k >= 0 ? g(k) : -1;
        key[tBase + t] = v;
        if (v >= 0) tBuf.push(v);
      }
      for (let t = tokFrom; t < tokTo; t++) {
        const k = c.skel[t];
        const v = k >= 0 ? g(k) : -1;
        skel[tBase + t] = v;
        if (v >= 0) kBuf.push(v);
      }
      packer.addField(0, tBuf);
      packer.addField(1, kBuf);
      for (let s = ls; s < ls + doc.count; s++) {
        const gs = sBase + s;
        sentenceDoc[gs] = d;
        para[gs] = c.para[s];
        tokStart[gs] = tBase + (s === 0 ? 0 : c.tokEnd[s - 1]);
        entStart[gs] = eBase + (s === 0 ? 0 : c.entEnd[s - 1]);
        const from = s === 0 ? 0 : c.textEnd[s - 1];
        textStart[gs] = bytes;
        bytes += utf8Length(c.text, from, c.textEnd[s]);
        for (let t = s === 0 ? 1 : c.tokEnd[s - 1] + 1; t < c.tokEnd[s]; t++) {
          if (!(c.flags[t] & F_CAP) || !(c.flags[t - 1] & F_CAP)) continue;
          const pk = `${foldOf(c.text.slice(from + c.off[2 * t - 2], from + c.off[2 * t - 1]))} ${foldOf(c.text.slice(from + c.off[2 * t], from + c.off[2 * t + 1]))}`;
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
    off.set(c.off, 2 * tBase);
    pos.set(c.pos, tBase);
    flags.set(c.flags, tBase);
    for (let e = 0; e < c.ents.length; e += 3) {
      ents[3 * eBase + e] = c.ents[e];
      ents[3 * eBase + e + 1] = c.ents[e + 1];
      ents[3 * eBase + e + 2] = typeMap[c.ents[e + 2]];
    }
    sBase += c.textEnd.length;
    tBase += c.key.length;
    eBase += c.ents.length / 3;
  }
  tokStart[nS] = nT;
  entStart[nS] = nE;
  textStart[nS] = bytes;

  const V = vocab.length;
  const lunr = packer.finish(V);
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
    docs,
    vocab,
    text: Buffer.concat(texts),
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
    entTypes,
    titleStart: Uint32Array.from(titleStart),
    titleKeys: Int32Array.from(titleKeys),
    sentenceFrequency,
    skeletonSentenceFrequency,
    caseCounts,
    placeCounts,
    pairs: pairsOf(pairCounts),
    sentAvg: [keyCount / Math.max(1, nS), skelCount / Math.max(1, nS)],
    acronyms,
    lunr,
  };
}

/** The recurring pairs (MIN_PAIR_COUNT or more), sorted, as the packed store keeps them. */
function pairsOf(counts: Map<string, number>): { keys: string; count: Uint32Array } {
  const kept = [...counts].filter(([k, n]) => n >= MIN_PAIR_COUNT && !k.includes('\n')).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { keys: kept.map((e) => e[0]).join('\n'), count: Uint32Array.from(kept, (e) => e[1]) };
}
