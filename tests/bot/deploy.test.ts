// `npm run deploy` as a child process against the fake Discord: a bulk PUT of every command's JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { commandBodies, loadCommands } from '../../src/bot/loader.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.ts';

const ROOT = resolve('.');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const DEPLOY = join(ROOT, 'src', 'bot', 'deploy.ts');

let fake: FakeDiscord;
let cwd: string; // an empty folder, so a developer's .env cannot leak into the test

function deploy(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_')));
  return new Promise((done) => {
    execFile(TSX, [DEPLOY], { cwd, env: { ...base, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  cwd = mkdtempSync(join(tmpdir(), 'newsdesk-deploy-'));
});

afterAll(async () => {
  await fake?.close();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('deploy', () => {
  it('PUTs every command in commands/ to the guild, and says what it registered', async () => {
    const guild = '123456789012345678';
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: guild, DISCORD_API_URL: fake.apiUrl };
    const run = await deploy(env);
    expect(run.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(run.code).toBe(0);
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${guild}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${fake.token}`);
    const expected = commandBodies(await loadCommands());
    expect(put.body).toEqual(JSON.parse(JSON.stringify(expected)));
    const names = expected.map((c) => c.name).sort();
    expect(names).toEqual(['Ask newsdesk', 'ask', 'help', 'quote', 'search', 'sources', 'timeline', 'when', 'who']);
    expect(run.stdout).toContain(`Registered ${names.length} commands (guild ${guild}):`);
    for (const n of names) expect(run.stdout).toContain(n === 'Ask newsdesk' ? '“Ask newsdesk” (message menu)' : `/${n}`);
    // The context-menu command on messages: type 3, a name and no description or options.
    expect(put.body.find((c: any) => c.name === 'Ask newsdesk')).toEqual({ name: 'Ask newsdesk', type: 3 });
    expect(fake.commands.get(guild)!.find((c) => c.name === 'Ask newsdesk')?.type).toBe(3);
    // The answer commands carry query (autocomplete, max 300), source (autocomplete), the date window and hide.
    const who = put.body.find((c: any) => c.name === 'who');
    expect(who.options.map((o: any) => [o.name, o.type, o.required ?? false, o.autocomplete ?? false])).toEqual([
      ['query', 3, true, true],
      ['source', 3, false, true],
      ['after', 3, false, false],
      ['before', 3, false, false],
      ['hide', 5, false, false],
    ]);
    expect(who.options[0].max_length).toBe(300);

    // Idempotent: a second run overwrites with the same set (same ids on the fake).
    const ids = fake.commands.get(guild)!.map((c) => c.id);
    expect((await deploy(env)).code).toBe(0);
    expect(fake.commands.get(guild)!.map((c) => c.id)).toEqual(ids);
  }, 90_000);

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const run = await deploy({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Registered 9 commands (global)');
    expect(fake.commands.get('global')?.length).toBe(9);
  }, 60_000);

  it('refuses a DISCORD_API_URL that is not an http(s) URL, naming it', async () => {
    const run = await deploy({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: '127.0.0.1:9/api' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('deploy: DISCORD_API_URL="127.0.0.1:9/api" is not valid: use an http(s) URL');
    expect(run.stderr).not.toContain(fake.token);
  }, 60_000);

  it('names the missing variable', async () => {
    const run = await deploy({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Missing DISCORD_APPLICATION_ID');
    expect(run.stderr).not.toContain(fake.token);
  }, 60_000);
});
