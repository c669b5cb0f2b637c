// The best articles for a query, found by PostgreSQL: the GIN index over each article's terms
// gives the articles holding the query's chosen terms, with how often each occurs; they are ranked
// here exactly as the embedded index's lunr ranks them (BM25 per field from the generation's term
// statistics, the query vector normalised per field, lunr's order among equal scores).
import { bm25, idf as lunrIdf } from '../bm25.ts';
import { ARTICLE_POOL, POSTING_BUDGET, SHARD_ARTICLES, pick, type TermGroup } from '../search.ts';
import type { CorpusTables } from './corpus-tables.ts';
import { query, type Db } from './db.ts';

interface Slot {
  /** The term's id in the generation's vocabulary. */
  id: number;
  /** 0: key (field t), 1: skeleton (field k). */
  field: number;
  boost: number;
  articles: number;
}

/** The query's terms as the embedded retriever weighs them: keys at the concept's weight, skeletons at half. */
export function slotsOf(tables: CorpusTables, groups: TermGroup[]): Slot[] {
  const byTerm = new Map<number, Slot>();
  const add = (term: string, field: number, boost: number): void => {
    const id = tables.termIds.get(term);
    if (id === undefined) return;
    const articles = (field === 0 ? tables.keyArticles : tables.skeletonArticles)[id];
    if (articles === 0) return;
    const slot = byTerm.get(2 * id + field);
    if (slot) slot.boost += boost;
    else byTerm.set(2 * id + field, { id, field, boost, articles });
  };
  for (const g of groups) {
    for (const key of g.keys) add(key, 0, g.weight);
    for (const sk of g.skeletons) add(sk, 1, g.weight * 0.5);
  }
  return [...byTerm.values()];
}

interface Row {
  doc: number;
  /** Occurrences of each chosen term (in `chosen` order) in the article. */
  counts: number[];
}

const termOf = (tables: CorpusTables, slot: Slot): string => `${slot.field === 0 ? 't' : 'k'}:${tables.vocab[slot.id]}`;

/**
 * Scores the matching articles as lunr.Index#query does: per field, the dot product (in term-id
 * order) of the query vector with the article's BM25 vector, over the query vector's magnitude;
 * results in order of first match (clause order, then article order), stably sorted by score.
 */
function rank(tables: CorpusTables, chosen: Slot[], rows: Row[]): { doc: number; score: number }[] {
  const N = tables.docs.length;
  const idf = chosen.map((slot) => lunrIdf(N, tables.keyArticles[slot.id] + tables.skeletonArticles[slot.id]));
  const byField = [0, 1].map((field) =>
    chosen
      .map((slot, at) => ({ slot, at }))
      .filter((x) => x.slot.field === field)
      .sort((a, b) => a.slot.id - b.slot.id),
  );
  const magnitude = byField.map((list) => {
    let sum = 0;
    for (const { slot } of list) sum += slot.boost * slot.boost;
    return Math.sqrt(sum);
  });
  const scored = new Map<number, number>();
  for (const row of rows) {
    let score = 0;
    let first = true;
    for (let field = 0; field < 2; field++) {
      const len = tables.fieldLengths[2 * row.doc + field];
      let dot = 0;
      let any = false;
      for (const { slot, at } of byField[field]) {
        const count = row.counts[at];
        if (!count) continue;
        any = true;
        dot += slot.boost * bm25(idf[at], count, len / tables.fieldAvg[field]);
      }
      if (!any) continue;
      const sim = dot / magnitude[field] || 0;
      score = first ? sim : score + sim;
      first = false;
    }
    scored.set(row.doc, score);
  }
  // lunr meets the articles clause by clause, each clause's in article order.
  const order: number[] = [];
  const seen = new Set<number>();
  const sorted = [...rows].sort((a, b) => a.doc - b.doc);
  chosen.forEach((_, at) => {
    for (const row of sorted) if (row.counts[at] && !seen.has(row.doc)) seen.add(row.doc), order.push(row.doc);
  });
  return order.map((doc) => ({ doc, score: scored.get(doc)! })).sort((a, b) => b.score - a.score);
}

/** Little-endian u32s of a packed column read as base64 (copied when the decoded bytes are not 4-aligned). */
const u32 = (base64: string): Uint32Array => {
  const bytes = Buffer.from(base64, 'base64');
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
};

/** Index of d in an ascending array, or -1. */
function find(a: Uint32Array, d: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo < a.length && a[lo] === d ? lo : -1;
}

/**
 * One statement: the GIN index finds the articles whose terms overlap the chosen ones (in one date
 * shard, when given); the postings of those terms say how often each occurs in them. The generation
 * is written `generation + 0` so that the planner cannot take the primary key instead (and test
 * every article's terms): the GIN index finds the rows, the generation is checked on those.
 */
async function matching(db: Db, gen: number, terms: string[], shard?: number): Promise<Row[]> {
  const result = await query<{ hits: number[] | null; term: string | null; docs: string | null; tfs: string | null }>(
    db,
    `SELECT h.hits, p.term, encode(p.docs, 'base64') AS docs, encode(p.tfs, 'base64') AS tfs
       FROM (SELECT array_agg(doc ORDER BY doc) AS hits FROM newsdesk_article
              WHERE terms && $2::text[] AND generation + 0 = $1 AND ($3::int IS NULL OR shard = $3)) h
       LEFT JOIN newsdesk_posting p ON p.generation = $1 AND p.term = ANY($2::text[])`,
    [gen, terms, shard ?? null],
  );
  const docs = result.rows[0]?.hits ?? [];
  const byTerm = new Map<string, { docs: Uint32Array; counts: Uint32Array }>();
  for (const row of result.rows) if (row.term && row.docs && row.tfs) byTerm.set(row.term, { docs: u32(row.docs), counts: u32(row.tfs) });
  const lists = terms.map((term) => byTerm.get(term));
  return docs.map((doc) => ({
    doc,
    counts: lists.map((posting) => {
      if (!posting) return 0;
      const at = find(posting.docs, doc);
      return at < 0 ? 0 : posting.counts[at];
    }),
  }));
}

/** Article numbers of the generation's best articles for the query, best first (at most ARTICLE_POOL). */
export async function bestArticles(db: Db, gen: number, tables: CorpusTables, groups: TermGroup[]): Promise<number[]> {
  const slots = slotsOf(tables, groups);
  if (slots.length === 0) return [];
  const chosen = pick(slots);
  const terms = chosen.map((slot) => termOf(tables, slot));
  const postings = chosen.reduce((sum, slot) => sum + slot.articles, 0);
  if (postings <= POSTING_BUDGET || tables.docs.length <= SHARD_ARTICLES) {
    return rank(tables, chosen, await matching(db, gen, terms))
      .slice(0, ARTICLE_POOL)
      .map((x) => x.doc);
  }
  const found: { doc: number; score: number }[] = [];
  const shards = Math.ceil(tables.docs.length / SHARD_ARTICLES);
  for (let shard = 0; shard < shards; shard++) {
    found.push(...rank(tables, chosen, await matching(db, gen, terms, shard)));
    if (found.length >= ARTICLE_POOL) break;
  }
  return found
    .sort((a, b) => b.score - a.score)
    .slice(0, ARTICLE_POOL)
    .map((x) => x.doc);
}

/**
 * Articles the engine's "/who is NAME" reads: it goes through the articles naming the subject in
 * corpus order until it has read 200 that mention it; twice that many are fetched per subject.
 */
export const NAMING_ARTICLES = 400;

/** For each subject: the articles whose keys include, for every concept, one of its keys (GIN), in corpus order. */
export async function namingArticles(db: Db, gen: number, subjects: TermGroup[][]): Promise<number[]> {
  const out = new Set<number>();
  for (const concepts of subjects) {
    if (concepts.length === 0) continue;
    const values: unknown[] = [gen, NAMING_ARTICLES];
    const conditions = concepts.map((c) => {
      values.push([...c.keys].map((k) => `t:${k}`));
      return `terms && $${values.length}::text[]`;
    });
    const result = await query<{ doc: number }>(db, `SELECT doc FROM newsdesk_article WHERE ${conditions.join(' AND ')} AND generation + 0 = $1 ORDER BY doc LIMIT $2`, values);
    for (const row of result.rows) out.add(row.doc);
  }
  return [...out].sort((a, b) => a - b);
}
