// Faults around the database: unreachable at start, restarted mid-run, an indexer killed while it
// writes, two indexers at once (the first held mid-write until the second waits on the lock).
// Every test runs against the real server of this file.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askIndex, DatabaseUnavailable, openPgIndex, type PgIndex } from '../../../src/app/postgres.ts';
import { indexCorpus } from '../../../src/app/pg-indexer.ts';
import { createDb } from '../../../src/index/pg/db.ts';
import { freePort } from '../../../src/cli/local-postgres.ts';
import { ROOT, runScript } from '../../cli/run.ts';
import { seedsPlus, usePostgres } from './server.ts';

const { pg: server, folder } = usePostgres();

const Q = { command: 'who', query: 'is the State Department spokesperson' } as const;
// Asked first while the database is down: a question this reader has not ranked before must reach it.
const Q2 = { command: 'when', query: 'will the counter-terrorism dialogue start' } as const;
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

let db: PgIndex;
let first: unknown;
let second: unknown;

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client(server().url);
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

/** The answers of a reader opened now, with nothing kept from earlier questions (a corpus folder absent here: the current generation as it is). */
async function fromFreshReader(q: { command: 'who' | 'when'; query: string }): Promise<unknown> {
  const reader = await openPgIndex({ url: server().url, corpusDir: '/nonexistent-newsdesk-corpus' });
  try {
    return plain((await askIndex(reader.current(), q.command, q.query)).answers);
  } finally {
    await reader.close();
  }
}

const current = async (): Promise<number> => Number((await sql<{ generation: string }>('SELECT generation FROM newsdesk_current'))[0].generation);

beforeAll(async () => {
  db = await openPgIndex({ url: server().url, corpusDir: seedsPlus(folder('newsdesk-pg-corpus-')) });
  first = plain((await askIndex(db.current(), Q.command, Q.query)).answers);
  second = await fromFreshReader(Q2);
}, 120_000);
afterAll(() => db?.close());

describe('the database unreachable at start', () => {
  it('fails with an error naming host and port (and the CLI exits 1)', async () => {
    const port = await freePort();
    const url = `postgres://postgres:x@127.0.0.1:${port}/postgres`;
    await expect(openPgIndex({ url, corpusDir: ROOT })).rejects.toThrow(`cannot reach PostgreSQL at 127.0.0.1:${port}`);
    const { code, stderr } = await runScript('src/cli/ask.ts', ['--json'], '/who is the TTP\n', { DATABASE_URL: url });
    expect(code).toBe(1);
    expect(stderr).toContain(`127.0.0.1:${port}`);
  }, 60_000);
});

describe('the database restarted mid-run', () => {
  it('reports it unavailable while down, then answers again without reopening', async () => {
    await server().stop();
    try {
      await expect(askIndex(db.current(), Q2.command, Q2.query)).rejects.toBeInstanceOf(DatabaseUnavailable);
    } finally {
      await server().start();
    }
    let again: unknown;
    for (let i = 0; i < 40 && again === undefined; i++) {
      try {
        again = plain((await askIndex(db.current(), Q2.command, Q2.query)).answers);
      } catch (err) {
        if (!(err instanceof DatabaseUnavailable)) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    expect(again).toEqual(second);
    expect(second).not.toEqual([]);
  }, 60_000);
});

/** Runs `npm run index` as a process; resolves with its exit and stderr. */
function indexer(corpus: string, args: string[] = [], onLine?: (line: string, kill: () => void) => void): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index-corpus.ts', '--corpus', corpus, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: server().url, INDEX_WORKERS: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr += d;
      for (const line of d.split('\n')) onLine?.(line, () => child.kill('SIGKILL'));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('an indexer killed while it writes', () => {
  it('leaves readers on the old generation, complete, and the next indexer finishes the job', async () => {
    const before = await current();
    const corpus = seedsPlus(folder('newsdesk-pg-corpus-'), 12);
    const run = await indexer(corpus, ['--batch-rows', '1'], (line, kill) => {
      if (/wrote articles 2–2 of/.test(line)) kill();
    });
    expect(run.signal).toBe('SIGKILL');
    expect(await current()).toBe(before);
    const building = await sql<{ n: number }>("SELECT count(*)::int AS n FROM newsdesk_generation WHERE status = 'building'");
    expect(building[0].n).toBe(1);
    const rows = await sql<{ n: number }>('SELECT count(*)::int AS n FROM newsdesk_article WHERE generation = $1', [before]);
    expect(rows[0].n).toBe(db.current().docs.length);
    expect(await fromFreshReader(Q)).toEqual(first);

    const next = await indexer(corpus);
    expect(next.stderr).toContain('unfinished generation');
    expect(next.code).toBe(0);
    expect(await current()).toBeGreaterThan(before);
    const left = await sql<{ n: number }>("SELECT count(*)::int AS n FROM newsdesk_generation WHERE status = 'building'");
    expect(left[0].n).toBe(0);
  }, 120_000);
});

describe('two indexers at once', () => {
  it('write one after the other: the second waits on the lock, and the current generation is whole and consistent', async () => {
    const corpus = seedsPlus(folder('newsdesk-pg-corpus-'), 6);
    // The first indexer is held after its first batch, lock taken, until the second says it waits.
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const dbs = [createDb(server().url), createDb(server().url)];
    const said: string[] = [];
    try {
      const before = await current();
      const a = indexCorpus(dbs[0], {
        corpusDir: corpus,
        force: true,
        workers: 0,
        batchRows: 1,
        afterBatch: () => {
          holding();
          return released;
        },
      });
      await held;
      // Mid-write (the first indexer holds after a batch), readers still have the generation from before.
      expect(await current()).toBe(before);
      const onLog = (m: string): void => {
        said.push(m);
        if (m.includes('waiting')) release();
      };
      const b = indexCorpus(dbs[1], { corpusDir: corpus, force: true, workers: 0, onLog });
      await released;
      const [ra, rb] = await Promise.all([a, b]);
      expect(said).toContain('another indexer is writing to this database; waiting for it to finish');
      expect(rb.generation).toBeGreaterThan(ra.generation);
    } finally {
      release();
      await Promise.all(dbs.map((d) => d.close()));
    }
    const gen = await current();
    const [row] = await sql<{ n: number; missing: number; building: number }>(
      `SELECT (SELECT count(*)::int FROM newsdesk_article WHERE generation = $1) AS n,
              (SELECT count(*)::int FROM newsdesk_article a WHERE generation = $1 AND NOT EXISTS (SELECT 1 FROM newsdesk_nlp n WHERE n.key = a.nlp)) AS missing,
              (SELECT count(*)::int FROM newsdesk_generation WHERE status = 'building') AS building`,
      [gen],
    );
    expect(row).toEqual({ n: 5 + 6, missing: 0, building: 0 });
    const tables = await sql<{ n: number }>('SELECT count(*)::int AS n FROM newsdesk_corpus_table WHERE generation = $1', [gen]);
    expect(tables[0].n).toBeGreaterThanOrEqual(10);
    const reader = await openPgIndex({ url: server().url, corpusDir: corpus });
    try {
      expect(reader.current().docs.length).toBe(11);
      const got = await askIndex(reader.current(), 'who', 'is the chair of the Westmere harbour board');
      expect(got.answers[0]?.answer).toMatch(/Ilona Varga/);
    } finally {
      await reader.close();
    }
  }, 120_000);
});
