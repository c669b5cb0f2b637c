// The index in PostgreSQL (DATABASE_URL set): open the current generation (indexing the corpus
// first when the database has none, or another corpus), follow new generations through
// LISTEN/NOTIFY, and answer each query from its slice of candidate articles.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { answer, answerStage, checkQuery, namedSubjects, noAnswerNote, planQuery, subjectPlans, useCountedNames } from '../engine/index.ts';
import { corpusFingerprint, codeFingerprint } from './cache.ts';
import { generationOf, followGenerations, openGeneration, type Follower } from '../index/pg/backend.ts';
import { checkReachable, createDb, DatabaseUnavailable, describeTarget, type Db, type PoolOptions } from '../index/pg/db.ts';
import { indexCorpus, type IndexOptions, type IndexResult } from './pg-indexer.ts';
import { currentGeneration, SCHEMA_VERSION } from '../index/pg/schema.ts';
import type { SearchIndex } from '../index/types.ts';
import type { Answer, AnswerOptions, CommandName } from '../types.ts';

export { DatabaseUnavailable };

/** What a user is told while the database is down. */
export const UNAVAILABLE = 'The index database is temporarily unavailable. Please try again in a moment.';

export interface PgOpenOptions extends Omit<IndexOptions, 'corpusDir'> {
  url: string;
  corpusDir: string;
  /** Re-index even when the database's generation matches the corpus (`--reindex`). */
  reindex?: boolean;
  /** Called with each new generation's index once it is open (LISTEN/NOTIFY). */
  onSwap?: (index: SearchIndex) => void;
  pool?: PoolOptions;
}

export interface PgIndex {
  db: Db;
  /** The newest generation's index. */
  current(): SearchIndex;
  /** How the first generation came to be: opened as it was, or indexed now. */
  source: 'database' | 'indexed';
  /** The indexing this open did (source 'indexed'): its generation, counts and timings. */
  indexed?: IndexResult;
  close(): Promise<void>;
}

/**
 * Connects (a clear error naming host and port when the server is unreachable), makes sure the
 * database holds this corpus (indexing it when it has no generation, when the corpus folder or
 * the indexing code changed, or on --reindex; a corpus folder absent here means "use what is
 * there"), opens the current generation and follows the next ones.
 */
export async function openPgIndex(opts: PgOpenOptions): Promise<PgIndex> {
  const db = createDb(opts.url, opts.pool);
  try {
    await checkReachable(db);
    let cur = await currentGeneration(db);
    let source: PgIndex['source'] = 'database';
    let indexed: IndexResult | undefined;
    const haveCorpus = existsSync(opts.corpusDir);
    const stale = async (): Promise<boolean> => {
      if (!cur) return true;
      if (!haveCorpus) return false;
      const fp = await corpusFingerprint(opts.corpusDir);
      return fp.key !== cur.corpus_key || cur.code_key !== codeFingerprint() || cur.schema_version !== SCHEMA_VERSION;
    };
    if (opts.reindex || (await stale())) {
      if (!haveCorpus) throw new Error(`the database at ${describeTarget(db.target)} holds no index yet and the corpus folder ${opts.corpusDir} does not exist`);
      opts.onLog?.(`indexing ${opts.corpusDir} into PostgreSQL at ${describeTarget(db.target)}`);
      indexed = await indexCorpus(db, { ...opts, force: opts.reindex });
      cur = await currentGeneration(db);
      source = 'indexed';
    }
    if (!cur) throw new Error('the database has no current generation after indexing');
    let index = await openWithNames(db, cur.id);
    opts.onLog?.(`answering from PostgreSQL generation ${cur.id} (${index.docs.length} articles)`);
    const follower: Follower = followGenerations(
      db,
      cur.id,
      async (id) => {
        index = await openWithNames(db, id);
        opts.onLog?.(`switched to PostgreSQL generation ${id} (${index.docs.length} articles)`);
        opts.onSwap?.(index);
      },
      opts.onWarn,
    );
    return {
      db,
      current: () => index,
      source,
      ...(indexed ? { indexed } : {}),
      async close() {
        await follower.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}

/** A generation's index, with the names its indexer counted for autocomplete. */
async function openWithNames(db: Db, id: number): Promise<SearchIndex> {
  const index = await openGeneration(db, id);
  useCountedNames(index, generationOf(index)!.tables.names);
  return index;
}

export interface Asked {
  answers: Answer[];
  /** Why there is no answer, when there is more to say (see noAnswerNote). */
  note?: string;
  /** The index the answers came from: the embedded index, or the query's slice of the database. */
  index: SearchIndex;
}

/**
 * answer() over either backend. An embedded index answers directly; a PostgreSQL one plans the
 * query, has the database find the candidate articles (ranked as the embedded index ranks them,
 * or, for "/who is NAME", the articles naming NAME), and runs the same engine over the slice that
 * holds them; when the question's own words find nothing, the same again for its synonyms, as
 * answer() widens over the whole embedded index. Throws DatabaseUnavailable while the database is down.
 */
export async function askIndex(index: SearchIndex, command: CommandName, query: string, options: AnswerOptions = {}): Promise<Asked> {
  const gen = generationOf(index);
  let from = index;
  let answers: Answer[];
  if (!gen) answers = answer(index, command, query, options);
  else {
    const clean = checkQuery(query);
    const subjects = command === 'who' ? namedSubjects(index, clean) : undefined;
    if (subjects) {
      from = await gen.slice(await gen.naming(subjectPlans(index, subjects).map((p) => p.concepts)));
      answers = answer(from, command, query, options);
    } else {
      const own = planQuery(index, clean);
      from = await gen.slice(await gen.best(own.concepts));
      answers = answerStage(from, command, query, options, 'own', own);
      const wider = answers.length ? undefined : planQuery(index, clean, { synonyms: true });
      if (wider?.widened) {
        from = await gen.slice(await gen.best(wider.concepts));
        answers = answerStage(from, command, query, options, 'synonyms', wider);
      }
    }
  }
  const note = answers.length === 0 ? noAnswerNote(from, command, query, options) : undefined;
  return { answers, ...(note ? { note } : {}), index: from };
}

/** An index holding the article `file` (a PostgreSQL index reads that one article), for its context. */
export async function articleIndex(index: SearchIndex, file: string): Promise<SearchIndex> {
  const gen = generationOf(index);
  return (gen && (await gen.article(file))) || index;
}

/** Whether the index is the database's (for the bench and the logs). */
export const backendOf = (index: SearchIndex): 'postgres' | 'embedded' => (generationOf(index) ? 'postgres' : 'embedded');

export interface PgLive {
  current(): SearchIndex;
  ready: Promise<SearchIndex>;
  close(): Promise<void>;
}

/**
 * The bot's index from PostgreSQL: opened as openPgIndex does, following new generations; when the
 * corpus folder is here, a change to it is indexed into the database (debounced), and every
 * process on the database, this one included, moves to the new generation by NOTIFY.
 */
export function openPgLive(opts: PgOpenOptions & { debounceMs?: number }): PgLive {
  let pgIndex: PgIndex | undefined;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let closed = false;
  const warn = opts.onWarn ?? (() => {});
  const reindex = (): void => {
    if (closed || !pgIndex || running) return;
    running = indexCorpus(pgIndex.db, { ...opts, force: false })
      .catch((err: Error) => warn(`re-indexing into PostgreSQL failed, still answering from the current generation: ${err.message}`))
      .finally(() => (running = undefined));
  };
  const ready = openPgIndex(opts).then((ix) => {
    pgIndex = ix;
    if (closed) return ix.current();
    if (existsSync(opts.corpusDir)) {
      try {
        watcher = watch(opts.corpusDir, { recursive: true }, () => {
          clearTimeout(timer);
          timer = setTimeout(reindex, opts.debounceMs ?? 500);
        });
        watcher.on('error', (err) => warn(`corpus watcher: ${err.message}`));
      } catch (err) {
        warn(`cannot watch ${opts.corpusDir}: ${(err as Error).message}`);
      }
    }
    return ix.current();
  });
  return {
    current() {
      if (!pgIndex) throw new Error('the index is not ready yet (await ready)');
      return pgIndex.current();
    },
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      await running;
      await ready.then(
        () => pgIndex?.close(),
        () => {},
      );
    },
  };
}
