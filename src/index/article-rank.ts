// lunr.Index#query's article ranking, computed straight from the packed postings and field vectors.
// lunr makes a FieldRef, a MatchData, string keys and a lunr.Set per matching article, which made
// its query the largest single cost of an answer; this gives the same scores to the bit and the same
// order among equal scores (tests/index/persist.test.ts holds it to lunr's own query), in typed arrays.
import type { PackedLunr } from './store.ts';
import { scoreOf } from './packed-lunr.ts';

/** One OPTIONAL lunr clause without the pipeline: term id `id` in field `field` (0 `t`, 1 `k`), at `boost`; one per (id, field). */
export interface Clause {
  id: number;
  field: number;
  boost: number;
}

export interface RankedArticle {
  doc: number;
  score: number;
}

/** Sentinel of postingEntries: the posting's article has no entry for the term in its vector. */
const ABSENT = 0xffffffff;

const entriesCache = new WeakMap<PackedLunr, Uint32Array>();

/**
 * Per posting (parallel to postDocs), where its term sits in its article's field vector: a posting
 * then gives its article's score for the term without a search of the vector. The vectors are
 * walked in article order, as the postings list them, so that each entry lands on its own posting.
 * Made once per index, on first need.
 */
export function postingEntries(p: PackedLunr, termCount: number): Uint32Array {
  let entries = entriesCache.get(p);
  if (entries) return entries;
  entries = new Uint32Array(p.postDocs.length).fill(ABSENT);
  const F = p.fields.length;
  const terms = p.vecParts ? p.vecParts.terms : p.vec;
  const stride = p.vecParts ? 1 : 2;
  const next = p.postStart.slice();
  for (let r = 0; r + 1 < p.vecStart.length; r++) {
    const base = (r % F) * (termCount + 1);
    for (let e = p.vecStart[r]; e < p.vecStart[r + 1]; e++) entries[next[base + terms[stride * e]]++] = e;
  }
  entriesCache.set(p, entries);
  return entries;
}

/** The articles a query's clauses match, and their dot products with the query vector. */
export interface Matches {
  /** The articles matching any clause, in the order lunr meets them (clause by clause, each clause's postings in article order). */
  order: number[];
  /** Per article, a bit per field it matched in. */
  fields: Uint8Array;
  /** Per article and field (article × fields + field): the dot product of the query vector with the article's field vector. */
  dot: Float64Array;
  /** Per field, the query vector's magnitude. */
  magnitude: number[];
}

export function matchingArticles(p: PackedLunr, termCount: number, clauses: Clause[]): Matches {
  const F = p.fields.length;
  const fields = new Uint8Array(p.vecStart.length > 1 ? (p.vecStart.length - 1) / F : 0);
  const order: number[] = [];
  for (const c of clauses) {
    const at = c.field * (termCount + 1) + c.id;
    const bit = 1 << c.field;
    for (let i = p.postStart[at]; i < p.postStart[at + 1]; i++) {
      const d = p.postDocs[i];
      if (fields[d] === 0) order.push(d);
      fields[d] |= bit;
    }
  }
  // lunr sums a field's dot product in term-id order, each clause's boost at its term: per article,
  // the clauses taken in that order add in that order, to the bit.
  const byField = p.fields.map((_, f) => clauses.filter((c) => c.field === f).sort((a, b) => a.id - b.id));
  const dot = new Float64Array(fields.length * F);
  const entries = postingEntries(p, termCount);
  const parts = p.vecParts;
  for (let f = 0; f < F; f++) {
    for (const c of byField[f]) {
      const at = f * (termCount + 1) + c.id;
      for (let i = p.postStart[at]; i < p.postStart[at + 1]; i++) {
        const e = entries[i];
        if (e !== ABSENT) dot[p.postDocs[i] * F + f] += c.boost * (parts ? scoreOf(parts, e) : p.vec[2 * e + 1]);
      }
    }
  }
  // lunr.Vector#magnitude: the square root of the squares summed in term-id order.
  const magnitude = byField.map((list) => {
    let sum = 0;
    for (const c of list) sum += c.boost * c.boost;
    return Math.sqrt(sum);
  });
  return { order, fields, dot, magnitude };
}

/**
 * Scores articles (given in the order lunr meets them) as lunr does, and gives the best `limit`
 * first: per field matched, the dot product in term-id order of the query vector (each clause's
 * boost at its term) with the article's BM25 vector, over the query vector's magnitude; the fields'
 * scores added. lunr's sort is stable, so equal scores keep the order of first match, as here.
 */
export function rankArticles(p: PackedLunr, matches: Matches, docs: number[], limit: number): RankedArticle[] {
  const F = p.fields.length;
  const { fields, dot, magnitude } = matches;
  // The best so far, best first: a later article goes after those scoring the same, as in a stable sort.
  const out: RankedArticle[] = [];
  for (const d of docs) {
    let score = 0;
    let first = true;
    for (let f = 0; f < F; f++) {
      if (!(fields[d] & (1 << f))) continue;
      const sim = dot[d * F + f] / magnitude[f] || 0;
      // Two fields: the sum of two is the same in either order, so lunr's order of fields need not be kept.
      score = first ? sim : score + sim;
      first = false;
    }
    if (out.length === limit && !(score > out[limit - 1].score)) continue;
    let at = out.length;
    while (at > 0 && out[at - 1].score < score) at--;
    out.splice(at, 0, { doc: d, score });
    if (out.length > limit) out.pop();
  }
  return out;
}
