// End to end: the real discord.js client of the bot, over the real engine and seed files, against a
// fake Discord on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import type { SearchIndex } from '../../src/engine/index.ts';
import { openIndex } from '../../src/app/index.ts';
import { createContext } from '../../src/bot/context.ts';
import { LIMITS } from '../../src/bot/render.ts';
import { buttonsOf, EPHEMERAL, expectNoMentionsEverywhere, startHarness, textOf, type Harness } from './harness.ts';
import { snowflake } from './fake-discord.ts';

const SEED_FILES = readdirSync('seeds').filter((f) => f.endsWith('.txt'));
/** A footer is `headline · date`: the headline of one of the indexed articles. */
const citedArticle = (footer: string) => seedIndex.docs.find((d) => d.title && (footer === d.title || footer.startsWith(`${d.title} · `)));

let h: Harness;
let seedIndex: SearchIndex;

beforeAll(async () => {
  seedIndex = await openIndex({ corpusDir: 'seeds' });
  h = await startHarness({ index: seedIndex });
});

afterAll(async () => {
  await h?.stop();
});

describe('gateway', () => {
  it('logs in with only the Guilds intent and the bot token', async () => {
    const identify = h.fake.gatewayReceived.find((p) => p.op === 2);
    expect(identify?.d.intents).toBe(1);
    expect(identify?.d.token).toBe(h.fake.token);
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.bot.client.user?.id).toBe(h.fake.botUser.id);
  });
});

describe('/who', () => {
  it('answers "is the State Department spokesperson" with Matthew Miller, cited, within 3 s', async () => {
    const sent = h.fake.sendCommand('who', { query: 'is the State Department spokesperson' });
    const cb = await sent.callback();
    expect(cb.latencyMs).toBeLessThan(3000);
    expect(cb.body.type).toBe(4);
    const data = cb.body.data;
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const top = data.embeds[0];
    expect(top.title).toBe('Matthew Miller');
    expect(top.description).toContain('**Matthew Miller**');
    expect(citedArticle(top.footer.text)?.file).toMatch(/^00[01]_/);
    expect(top.footer.text).toMatch(/ · \d{4}-\d{2}-\d{2}$/);
    expect(top.footer.text).not.toMatch(/\.txt/);
    expect(textOf(data)).toMatch(/Also in \d+ other articles?/);
    const labels = buttonsOf(data).map((b) => b.label);
    expect(labels.some((l) => l.startsWith('Show context'))).toBe(true);
    for (const b of buttonsOf(data)) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
  });

  it('says plainly when the corpus has no answer', async () => {
    const data = await h.fake.sendCommand('who', { query: 'xyzzy plugh' }).response();
    expect(data.content).toMatch(/^No answer in the 5 indexed articles/);
    expect(data.flags ?? 0).toBe(0);
    expect(data.embeds ?? []).toEqual([]);
  });

  it('restricts to one article with `source`', async () => {
    const data = await h.fake.sendCommand('who', { query: 'is the State Department spokesperson', source: '000_becc9658f8bc904d.txt' }).response();
    for (const e of data.embeds) expect(citedArticle(e.footer.text)?.file).toBe('000_becc9658f8bc904d.txt');
  });

  it('rejects an unknown `source` with a friendly ephemeral message', async () => {
    const data = await h.fake.sendCommand('who', { query: 'is the spokesperson', source: 'nope.txt' }).response();
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toMatch(/no indexed article called “nope.txt”/);
  });
});

describe('options and errors', () => {
  it('hide:true replies ephemerally (flag 64)', async () => {
    const cb = await h.fake.sendCommand('who', { query: 'is the State Department spokesperson', hide: true }).callback();
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(cb.body.data.embeds[0].title).toBe('Matthew Miller');
  });

  it('an empty query gets the engine’s friendly message, ephemerally, no stack trace', async () => {
    const data = await h.fake.sendCommand('when', { query: '   ' }).response();
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toMatch(/The query is empty/);
    expect(data.content).not.toMatch(/at \S+ \(|Error:/);
  });

  it('a second use within the cooldown gets an ephemeral "please wait"', async () => {
    const user = { id: snowflake(), username: 'eager', discriminator: '0', avatar: null };
    const first = await h.fake.sendCommand('search', { query: 'terrorism' }, { user }).response();
    expect(first.embeds.length).toBeGreaterThan(0);
    const second = await h.fake.sendCommand('search', { query: 'terrorism' }, { user }).response();
    expect(second.flags).toBe(EPHEMERAL);
    expect(second.content).toMatch(/please wait \d seconds? before using `\/search` again/);
    // Another user is not held up.
    const other = await h.fake.sendCommand('search', { query: 'terrorism' }).response();
    expect(other.flags ?? 0).toBe(0);
  });

  it('a button whose state is gone says it has expired', async () => {
    const msg = h.fake.messageFrom({ content: '', embeds: [], components: [] });
    const data = await h.fake.sendButton('who:p:1:~gone', msg).response();
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toMatch(/expired — run the command again/);
  });
});

describe('autocomplete', () => {
  it('suggests names from the index for `query`', async () => {
    const cb = await h.fake.sendAutocomplete('who', { query: 'Mat' }, 'query').callback();
    expect(cb.body.type).toBe(8);
    const choices = cb.body.data.choices as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toContain('Matthew Miller');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('keeps the words already typed', async () => {
    const cb = await h.fake.sendAutocomplete('quote', { query: 'what did Matt' }, 'query').callback();
    expect(cb.body.data.choices.map((c: any) => c.value)).toContain('what did Matthew Miller');
  });

  it('offers the articles for `source`', async () => {
    const cb = await h.fake.sendAutocomplete('when', { query: 'x', source: '003' }, 'source').callback();
    const choices = cb.body.data.choices;
    expect(choices).toEqual([{ name: expect.stringContaining('Balochistan'), value: '003_0059b237ed54ef96.txt' }]);
  });
});

describe('buttons', () => {
  it('"Show context" replies ephemerally with the sentences around the evidence', async () => {
    const user = { id: snowflake(), username: 'asker', discriminator: '0', avatar: null };
    const data = await h.fake.sendCommand('quote', { query: 'Matthew Miller' }, { user }).response();
    const ctxButton = buttonsOf(data).find((b) => b.label.startsWith('Show context'))!;
    const reply = await h.fake.sendButton(ctxButton.custom_id, h.fake.messageFrom(data, user)).response();
    expect(reply.flags).toBe(EPHEMERAL);
    const text = reply.embeds[0].description as string;
    // The cited sentence (bold) with its neighbours, from the cited article.
    const cited = /\*\*(.+?)\*\*/.exec(text)?.[1] ?? '';
    expect(cited).toContain('Miller');
    expect(text.length).toBeGreaterThan(cited.length + 50);
    const article = citedArticle(data.embeds[0].footer.text);
    expect(article).toBeDefined();
    expect(reply.embeds[0].footer.text).toBe(data.embeds[0].footer.text);
  });

  it('"More answers" turns the page in place, and "Previous" comes back', async () => {
    const user = { id: snowflake(), username: 'reader2', discriminator: '0', avatar: null };
    const page1 = await h.fake.sendCommand('search', { query: 'terrorism' }, { user }).response();
    expect(page1.embeds).toHaveLength(3);
    const more = buttonsOf(page1).find((b) => b.label === 'More answers')!;
    expect(more).toBeDefined();
    const cb = await h.fake.sendButton(more.custom_id, h.fake.messageFrom(page1, user), { user }).callback();
    expect(cb.body.type).toBe(7);
    const page2 = cb.body.data;
    expect(page2.content).toBe('Answers 4–6');
    expect(page2.embeds[0].description).not.toBe(page1.embeds[0].description);
    const prev = buttonsOf(page2).find((b) => b.label === 'Previous')!;
    const back = await h.fake.sendButton(prev.custom_id, h.fake.messageFrom(page2, user), { user }).callback();
    expect(back.body.type).toBe(7);
    expect(back.body.data.embeds.map((e: any) => e.description)).toEqual(page1.embeds.map((e: any) => e.description));
  });

  it('someone else pressing "More answers" gets their own ephemeral copy', async () => {
    const owner = { id: snowflake(), username: 'owner', discriminator: '0', avatar: null };
    const page1 = await h.fake.sendCommand('search', { query: 'terrorism' }, { user: owner }).response();
    const more = buttonsOf(page1).find((b) => b.label === 'More answers')!;
    const cb = await h.fake.sendButton(more.custom_id, h.fake.messageFrom(page1, owner)).callback();
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe('Answers 4–6');
  });
});

describe('/sources and /help', () => {
  it('/sources lists every article with headline, date, file and sentence count', async () => {
    const data = await h.fake.sendCommand('sources').response();
    const e = data.embeds[0];
    expect(e.title).toBe('Indexed articles (5)');
    for (const f of SEED_FILES) expect(e.description).toContain(f);
    expect(e.description).toMatch(/29 June 2024 · `000_becc9658f8bc904d\.txt` · \d+ sentences/);
    expect(e.footer.text).toMatch(/^Page 1 of 1 · 5 articles · \d+ sentences$/);
  });

  it('/help is ephemeral', async () => {
    const data = await h.fake.sendCommand('help').response();
    expect(data.flags).toBe(EPHEMERAL);
    expect(textOf(data)).toContain('/who');
  });
});

describe('logs', () => {
  it('one JSON line per interaction, without the query text or the token', async () => {
    const sent = h.fake.sendCommand('when', { query: 'was the Azm-i-Istehkam operation launched' });
    await sent.response();
    await h.fake.waitUntil(() => h.logs.find((l) => l.msg === 'interaction' && l.command === 'when' && l.answers > 0));
    const line = h.logs.filter((l) => l.msg === 'interaction' && l.command === 'when' && l.answers > 0).at(-1)!;
    expect(line).toMatchObject({ level: 'info', kind: 'command', status: 'ok' });
    expect(typeof line.latency_ms).toBe('number');
    const info = h.rawLogs.filter((l) => !l.includes('"level":"debug"'));
    expect(info.some((l) => l.includes('Azm-i-Istehkam operation launched'))).toBe(false);
    expect(h.rawLogs.some((l) => l.includes(h.fake.token))).toBe(false);
    const statuses = h.logs.filter((l) => l.msg === 'interaction').map((l) => l.status);
    expect(statuses).toContain('cooldown');
    expect(statuses).toContain('query_error');
  });

  it('every message the bot sent disabled mentions', () => {
    expect(expectNoMentionsEverywhere(h.fake)).toBeGreaterThan(10);
  });
});

describe('while the index is loading', () => {
  let h2: Harness;
  let release!: (i: SearchIndex) => void;
  beforeAll(async () => {
    const ctx = createContext(new Promise<SearchIndex>((resolve) => (release = resolve)));
    h2 = await startHarness({ ctx, cooldownSeconds: 0 });
  });
  afterAll(async () => {
    await h2?.stop();
  });

  it('defers at once, then edits the reply when the index is ready', async () => {
    const sent = h2.fake.sendCommand('who', { query: 'is the State Department spokesperson' });
    const cb = await sent.callback();
    expect(cb.body.type).toBe(5);
    expect(cb.latencyMs).toBeLessThan(3000);
    // Autocomplete cannot defer: it answers nothing rather than time out.
    const ac = await h2.fake.sendAutocomplete('who', { query: 'Mat' }, 'query').callback();
    expect(ac.body.data.choices).toEqual([]);
    // A mistake found only once the index is there: an ephemeral follow-up, the public placeholder removed.
    const bad = h2.fake.sendCommand('who', { query: 'is the spokesperson', source: 'nope.txt' });
    expect((await bad.callback()).body.type).toBe(5);
    release(seedIndex);
    const edit = await sent.edit();
    expect(edit.body.embeds[0].title).toBe('Matthew Miller');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const follow = await bad.followUp();
    expect(follow.body.flags).toBe(EPHEMERAL);
    expect(follow.body.content).toMatch(/no indexed article called/);
    await h2.fake.waitForRequest((r) => r.interactionId === bad.id && r.method === 'DELETE');
  });

  it('a hidden question defers ephemerally; a button pressed after a restart defers its update', async () => {
    // A fresh bot whose index is still loading, as after a restart.
    let ready!: (i: SearchIndex) => void;
    const ctx = createContext(new Promise<SearchIndex>((resolve) => (ready = resolve)));
    const h3 = await startHarness({ ctx });
    try {
      const cb = await h3.fake.sendCommand('who', { query: 'is anyone', hide: true }).callback();
      expect(cb.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
      // "More answers" on a message the previous run sent: everything it needs is in its customId.
      const user = { id: snowflake(), username: 'back', discriminator: '0', avatar: null };
      const press = h3.fake.sendButton('search:p:1::terrorism', h3.fake.messageFrom({ content: '' }, user), { user });
      expect((await press.callback()).body.type).toBe(6);
      ready(seedIndex);
      const edit = await press.edit();
      expect(edit.body.content).toBe('Answers 4–6');
      expect(edit.body.embeds).toHaveLength(3);
    } finally {
      await h3.stop();
    }
  });

  it('a live re-index (ctx.set) is used from the next interaction on', async () => {
    const other = await openIndex({ corpusDir: 'seeds' });
    other.docs = other.docs.slice(0, 2);
    h2.bot.ctx.set(other);
    const data = await h2.fake.sendCommand('sources').response();
    expect(data.embeds[0].title).toBe('Indexed articles (2)');
  });
});
