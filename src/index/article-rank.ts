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

/**
 * The articles matching any clause, in the order lunr meets them (clause by clause, each clause's
 * postings in article order), and per article a bit per field it matched in.
 */
export function matchingArticles(p: PackedLunr, termCount: number, clauses: Clause[]): { order: number[]; fields: Uint8Array } {
  const fields = new Uint8Array(p.vecStart.length > 1 ? (p.vecStart.length - 1) / p.fields.length : 0);
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
  return { order, fields };
}

/**
 * Scores articles (given in the order lunr meets them) as lunr does, and gives the best `limit`
 * first: per field matched, the dot product in term-id order of the query vector (each clause's
 * boost at its term) with the article's BM25 vector, over the query vector's magnitude; the fields'
 * scores added. lunr's sort is stable, so equal scores keep the order of first match, as here.
 */
export function rankArticles(p: PackedLunr, clauses: Clause[], docs: number[], fields: Uint8Array, limit: number): RankedArticle[] {
  const F = p.fields.length;
  const byField = p.fields.map((_, f) => clauses.filter((c) => c.field === f).sort((a, b) => a.id - b.id));
  // lunr.Vector#magnitude: the square root of the squares summed in term-id order.
  const magnitude = byField.map((list) => {
    let sum = 0;
    for (const c of list) sum += c.boost * c.boost;
    return Math.sqrt(sum);
  });
  const parts = p.vecParts;
  // Stored vectors keep terms apart from scores; a fresh build's are interleaved [term, score] pairs.
  const terms = parts ? parts.terms : p.vec;
  const stride = parts ? 1 : 2;
  // The best so far, best first: a later article goes after those scoring the same, as in a stable sort.
  const out: RankedArticle[] = [];
  for (const d of docs) {
    let score = 0;
    let first = true;
    for (let f = 0; f < F; f++) {
      if (!(fields[d] & (1 << f))) continue;
      const r = d * F + f;
      const to = p.vecStart[r + 1];
      let lo = p.vecStart[r];
      let dot = 0;
      for (const c of byField[f]) {
        let hi = to;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (terms[stride * mid] < c.id) lo = mid + 1;
          else hi = mid;
        }
        if (lo === to) break;
        if (terms[stride * lo] === c.id) dot += c.boost * (parts ? scoreOf(parts, lo) : p.vec[2 * lo + 1]);
      }
      const sim = dot / magnitude[f] || 0;
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
