import { describe, expect, it } from 'vitest';
import { postingCount, postingDocs, postingHas, postingStart } from '../../src/index/packed-lunr.ts';
import type { PackedLunr } from '../../src/index/store.ts';

// Three documents over a vocabulary of 5 terms, two fields: term → documents per field.
const V = 5;
const lists: number[][][] = [
  [[0, 2], [], [1], [], [0, 1, 2]],
  [[], [2], [], [], [0]],
];

function dense(): PackedLunr {
  const postStart = new Uint32Array(2 * (V + 1));
  const docs: number[] = [];
  for (let f = 0; f < 2; f++) {
    for (let t = 0; t <= V; t++) {
      postStart[f * (V + 1) + t] = docs.length;
      if (t < V) docs.push(...lists[f][t]);
    }
  }
  return { fields: ['t', 'k'], postStart, postDocs: Uint32Array.from(docs), vecStart: new Uint32Array(1), vec: new Float64Array(0) };
}

function sparse(): PackedLunr {
  const slots: number[] = [];
  const starts: number[] = [];
  const docs: number[] = [];
  for (let f = 0; f < 2; f++) {
    for (let t = 0; t < V; t++) {
      if (lists[f][t].length === 0) continue;
      slots.push(f * (V + 1) + t);
      starts.push(docs.length);
      docs.push(...lists[f][t]);
    }
  }
  starts.push(docs.length);
  return {
    fields: ['t', 'k'],
    postStart: Uint32Array.from(starts),
    postDocs: Uint32Array.from(docs),
    slots: Int32Array.from(slots),
    vecStart: new Uint32Array(1),
    vec: new Float64Array(0),
  };
}

describe('sparse postings (a slice of a few articles)', () => {
  it('read as the dense table of the same postings reads, for every term and field, held or not', () => {
    const d = dense();
    const s = sparse();
    expect(s.postStart.length).toBe(6);
    for (let f = 0; f < 2; f++) {
      for (let t = 0; t < V; t++) {
        expect(postingCount(s, V, f, t)).toBe(lists[f][t].length);
        expect([...postingDocs(s, V, f, t)]).toEqual(lists[f][t]);
        expect([...postingDocs(s, V, f, t)]).toEqual([...postingDocs(d, V, f, t)]);
        for (let doc = 0; doc < 3; doc++) expect(postingHas(s, V, f, t, doc)).toBe(lists[f][t].includes(doc));
      }
    }
    // Past the last slot with postings: the end of every list.
    expect(postingStart(s, 2 * (V + 1) - 1)).toBe(s.postDocs.length);
  });

  it('of no articles at all: every term empty', () => {
    const none: PackedLunr = {
      fields: ['t', 'k'],
      postStart: new Uint32Array(1),
      postDocs: new Uint32Array(0),
      slots: new Int32Array(0),
      vecStart: new Uint32Array(1),
      vec: new Float64Array(0),
    };
    for (let t = 0; t < V; t++) expect(postingCount(none, V, 0, t) + postingCount(none, V, 1, t)).toBe(0);
    expect(postingHas(none, V, 1, 4, 0)).toBe(false);
  });
});
