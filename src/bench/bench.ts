// npm run bench -- --corpus DIR [--workers N] [--queries N] [--answers FILE]
// npm run bench -- --huge LARGE_CORPUS_DIR: the seeds plus one ~4.3 MB article of that corpus's press releases (src/bench/huge.ts)
// Builds the index in one child process (timed, into a fresh cache folder, or with DATABASE_URL set
// into a new PostgreSQL generation), then in another opens it and times /who, /when and /quote over a
// deterministic query set drawn from the corpus, next to a bare lunr query of the same words (with
// PostgreSQL: the bare candidate query). Prints a table, then one JSON line (the last line).
// --answers FILE writes every timed answer there (one JSON line per command and query), to compare
// two versions' answers (they are held until the end, so the RSS then counts them).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lunr from 'lunr';
import { askIndex, openPgIndex, type PgIndex } from '../app/postgres.ts';
import { planQuery, type SearchIndex } from '../engine/index.ts';
import { openIndex, openInfo, progressBar, warmedUp } from '../app/index.ts';
import { indexFromPacked } from '../index/store.ts';
import { generationOf } from '../index/pg/backend.ts';
import { query } from '../index/pg/db.ts';
import { bestArticles } from '../index/pg/retrieve.ts';
import type { Packed } from '../index/store.ts';
import { benchQueries } from './queries.ts';
import { hugeCorpus } from './huge.ts';
import { examined, tokenTotal } from '../index/index.ts';
import { runnable } from '../runnable.ts';

interface Args {
  corpus: string;
  workers?: number;
  queries: number;
  child?: string;
  buildChild?: boolean;
  cacheDir?: string;
  answers?: string;
}

function parse(argv: string[]): Args {
  const a: Args = { corpus: resolve(fileURLToPath(new URL('../../seeds', import.meta.url))), queries: 360 };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    const next = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${v} needs a value`);
      return x;
    };
    if (v === '--corpus') a.corpus = resolve(next());
    else if (v.startsWith('--corpus=')) a.corpus = resolve(v.slice(9));
    else if (v === '--workers') a.workers = Number(next());
    else if (v === '--queries') a.queries = Number(next());
    else if (v === '--child') a.child = next();
    else if (v === '--cache-dir') a.cacheDir = next();
    else if (v === '--answers') a.answers = resolve(next());
    else if (v === '--build-child') a.buildChild = true;
    else if (v === '--huge') a.corpus = hugeCorpus(fileURLToPath(new URL('../..', import.meta.url)), resolve(next()));
    else throw new Error(`unknown option ${v} (known: --corpus DIR, --huge LARGE_CORPUS_DIR, --workers N, --queries N, --answers FILE)`);
  }
  return a;
}

/** The bare lunr query of a question: every key and skeleton as an OPTIONAL clause, no pruning. */
function bareClauses(index: SearchIndex, q: string): { term: string; field: string; boost: number }[] {
  const plan = planQuery(index, q);
  return plan.concepts.flatMap((c) => [
    ...[...c.keys].map((term) => ({ term, field: 't', boost: c.weight })),
    ...[...c.skeletons].map((term) => ({ term, field: 'k', boost: c.weight * 0.5 })),
  ]);
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};
const r2 = (x: number): number => Math.round(x * 100) / 100;

interface ChildResult {
  load_ms: number;
  rss_mb: number;
  times: Record<'who' | 'when' | 'quote' | 'lunr', number[]>;
  answered: Record<'who' | 'when' | 'quote', number>;
  worst: { ms: number; command: string; query: string };
  /** Sentences the engine read one by one, per timed answer. */
  read: number[];
  /** This process's CPU time per answer, ms: on a shared machine, what the answer itself cost. */
  cpu: Record<'who' | 'when' | 'quote', number[]>;
}

/** In a fresh process: open the index (the cache file, or the database's generation) and time the queries. */
async function child(a: Args): Promise<void> {
  const url = process.env.DATABASE_URL;
  const t = performance.now();
  let db: PgIndex | undefined;
  let index: SearchIndex;
  if (url) {
    db = await openPgIndex({ url, corpusDir: a.corpus, onWarn: () => {} });
    if (db.source !== 'database') throw new Error('the child re-indexed instead of opening the generation');
    index = db.current();
  } else {
    index = await openIndex({ corpusDir: a.corpus, cacheDir: a.cacheDir, onWarn: () => {} });
    if (openInfo(index)?.source !== 'cache') throw new Error('the child rebuilt instead of loading the cache');
  }
  const load = performance.now() - t;
  const queries = JSON.parse(readFileSync(a.child!, 'utf8')) as string[];
  const times: ChildResult['times'] = { who: [], when: [], quote: [], lunr: [] };
  const answered = { who: 0, when: 0, quote: 0 };
  let worst = { ms: 0, command: '', query: '' };
  const read: number[] = [];
  const cpu: ChildResult['cpu'] = { who: [], when: [], quote: [] };
  const commands = ['who', 'when', 'quote'] as const;
  // What a running bot has done before its users ask: the app's background warm-up steps, then
  // (JIT and lazily built tables) a few questions.
  await warmedUp(index);
  for (const q of queries.slice(0, 20)) for (const c of commands) await askIndex(index, c, q);
  const given: string[] = [];
  for (const q of queries) {
    for (const c of commands) {
      const before = examined.sentences;
      const cpu0 = process.cpuUsage();
      // The clock runs around the answer alone, not the CPU-time reads around it.
      const s = performance.now();
      const got = (await askIndex(index, c, q)).answers;
      const ms = performance.now() - s;
      const used = process.cpuUsage(cpu0);
      cpu[c].push((used.user + used.system) / 1000);
      read.push(examined.sentences - before);
      if (a.answers) given.push(JSON.stringify({ command: c, query: q, answers: got }));
      times[c].push(ms);
      if (got.length) answered[c]++;
      if (ms > worst.ms) worst = { ms, command: c, query: q };
    }
  }
  if (a.answers) writeFileSync(a.answers, given.map((l) => `${l}\n`).join(''));
  // The bot's memory is taken before the bare lunr runs: a full-term lunr query allocates far more
  // than an answer does, and interleaved with the answers its garbage would be collected inside their timings.
  const rss = process.memoryUsage().rss / 1e6;
  const gen = generationOf(index);
  for (const q of queries) {
    if (gen) {
      // The database's share of a query: the GIN candidates and their ranking, without the engine
      // (the statement itself, not the generation's kept rankings).
      const groups = planQuery(index, q).concepts;
      const s = performance.now();
      await bestArticles(gen.db, gen.id, gen.tables, groups);
      times.lunr.push(performance.now() - s);
      continue;
    }
    const clauses = bareClauses(index, q);
    const s = performance.now();
    index.lunr.query((qq) => {
      for (const cl of clauses) qq.term(cl.term, { fields: [cl.field], usePipeline: false, boost: cl.boost, presence: lunr.Query.presence.OPTIONAL });
    });
    times.lunr.push(performance.now() - s);
  }
  await db?.close();
  const result: ChildResult = { load_ms: load, rss_mb: rss, times, answered, worst, read, cpu };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

interface BuildResult {
  docs: number;
  sentences: number;
  tokens: number;
  ms: { read?: number; build?: number; save?: number };
  cacheBytes: number;
  wall: number;
  cpu: number;
  queries: number;
}

/** In a fresh process: build the index into the cache folder (or a new database generation) and write the query set next to it. */
async function buildChild(a: Args): Promise<void> {
  const bar = progressBar(process.stderr);
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const url = process.env.DATABASE_URL;
  let index: SearchIndex;
  let ms: BuildResult['ms'];
  let bytes = 0;
  if (url) {
    // Indexed as the shells index and open it (openPgIndex, as --reindex does), into a new generation.
    let packed: Packed | undefined;
    const pg = await openPgIndex({ url, corpusDir: a.corpus, reindex: true, workers: a.workers, onProgress: bar.onProgress, onPacked: (p) => (packed = p), onWarn: () => {} });
    try {
      const parts = pg.indexed!.parts!;
      ms = { read: parts.read, build: parts.analyse, save: parts.write };
      const size = await query<{ bytes: string }>(
        pg.db,
        "SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'newsdesk\\_%'",
      );
      bytes = Number(size.rows[0].bytes);
    } finally {
      await pg.close();
    }
    // The questions are drawn from the corpus's sentences, which an index in PostgreSQL does not hold
    // in the process: from the indexer's packed store of the whole corpus.
    index = indexFromPacked(packed!);
  } else {
    index = await openIndex({ corpusDir: a.corpus, cacheDir: a.cacheDir, reindex: true, workers: a.workers, onProgress: bar.onProgress, onWarn: () => {} });
    const info = openInfo(index)!;
    ms = info.ms;
    bytes = info.cacheBytes ?? 0;
  }
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  bar.stop();
  const queries = benchQueries(index, a.queries);
  writeFileSync(join(a.cacheDir!, 'queries.json'), JSON.stringify(queries));
  const result: BuildResult = {
    docs: index.docs.length,
    sentences: index.sentences.length,
    tokens: tokenTotal(index),
    ms,
    cacheBytes: bytes,
    wall,
    cpu: (cpu.user + cpu.system) / 1000,
    queries: queries.length,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs this script in a fresh process with these arguments and returns its last stdout line as JSON. */
function runChild<T>(args: string[], what: string): T {
  const self = fileURLToPath(runnable(new URL(import.meta.url)));
  const run = spawnSync(process.execPath, [...process.execArgv, self, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`${what} process failed (${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}

async function main(): Promise<void> {
  const a = parse(process.argv.slice(2));
  if (a.child) return child(a);
  if (a.buildChild) return buildChild(a);
  const cacheDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
  try {
    // Build and queries each get a process of their own: the built index and the garbage of building
    // it (collected on V8's background threads) stay out of the timed queries.
    const b = runChild<BuildResult>(
      ['--corpus', a.corpus, '--cache-dir', cacheDir, '--build-child', '--queries', String(a.queries), ...(a.workers !== undefined ? ['--workers', String(a.workers)] : [])],
      'build',
    );
    const qfile = join(cacheDir, 'queries.json');
    const c = runChild<ChildResult>(['--corpus', a.corpus, '--cache-dir', cacheDir, '--child', qfile, ...(a.answers ? ['--answers', a.answers] : [])], 'query');
    const med = (k: keyof ChildResult['times']) => pct(c.times[k], 50);
    const answerMedian = pct([...c.times.who, ...c.times.when, ...c.times.quote], 50);
    const postgres = Boolean(process.env.DATABASE_URL);
    const out = {
      backend: postgres ? 'postgres' : 'embedded',
      docs: b.docs,
      sentences: b.sentences,
      tokens: b.tokens,
      build_ms: Math.round((b.ms.read ?? 0) + (b.ms.build ?? 0)),
      save_ms: Math.round(b.ms.save ?? 0),
      load_ms: Math.round(c.load_ms),
      index_bytes: b.cacheBytes,
      rss_mb: Math.round(c.rss_mb),
      who_p50_ms: r2(med('who')),
      who_p99_ms: r2(pct(c.times.who, 99)),
      when_p50_ms: r2(med('when')),
      when_p99_ms: r2(pct(c.times.when, 99)),
      quote_p50_ms: r2(med('quote')),
      quote_p99_ms: r2(pct(c.times.quote, 99)),
      lunr_p50_ms: r2(med('lunr')),
      answer_vs_lunr: r2(answerMedian / Math.max(med('lunr'), 1e-3)),
    };
    const rows: [string, string][] = [
      ['corpus', a.corpus],
      ['backend', postgres ? 'postgres (DATABASE_URL)' : 'embedded'],
      ['articles / sentences / tokens', `${out.docs} / ${out.sentences} / ${out.tokens}`],
      ['build (read + NLP + index)', `${out.build_ms} ms  (read ${b.ms.read} ms, index ${b.ms.build} ms; wall ${Math.round(b.wall)} ms, CPU ${Math.round(b.cpu)} ms)`],
      [postgres ? 'write / database tables' : 'save / index file', `${out.save_ms} ms / ${(out.index_bytes / 1e6).toFixed(1)} MB`],
      ['load (fresh process)', `${out.load_ms} ms`],
      ['RSS after load + answers', `${out.rss_mb} MB`],
      ['queries', `${b.queries} × who/when/quote (answered: who ${c.answered.who}, when ${c.answered.when}, quote ${c.answered.quote})`],
      ['/who p50 / p99', `${out.who_p50_ms} / ${out.who_p99_ms} ms`],
      ['/when p50 / p99', `${out.when_p50_ms} / ${out.when_p99_ms} ms`],
      ['/quote p50 / p99', `${out.quote_p50_ms} / ${out.quote_p99_ms} ms`],
      [postgres ? 'bare candidate query p50 / p99' : 'bare lunr p50 / p99', `${out.lunr_p50_ms} / ${r2(pct(c.times.lunr, 99))} ms`],
      ['answer median / lunr median', `${out.answer_vs_lunr}`],
      ['CPU per answer p50 / p99: who, when, quote', (['who', 'when', 'quote'] as const).map((k) => `${r2(pct(c.cpu[k], 50))} / ${r2(pct(c.cpu[k], 99))} ms`).join(', ')],
      ['sentences read per answer p50 / p99 / max', `${pct(c.read, 50)} / ${pct(c.read, 99)} / ${Math.max(0, ...c.read)}`],
      ['slowest answer', `${r2(c.worst.ms)} ms  /${c.worst.command} ${c.worst.query}`],
    ];
    const w = Math.max(...rows.map((r) => r[0].length));
    for (const [k, v] of rows) process.stdout.write(`${k.padEnd(w)}  ${v}\n`);
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
