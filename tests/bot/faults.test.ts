// Smoke tests of the fake's fault hooks (so fault tests can build on them) and of the bot's failure paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import type { SearchIndex } from '../../src/engine/index.ts';
import { openIndex } from '../../src/app/index.ts';
import { startBot } from '../../src/bot/bot.ts';
import { createLogger } from '../../src/bot/log.ts';
import type { Command } from '../../src/bot/command.ts';
import { loadCommands } from '../../src/bot/loader.ts';
import { EPHEMERAL, startHarness, type Harness } from './harness.ts';
import { startFakeDiscord } from './fake-discord.ts';

let index: SearchIndex;
let h: Harness;

const boom: Command = {
  data: new SlashCommandBuilder().setName('boom').setDescription('always fails'),
  async execute() {
    throw new Error('kaboom at /secret/path.ts:12');
  },
};

beforeAll(async () => {
  index = await openIndex({ corpusDir: 'seeds' });
  const commands = await loadCommands();
  commands.set('boom', boom);
  h = await startHarness({ index, commands, cooldownSeconds: 0 });
});

afterAll(async () => {
  await h?.stop();
});

describe('bot failure paths', () => {
  it('an unexpected error gets a generic friendly ephemeral message and an error log with the stack', async () => {
    const sent = h.fake.sendCommand('boom');
    const data = await sent.response();
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toMatch(/^Sorry — something went wrong/);
    expect(data.content).not.toContain('kaboom');
    await h.fake.waitUntil(() => h.logs.find((l) => l.msg === 'interaction' && l.command === 'boom'));
    const err = h.logs.find((l) => l.msg === 'interaction failed')!;
    expect(err).toMatchObject({ level: 'error', command: 'boom', error: 'kaboom at /secret/path.ts:12' });
    expect(err.stack).toContain('faults.test.ts');
  });

  it('Unknown interaction (10062) on the callback is logged, and the bot carries on', async () => {
    h.fake.unknownInteraction();
    const lost = h.fake.sendCommand('who', { query: 'is the State Department spokesperson' });
    await h.fake.waitForRequest((r) => r.interactionId === lost.id && r.status === 404);
    await h.fake.waitUntil(() => h.logs.find((l) => l.msg === 'interaction' && l.status === 'expired_interaction'));
    const data = await h.fake.sendCommand('who', { query: 'is the State Department spokesperson' }).response();
    expect(data.embeds[0].title).toBe('Matthew Miller');
  });

  it('a 429 with Retry-After on the callback is waited out and retried', async () => {
    h.fake.rateLimitCallbacks(1, 1);
    const sent = h.fake.sendCommand('who', { query: 'is the State Department spokesperson' });
    const cb = await sent.callback(); // the first successful one
    expect(cb.body.data.embeds[0].title).toBe('Matthew Miller');
    const tries = sent.requests().filter((r) => r.path.endsWith('/callback'));
    expect(tries.map((r) => r.status)).toEqual([429, 204]);
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(900);
  });

  it('after a gateway close 4000 the client RESUMEs and gets the interactions it missed', async () => {
    h.fake.closeGateway(4000);
    const missed = h.fake.sendCommand('who', { query: 'is the State Department spokesperson' });
    const resume = await h.fake.waitForGateway(6);
    expect(resume.d.session_id).toBe(h.fake.sessionId);
    const data = await missed.response();
    expect(data.embeds[0].title).toBe('Matthew Miller');
  });

  it('after op 7 RECONNECT the client resumes too', async () => {
    const resumed = h.fake.waitForGateway(6);
    h.fake.requestReconnect();
    await resumed;
    const data = await h.fake.sendCommand('sources').response();
    expect(data.embeds[0].title).toBe('Indexed articles (5)');
  });
});

describe('login', () => {
  it('a wrong token rejects startBot (without hanging handles)', async () => {
    const fake = await startFakeDiscord();
    const lines: string[] = [];
    try {
      await expect(
        startBot({
          token: 'wrong.token.value',
          apiUrl: fake.apiUrl,
          index,
          processHandlers: false,
          logger: createLogger({ write: (l) => lines.push(l), secrets: ['wrong.token.value'] }),
        }),
      ).rejects.toThrow();
      expect(lines.some((l) => l.includes('"msg":"login failed"'))).toBe(true);
      expect(lines.join('\n')).not.toContain('wrong.token.value');
    } finally {
      await fake.close();
    }
  });
});
