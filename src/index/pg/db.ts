// The PostgreSQL client: one pg Pool per process, parameterised queries, a statement timeout, and
// errors that say which server could not be reached.
import pg from 'pg';

/** The database is down or unreachable: the query may succeed later, nothing is wrong with it. */
export class DatabaseUnavailable extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'DatabaseUnavailable';
  }
}

export interface DbTarget {
  host: string;
  port: number;
  database: string;
}

/** Host, port and database of a `postgres://` URL (no user or password: this is for messages). */
export function targetOf(url: string): DbTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error('DATABASE_URL is not a URL (expected postgres://user:password@host:port/database)');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error(`DATABASE_URL must start with postgres:// (got ${u.protocol}//)`);
  const host = decodeURIComponent(u.hostname) || u.searchParams.get('host') || 'localhost';
  return { host, port: Number(u.port || 5432), database: decodeURIComponent(u.pathname.slice(1)) || 'postgres' };
}

export const describeTarget = (t: DbTarget): string => `${t.host}:${t.port} (database ${t.database})`;

export interface PoolOptions {
  /** Connections at most (default 4: one process answers one query at a time, plus the indexer's batches). */
  max?: number;
  /** Any statement running longer is cancelled by the server (default 10 s). */
  statementTimeoutMs?: number;
}

export interface Db {
  pool: pg.Pool;
  url: string;
  target: DbTarget;
  close(): Promise<void>;
}

/** The pool; idle connections that break are dropped by pg and replaced on the next query. */
export function createDb(url: string, opts: PoolOptions = {}): Db {
  const target = targetOf(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 4,
    statement_timeout: opts.statementTimeoutMs ?? 10_000,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'newsdesk',
    // Every query here is served by an index; on a small corpus the planner would rather scan the
    // table, and the GIN index would then only be exercised on large ones.
    options: '-c enable_seqscan=off',
  });
  // An idle client whose server went away emits here; without a listener that would crash the process.
  pool.on('error', () => {});
  let closed = false;
  return {
    pool,
    url,
    target,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** Whether an error means "the server is not there" rather than "the query is wrong". */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: string; message?: string; errors?: unknown[] } | undefined;
  if (!e) return false;
  if (e.code && CONNECTION_CODES.has(e.code)) return true;
  if (Array.isArray(e.errors) && e.errors.some(isConnectionError)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED|server closed the connection/i.test(
    e.message ?? '',
  );
}

/** Runs a query; a lost or unreachable server becomes DatabaseUnavailable naming the server. */
export async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(db: Db, text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
  try {
    return await db.pool.query<R>(text, values);
  } catch (err) {
    if (isConnectionError(err)) throw new DatabaseUnavailable(`PostgreSQL at ${describeTarget(db.target)} is unavailable: ${(err as Error).message}`, err);
    throw err;
  }
}

/** Fails fast, with host and port in the message, when the server cannot be reached at start. */
export async function checkReachable(db: Db): Promise<void> {
  try {
    await db.pool.query('SELECT 1');
  } catch (err) {
    const why = (err as Error).message || (err as { code?: string }).code || String(err);
    throw new Error(`cannot reach PostgreSQL at ${describeTarget(db.target)}: ${why}`);
  }
}

/** One client for a transaction; rolled back when `fn` throws. */
export async function transaction<T>(db: Db, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await db.pool.connect();
  } catch (err) {
    throw new DatabaseUnavailable(`PostgreSQL at ${describeTarget(db.target)} is unavailable: ${(err as Error).message}`, err);
  }
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
