// The index in a real PostgreSQL: round trip, the same answers as the embedded index, the GIN
// index doing the retrieval, hostile text, a second process, and new generations by NOTIFY.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askIndex, openPgIndex, type PgIndex } from '../../../src/app/postgres.ts';
import { openIndex } from '../../../src/app/index.ts';
import { answer, parseAsk, QueryError, suggest, type SearchIndex } from '../../../src/engine/index.ts';
import { runScript } from '../../cli/run.ts';
import { seedsPlus, usePostgres } from './server.ts';

const { pg: server, folder } = usePostgres();

const QUESTIONS = [
  '/who is the State Department spokesperson',
  '/when will the Pakistan-US counter-terrorism dialogue start',
  '/quote diplomatic efforts',
  '/search Azm-e-Istehkam',
  '/who is the TTP',
  '/who is Masood Khan',
  '/when was the operation announced',
  '/search terrorism Pakistan United States',
  '/quote rule of law',
  // No article has the word: only its synonyms ("spokesperson") answer, from articles of their own.
  '/who is the spokesman',
  '/quote spokesman',
];

let corpus: string;
let db: PgIndex;
let embedded: SearchIndex;

beforeAll(async () => {
  corpus = seedsPlus(folder('newsdesk-pg-corpus-'));
  db = await openPgIndex({ url: server().url, corpusDir: corpus, pool: { max: 1 } });
  embedded = await openIndex({ corpusDir: corpus, cacheDir: false });
}, 120_000);
afterAll(() => db?.close());

const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('the PostgreSQL backend on the seeds', () => {
  it('stores every article, sentence and corpus-wide table of the corpus', async () => {
    expect(db.source).toBe('indexed');
    const index = db.current();
    expect(index.docs.map((d) => d.file)).toEqual(embedded.docs.map((d) => d.file));
    expect(index.sentences.length).toBe(embedded.sentences.length);
    expect(index.acronyms).toEqual(embedded.acronyms);
    const c = new pg.Client(server().url);
    await c.connect();
    try {
      const gen = (await c.query('SELECT generation FROM newsdesk_current')).rows[0].generation;
      const rows = await c.query('SELECT count(*)::int AS n, sum(sentences)::int AS s FROM newsdesk_article WHERE generation = $1', [gen]);
      expect(rows.rows[0]).toEqual({ n: embedded.docs.length, s: embedded.sentences.length });
      const tables = await c.query('SELECT name FROM newsdesk_corpus_table WHERE generation = $1 ORDER BY name', [gen]);
      expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['vocab', 'sentence_frequency', 'case_counts', 'place_counts', 'pair_keys', 'meta']));
    } finally {
      await c.end();
    }
  });

  it('gives the same answers as the embedded index', async () => {
    let answered = 0;
    for (const line of QUESTIONS) {
      const { command, query } = parseAsk(line);
      const got = await askIndex(db.current(), command, query);
      expect(plain(got.answers), line).toEqual(plain(answer(embedded, command, query)));
      if (got.answers.length) answered++;
    }
    expect(answered).toBeGreaterThanOrEqual(6);
  });

  it('suggests what the embedded index suggests, from the names counted when it was indexed', () => {
    for (const typed of ['', 'Mat', 'pak', 'what did Ba', 'zzz']) expect(suggest(db.current(), typed), typed).toEqual(suggest(embedded, typed));
    expect(suggest(db.current(), 'Mat')).toContain('Matthew Miller');
  });

  it('finds the candidates through the GIN index: its idx_scan grows with each new question, not with one asked again', async () => {
    const stats = new pg.Client(server().url);
    await stats.connect();
    // The pool has one connection: force it to publish its statistics once it is idle.
    const flush = (): Promise<unknown> => db.db.pool.query('SELECT pg_stat_force_next_flush()');
    const scans = async (): Promise<number> => {
      const r = await stats.query("SELECT idx_scan::int AS n FROM pg_stat_user_indexes WHERE indexrelname = 'newsdesk_article_terms'");
      return r.rows[0].n;
    };
    try {
      await flush();
      let before = await scans();
      // Questions not asked before in this file: the generation keeps the rankings it computed.
      const fresh = ['/when did the counter-terrorism dialogue start', '/quote the operation', '/search Pakistan dialogue', '/who is the spokesperson of the State Department'];
      for (const line of fresh) {
        const { command, query } = parseAsk(line);
        await askIndex(db.current(), command, query);
        await flush();
        const after = await scans();
        expect(after, line).toBeGreaterThan(before);
        before = after;
      }
      const { command, query } = parseAsk(fresh[0]);
      await askIndex(db.current(), command, query);
      await flush();
      expect(await scans(), 'asked again').toBe(before);
    } finally {
      await stats.end();
    }
  });

  it('answers hostile text cleanly, with nothing injected into SQL', async () => {
    const hostile = [
      "'); DROP TABLE newsdesk_article; --",
      '$1 $2 ::text[] OR 1=1',
      "Robert'); DELETE FROM newsdesk_current; --",
      '\\x00\\\\ \u0000 nul',
      '"quoted" \'single\' `back` %_ wildcards',
      '{t:pakistan} ARRAY[1] t:pakistan k:pkstn',
      'Pakistan’s 😀 ｆｕｌｌｗｉｄｔｈ ﷽ مرحبا',
      'who is the State Department spokesperson; SELECT pg_sleep(10)',
    ];
    for (const text of hostile) {
      for (const command of ['who', 'search'] as const) {
        let got: unknown;
        let want: unknown;
        try {
          got = plain((await askIndex(db.current(), command, text)).answers);
        } catch (err) {
          expect(err, text).toBeInstanceOf(QueryError);
          got = (err as Error).message;
        }
        try {
          want = plain(answer(embedded, command, text));
        } catch (err) {
          want = (err as Error).message;
        }
        expect(got, text).toEqual(want);
      }
    }
    const c = new pg.Client(server().url);
    await c.connect();
    try {
      const n = await c.query('SELECT count(*)::int AS n FROM newsdesk_article a JOIN newsdesk_current c ON c.generation = a.generation');
      expect(n.rows[0].n).toBe(embedded.docs.length);
    } finally {
      await c.end();
    }
  });

  it('answers the same from another process on the same database (npm run ask)', async () => {
    const lines = QUESTIONS.slice(0, 5);
    const { code, stdout, stderr } = await runScript('src/cli/ask.ts', ['--json', '--corpus', corpus], `${lines.join('\n')}\n`, { DATABASE_URL: server().url });
    expect(stderr).toContain('from PostgreSQL');
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const [i, line] of lines.entries()) {
      const { command, query } = parseAsk(line);
      expect(out[i].answers, line).toEqual(plain((await askIndex(db.current(), command, query)).answers));
    }
  }, 60_000);

  it('moves every reader to a new generation by NOTIFY, keeping the NLP of unchanged articles', async () => {
    const other = await openPgIndex({ url: server().url, corpusDir: join(corpus, 'absent-here') });
    try {
      const before = other.current().docs.length;
      const swapped = new Promise<SearchIndex>((resolve) => {
        const poll = setInterval(() => {
          if (other.current().docs.length !== before) clearInterval(poll), resolve(other.current());
        }, 50);
      });
      writeFileSync(
        join(corpus, 'new_article.txt'),
        ' date 2024-07-01\n url https://news.example.org/westmere-chief\nHarbour authority names new chief\n\nThe Westmere harbour authority named Teodora Ilić as its chief executive on Monday.\n',
      );
      const { code, stderr } = await runScript('src/cli/index-corpus.ts', ['--corpus', corpus], '', { DATABASE_URL: server().url });
      expect(stderr).toMatch(/re-used the NLP of 5\b/);
      expect(code).toBe(0);
      const next = await swapped;
      expect(next.docs.length).toBe(before + 1);
      const got = await askIndex(next, 'who', 'is the chief executive of the Westmere harbour authority');
      expect(got.answers[0]?.answer).toMatch(/Teodora Ili/);
      // The article's link is stored with the generation, so readers of the database cite it too.
      expect(got.answers[0]?.source.url).toBe('https://news.example.org/westmere-chief');
    } finally {
      await other.close();
    }
  }, 90_000);
});
