// Re-use in a live rebuild: the stored analysis of unchanged articles turned back into chunks, and
// fresh chunks cut per article, so assembly takes them in corpus order without re-running NLP.
import { freezeChunk, type Chunk } from './chunk.ts';
import { sentenceOffsets, type Packed } from './store.ts';

/** Document k of a chunk as a chunk of its own (shares the vocabulary). */
export function subChunk(c: Chunk, k: number): Chunk {
  let s0 = 0;
  for (let d = 0; d < k; d++) s0 += c.docs[d].count;
  const s1 = s0 + c.docs[k].count;
  const t0 = s0 === 0 ? 0 : c.tokEnd[s0 - 1];
  const t1 = s1 === 0 ? 0 : c.tokEnd[s1 - 1];
  const e0 = s0 === 0 ? 0 : c.entEnd[s0 - 1];
  const e1 = s1 === 0 ? 0 : c.entEnd[s1 - 1];
  const x0 = s0 === 0 ? 0 : c.textEnd[s0 - 1];
  const h0 = k === 0 ? 0 : c.titleEnd[k - 1];
  return {
    docs: [c.docs[k]],
    vocab: c.vocab,
    text: c.text.slice(x0, s1 === 0 ? 0 : c.textEnd[s1 - 1]),
    textEnd: c.textEnd.slice(s0, s1).map((v) => v - x0),
    para: c.para.slice(s0, s1),
    tokEnd: c.tokEnd.slice(s0, s1).map((v) => v - t0),
    off: c.off.slice(2 * t0, 2 * t1),
    pos: c.pos.slice(t0, t1),
    key: c.key.slice(t0, t1),
    skel: c.skel.slice(t0, t1),
    flags: c.flags.slice(t0, t1),
    entEnd: c.entEnd.slice(s0, s1).map((v) => v - e0),
    ents: c.ents.slice(3 * e0, 3 * e1),
    entTypes: c.entTypes,
    titleEnd: Uint32Array.of(c.titleEnd[k] - h0),
    titleKeys: c.titleKeys.slice(h0, c.titleEnd[k]),
  };
}

/** The stored analysis of some of an index's articles, as a chunk (for re-using it in a rebuild). */
export function chunkOf(packed: Packed, docNumbers: number[]): Chunk {
  const decoder = new TextDecoder();
  const docs: Chunk['docs'] = [];
  const texts: string[] = [];
  const textEnd: number[] = [];
  const paras: number[] = [];
  const tokEnd: number[] = [];
  const entEnd: number[] = [];
  const off: number[] = [];
  const pos: number[] = [];
  const key: number[] = [];
  const skel: number[] = [];
  const flags: number[] = [];
  const ents: number[] = [];
  const titleEnd: number[] = [];
  const titleKeys: number[] = [];
  let len = 0;
  for (const d of docNumbers) {
    const m = packed.docs[d];
    for (let i = packed.titleStart[d]; i < packed.titleStart[d + 1]; i++) titleKeys.push(packed.titleKeys[i]);
    titleEnd.push(titleKeys.length);
    docs.push({ file: m.file, title: m.title, date: m.date, place: m.place, ...(m.url ? { url: m.url } : {}), count: m.count });
    for (let s = m.first; s < m.first + m.count; s++) {
      const text = decoder.decode(packed.text.subarray(packed.textStart[s], packed.textStart[s + 1]));
      texts.push(text);
      len += text.length;
      textEnd.push(len);
      paras.push(packed.para[s]);
      for (const o of sentenceOffsets(packed, s)) off.push(o);
      for (let t = packed.tokStart[s]; t < packed.tokStart[s + 1]; t++) {
        pos.push(packed.pos[t]);
        key.push(packed.key[t]);
        skel.push(packed.skel[t]);
        flags.push(packed.flags[t]);
      }
      tokEnd.push(key.length);
      for (let e = packed.entStart[s]; e < packed.entStart[s + 1]; e++) ents.push(packed.ents[3 * e], packed.ents[3 * e + 1], packed.ents[3 * e + 2]);
      entEnd.push(ents.length / 3);
    }
  }
  return freezeChunk({
    docs,
    vocab: packed.vocab,
    texts,
    textEnd,
    para: paras,
    tokEnd,
    off,
    pos,
    key,
    skel,
    flags,
    entEnd,
    ents,
    entTypes: packed.entTypes,
    titleEnd,
    titleKeys,
  });
}
