import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPath, ensureBuild, projectPath } from '../src/build.mjs';

const ROOT = join(import.meta.dirname, '..');
let tmp: string;
let dir: string;

beforeAll(async () => {
  // Inside the project, as .cache/build is: the compiled code finds its packages in node_modules above it.
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  tmp = mkdtempSync(join(ROOT, '.cache', 'build-test-'));
  dir = await ensureBuild('src/cli/ask.ts', join(tmp, 'build'));
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** One run of an entry point with `input` on stdin. */
function run(args: string[], input: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: '', DATABASE_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('src/build.mjs', () => {
  it('compiles the shells, the NLP worker and every command, mirroring the sources, and only once for unchanged sources', async () => {
    for (const entry of ['src/main.ts', 'src/cli/ask.ts', 'src/bench/bench.ts', 'src/index/nlp-worker.ts']) expect(existsSync(builtPath(dir, entry)), entry).toBe(true);
    const commands = readdirSync(join(ROOT, 'commands')).filter((f) => f.endsWith('.ts'));
    expect(commands.length).toBeGreaterThan(0);
    for (const f of commands) expect(existsSync(builtPath(dir, `commands/${f}`)), f).toBe(true);
    expect(await ensureBuild('src/main.ts', join(tmp, 'build'))).toBe(dir);
    expect(readdirSync(join(tmp, 'build'))).toHaveLength(1);
  });

  it('gives the project-relative path of an entry named from the working folder', () => {
    expect(projectPath(join(ROOT, 'src', 'main.ts'))).toBe('src/main.ts');
  });

  it('runs `ask` on plain node with the answers of the TypeScript source (paths from import.meta.url stay the sources’)', async () => {
    const input = '/who is the State Department spokesperson\n/when did the State Department spokesperson speak\n/quote Shehbaz Sharif\n';
    const env = { INDEX_CACHE_DIR: join(tmp, 'index') };
    const built = await run([builtPath(dir, 'src/cli/ask.ts'), '--json'], input, env);
    expect(built.code, built.stderr).toBe(0);
    const source = await run(['--import', 'tsx', 'src/cli/ask.ts', '--json'], input, env);
    expect(source.code, source.stderr).toBe(0);
    expect(built.stdout.trim().split('\n')).toHaveLength(3);
    expect(built.stdout).toContain('Matthew Miller');
    expect(built.stdout).toBe(source.stdout);
  }, 60_000);

  it('starts the compiled NLP worker on plain node', async () => {
    const w = new Worker(pathToFileURL(builtPath(dir, 'src/index/nlp-worker.ts')), { execArgv: [] });
    try {
      const msg = await new Promise<{ ready?: boolean }>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
      });
      expect(msg.ready).toBe(true);
    } finally {
      await w.terminate();
    }
  }, 30_000);
});
