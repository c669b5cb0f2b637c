// "Ask newsdesk" on a message, through the real client against the fake Discord: a question is routed
// as /ask routes it, other words are searched; the reply is ephemeral, cited, and pings no one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../src/engine/index.ts';
import { openIndex } from '../../src/app/index.ts';
import { EMOJI, LUNR_TOKENS, META_TOKENS, RTL } from '../reliability/hostile.ts';
import { buttonsOf, EPHEMERAL, expectNoMentionsEverywhere, startHarness, textOf, type Harness } from './harness.ts';

/** Footers are `headline · date`: the headline of one of the seed articles. */
const citesASeed = (footer: string): boolean => seeds.docs.some((d) => d.title && (footer === d.title || footer.startsWith(`${d.title} · `)));
const NAME = 'Ask newsdesk';

let h: Harness;
let seeds: SearchIndex;

beforeAll(async () => {
  seeds = await openIndex({ corpusDir: 'seeds' });
  h = await startHarness({ index: seeds, health: { port: 0 }, cooldownSeconds: 0 });
});

afterAll(async () => {
  await h?.stop();
});

describe('Ask newsdesk (message context menu)', () => {
  it('answers a question in the message as /ask would: ephemeral, cited, no mentions', async () => {
    const sent = h.fake.sendMessageCommand(NAME, 'Who is the State Department spokesperson?');
    const cb = await sent.callback();
    expect(cb.body.type).toBe(4);
    const data = cb.body.data;
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.content).toMatch(/^Answered as `\/who` “is the State Department spokesperson”/);
    const top = data.embeds[0];
    expect(top.title).toBe('Matthew Miller');
    expect(top.description).toContain('**Matthew Miller**');
    expect(citesASeed(top.footer.text)).toBe(true);
    expect(buttonsOf(data).some((b) => b.label.startsWith('Show context'))).toBe(true);
    expect(buttonsOf(data).filter((b: any) => b.emoji?.name === '👍').length).toBe(data.embeds.length);
  });

  it('searches for the words of a message that is not a question', async () => {
    const data = await h.fake.sendMessageCommand(NAME, 'The Azm-e-Istehkam operation has been approved').response();
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toMatch(/^Answered as `\/search` “The Azm-e-Istehkam operation has been approved”/);
    expect(data.embeds.length).toBeGreaterThan(0);
    for (const e of data.embeds) expect(citesASeed(e.footer.text)).toBe(true);
    expect(textOf(data)).toContain('Azm-e-Istehkam');
  });

  it('ignores mentions, links and emoji in the message, and pings no one', async () => {
    const data = await h.fake
      .sendMessageCommand(NAME, '@everyone <@123456789012345678> <:news:123456789012345678> who is the State Department spokesperson https://example.com/x')
      .response();
    expect(data.content).toMatch(/^Answered as `\/who` “is the State Department spokesperson”/);
    expect(data.embeds[0].title).toBe('Matthew Miller');
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('says so when the message has no words to look up', async () => {
    const data = await h.fake.sendMessageCommand(NAME, 'https://example.com/picture.png').response();
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toMatch(/^That message has no words I can look up/);
  });

  it('its answers take feedback, and /metrics counts it under kind "message"', async () => {
    const data = await h.fake.sendMessageCommand(NAME, 'Who is the State Department spokesperson?').response();
    const up = buttonsOf(data).find((b: any) => b.emoji?.name === '👍')!;
    const vote = await h.fake.sendButton(up.custom_id, h.fake.messageFrom({ ...data, flags: EPHEMERAL })).response();
    expect(vote.content).toBe('Thanks — your 👍 on answer 1 is recorded.');
    await h.fake.waitUntil(() => (h.logs.some((l) => l.msg === 'feedback') ? true : undefined));
    const text = await (await fetch(`http://127.0.0.1:${h.bot.health!.port}/metrics`)).text();
    expect(text).toMatch(/^newsdesk_interactions_total\{command="Ask newsdesk",kind="message",status="ok"\} [1-9]/m);
    expect(text).toMatch(/^newsdesk_answer_latency_seconds_count\{command="Ask newsdesk",kind="message"\} [1-9]/m);
    expect(text).toMatch(/^newsdesk_feedback_votes\{command="who",vote="up"\} 1$/m);
    expectNoMentionsEverywhere(h.fake);
  });

  it('gives every hostile message a clean ephemeral reply: no generic error, no error log, no mentions', async () => {
    const messages = [
      ...LUNR_TOKENS,
      ...META_TOKENS,
      ...EMOJI,
      ...RTL,
      '?',
      '???',
      '**',
      '> > >',
      '@here',
      '<@&123456789012345678>',
      '\u0000\u0007 who',
      'who '.repeat(400),
      `${'x'.repeat(2500)}?`,
      'Who is the State Department spokesperson? '.repeat(30),
    ];
    for (const content of messages) {
      const data = await h.fake.sendMessageCommand(NAME, content).response();
      expect(data.flags, content).toBe(EPHEMERAL);
      expect(data.content ?? '', content).not.toMatch(/something went wrong/i);
    }
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
    expectNoMentionsEverywhere(h.fake);
  }, 60_000);
});
