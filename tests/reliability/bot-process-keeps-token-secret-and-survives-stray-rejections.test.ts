// `npm start` as a real process with a marker token, at debug log level: stray promise rejections are
// logged (redacted) and not fatal, the bot goes on answering, and the token appears in no log line
// on stdout/stderr and in nothing the bot sent to Discord (only where it belongs: the Authorization
// header and IDENTIFY). tests/bot/process.test.ts covers the plain start/answer/SIGTERM path.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.ts';
import { startFakeDiscord, type FakeDiscord } from '../bot/fake-discord.ts';

const MARKER = 'MARKER.TOKEN.abc123';

let fake: FakeDiscord;
let child: ChildProcess | undefined;
let out = '';

beforeAll(async () => {
  fake = await startFakeDiscord({ token: MARKER });
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fake?.close();
});

describe('the bot process with a marker token', () => {
  it('logs stray rejections without the token, keeps answering, never leaks the token, exits 0 on SIGTERM', async () => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_')));
    child = spawn(process.execPath, ['--import', 'tsx', '--import', join(import.meta.dirname, 'fixtures', 'stray-rejection.mjs'), join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...base, DISCORD_TOKEN: MARKER, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: join(ROOT, 'seeds'), LOG_LEVEL: 'debug' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (b: Buffer) => {
      out += b.toString();
      fake.poke();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((r) => child!.on('exit', (c, s) => r([c, s])));
    const logged =
      (msg: string, n = 1) =>
      () =>
        out.split(`"msg":"${msg}"`).length - 1 >= n ? true : undefined;

    await fake.waitUntil(logged('bot ready'), 30_000, 'bot ready');
    await fake.waitUntil(logged('index ready'), 30_000, 'index ready');
    expect((await fake.sendCommand('who', { query: 'is the State Department spokesperson' }).response()).embeds[0].title).toBe('Matthew Miller');

    child.kill('SIGUSR2');
    await fake.waitUntil(logged('unhandled rejection', 3), 10_000, 'three unhandled rejection logs');
    expect(child.exitCode).toBeNull();
    // Still answering, from a different user (no cooldown in the way).
    expect((await fake.sendCommand('who', { query: 'is the State Department spokesperson' }).response()).embeds[0].title).toBe('Matthew Miller');
    // Failure paths log too: a bad source, an over-long query.
    await fake.sendCommand('who', { query: 'is x', source: '../../etc/passwd' }).response();
    await fake.sendCommand('search', { query: 'x'.repeat(400) }).response();

    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);

    const lines = out.split('\n').filter((l) => l.trim());
    const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const rejections = json.filter((l) => l.msg === 'unhandled rejection');
    expect(rejections).toHaveLength(3);
    expect(rejections[0].error).toBe('stray rejection carrying the token [redacted]');
    expect(json.map((l) => l.msg)).toContain('bot stopped');
    expect(json.some((l) => l.level === 'debug')).toBe(true);

    // The token: nowhere in the process output, nowhere in what the bot sent to Discord.
    expect(out).not.toContain(MARKER);
    for (const r of fake.requests) expect(JSON.stringify(r.body ?? '') + r.path).not.toContain(MARKER);
    // It was used where it belongs.
    expect(fake.requests.some((r) => r.headers.authorization === `Bot ${MARKER}`)).toBe(true);
    console.log(`bot process: ${lines.length} log lines, ${fake.requests.length} REST requests, token in none; 3 stray rejections survived`);
  }, 90_000);
});
