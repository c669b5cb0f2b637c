// A reader's view of the database: the current generation's corpus-wide tables, read once; each
// query's candidate articles from the GIN index and their stored NLP, as a slice the engine reads.
import pg from 'pg';
import { INDEX_VERSION } from '../store.ts';
import { lunrIndex } from '../packed-lunr.ts';
import type { TermGroup } from '../search.ts';
import type { Packed } from '../store.ts';
import type { SearchIndex } from '../types.ts';
import { decodeArticle } from './article-blob.ts';
import { decodeCorpusTables, type CorpusTables } from './corpus-tables.ts';
import { DatabaseUnavailable, describeTarget, isConnectionError, query, type Db } from './db.ts';
import { bestArticles, namingArticles } from './retrieve.ts';
import { CHANNEL, currentGeneration } from './schema.ts';
import { mapArticle, sliceBase, sliceIndex, type MappedArticle, type SliceBase } from './slice.ts';

/**
 * Decoded articles kept per process (about 15 KB each, 18 KB held), so repeated questions skip the
 * fetch. /when and /quote after a /who find its slice (KEPT_SLICES), not these; on the bench, 200
 * against 2,000 kept cost the same CPU per answer and ended at 310 against 377 MB of RSS.
 */
export const KEPT_ARTICLES = 200;
/**
 * Slices kept per generation, by their articles: the same words asked again (the next page of
 * answers, /when after /who) find the same articles, and their slice, with the memos the engine
 * keeps per index, is ready. Two: four cost more memory than they saved time on the bench.
 */
export const KEPT_SLICES = 2;
/**
 * Candidate rankings kept per generation, by the query's term groups: /when and /quote of the
 * question a /who just asked, and the next page of answers, skip the statement (a few ms, a round
 * trip). A ranking is at most ARTICLE_POOL numbers.
 */
export const KEPT_RANKINGS = 256;

export interface Generation {
  db: Db;
  id: number;
  tables: CorpusTables;
  /** Best article numbers for the query's term groups (the database's GIN index, lunr's ranking; the last KEPT_RANKINGS kept). */
  best(groups: TermGroup[]): Promise<number[]>;
  /** Articles (corpus order, at most NAMING_ARTICLES per subject) holding, for every concept of a subject, one of its keys. */
  naming(subjects: TermGroup[][]): Promise<number[]>;
  /** The index of these articles (corpus order), read from the database or the article cache. */
  slice(docs: number[]): Promise<SearchIndex>;
  /** The index of one article, by file name (for context around a cited sentence). */
  article(file: string): Promise<SearchIndex | undefined>;
}

const generations = new WeakMap<SearchIndex, Generation>();

/** The database generation behind an index opened from PostgreSQL; undefined for an embedded index. */
export const generationOf = (index: SearchIndex): Generation | undefined => generations.get(index);

/** The last `keep` values used, by key. */
class Recent<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly keep: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) this.map.delete(key), this.map.set(key, v);
    return v;
  }
  set(key: K, v: V): void {
    this.map.set(key, v);
    while (this.map.size > this.keep) this.map.delete(this.map.keys().next().value!);
  }
}

/** Little-endian i32s of a driver's buffer, which may start at any byte. */
function int32s(b: Buffer): Int32Array {
  const aligned = b.byteOffset % 4 === 0 ? b : new Uint8Array(b);
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
}

/** An array that only knows its length: the corpus's sentences live in the database. */
function sentencesIn(count: number): SearchIndex['sentences'] {
  return new Proxy([] as SearchIndex['sentences'], {
    get: (t, k, r) => {
      if (k === 'length') return count;
      if (typeof k === 'string' && /^\d+$/.test(k)) throw new Error('this index is in PostgreSQL: sentences are read per query (answerFrom)');
      return Reflect.get(t, k, r);
    },
  });
}

/** Reads a generation's corpus-wide tables and returns the index the shells hold for it. */
export async function openGeneration(db: Db, id: number, opts: { keepArticles?: number } = {}): Promise<SearchIndex> {
  const r = await query<{ name: string; data: Buffer }>(db, 'SELECT name, data FROM newsdesk_corpus_table WHERE generation = $1', [id]);
  if (r.rows.length === 0) throw new Error(`generation ${id} has no corpus tables`);
  const tables = decodeCorpusTables(new Map(r.rows.map((row) => [row.name, row.data])));
  const base: SliceBase = sliceBase(tables);
  const entTypeIds = new Map(tables.entTypes.map((t, i) => [t, i]));
  const cache = new Recent<number, MappedArticle>(opts.keepArticles ?? KEPT_ARTICLES);
  const slices = new Recent<string, SearchIndex>(KEPT_SLICES);
  const rankings = new Recent<string, number[]>(KEPT_RANKINGS);
  const byFile = new Map(tables.docs.map((d, i) => [d.file, i]));

  const fetch = async (docs: number[]): Promise<MappedArticle[]> => {
    const missing = docs.filter((d) => !cache.get(d));
    if (missing.length) {
      // As base64 rather than bytea's hex text: a third less to receive and parse, and decoded several times faster.
      const got = await query<{ doc: number; ids: string; data: string }>(
        db,
        "SELECT a.doc, encode(a.ids, 'base64') AS ids, encode(n.data, 'base64') AS data FROM newsdesk_article a JOIN newsdesk_nlp n ON n.key = a.nlp WHERE a.generation = $1 AND a.doc = ANY($2::int[])",
        [id, missing],
      );
      for (const row of got.rows) cache.set(row.doc, mapArticle(decodeArticle(Buffer.from(row.data, 'base64')), row.doc, int32s(Buffer.from(row.ids, 'base64')), entTypeIds));
    }
    const out: MappedArticle[] = [];
    for (const d of [...new Set(docs)].sort((a, b) => a - b)) {
      const a = cache.get(d);
      if (a) out.push(a);
    }
    return out;
  };

  const sliceOf = async (docs: number[]): Promise<SearchIndex> => {
    const key = [...new Set(docs)].sort((a, b) => a - b).join(' ');
    let slice = slices.get(key);
    if (!slice) slices.set(key, (slice = sliceIndex(base, await fetch(docs))));
    return slice;
  };

  const gen: Generation = {
    db,
    id,
    tables,
    async best(groups) {
      const key = JSON.stringify(groups.map((g) => [[...g.keys], [...g.skeletons], g.weight]));
      let docs = rankings.get(key);
      if (!docs) rankings.set(key, (docs = await bestArticles(db, id, tables, groups)));
      return docs;
    },
    naming: (subjects) => namingArticles(db, id, subjects),
    slice: (docs) => sliceOf(docs),
    async article(file) {
      const d = byFile.get(file);
      return d === undefined ? undefined : sliceOf([d]);
    },
  };
  const emptyLunr: Packed['lunr'] = {
    fields: ['t', 'k'],
    postStart: new Uint32Array(1),
    postDocs: new Uint32Array(0),
    slots: new Int32Array(0),
    vecStart: new Uint32Array(1),
    vec: new Float64Array(0),
  };
  const index: SearchIndex = {
    version: INDEX_VERSION,
    docs: tables.docs,
    sentences: sentencesIn(tables.sentences),
    acronyms: tables.acronyms,
    df: base.df,
    caps: base.caps,
    lunr: lunrIndex(emptyLunr, tables.vocab, tables.termIds),
    packed: {
      docs: tables.docs,
      vocab: tables.vocab,
      text: new Uint8Array(0),
      textStart: new Uint32Array(1),
      sentenceDoc: new Uint32Array(0),
      para: new Uint32Array(0),
      tokStart: new Uint32Array(1),
      off: new Uint32Array(0),
      pos: new Uint8Array(0),
      key: new Int32Array(0),
      skel: new Int32Array(0),
      flags: new Uint8Array(0),
      entStart: new Uint32Array(1),
      ents: new Int32Array(0),
      entTypes: tables.entTypes,
      titleStart: new Uint32Array(1),
      titleKeys: new Int32Array(0),
      sentenceFrequency: tables.sentenceFrequency,
      skeletonSentenceFrequency: tables.skeletonSentenceFrequency,
      caseCounts: tables.caseCounts,
      placeCounts: tables.placeCounts,
      pairs: tables.pairs,
      sentAvg: tables.sentAvg,
      acronyms: tables.acronyms,
      lunr: emptyLunr,
    },
    termIds: tables.termIds,
    corpus: {
      sentences: tables.sentences,
      articles: (field, term) => (field === 0 ? tables.keyArticles : tables.skeletonArticles)[term] ?? 0,
      owner: tables,
      article: (d) => d,
      sentence: (id) => id,
    },
  };
  generations.set(index, gen);
  return index;
}

export interface Follower {
  close(): Promise<void>;
}

/**
 * LISTENs for new generations on a connection of its own and calls `onGeneration` with each new id;
 * when the connection drops it reconnects (every 1 s up to 10 s) and checks the current generation,
 * since a NOTIFY sent meanwhile is lost.
 */
export function followGenerations(db: Db, since: number, onGeneration: (id: number) => Promise<void>, onWarn: (m: string) => void = () => {}): Follower {
  let last = since;
  let client: pg.Client | undefined;
  let closed = false;
  let delay = 1000;
  let timer: NodeJS.Timeout | undefined;
  let chain = Promise.resolve();
  const offer = (id: number): void => {
    chain = chain.then(async () => {
      if (closed || id === last) return;
      try {
        await onGeneration(id);
        last = id;
      } catch (err) {
        onWarn(`could not open generation ${id}, still answering from ${last}: ${(err as Error).message}`);
      }
    });
  };
  const retry = (): void => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(10_000, delay * 2);
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: db.url, application_name: 'newsdesk-listen', connectionTimeoutMillis: 5000 });
    c.on('error', () => {});
    c.on('end', () => {
      if (client === c) client = undefined;
      if (!closed) retry();
    });
    c.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) offer(Number(n.payload));
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      if (closed) {
        await c.end();
        return;
      }
      client = c;
      delay = 1000;
      const cur = await currentGeneration(db);
      if (cur && cur.id !== last) offer(cur.id);
    } catch (err) {
      c.end().catch(() => {});
      if (!closed && !isConnectionError(err)) onWarn(`listening for new generations: ${(err as Error).message}`);
      retry();
    }
  };
  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
      await chain;
    },
  };
}

export { DatabaseUnavailable, describeTarget };
