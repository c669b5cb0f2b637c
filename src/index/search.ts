import { bm25, idf } from './bm25.ts';
import { postingCount } from './packed-lunr.ts';
import { matchingArticles, rankArticles, release, type RankedArticle } from './article-rank.ts';
import type { SearchIndex } from './types.ts';
import { examined, isLong, sentencesHolding } from './long-articles.ts';

/** What the retriever asks of the index: concepts, each matched by any of its keys. */
export interface TermGroup {
  keys: Iterable<string>;
  skeletons: Iterable<string>;
  weight: number;
}

/** Articles lunr hands on to the sentence ranking. */
export const ARTICLE_POOL = 40;
/**
 * Every article that has any query term is scored (as lunr scores it), so the cost follows the posting lists.
 * Terms are sent rarest first until their postings add up to this; the commoner ones still rank
 * the sentences inside the articles found (the rarest term is always sent).
 */
export const POSTING_BUDGET = 1000;
/**
 * When even the rarest term is in more articles than the budget, articles are ranked one shard at
 * a time, newest first, until the pool is full: this many articles per shard.
 */
export const SHARD_ARTICLES = 1000;

/**
 * The most sentences of one long article a query scores: those holding its rarest terms first (a
 * sentence holding none of the terms scores nothing, so a shorter article loses nothing by being read whole).
 */
export const LONG_ARTICLE_SENTENCES = 2000;

interface Slot {
  id: number;
  /** 0: key (lunr field `t`), 1: skeleton (field `k`). */
  field: number;
  boost: number;
  articles: number;
  idf: number;
  /** Bit g set when the term is one of group g's (the first 31 groups). */
  groups: number;
}

/**
 * What the candidate scoring saw: the groups of every sentence it scored that has any (and, in a
 * long article read in part, of those that have none), and the articles it read whole, whose other
 * sentences have none.
 */
export interface Seen {
  groups: Map<number, number>;
  articles: Set<number>;
}

/** A candidate sentence: its BM25 score, and bit g set when it has a term of group g (the first 31 groups). */
export interface Candidate {
  id: number;
  score: number;
  groups: number;
}

/** The query's terms as lunr clauses: keys in `t` at the concept's weight, skeletons in `k` at half. */
function slotsOf(index: SearchIndex, groups: TermGroup[]): Slot[] {
  const { packed, termIds } = index;
  const V = packed.vocab.length;
  const n = index.corpus?.sentences ?? packed.sentenceDoc.length;
  const byTerm = new Map<number, Slot>();
  const add = (term: string, f: number, boost: number, bit: number): void => {
    const id = termIds.get(term);
    if (id === undefined) return;
    const articles = index.corpus ? index.corpus.articles(f, id) : postingCount(packed.lunr, V, f, id);
    if (articles === 0) return;
    const slot = byTerm.get(2 * id + f);
    if (slot) {
      slot.boost += boost;
      slot.groups |= bit;
    } else {
      // lunr.idf counts a unit once per field holding the term.
      const frequency = packed.sentenceFrequency[id] + packed.skeletonSentenceFrequency[id];
      byTerm.set(2 * id + f, { id, field: f, boost, articles, idf: idf(n, frequency), groups: bit });
    }
  };
  groups.forEach((g, i) => {
    const bit = i < 31 ? 1 << i : 0;
    for (const key of g.keys) add(key, 0, g.weight, bit);
    for (const sk of g.skeletons) add(sk, 1, g.weight * 0.5, bit);
  });
  return [...byTerm.values()];
}

/** Rarest first until their postings add up to the budget (the rarest is always taken). */
export function pick<S extends { id: number; articles: number }>(slots: S[], budget = POSTING_BUDGET): S[] {
  const chosen: S[] = [];
  let total = 0;
  for (const s of [...slots].sort((a, b) => a.articles - b.articles || a.id - b.id)) {
    if (chosen.length > 0 && total + s.articles > budget) continue;
    chosen.push(s);
    total += s.articles;
  }
  return chosen;
}

// Each article's date shard (0 newest), computed on first need per index.
const shardCache = new WeakMap<SearchIndex, Uint16Array>();
export function shards(index: SearchIndex): Uint16Array {
  let shardOf = shardCache.get(index);
  if (shardOf) return shardOf;
  const order = index.docs.map((_, d) => d).sort((a, b) => (index.docs[b].date ?? '').localeCompare(index.docs[a].date ?? '') || a - b);
  shardOf = new Uint16Array(index.docs.length);
  order.forEach((d, rank) => {
    shardOf![d] = Math.floor(rank / SHARD_ARTICLES);
  });
  shardCache.set(index, shardOf);
  return shardOf;
}

/**
 * The best articles for the chosen clauses: ranked all together when the clauses are selective, else
 * shard by shard until the pool is full (each shard ranked as lunr ranked a shard's own index).
 */
function bestArticles(index: SearchIndex, chosen: Slot[]): RankedArticle[] {
  const { packed } = index;
  const matches = matchingArticles(packed.lunr, packed.vocab.length, chosen);
  try {
    const { order } = matches;
    const postings = chosen.reduce((a, s) => a + s.articles, 0);
    if (postings <= POSTING_BUDGET || index.docs.length <= SHARD_ARTICLES) return rankArticles(packed.lunr, matches, order, ARTICLE_POOL);
    const shardOf = shards(index);
    const byShard: number[][] = Array.from({ length: Math.ceil(index.docs.length / SHARD_ARTICLES) }, () => []);
    for (const d of order) byShard[shardOf[d]].push(d);
    const found: RankedArticle[] = [];
    // A shard's articles past its best ARTICLE_POOL can never be among the pool, and a shard having that many ends the search anyway.
    for (const docs of byShard) {
      found.push(...rankArticles(packed.lunr, matches, docs, ARTICLE_POOL));
      if (found.length >= ARTICLE_POOL) break;
    }
    return found.sort((a, b) => b.score - a.score).slice(0, ARTICLE_POOL);
  } finally {
    release(matches);
  }
}

/**
 * Per term id: 1 a key slot, 2 a skeleton slot of the query being scored, so that most tokens skip
 * the maps; one buffer for every index (a flag per term of the corpus is too big to make per query),
 * cleared after each query, which is scored synchronously.
 */
let slotFlags = new Uint8Array(0);

/**
 * Candidate sentences sharing any term with the query, best first. lunr finds the best articles
 * (an article is a lunr document); the sentences inside them are then scored with all the query's
 * terms exactly as lunr scored a sentence when sentences were its documents (BM25 per field, the
 * query vector normalised per field), so on a corpus small enough for every matching article to
 * reach the pool the candidates and their order are those of the sentence-level index.
 */
export function lunrCandidates(index: SearchIndex, groups: TermGroup[], limit: number, seen?: Seen): Candidate[] {
  if (groups.length === 0) return [];
  const slots = slotsOf(index, groups);
  if (slots.length === 0) return [];
  const chosen = pick(slots);
  const { packed } = index;
  const articles = bestArticles(index, chosen);
  if (articles.length === 0) return [];

  const keySlot = new Map<number, number>();
  const skelSlot = new Map<number, number>();
  if (slotFlags.length < packed.vocab.length) slotFlags = new Uint8Array(packed.vocab.length);
  const inSlot = slotFlags;
  slots.forEach((s, i) => {
    (s.field === 0 ? keySlot : skelSlot).set(s.id, i);
    inSlot[s.id] |= s.field === 0 ? 1 : 2;
  });
  const tf = new Float64Array(slots.length);
  const [avgKeys, avgSkels] = packed.sentAvg;
  // lunr divides each field's dot product by the magnitude of that field's query vector.
  const norm = [0, 0];
  for (const s of slots) norm[s.field] += s.boost * s.boost;
  const inv = norm.map((x) => (x > 0 ? 1 / Math.sqrt(x) : 0));
  const out: Candidate[] = [];
  const { tokStart, key, skel } = packed;
  // Without a skeleton among the query's terms, the skeleton count (its length) is never used: the skeletons go unread.
  const skelSlots = skelSlot.size > 0;
  try {
    for (const a of articles) {
      const d = a.doc;
      const doc = packed.docs[d];
      const only = isLong(index, d) ? sentencesHolding(index, d, slots, LONG_ARTICLE_SENTENCES) : undefined;
      const n = only ? only.length : doc.count;
      if (!only) seen?.articles.add(d);
      examined.sentences += n;
      for (let j = 0; j < n; j++) {
        const s = only ? only[j] : doc.first + j;
        let keys = 0;
        let skels = 0;
        let any = false;
        for (let t = tokStart[s], end = tokStart[s + 1]; t < end; t++) {
          const k = key[t];
          if (k >= 0) {
            keys++;
            if (inSlot[k] & 1) tf[keySlot.get(k)!]++, (any = true);
          }
          if (!skelSlots) continue;
          const sk = skel[t];
          if (sk >= 0) {
            skels++;
            if (inSlot[sk] & 2) tf[skelSlot.get(sk)!]++, (any = true);
          }
        }
        if (!any) {
          if (only) seen?.groups.set(s, 0);
          continue;
        }
        let score = 0;
        let matched = 0;
        for (let i = 0; i < slots.length; i++) {
          if (tf[i] === 0) continue;
          matched |= slots[i].groups;
          const f = slots[i].field;
          const len = f === 0 ? keys / (avgKeys || 1) : skels / (avgSkels || 1);
          score += slots[i].boost * bm25(slots[i].idf, tf[i], len) * inv[f];
        }
        out.push({ id: s, score, groups: matched });
        seen?.groups.set(s, matched);
        tf.fill(0);
      }
    }
  } finally {
    for (const s of slots) inSlot[s.id] = 0;
  }
  out.sort((x, y) => y.score - x.score || x.id - y.id);
  return out.slice(0, limit);
}
