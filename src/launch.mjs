// `node src/launch.mjs ENTRY.ts ARGS…` (npm start, ask, bench): runs a TypeScript entry point on
// plain node, compiled ahead of time into .cache/build/ (src/build.mjs; again whenever a source
// changed), or under tsx's loader, as `tsx ENTRY.ts` did, when that build fails. With DATABASE_URL set (in the environment or .env),
// the index is in PostgreSQL and the process holds no corpus, so it is started with the memory
// settings below; without it, the embedded index runs with Node's defaults, unchanged.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { builtPath, ensureBuild, projectPath } from './build.mjs';

/**
 * On the large corpus's bench these took the answering process's RSS from 317–335 to 258–277 MB
 * (under load; docs/SCALING.md). A young generation of 4 MB semi-spaces instead of 16 (V8 keeps what
 * it grew to), one malloc arena instead of one per thread, and allocations of 64 KB and more
 * mmapped, so that what a query frees goes back to the system instead of staying as holes in the heap.
 * V8's garbage collection on the main thread alone, not on helper threads as well, took about 10 MB
 * more off it at no CPU cost per answer that the bench could see (docs/SCALING.md).
 */
const PG_NODE_FLAGS = ['--max-semi-space-size=4', '--single-threaded-gc'];
const PG_MALLOC_ENV = { MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '65536' };

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Whether the shell will answer from PostgreSQL: DATABASE_URL in the environment or in the project's .env (as loadEnv reads it). */
function usesPostgres() {
  if (process.env.DATABASE_URL) return true;
  const file = join(root, '.env');
  return existsSync(file) && Boolean(parseEnv(readFileSync(file, 'utf8')).DATABASE_URL);
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node src/launch.mjs ENTRY.ts [ARGS…]\n');
  process.exit(2);
}
/** The compiled entry, or tsx's loader and the source when the build fails (it says why). */
async function program() {
  try {
    const rel = projectPath(entry);
    return [builtPath(await ensureBuild(rel), rel)];
  } catch (err) {
    process.stderr.write(`launch: the build failed, running under tsx instead: ${err.message}\n`);
    return ['--import', 'tsx', entry];
  }
}

const pg = usesPostgres();
const child = spawn(process.execPath, [...(pg ? PG_NODE_FLAGS : []), ...(await program()), ...args], {
  stdio: 'inherit',
  // Settings already in the environment win, so a deployment can choose its own.
  env: pg ? { ...PG_MALLOC_ENV, ...process.env } : process.env,
});
// A terminal's Ctrl-C reaches the whole process group, the child too: passing it on would deliver it twice.
const relay = (signal) => () => {
  if (signal !== 'SIGINT' || !process.stdin.isTTY) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, relay(signal));
child.on('error', (err) => {
  process.stderr.write(`launch: ${err.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
