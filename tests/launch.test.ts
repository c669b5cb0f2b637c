import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function probe(env: NodeJS.ProcessEnv): { main: string; execArgv: string[]; arena: string | null; args: string[] } {
  const r = spawnSync(process.execPath, ['src/launch.mjs', 'tests/launch-probe.ts', '--corpus', 'x y'], { cwd: root, env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const { DATABASE_URL: _, MALLOC_ARENA_MAX: __, ...base } = process.env;
// A developer's own .env may name a database; the launcher rightly reads it, so the embedded case needs none there.
const envFile = `${root}.env`;
const dotenvDatabase = existsSync(envFile) && Boolean(parseEnv(readFileSync(envFile, 'utf8')).DATABASE_URL);

describe('src/launch.mjs', () => {
  it('starts the compiled entry on plain node with its arguments, and the embedded index on Node defaults', () => {
    const got = probe(base);
    expect(got.args).toEqual(['--corpus', 'x y']);
    expect(got.main).toMatch(/[/\\]\.cache[/\\]build[/\\]\w+[/\\]tests[/\\]launch-probe\.mjs$/);
    expect(got.execArgv).not.toContain('tsx');
    if (!dotenvDatabase) {
      expect(got.execArgv.some((f) => f.startsWith('--max-semi-space-size') || f === '--single-threaded-gc')).toBe(false);
      expect(got.arena).toBeNull();
    }
  });

  it('gives a PostgreSQL-backed shell the small young generation and one malloc arena, unless the environment chose its own', () => {
    const got = probe({ ...base, DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    expect(got.execArgv).toContain('--max-semi-space-size=4');
    expect(got.execArgv).toContain('--single-threaded-gc');
    expect(got.arena).toBe('1');
    expect(probe({ ...base, DATABASE_URL: 'postgres://127.0.0.1:1/none', MALLOC_ARENA_MAX: '4' }).arena).toBe('4');
  });
});
