// The bot with DATABASE_URL: answers from a real PostgreSQL (the test's own), says "temporarily
// unavailable" while the database is down and recovers by itself, and follows a corpus change.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsPlus, usePostgres } from '../index/pg/server.ts';
import { buttonsOf, startHarness, textOf, type Harness } from './harness.ts';

const { pg: server, folder } = usePostgres();
const user = (n: number) => ({ user: { id: `10000000000000010${n}`, username: `u${n}`, discriminator: '0', avatar: null } });

describe('the bot over PostgreSQL', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    process.env.DATABASE_URL = server().url;
    dir = seedsPlus(folder('newsdesk-pg-corpus-'));
    h = await startHarness({ corpusDir: dir });
    await h.bot.ctx.ready;
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
    delete process.env.DATABASE_URL;
  });

  it('answers from the database, with context read from it', async () => {
    const data = await h.fake.sendCommand('who', { query: 'is the State Department spokesperson' }, user(1)).response();
    expect(data.embeds[0].title).toBe('Matthew Miller');
    const ctxButton = buttonsOf(data).find((b) => b.label.startsWith('Show context'))!;
    const reply = await h.fake.sendButton(ctxButton.custom_id, h.fake.messageFrom(data, user(1).user), user(1)).response();
    expect(/\*\*(.+?)\*\*/.exec(reply.embeds[0].description)?.[1]).toContain('Matthew Miller');
    expect(h.logs.some((l) => String(l.message ?? '').startsWith('answering from PostgreSQL generation'))).toBe(true);
  });

  it('autocompletes names from the names its indexer counted', async () => {
    const cb = await h.fake.sendAutocomplete('who', { query: 'what did Matt' }, 'query').callback();
    expect(cb.body.data.choices.map((c: { value: string }) => c.value)).toContain('what did Matthew Miller');
  });

  it('says the index is temporarily unavailable while the database is down, then answers again', async () => {
    await server().stop();
    try {
      // A question this reader has not asked yet: one asked before is answered from its kept ranking.
      const down = await h.fake.sendCommand('who', { query: 'affirmed the stance of Washington' }, user(2)).response();
      expect(textOf(down)).toMatch(/temporarily unavailable/);
    } finally {
      await server().start();
    }
    let title: string | undefined;
    for (let i = 3; i < 9 && title !== 'Matthew Miller'; i++) {
      const again = await h.fake.sendCommand('who', { query: 'affirmed the stance of Washington' }, user(i)).response();
      title = again.embeds?.[0]?.title;
      if (title !== 'Matthew Miller') await new Promise((r) => setTimeout(r, 300));
    }
    expect(title).toBe('Matthew Miller');
  }, 60_000);

  it('indexes a changed corpus folder into a new generation and answers from it', async () => {
    writeFileSync(join(dir, 'keeper.txt'), ' date 2024-03-02\nKeeper retires\n\nLighthouse keeper Ada Quayle retired on Saturday after forty years at the light.\n');
    await h.fake.waitUntil(() => h.logs.find((l) => String(l.message ?? '').startsWith('switched to PostgreSQL generation')), 60_000, 'generation switch');
    const after = await h.fake.sendCommand('who', { query: 'is the lighthouse keeper' }, user(9)).response();
    expect(after.embeds[0].title).toBe('Ada Quayle');
    const cb = await h.fake.sendAutocomplete('who', { query: 'Ada' }, 'query').callback();
    expect(cb.body.data.choices.map((c: { value: string }) => c.value)).toContain('Ada Quayle');
  }, 90_000);
});
