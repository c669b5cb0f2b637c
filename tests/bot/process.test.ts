// `npm start` with DISCORD_TOKEN set, as a real process: online, answers, logs JSON lines, and exits 0 on SIGTERM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.ts';

const ROOT = resolve('.');

let fake: FakeDiscord;
let child: ChildProcess | undefined;
let stderr = '';

beforeAll(async () => {
  fake = await startFakeDiscord();
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await fake?.close();
});

describe('npm start with DISCORD_TOKEN', () => {
  it('comes online, answers /who, logs one JSON line per interaction, serves HEALTH_PORT, and stops cleanly on SIGTERM', async () => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_')));
    // What `npm start` runs (not npm itself, which would stand between the signal and the bot): the
    // launcher, which starts the compiled bot, loads the compiled commands and passes SIGTERM on.
    child = spawn(process.execPath, [join(ROOT, 'src', 'launch.mjs'), join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...base, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: join(ROOT, 'seeds'), LOG_LEVEL: 'info', HEALTH_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (b: Buffer) => {
      stderr += b.toString();
      fake.poke();
    });
    const exited = new Promise<number | null>((res) => child!.on('exit', (code) => res(code)));

    await fake.waitUntil(() => (stderr.includes('"msg":"bot ready"') ? true : undefined), 30_000, 'bot ready');
    await fake.waitUntil(() => (stderr.includes('"msg":"index ready"') ? true : undefined), 30_000, 'index ready');
    const data = await fake.sendCommand('who', { query: 'is the State Department spokesperson' }).response();
    expect(data.embeds[0].title).toBe('Matthew Miller');
    await fake.waitUntil(() => (stderr.includes('"msg":"interaction"') ? true : undefined), 10_000, 'interaction log');

    // HEALTH_PORT=0: the port it got is in the start-up line; it listens on 127.0.0.1 by default.
    const listening = stderr
      .split('\n')
      .filter((l) => l.includes('"msg":"health server listening"'))
      .map((l) => JSON.parse(l))[0];
    expect(listening).toMatchObject({ host: '127.0.0.1', port: expect.any(Number) });
    const url = `http://127.0.0.1:${listening.port}`;
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', gateway: 'ready', index: 'loaded', articles: 5 });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^newsdesk_interactions_total\{command="who",kind="command",status="ok"\} 1$/m);
    expect(metrics).toMatch(/^newsdesk_answer_latency_seconds_count\{command="who",kind="command"\} 1$/m);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const lines = stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    const interaction = lines.find((l) => l.msg === 'interaction');
    expect(interaction).toMatchObject({ level: 'info', command: 'who', kind: 'command', status: 'ok', answers: data.embeds.length });
    expect(typeof interaction.latency_ms).toBe('number');
    expect(lines.map((l) => l.msg)).toContain('bot stopped');
    expect(stderr).not.toContain(fake.token);
    expect(stderr).not.toContain('State Department spokesperson');
  }, 90_000);
});
