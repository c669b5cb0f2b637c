import {
  articleHas,
  articleOf,
  candidates,
  headlineKeys,
  headlineTermIds,
  sentenceAt,
  sentenceCount,
  sentenceTermIds,
  termId,
  type SearchIndex,
  type Seen,
  type SentenceRecord,
} from '../../index/index.ts';
import type { Concept, QueryPlan } from '../query.ts';
import { perArticle } from '../memo.ts';
import { inWindow, type DateFilter } from '../filters.ts';
import { phraseSentences } from './phrase.ts';

export interface Hit {
  id: number;
  sentence: SentenceRecord;
  /** Weighted share of the query's concepts found in the sentence or its context, 0..1. */
  coverage: number;
  /** Concepts matched in the sentence itself, with the token positions that matched. */
  matched: Map<Concept, number[]>;
  score: number;
}

/** Retrieval keys of an article's headline. */
export const titleKeys = perArticle((index, d: number): Set<string> => new Set(headlineKeys(index, d)));

/** Candidate sentences ranked per query (lunr's best, before coverage): a smaller pool loses answers lunr ranks low; measured in docs/SCALING.md. */
export const CANDIDATE_POOL = 250;
const SOURCE_POOL = 400;
/**
 * Hits handed to the answerers; also the most /search can page through (5 pages of 3). Past the
 * best few, more hits bring more wrong candidates than right ones, and cost name reading (the
 * evaluation sets' top-1 rises slightly as the limit falls to this).
 */
const HIT_LIMIT = 15;
/** What a sentence holding the asked words word for word adds: above any sentence that only shares them. */
const PHRASE_BONUS = 0.2;
/** The most a concept found only around the sentence counts (see contextWeight). */
const CONTEXT_MAX = 0.6;

/** Per plan: term id (key or skeleton) → the indexes of the concepts it matches, so sentences are matched on ids, not strings. */
interface PlanIds {
  key: Map<number, number[]>;
  skel: Map<number, number[]>;
  /** Bit filters over term ids (id modulo FILTER_BITS) of the plan's keys and skeletons: a typed-array test before the map. */
  keyFilter: Uint32Array;
  skelFilter: Uint32Array;
  concept: Map<Concept, number>;
  /** Per concept: its key and skeleton term ids. */
  terms: { key: number[]; skel: number[] }[];
  /** Sentence id → conceptMask, for this plan; a sentence of `scanned.articles` not in it has none of the concepts. */
  masks: Map<number, number>;
  /** What the candidate scoring saw: `masks` itself, and the articles it read whole. */
  scanned: Seen;
  /** Article → the mask of the concepts its headline's keys have, for this plan. */
  titles: Map<number, number>;
}

const planIds = new WeakMap<QueryPlan, PlanIds>();

/**
 * A plan has tens of term ids and a sentence's tokens mostly match none: a filter this small (512
 * bytes, unlike a flag per term of the corpus) rules out nearly all of them, the map confirms the rest.
 */
const FILTER_BITS = 4096;
const inFilter = (f: Uint32Array, id: number): boolean => ((f[(id >>> 5) & (FILTER_BITS / 32 - 1)] >>> (id & 31)) & 1) === 1;

function idsOf(index: SearchIndex, plan: QueryPlan): PlanIds {
  const ids = planIds.get(plan);
  if (ids) return ids;
  const masks = new Map<number, number>();
  const made: PlanIds = {
    key: new Map(),
    skel: new Map(),
    keyFilter: new Uint32Array(FILTER_BITS / 32),
    skelFilter: new Uint32Array(FILTER_BITS / 32),
    concept: new Map(),
    terms: [],
    masks,
    scanned: { groups: masks, articles: new Set() },
    titles: new Map(),
  };
  const add = (field: 'key' | 'skel', term: string, c: number): void => {
    const id = termId(index, term);
    if (id === undefined) return;
    const filter = field === 'key' ? made.keyFilter : made.skelFilter;
    filter[(id >>> 5) & (FILTER_BITS / 32 - 1)] |= 1 << (id & 31);
    made.terms[c][field].push(id);
    const list = made[field].get(id);
    if (!list) made[field].set(id, [c]);
    else if (!list.includes(c)) list.push(c);
  };
  plan.concepts.forEach((c, i) => {
    made.concept.set(c, i);
    made.terms.push({ key: [], skel: [] });
    for (const k of c.keys) add('key', k, i);
    for (const k of c.skeletons) add('skel', k, i);
  });
  planIds.set(plan, made);
  return made;
}

/** The question's concepts found in a sentence, with the token positions that match each (in plan order). */
export function matchPositions(index: SearchIndex, id: number, plan: QueryPlan): Map<Concept, number[]> {
  const ids = idsOf(index, plan);
  const key = sentenceTermIds(index, id, 'key');
  const skel = sentenceTermIds(index, id, 'skeleton');
  // Most sentences match nothing: the lists, and the map, are made only for the concepts found.
  let found: number[][] | undefined;
  for (let t = 0; t < key.length; t++) {
    const byKey = key[t] >= 0 && inFilter(ids.keyFilter, key[t]) ? ids.key.get(key[t]) : undefined;
    const bySkel = skel[t] >= 0 && inFilter(ids.skelFilter, skel[t]) ? ids.skel.get(skel[t]) : undefined;
    if (!byKey && !bySkel) continue;
    found ??= new Array<number[]>(plan.concepts.length);
    if (byKey) for (const c of byKey) (found[c] ??= []).push(t);
    if (bySkel)
      for (const c of bySkel) {
        const at = (found[c] ??= []);
        if (at[at.length - 1] !== t) at.push(t);
      }
  }
  const out = new Map<Concept, number[]>();
  if (found) for (let i = 0; i < found.length; i++) if (found[i]) out.set(plan.concepts[i], found[i]);
  return out;
}

/**
 * Which of the plan's first 31 concepts a sentence has, as a bit set, memoised per plan since
 * neighbouring hits look at the same sentences (see sentenceHas for the rest).
 */
function conceptMask(index: SearchIndex, id: number, plan: QueryPlan): number {
  const ids = idsOf(index, plan);
  let mask = ids.masks.get(id);
  if (mask !== undefined) return mask;
  if (ids.scanned.articles.has(articleOf(index, id))) return 0;
  mask = 0;
  const key = sentenceTermIds(index, id, 'key');
  const skel = sentenceTermIds(index, id, 'skeleton');
  for (let t = 0; t < key.length; t++) {
    const byKey = key[t] >= 0 && inFilter(ids.keyFilter, key[t]) ? ids.key.get(key[t]) : undefined;
    if (byKey) for (const c of byKey) mask |= bit(c);
    const bySkel = skel[t] >= 0 && inFilter(ids.skelFilter, skel[t]) ? ids.skel.get(skel[t]) : undefined;
    if (bySkel) for (const c of bySkel) mask |= bit(c);
  }
  ids.masks.set(id, mask);
  return mask;
}

const bit = (c: number): number => (c < 31 ? 1 << c : 0);

/** Whether sentence id has concept c. */
function sentenceHas(index: SearchIndex, id: number, plan: QueryPlan, c: number): boolean {
  if (c < 31) return (conceptMask(index, id, plan) & bit(c)) !== 0;
  return matchPositions(index, id, plan).has(plan.concepts[c]);
}

/**
 * Whether article d's body has concept c: lunr's postings say it without reading the article (its
 * `t` field is the headline's keys and the body's, so this is asked only once the headline lacks them).
 */
function inArticleBody(index: SearchIndex, d: number, plan: QueryPlan, c: number): boolean {
  const { key, skel } = idsOf(index, plan).terms[c];
  for (let i = 0; i < key.length; i++) if (articleHas(index, d, 'key', key[i])) return true;
  for (let i = 0; i < skel.length; i++) if (articleHas(index, d, 'skeleton', skel[i])) return true;
  return false;
}

/** Whether article d's headline has one of the concept's keys (for the first 31 concepts, its mask memoised per plan). */
function inTitle(index: SearchIndex, d: number, plan: QueryPlan, c: number): boolean {
  const ids = idsOf(index, plan);
  if (c < 31) {
    let mask = ids.titles.get(d);
    if (mask === undefined) {
      mask = 0;
      const title = headlineTermIds(index, d);
      for (let t = 0; t < title.length; t++) {
        const concepts = ids.key.get(title[t]);
        if (concepts) for (const k of concepts) mask |= bit(k);
      }
      ids.titles.set(d, mask);
    }
    return (mask & bit(c)) !== 0;
  }
  for (const id of headlineTermIds(index, d)) if (ids.key.get(id)?.includes(c)) return true;
  return false;
}

/**
 * lunr finds the sentences sharing any concept; we then rank them by how much of the question
 * they cover, counting the headline and neighbouring sentences as weaker context.
 */
export function retrieve(index: SearchIndex, plan: QueryPlan, opts: { limit?: number; source?: string; within?: DateFilter; minCoverage?: number; phrase?: boolean } = {}): Hit[] {
  const within = opts.within ?? {};
  const filtered = Boolean(within.after || within.before);
  // Restricted to one source or a date window, much of the pool is filtered out: keep it wide then.
  // Every sentence the candidates were chosen from has its concept mask known then: the context
  // checks read their neighbours' masks without reading their terms again.
  const lunrPool = candidates(index, plan.concepts, opts.source || filtered ? SOURCE_POOL : CANDIDATE_POOL, idsOf(index, plan).scanned);
  const maxLunr = lunrPool[0]?.score || 1;
  // A remembered run of words ("we have to do better"): the sentences saying it word for word come first, whatever lunr made of them.
  const phrased = new Set(opts.phrase ? phraseSentences(index, plan) : []);
  const pool = phrased.size
    ? [...[...phrased].map((id) => ({ id, score: maxLunr, groups: conceptMask(index, id, plan) })), ...lunrPool.filter((r) => !phrased.has(r.id))]
    : lunrPool;
  const limit = opts.limit ?? HIT_LIMIT;
  const hits: Hit[] = [];
  // The best `limit` scores so far, descending: a sentence whose best possible score is below the
  // last cannot be a hit, and skips the context checks.
  const top: number[] = [];
  const count = sentenceCount(index);
  for (const r of pool) {
    const id = r.id;
    const d = articleOf(index, id);
    if (opts.source && index.docs[d].file !== opts.source) continue;
    if (filtered && !inWindow(index.docs[d].date, within)) continue;
    // Context counts at most CONTEXT_MAX: the coverage a sentence reaches at most.
    const inSentence = weightIn(index, id, plan, r.groups);
    const most = (inSentence + CONTEXT_MAX * (plan.totalWeight - inSentence)) / plan.totalWeight;
    if (opts.minCoverage !== undefined && most < opts.minCoverage) continue;
    const lunrShare = 0.1 * (r.score / maxLunr) + (phrased.has(id) ? PHRASE_BONUS : 0);
    if (top.length === limit && most + lunrShare < top[limit - 1] - 1e-9) continue;
    const matched = matchPositions(index, id, plan);
    let covered = 0;
    let missingName = false;
    for (const c of plan.concepts) {
      if (matched.has(c)) covered += c.weight;
      else {
        const w = contextWeight(index, id, plan, c, count);
        covered += c.weight * w;
        if (w === 0 && c.name) missingName = true;
      }
    }
    if (missingName) continue;
    const coverage = covered / plan.totalWeight;
    const score = coverage + lunrShare;
    hits.push({ id, sentence: sentenceAt(index, id), coverage, matched, score });
    let at = top.length;
    while (at > 0 && top[at - 1] < score) at--;
    if (at < limit) top.splice(at, 0, score);
    if (top.length > limit) top.pop();
  }
  hits.sort((a, b) => b.score - a.score || a.id - b.id);
  return hits.slice(0, limit);
}

/**
 * The summed weight of the plan's concepts found in candidate sentence id, in plan order (as
 * matchPositions would give them). The candidate's groups are the plan's concepts, found while it
 * was scored: its concept mask, without reading its terms again.
 */
function weightIn(index: SearchIndex, id: number, plan: QueryPlan, groups: number): number {
  let sum = 0;
  if (plan.concepts.length <= 31) {
    const { masks } = idsOf(index, plan);
    if (!masks.has(id)) masks.set(id, groups);
    for (let i = 0; i < plan.concepts.length; i++) if (groups & bit(i)) sum += plan.concepts[i].weight;
  } else for (const c of matchPositions(index, id, plan).keys()) sum += c.weight;
  return sum;
}

/** Whether sentence id has concept c of the plan (memoised per plan, unlike matchPositions). */
export const hasConcept = (index: SearchIndex, id: number, plan: QueryPlan, c: Concept): boolean => sentenceHas(index, id, plan, idsOf(index, plan).concept.get(c)!);

/**
 * How much a concept missing from the sentence still counts because its article supplies it:
 * the sentences around it often name who or what the sentence is about.
 */
function contextWeight(index: SearchIndex, id: number, plan: QueryPlan, c: Concept, count: number): number {
  const d = articleOf(index, id);
  const ci = idsOf(index, plan).concept.get(c)!;
  if (nearHas(index, id - 1, d, plan, ci, count) || nearHas(index, id + 1, d, plan, ci, count)) return 0.6;
  if (inTitle(index, d, plan, ci)) return 0.5;
  if (nearHas(index, id - 2, d, plan, ci, count) || nearHas(index, id + 2, d, plan, ci, count)) return 0.45;
  return inArticleBody(index, d, plan, ci) ? 0.3 : 0;
}

/** Whether sentence n (of `count`) is one of article d's and has concept ci. */
const nearHas = (index: SearchIndex, n: number, d: number, plan: QueryPlan, ci: number, count: number): boolean =>
  n >= 0 && n < count && articleOf(index, n) === d && sentenceHas(index, n, plan, ci);
