// `npm run index` with DATABASE_URL: the corpus into a new generation, written in batches while
// readers keep answering from the current one, then switched to in one transaction (and announced
// with NOTIFY). One indexer at a time, by an advisory lock; unchanged articles keep their NLP.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { readCorpus } from '../corpus/index.ts';
import type { Article } from '../types.ts';
import { assemble } from '../index/assemble.ts';
import { subChunk } from '../index/reuse.ts';
import { codeFingerprint, corpusFingerprint } from './cache.ts';
import { analyseArticles, type Chunk } from '../index/chunk.ts';
import { analyseInWorkers, defaultWorkers } from '../index/pool.ts';
import { SHARD_ARTICLES } from '../index/search.ts';
import { indexFromPacked, type Packed } from '../index/store.ts';
import { countedNames, warmVocabulary } from '../engine/index.ts';
import { articleChunk, articleTermIds, articleVocab, decodeArticle, encodeArticle } from '../index/pg/article-blob.ts';
import { encodeCorpusTables } from '../index/pg/corpus-tables.ts';
import { DatabaseUnavailable, query, transaction, type Db } from '../index/pg/db.ts';
import { CHANNEL, INDEXER_LOCK, SCHEMA_VERSION, currentGeneration, ensureSchema } from '../index/pg/schema.ts';

/** Articles per write transaction. */
export const BATCH_ROWS = 200;
/** Terms' postings per write. */
const POSTING_BATCH = 5000;

export interface IndexOptions {
  corpusDir: string;
  workers?: number;
  /** Index even when the current generation already has this corpus and code. */
  force?: boolean;
  /** When another indexer holds the lock: wait for it (default) or fail at once. */
  wait?: boolean;
  batchRows?: number;
  onProgress?: (done: number, total: number) => void;
  onLog?: (message: string) => void;
  onWarn?: (message: string) => void;
  /** Handed the whole corpus's packed store once built (the bench draws its questions from it). */
  onPacked?: (packed: Packed) => void;
  /** Awaited after each batch of articles is committed: lets a test hold an indexer mid-write, lock held. */
  afterBatch?: (written: number, total: number) => Promise<void> | void;
}

export interface IndexResult {
  generation: number;
  /** True when the current generation already matched and nothing was written. */
  unchanged: boolean;
  articles: number;
  sentences: number;
  /** Articles whose NLP came from the database instead of being run again. */
  reused: number;
  /** Wall time in all, and of its parts: reading the corpus (and stored NLP), NLP and assembly, writing. */
  ms: number;
  parts?: { read: number; analyse: number; write: number };
}

const since = (t: number): number => Math.round(performance.now() - t);

/** The key of an article's NLP: its parsed content and the indexing code. */
export function nlpKey(a: Article, codeKey: string): string {
  return createHash('sha1')
    .update(codeKey)
    .update('\0')
    .update(JSON.stringify([a.title ?? null, a.date ?? null, a.place ?? null, a.paragraphs]))
    .digest('hex');
}

async function lock(client: pg.Client, wait: boolean, log: (m: string) => void): Promise<void> {
  let told = false;
  for (;;) {
    const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [INDEXER_LOCK]);
    if (r.rows[0].ok) return;
    if (!wait) throw new Error(`another indexer is writing to this database (advisory lock ${INDEXER_LOCK} is held); try again when it has finished`);
    if (!told) log('another indexer is writing to this database; waiting for it to finish');
    told = true;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Indexes the corpus folder into a new generation and makes it current. The advisory lock is held
 * on a connection of its own for the whole run (the server releases it if this process dies).
 */
export async function indexCorpus(db: Db, opts: IndexOptions): Promise<IndexResult> {
  const log = opts.onLog ?? (() => {});
  const t = performance.now();
  await ensureSchema(db);
  const client = new pg.Client({ connectionString: db.url, application_name: 'newsdesk-indexer', connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    throw new DatabaseUnavailable(`cannot reach PostgreSQL: ${(err as Error).message}`, err);
  }
  try {
    await lock(client, opts.wait ?? true, log);
    return await indexLocked(db, opts, t);
  } finally {
    await client.end().catch(() => {});
  }
}

async function indexLocked(db: Db, opts: IndexOptions, t: number): Promise<IndexResult> {
  const log = opts.onLog ?? (() => {});
  const fp = await corpusFingerprint(opts.corpusDir);
  const codeKey = codeFingerprint();
  const current = await currentGeneration(db);
  if (current && !opts.force && current.corpus_key === fp.key && current.code_key === codeKey && current.schema_version === SCHEMA_VERSION) {
    log(`generation ${current.id} already holds this corpus (${current.articles} articles); nothing to index`);
    return { generation: current.id, unchanged: true, articles: current.articles, sentences: current.sentences, reused: current.articles, ms: since(t) };
  }
  // Holding the lock, no other indexer is writing: a generation still 'building' was left by one that died.
  const stale = await query(db, "DELETE FROM newsdesk_generation WHERE status = 'building'");
  if (stale.rowCount) log(`removed ${stale.rowCount} unfinished generation(s) left by an interrupted indexer`);

  let at = performance.now();
  const { articles } = await readCorpus(opts.corpusDir, { onWarn: opts.onWarn });
  const keys = articles.map((a) => nlpKey(a, codeKey));
  const known = new Map<string, Chunk>();
  for (let i = 0; i < keys.length; i += 500) {
    const batch = [...new Set(keys.slice(i, i + 500))];
    const r = await query<{ key: string; data: Buffer; vocab: Buffer }>(db, 'SELECT key, data, vocab FROM newsdesk_nlp WHERE key = ANY($1::text[])', [batch]);
    for (const row of r.rows) known.set(row.key, articleChunk(decodeArticle(row.data), articleVocab(row.vocab), { file: '' }));
  }
  const fresh = articles.filter((_, i) => !known.has(keys[i]));
  const readMs = since(at);
  at = performance.now();
  let done = articles.length - fresh.length;
  opts.onProgress?.(done, articles.length);
  const progress = (n: number): void => {
    done += n;
    opts.onProgress?.(done, articles.length);
  };
  const workers = opts.workers ?? defaultWorkers(fresh.length);
  let analysed: Chunk[] | undefined;
  if (workers > 0 && fresh.length > 0) {
    try {
      analysed = await analyseInWorkers(fresh, workers, progress);
    } catch (err) {
      opts.onWarn?.(`NLP worker threads failed, indexing in one thread: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  analysed ??= fresh.length ? [analyseArticles(fresh, undefined, () => progress(1))] : [];
  const packed = assemble(known.size === 0 ? analysed : inCorpusOrder(articles, keys, known, analysed));
  log(`analysed ${fresh.length} article(s), re-used the NLP of ${articles.length - fresh.length}`);
  opts.onPacked?.(packed);
  // Autocomplete's names, counted a few milliseconds at a time while the batches are written.
  const named = indexFromPacked(packed);
  warmVocabulary(named);
  const analyseMs = since(at);
  at = performance.now();

  const gen = Number((await query<{ id: string }>(db, "SELECT nextval('newsdesk_generation_seq') AS id")).rows[0].id);
  await query(db, "INSERT INTO newsdesk_generation (id, status, schema_version, corpus_key, code_key, corpus_dir) VALUES ($1, 'building', $2, $3, $4, $5)", [
    gen,
    SCHEMA_VERSION,
    fp.key,
    codeKey,
    opts.corpusDir,
  ]);
  const rows = articleRows(packed);
  const lengths = new Uint32Array(2 * rows.length);
  const fieldAvg: [number, number] = [0, 0];
  rows.forEach((r, d) => {
    lengths[2 * d] = r.keyCount;
    lengths[2 * d + 1] = r.skeletonCount;
    fieldAvg[0] += r.keyCount;
    fieldAvg[1] += r.skeletonCount;
  });
  fieldAvg[0] /= Math.max(1, rows.length);
  fieldAvg[1] /= Math.max(1, rows.length);
  const shardOf = shardsOf(packed);
  const batchRows = opts.batchRows ?? BATCH_ROWS;
  const freshKeys = new Set(keys.filter((k) => !known.has(k)));
  for (let from = 0; from < rows.length; from += batchRows) {
    const to = Math.min(rows.length, from + batchRows);
    await transaction(db, async (c) => {
      const blobKeys: string[] = [];
      const blobs: Buffer[] = [];
      const vocabs: Buffer[] = [];
      for (let d = from; d < to; d++) {
        if (!freshKeys.has(keys[d])) continue;
        freshKeys.delete(keys[d]);
        blobKeys.push(keys[d]);
        const { data, vocab } = encodeArticle(packed, d);
        blobs.push(data);
        vocabs.push(vocab);
      }
      if (blobs.length) {
        await c.query('INSERT INTO newsdesk_nlp (key, data, vocab) SELECT * FROM unnest($1::text[], $2::bytea[], $3::bytea[]) ON CONFLICT (key) DO NOTHING', [
          blobKeys,
          blobs,
          vocabs,
        ]);
      }
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (let d = from; d < to; d++) {
        const doc = packed.docs[d];
        const b = values.length;
        tuples.push(`(${Array.from({ length: 11 }, (_, i) => `$${b + i + 1}`).join(', ')})`);
        const ids = articleTermIds(packed, d);
        values.push(
          gen,
          d,
          doc.file,
          doc.title ?? null,
          doc.date ?? null,
          doc.place ?? null,
          doc.count,
          keys[d],
          Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength),
          rows[d].terms,
          shardOf[d],
        );
      }
      await c.query(`INSERT INTO newsdesk_article (generation, doc, file, title, date, place, sentences, nlp, ids, terms, shard) VALUES ${tuples.join(', ')}`, values);
    });
    log(`generation ${gen}: wrote articles ${from + 1}–${to} of ${rows.length}`);
    await opts.afterBatch?.(to, rows.length);
  }
  const postings = postingsOf(rows);
  for (let from = 0; from < postings.terms.length; from += POSTING_BATCH) {
    const to = Math.min(postings.terms.length, from + POSTING_BATCH);
    await query(db, 'INSERT INTO newsdesk_posting (generation, term, docs, tfs) SELECT $1, * FROM unnest($2::text[], $3::bytea[], $4::bytea[])', [
      gen,
      postings.terms.slice(from, to),
      postings.docs.slice(from, to),
      postings.tfs.slice(from, to),
    ]);
  }
  log(`generation ${gen}: wrote ${postings.terms.length} term postings`);
  const tables = encodeCorpusTables(packed, fieldAvg, lengths, countedNames(named));
  await query(db, 'INSERT INTO newsdesk_corpus_table (generation, name, data) SELECT $1, * FROM unnest($2::text[], $3::bytea[])', [
    gen,
    tables.map((x) => x[0]),
    tables.map((x) => x[1]),
  ]);
  await transaction(db, async (c) => {
    await c.query("UPDATE newsdesk_generation SET status = 'ready', ready_at = now(), articles = $2, sentences = $3 WHERE id = $1", [
      gen,
      packed.docs.length,
      packed.sentenceDoc.length,
    ]);
    await c.query('INSERT INTO newsdesk_current (one, generation) VALUES (true, $1) ON CONFLICT (one) DO UPDATE SET generation = EXCLUDED.generation', [gen]);
    await c.query('SELECT pg_notify($1, $2)', [CHANNEL, String(gen)]);
  });
  log(`generation ${gen} is current: ${packed.docs.length} articles, ${packed.sentenceDoc.length} sentences`);
  await collect(db, gen);
  return {
    generation: gen,
    unchanged: false,
    articles: packed.docs.length,
    sentences: packed.sentenceDoc.length,
    reused: articles.length - fresh.length,
    ms: since(t),
    parts: { read: readMs, analyse: analyseMs, write: since(at) },
  };
}

/**
 * Keeps the new generation and the one before it (readers that have not yet had the NOTIFY still
 * answer from it), drops older ones and the NLP no generation uses, and folds the GIN index's
 * pending entries in so queries do not scan them.
 */
async function collect(db: Db, gen: number): Promise<void> {
  await query(db, "DELETE FROM newsdesk_generation WHERE id < (SELECT coalesce(max(id), 0) FROM newsdesk_generation WHERE id < $1 AND status = 'ready')", [gen]);
  await query(db, 'DELETE FROM newsdesk_nlp n WHERE NOT EXISTS (SELECT 1 FROM newsdesk_article a WHERE a.nlp = n.key)');
  await query(db, "SELECT gin_clean_pending_list('newsdesk_article_terms'::regclass)");
  await query(db, 'ANALYZE newsdesk_article');
  await query(db, 'ANALYZE newsdesk_posting');
}

/** Re-used and fresh articles, one chunk each, back in corpus order. */
function inCorpusOrder(articles: Article[], keys: string[], known: Map<string, Chunk>, analysed: Chunk[]): Chunk[] {
  const fresh = analysed.flatMap((c) => c.docs.map((_, k) => subChunk(c, k)));
  let f = 0;
  return articles.map((a, i) => {
    const k = known.get(keys[i]);
    if (!k) return fresh[f++];
    return { ...k, docs: [{ file: a.file, title: a.title, date: a.date, place: a.place, ...(a.url ? { url: a.url } : {}), count: k.docs[0].count }] };
  });
}

interface ArticleRow {
  /** Distinct keys ('t:') and skeletons ('k:'), with how often each occurs. */
  terms: string[];
  tfs: number[];
  keyCount: number;
  skeletonCount: number;
}

/** Per article: its distinct keys and skeletons with their counts, and both field lengths. */
function articleRows(p: Packed): ArticleRow[] {
  return p.docs.map((doc, d) => {
    const t = new Map<number, number>();
    const k = new Map<number, number>();
    let keyCount = 0;
    let skeletonCount = 0;
    for (let i = p.titleStart[d]; i < p.titleStart[d + 1]; i++) t.set(p.titleKeys[i], (t.get(p.titleKeys[i]) ?? 0) + 1), keyCount++;
    for (let x = p.tokStart[doc.first]; x < p.tokStart[doc.first + doc.count]; x++) {
      if (p.key[x] >= 0) t.set(p.key[x], (t.get(p.key[x]) ?? 0) + 1), keyCount++;
      if (p.skel[x] >= 0) k.set(p.skel[x], (k.get(p.skel[x]) ?? 0) + 1), skeletonCount++;
    }
    const terms: string[] = [];
    const tfs: number[] = [];
    for (const [id, n] of t) terms.push(`t:${p.vocab[id]}`), tfs.push(n);
    for (const [id, n] of k) terms.push(`k:${p.vocab[id]}`), tfs.push(n);
    return { terms, tfs, keyCount, skeletonCount };
  });
}

/** Per term: the articles holding it (ascending) and how often, packed as u32 arrays. */
function postingsOf(rows: ArticleRow[]): { terms: string[]; docs: Buffer[]; tfs: Buffer[] } {
  const byTerm = new Map<string, { docs: number[]; tfs: number[] }>();
  rows.forEach((r, d) => {
    r.terms.forEach((term, i) => {
      let p = byTerm.get(term);
      if (!p) byTerm.set(term, (p = { docs: [], tfs: [] }));
      p.docs.push(d);
      p.tfs.push(r.tfs[i]);
    });
  });
  const pack = (a: number[]): Buffer => Buffer.from(Uint32Array.from(a).buffer);
  const terms = [...byTerm.keys()];
  return { terms, docs: terms.map((t) => pack(byTerm.get(t)!.docs)), tfs: terms.map((t) => pack(byTerm.get(t)!.tfs)) };
}

/** The embedded index's date shards: newest first, SHARD_ARTICLES articles each. */
function shardsOf(p: Packed): Int32Array {
  const order = p.docs.map((_, d) => d).sort((a, b) => (p.docs[b].date ?? '').localeCompare(p.docs[a].date ?? '') || a - b);
  const shard = new Int32Array(p.docs.length);
  order.forEach((d, rank) => {
    shard[d] = Math.floor(rank / SHARD_ARTICLES);
  });
  return shard;
}
