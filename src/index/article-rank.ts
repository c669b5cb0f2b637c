// lunr.Index#query's article ranking, computed straight from the packed postings and field vectors.
// lunr makes a FieldRef, a MatchData, string keys and a lunr.Set per matching article, which made
// its query the largest single cost of an answer; this gives the same scores to the bit and the same
// order among equal scores (tests/index/persist.test.ts holds it to lunr's own query), in typed arrays.
import { postingStart } from './packed-lunr.ts';
import type { PackedLunr } from './store.ts';

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

type Scores = Float32Array | Float64Array;

const scoresCache = new WeakMap<PackedLunr, Scores>();

/**
 * Per posting (parallel to postDocs), its article's score for the term, as its field vector has it
 * (stored scores keep their f32 type, and are read as scoreOf reads them): a posting then gives the
 * score without a search of the article's vector. The vectors are walked in article order, as the
 * postings list them, so that each entry lands on its own posting; a posting without one (a
 * slice's vectors are empty) scores 0, which adds nothing. Made once per index, on first need.
 */
export function postingScores(p: PackedLunr, termCount: number): Scores {
  let scores = scoresCache.get(p);
  if (scores) return scores;
  const parts = p.vecParts;
  scores = parts?.scores instanceof Float32Array ? new Float32Array(p.postDocs.length) : new Float64Array(p.postDocs.length);
  // No vectors (a slice's): every posting scores 0, without a copy of the vocabulary-sized postStart.
  if (p.vecStart[p.vecStart.length - 1] === 0) {
    scoresCache.set(p, scores);
    return scores;
  }
  const F = p.fields.length;
  const next = p.postStart.slice();
  for (let r = 0; r + 1 < p.vecStart.length; r++) {
    const base = (r % F) * (termCount + 1);
    for (let e = p.vecStart[r]; e < p.vecStart[r + 1]; e++) {
      if (parts) scores[next[base + parts.terms[e]]++] = parts.scores[e];
      else scores[next[base + p.vec[2 * e]]++] = p.vec[2 * e + 1];
    }
  }
  scoresCache.set(p, scores);
  return scores;
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

/**
 * Scratch of matchingArticles, one per process (an entry per article is too big to make per query):
 * each query's entries are cleared by `release` once its articles are ranked (synchronously).
 */
let fieldScratch = new Uint8Array(0);
let dotScratch = new Float64Array(0);

/** The matching articles of the clauses, with their dot products; `release` them once ranked. */
export function matchingArticles(p: PackedLunr, termCount: number, clauses: Clause[]): Matches {
  const F = p.fields.length;
  const n = p.vecStart.length > 1 ? (p.vecStart.length - 1) / F : 0;
  if (fieldScratch.length < n) {
    fieldScratch = new Uint8Array(n);
    dotScratch = new Float64Array(n * F);
  }
  const fields = fieldScratch;
  const dot = dotScratch;
  const order: number[] = [];
  for (const c of clauses) {
    const at = c.field * (termCount + 1) + c.id;
    const bit = 1 << c.field;
    const end = postingStart(p, at + 1);
    for (let i = postingStart(p, at); i < end; i++) {
      const d = p.postDocs[i];
      if (fields[d] === 0) order.push(d);
      fields[d] |= bit;
    }
  }
  // lunr sums a field's dot product in term-id order, each clause's boost at its term: per article,
  // the clauses taken in that order add in that order, to the bit.
  const byField = p.fields.map((_, f) => clauses.filter((c) => c.field === f).sort((a, b) => a.id - b.id));
  const scores = postingScores(p, termCount);
  const f32 = scores instanceof Float32Array;
  for (let f = 0; f < F; f++) {
    for (const c of byField[f]) {
      const at = f * (termCount + 1) + c.id;
      const end = postingStart(p, at + 1);
      for (let i = postingStart(p, at); i < end; i++) {
        // scoreOf's reading of a stored f32 score.
        dot[p.postDocs[i] * F + f] += c.boost * (f32 ? Math.round(scores[i] * 1000) / 1000 : scores[i]);
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

/** Clears the scratch entries of a query's matches, for the next query. */
export function release(matches: Matches): void {
  const F = matches.dot.length / matches.fields.length;
  for (const d of matches.order) {
    matches.fields[d] = 0;
    for (let f = 0; f < F; f++) matches.dot[d * F + f] = 0;
  }
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
