// `npm run db:local`: a PostgreSQL server for trying the database backend, data in .cache/pg (or
// DB_LOCAL_DIR), on port 54329 (or DB_LOCAL_PORT). Prints the DATABASE_URL; Ctrl-C stops it.
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from './options.ts';
import { postgresUser, reachableByOthers, startLocalPostgres } from './local-postgres.ts';

async function main(): Promise<void> {
  let dir = process.env.DB_LOCAL_DIR || join(PROJECT_ROOT, '.cache', 'pg');
  // As root the server runs as the OS user postgres, who must be able to reach the folder.
  if (postgresUser() && !reachableByOthers(dirname(dir))) {
    const fallback = join(tmpdir(), 'newsdesk-db-local');
    process.stderr.write(`${dirname(dir)} is not reachable by the OS user postgres (the server cannot run as root); using ${fallback} instead\n`);
    dir = fallback;
  }
  const port = Number(process.env.DB_LOCAL_PORT || 54329);
  const pg = await startLocalPostgres({ dir, port });
  process.stderr.write(`PostgreSQL ${dir} is listening on 127.0.0.1:${port}. In another terminal:\n`);
  process.stdout.write(`DATABASE_URL=${pg.url}\n`);
  process.stderr.write('Ctrl-C stops it (the data stays in the folder).\n');
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    pg.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}

main().catch((err: Error) => {
  process.stderr.write(`db:local: ${err.message}\n`);
  process.exit(1);
});
