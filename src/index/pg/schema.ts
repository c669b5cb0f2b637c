// The tables. A generation is one complete index of the corpus; readers follow the single row of
// newsdesk_current, which the indexer switches in one transaction once a generation is complete.
import type { Db } from './db.ts';
import { query } from './db.ts';

/** Bumped when the tables' shape or meaning changes: a database of another schema is re-indexed. */
export const SCHEMA_VERSION = 9;

/** pg_advisory_lock key held by the one indexer allowed to write ("ndsk" in ASCII). */
export const INDEXER_LOCK = 0x6e64736b;

/** The channel readers LISTEN on; the payload is the new generation's id. */
export const CHANNEL = 'newsdesk_generation';

export const DDL = `
CREATE TABLE IF NOT EXISTS newsdesk_schema (version int NOT NULL);
CREATE TABLE IF NOT EXISTS newsdesk_generation (
  id bigint PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('building', 'ready')),
  schema_version int NOT NULL,
  corpus_key text NOT NULL,
  code_key text NOT NULL,
  corpus_dir text NOT NULL,
  articles int NOT NULL DEFAULT 0,
  sentences int NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  ready_at timestamptz
);
CREATE SEQUENCE IF NOT EXISTS newsdesk_generation_seq;
CREATE TABLE IF NOT EXISTS newsdesk_current (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  generation bigint NOT NULL REFERENCES newsdesk_generation (id)
);
-- One article's NLP (sentences, tokens, POS, entities, keys), packed, under a key of its content
-- and of the indexing code: shared by every generation in which the article is unchanged. vocab:
-- the words its local term ids stand for, which only a re-index reads (a query maps the ids with
-- the generation's, newsdesk_article.ids).
CREATE TABLE IF NOT EXISTS newsdesk_nlp (
  key text PRIMARY KEY,
  data bytea NOT NULL,
  vocab bytea NOT NULL
);
-- Packed typed arrays compress poorly and are read on every query: stored as they are.
ALTER TABLE newsdesk_nlp ALTER COLUMN data SET STORAGE EXTERNAL;
-- One row per article per generation. terms: the article's distinct retrieval keys ('t:' prefix)
-- and name skeletons ('k:'), the two fields of the embedded index, under a GIN index: the query's
-- candidate articles are the rows whose terms overlap the query's.
CREATE TABLE IF NOT EXISTS newsdesk_article (
  generation bigint NOT NULL REFERENCES newsdesk_generation (id) ON DELETE CASCADE,
  doc int NOT NULL,
  file text NOT NULL,
  title text,
  date text,
  place text,
  sentences int NOT NULL,
  nlp text NOT NULL,
  -- The generation's term ids (i32, little-endian) of the NLP's own vocabulary, in its order.
  ids bytea NOT NULL,
  terms text[] NOT NULL,
  shard int NOT NULL,
  PRIMARY KEY (generation, doc)
);
CREATE INDEX IF NOT EXISTS newsdesk_article_terms ON newsdesk_article USING gin (terms);
-- The term statistics BM25 ranks the candidates with: per term, the articles holding it and how
-- often (u32 article numbers, ascending, and u32 counts, packed little-endian).
CREATE TABLE IF NOT EXISTS newsdesk_posting (
  generation bigint NOT NULL REFERENCES newsdesk_generation (id) ON DELETE CASCADE,
  term text NOT NULL,
  docs bytea NOT NULL,
  tfs bytea NOT NULL,
  PRIMARY KEY (generation, term)
);
ALTER TABLE newsdesk_posting ALTER COLUMN docs SET STORAGE EXTERNAL, ALTER COLUMN tfs SET STORAGE EXTERNAL;
-- The corpus-wide tables of a generation (vocabulary, term and case statistics, places, acronyms),
-- packed: read once per generation by every reader.
CREATE TABLE IF NOT EXISTS newsdesk_corpus_table (
  generation bigint NOT NULL REFERENCES newsdesk_generation (id) ON DELETE CASCADE,
  name text NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (generation, name)
);
`;

const TABLES = ['newsdesk_corpus_table', 'newsdesk_posting', 'newsdesk_article', 'newsdesk_nlp', 'newsdesk_current', 'newsdesk_generation', 'newsdesk_schema'];

/**
 * Creates the tables when missing (idempotent; concurrent callers are serialised by a lock). Tables
 * of another schema version are dropped first: they hold only what indexing the corpus rebuilds.
 */
export async function ensureSchema(db: Db): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [INDEXER_LOCK + 1]);
    try {
      const has = await client.query<{ ok: boolean }>("SELECT to_regclass('newsdesk_schema') IS NOT NULL AS ok");
      const version = has.rows[0].ok ? (await client.query<{ version: number }>('SELECT version FROM newsdesk_schema')).rows[0]?.version : undefined;
      const old = await client.query<{ ok: boolean }>("SELECT to_regclass('newsdesk_generation') IS NOT NULL AS ok");
      if (version !== SCHEMA_VERSION && (has.rows[0].ok || old.rows[0].ok)) {
        await client.query(`DROP TABLE IF EXISTS ${TABLES.join(', ')} CASCADE`);
        await client.query('DROP SEQUENCE IF EXISTS newsdesk_generation_seq');
      }
      await client.query(DDL);
      await client.query('INSERT INTO newsdesk_schema (version) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM newsdesk_schema)', [SCHEMA_VERSION]);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [INDEXER_LOCK + 1]);
    }
  } finally {
    client.release();
  }
}

export interface GenerationRow {
  id: number;
  corpus_key: string;
  code_key: string;
  corpus_dir: string;
  articles: number;
  sentences: number;
  schema_version: number;
}

/** The generation readers answer from, or undefined before the first index (or without tables). */
export async function currentGeneration(db: Db): Promise<GenerationRow | undefined> {
  const has = await query<{ ok: boolean }>(db, "SELECT to_regclass('newsdesk_current') IS NOT NULL AS ok");
  if (!has.rows[0]?.ok) return undefined;
  const r = await query<GenerationRow>(
    db,
    `SELECT g.id::int AS id, g.corpus_key, g.code_key, g.corpus_dir, g.articles, g.sentences, g.schema_version
       FROM newsdesk_current c JOIN newsdesk_generation g ON g.id = c.generation`,
  );
  return r.rows[0];
}
