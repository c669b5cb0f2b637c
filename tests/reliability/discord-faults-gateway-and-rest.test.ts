// A flaky Discord, beyond what tests/bot/faults.test.ts already proves (one 4000 close with a missed
// interaction replayed, one op 7, one 429 on the callback, one 10062, a throwing command): a zombie
// connection, INVALID_SESSION, a 1000 close (fresh IDENTIFY), a gateway that flaps, 5xx and 429 on the
// editReply after a deferral, a throwing command whose error message cannot be delivered either.
// After each fault the next interaction is answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import type { SearchIndex } from '../../src/engine/index.ts';
import type { Command } from '../../src/bot/command.ts';
import { createContext } from '../../src/bot/context.ts';
import { loadCommands } from '../../src/bot/loader.ts';
import { seedIndex } from '../helpers.ts';
import { expectNoMentionsEverywhere, startHarness, type Harness } from '../bot/harness.ts';

const WHO = { query: 'is the State Department spokesperson' };
/** No 5.5 s wait before a fresh IDENTIFY (see the notes on discord.js against a fake). */
const clientOptions = { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } } as never;

let index: SearchIndex;
let h: Harness;
let faults = 0;

const boom: Command = {
  data: new SlashCommandBuilder().setName('boom').setDescription('always fails'),
  async execute() {
    throw new Error('boom');
  },
};

beforeAll(async () => {
  index = await seedIndex();
  const commands = await loadCommands();
  commands.set('boom', boom);
  // A short heartbeat so a zombie connection is noticed within a second.
  h = await startHarness({ index, commands, cooldownSeconds: 0, clientOptions }, { heartbeatInterval: 400 });
});

afterAll(async () => {
  await h?.stop();
  console.log(`discord faults survived (this file): ${faults}`);
});

async function answered(label: string): Promise<void> {
  const data = await h.fake.sendCommand('who', WHO).response(15_000);
  expect(data.embeds?.[0]?.title, label).toBe('Matthew Miller');
  faults++;
}

describe('gateway faults', () => {
  it('a zombie connection (heartbeats never acknowledged) is dropped and resumed', async () => {
    const resumed = h.fake.waitForGateway(6, 15_000);
    h.fake.ackHeartbeats = false;
    const resume = await resumed;
    h.fake.ackHeartbeats = true;
    expect(resume.d.session_id).toBe(h.fake.sessionId);
    await answered('after a zombie connection');
  });

  it('op 9 INVALID_SESSION (not resumable) makes the client IDENTIFY afresh', async () => {
    const ready = h.fake.waitForGateway(2, 15_000);
    h.fake.invalidateSession(false);
    await ready;
    await answered('after INVALID_SESSION');
  });

  it('a close with 1000 (session over) makes the client IDENTIFY afresh', async () => {
    const identify = h.fake.waitForGateway(2, 15_000);
    h.fake.closeGateway(1000, 'normal');
    await identify;
    await answered('after a 1000 close');
  });

  it('a flapping gateway (three 4000 closes in a row) still ends resumed', async () => {
    for (let i = 0; i < 3; i++) {
      const resumed = h.fake.waitForGateway(6, 15_000);
      h.fake.closeGateway(4000, `flap ${i}`);
      await resumed;
    }
    await answered('after a flapping gateway');
    const logs = h.logs.filter((l) => l.msg === 'gateway resumed' || l.msg === 'gateway disconnected');
    expect(logs.length).toBeGreaterThan(0);
  });
});

describe('REST faults', () => {
  it('500 twice on the interaction callback: retried, and the reply arrives', async () => {
    h.fake.intercept({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, times: 2, status: 500, body: { message: 'oops', code: 0 } });
    const sent = h.fake.sendCommand('who', WHO);
    const data = await sent.response(15_000);
    expect(data.embeds[0].title).toBe('Matthew Miller');
    expect(
      sent
        .requests()
        .filter((r) => r.path.endsWith('/callback'))
        .map((r) => r.status),
    ).toEqual([500, 500, 204]);
    faults++;
  });

  it('429 with Retry-After on the editReply of a deferred answer: waited out, the edit arrives', async () => {
    let release!: (i: SearchIndex) => void;
    const ctx = createContext(new Promise<SearchIndex>((r) => (release = r)));
    const h2 = await startHarness({ ctx, cooldownSeconds: 0 });
    try {
      const sent = h2.fake.sendCommand('who', WHO);
      expect((await sent.callback()).body.type).toBe(5);
      h2.fake.intercept({
        method: 'PATCH',
        path: /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/,
        status: 429,
        headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: 1, global: false },
      });
      release(index);
      const edit = await sent.edit(0, 15_000);
      expect(edit.body.embeds[0].title).toBe('Matthew Miller');
      const patches = sent.requests().filter((r) => r.method === 'PATCH');
      expect(patches.map((r) => r.status)).toEqual([429, 200]);
      expect(patches[1].at - patches[0].at).toBeGreaterThanOrEqual(900);
      expectNoMentionsEverywhere(h2.fake);
      faults++;
    } finally {
      await h2.stop();
    }
  });

  it('a throwing command whose error reply also fails (10062) is logged; the bot goes on', async () => {
    h.fake.unknownInteraction();
    const sent = h.fake.sendCommand('boom');
    await h.fake.waitForRequest((r) => r.interactionId === sent.id && r.status === 404);
    await h.fake.waitUntil(() => h.logs.find((l) => l.msg === 'interaction' && l.command === 'boom'));
    const line = h.logs.find((l) => l.msg === 'interaction' && l.command === 'boom')!;
    expect(['error', 'expired_interaction']).toContain(line.status);
    expect(h.logs.some((l) => l.msg === 'interaction failed' && l.error === 'boom')).toBe(true);
    await answered('after a failed error reply');
  });

  it('a throwing command gets an ephemeral apology, then the next one is answered', async () => {
    const data = await h.fake.sendCommand('boom').response();
    expect(data.flags).toBe(64);
    expect(data.content).toMatch(/^Sorry — something went wrong/);
    await answered('after a throwing command');
  });

  it('every message sent through all of this disabled mentions', () => {
    expect(expectNoMentionsEverywhere(h.fake)).toBeGreaterThanOrEqual(8);
  });
});
