// 👍/👎 under answers, pressed through the real client against the fake Discord: one log line per vote
// with no user in it, a second vote replacing the first, and the standing votes in /metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/app/index.ts';
import { queryHash } from '../../src/bot/feedback.ts';
import { buttonsOf, EPHEMERAL, expectNoMentionsEverywhere, startHarness, type Harness } from './harness.ts';
import { snowflake, type FakeUser } from './fake-discord.ts';

let h: Harness;
const QUERY = 'is the State Department spokesperson';
/** A search the seeds answer with a full page of three sentences. */
const SEARCH = 'Azm-e-Istehkam';

const metric = async (name: string): Promise<number | undefined> => {
  const text = await (await fetch(`http://127.0.0.1:${h.bot.health!.port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
};

const reader = (name: string): FakeUser => ({ id: snowflake(), username: name, global_name: name, discriminator: '0', avatar: null });

beforeAll(async () => {
  h = await startHarness({ index: await openIndex({ corpusDir: 'seeds' }), health: { port: 0 }, cooldownSeconds: 0 });
});

afterAll(async () => {
  await h?.stop();
});

describe('feedback buttons', () => {
  it('sit under every answer: a row with a 👍 and a 👎 per rank', async () => {
    const data = await h.fake.sendCommand('search', { query: SEARCH }).response();
    expect(data.embeds.length).toBe(3);
    const voteRows = data.components.slice(1).map((row: any) => row.components.map((b: any) => [b.emoji?.name, b.label]));
    expect(voteRows).toEqual([
      [
        ['👍', '1'],
        ['👎', '1'],
      ],
      [
        ['👍', '2'],
        ['👎', '2'],
      ],
      [
        ['👍', '3'],
        ['👎', '3'],
      ],
    ]);
    expect(buttonsOf(data).find((b: any) => b.emoji?.name === '👍')!.custom_id).toBe(`search:f:1:u:${queryHash(SEARCH)}`);
  });

  it('under a single answer they read Helpful and Not helpful', async () => {
    const data = await h.fake.sendCommand('who', { query: QUERY }).response();
    expect(data.embeds.length).toBe(1);
    expect(
      buttonsOf(data)
        .filter((b: any) => b.emoji)
        .map((b: any) => [b.emoji.name, b.label]),
    ).toEqual([
      ['👍', 'Helpful'],
      ['👎', 'Not helpful'],
    ]);
  });

  it('a vote is logged once, without the user; a second vote by the same user replaces the first', async () => {
    const asker = reader('alice-the-asker');
    const data = await h.fake.sendCommand('who', { query: QUERY }, { user: asker }).response();
    const message = h.fake.messageFrom(data, asker);
    const up1 = buttonsOf(data).find((b: any) => b.emoji?.name === '👍')!;
    const down1 = buttonsOf(data).find((b: any) => b.emoji?.name === '👎')!;
    const voter = reader('bob-the-voter');

    const first = await h.fake.sendButton(up1.custom_id, message, { user: voter }).response();
    expect(first.flags).toBe(EPHEMERAL);
    expect(first.content).toBe('Thanks — your 👍 on answer 1 is recorded.');
    const lines = () => h.logs.filter((l) => l.msg === 'feedback');
    await h.fake.waitUntil(() => (lines().length === 1 ? true : undefined));
    expect(lines()[0]).toEqual({ level: 'info', time: expect.any(String), msg: 'feedback', command: 'who', query_hash: queryHash(QUERY), rank: 1, vote: 'up' });
    expect(await metric('newsdesk_feedback_votes{command="who",vote="up"}')).toBe(1);

    const second = await h.fake.sendButton(down1.custom_id, message, { user: voter }).response();
    expect(second.content).toBe('Changed your vote on answer 1 to 👎.');
    await h.fake.waitUntil(() => (lines().length === 2 ? true : undefined));
    expect(lines()[1]).toMatchObject({ command: 'who', rank: 1, vote: 'down', replaced: 'up' });
    expect(await metric('newsdesk_feedback_votes{command="who",vote="up"}')).toBe(0);
    expect(await metric('newsdesk_feedback_votes{command="who",vote="down"}')).toBe(1);
    expect(await metric('newsdesk_feedback_votes_replaced_total')).toBe(1);

    // Another user's vote on the same answer is a vote of its own.
    const third = await h.fake.sendButton(up1.custom_id, message, { user: asker }).response();
    expect(third.content).toBe('Thanks — your 👍 on answer 1 is recorded.');
    expect(await metric('newsdesk_feedback_votes{command="who",vote="up"}')).toBe(1);
    expect(await metric('newsdesk_feedback_votes{command="who",vote="down"}')).toBe(1);

    // No user name or id, and not the query itself, in any feedback line.
    for (const raw of h.rawLogs.filter((l) => l.includes('"msg":"feedback"'))) {
      for (const secret of [asker.id, asker.username, voter.id, voter.username, QUERY]) expect(raw).not.toContain(secret);
    }
    expectNoMentionsEverywhere(h.fake);
  });

  it('a button id that is not one of ours is refused as expired', async () => {
    const message = h.fake.messageFrom({ content: '', embeds: [], components: [] });
    const data = await h.fake.sendButton('who:f:1:x:zzz', message).response();
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toMatch(/expired/);
  });
});
