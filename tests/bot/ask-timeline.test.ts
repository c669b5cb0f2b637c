// /ask, /timeline and the after/before options, through the real discord.js client against the fake Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/app/index.ts';
import { buttonsOf, EPHEMERAL, expectNoMentionsEverywhere, startHarness, type Harness } from './harness.ts';
import { snowflake } from './fake-discord.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ index: await openIndex({ corpusDir: 'seeds' }) });
});

afterAll(async () => {
  await h?.stop();
});

describe('/ask', () => {
  it('routes a who-question to /who and says so', async () => {
    const data = await h.fake.sendCommand('ask', { query: 'who is the State Department spokesperson' }).response();
    expect(data.content).toMatch(/^Answered as `\/who` “is the State Department spokesperson”/);
    expect(data.embeds[0].title).toBe('Matthew Miller');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    // The buttons belong to the routed command, whose handler turns them.
    for (const b of buttonsOf(data)) expect(b.custom_id.startsWith('who:')).toBe(true);
  });

  it('routes "what did X say about Y" to /quote', async () => {
    const data = await h.fake.sendCommand('ask', { query: 'what did Matthew Miller say about terrorism' }).response();
    expect(data.content).toMatch(/^Answered as `\/quote`/);
    expect(data.embeds[0].fields.find((f: any) => f.name === 'Speaker')?.value).toBe('Matthew Miller');
  });
});

describe('after and before', () => {
  it('restrict the articles that answer', async () => {
    const before = await h.fake.sendCommand('search', { query: 'Azm-e-Istehkam', before: '2024-06-28' }).response();
    const after = await h.fake.sendCommand('search', { query: 'Azm-e-Istehkam', after: '2024-06-28' }).response();
    const dates = (data: any): string[] => data.embeds.map((e: any) => /(\d{4}-\d{2}-\d{2})$/.exec(e.footer.text)?.[1] ?? 'undated');
    expect(dates(before).length).toBeGreaterThan(0);
    expect(dates(after).length).toBeGreaterThan(0);
    for (const d of dates(before)) expect(d < '2024-06-28').toBe(true);
    for (const d of dates(after)) expect(d >= '2024-06-28').toBe(true);
  });

  it('typed into the query, work as in the REPL', async () => {
    const data = await h.fake.sendCommand('search', { query: 'Azm-e-Istehkam after:2024-06-28' }).response();
    expect(data.embeds.length).toBeGreaterThan(0);
    for (const e of data.embeds) expect(e.footer.text).toMatch(/ · 2024-(06-(29|30)|0[7-9]|1[0-2])/);
  });

  it('a bad date gets an ephemeral error naming it', async () => {
    const data = await h.fake.sendCommand('who', { query: 'is the spokesperson', after: '2024-31-01' }).response();
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toContain('after: "2024-31-01" is not a date');
  });

  it('an empty window says which dates it looked in', async () => {
    const data = await h.fake.sendCommand('when', { query: 'was the operation approved', before: '2001' }).response();
    expect(data.content).toMatch(/^No answer in the 5 indexed articles dated before 2001/);
  });
});

describe('/timeline', () => {
  it('lists dated entries oldest first, five a page, with Next and Previous', async () => {
    const user = { id: snowflake(), username: 'historian', discriminator: '0', avatar: null };
    const page1 = await h.fake.sendCommand('timeline', { query: 'Azm-e-Istehkam' }, { user }).response();
    const embed = page1.embeds[0];
    expect(embed.title).toBe('Timeline: Azm-e-Istehkam');
    expect(embed.fields.length).toBe(5);
    expect(embed.footer.text).toMatch(/^Page 1 of (\d+) · (\d+) entries from (\d+) articles, oldest first$/);
    expect(embed.fields[0].name).toMatch(/^\d{1,2} \w+ \d{4}/);
    expect(embed.fields.some((f: any) => f.name.endsWith('(article date)'))).toBe(true);
    const next = buttonsOf(page1).find((b) => b.label === 'Next')!;
    const cb = await h.fake.sendButton(next.custom_id, h.fake.messageFrom(page1, user), { user }).callback();
    expect(cb.body.type).toBe(7);
    expect(cb.body.data.embeds[0].footer.text).toMatch(/^Page 2 of/);
    const prev = buttonsOf(cb.body.data).find((b) => b.label === 'Previous')!;
    const back = await h.fake.sendButton(prev.custom_id, h.fake.messageFrom(cb.body.data, user), { user }).callback();
    expect(back.body.data.embeds[0].fields).toEqual(embed.fields);
  });

  it('keeps its date window across pages', async () => {
    const data = await h.fake.sendCommand('timeline', { query: 'Azm-e-Istehkam', after: '2024-06-28' }).response();
    for (const f of data.embeds[0].fields) expect(f.value).toMatch(/· 2024-(06-(29|30)|0[7-9]|1[0-2])/);
  });

  it('says so when nothing mentions the topic', async () => {
    const data = await h.fake.sendCommand('timeline', { query: 'xyzzy plugh' }).response();
    expect(data.content).toMatch(/^Nothing in the 5 indexed articles says what happened to “xyzzy plugh”/);
    expect(expectNoMentionsEverywhere(h.fake)).toBeGreaterThan(0);
  });
});
