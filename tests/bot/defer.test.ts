// A slow answer is deferred before Discord's 3-second deadline: the real discord.js client of the
// bot against the fake Discord, with a /who whose answer only comes once the deferral was seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../src/engine/index.ts';
import { openIndex } from '../../src/app/index.ts';
import type { Command } from '../../src/bot/command.ts';
import { DEFER_AFTER_MS } from '../../src/bot/respond.ts';
import who from '../../commands/who.ts';
import search from '../../commands/search.ts';
import { EPHEMERAL, startHarness, type Harness } from './harness.ts';

let h: Harness;
let seedIndex: SearchIndex;

/** The interaction callback the fake Discord received for this interaction. */
const callbackOf = (id: string) => h.fake.waitForRequest((r) => r.interactionId === id && r.path.endsWith('/callback'), 10_000, 'callback');

/** /who as it is, except that it answers only after its interaction was acknowledged: slower than any deadline. */
const slowWho: Command = {
  ...who,
  async execute(interaction, ctx, outcome) {
    await callbackOf(interaction.id);
    await who.execute(interaction, ctx, outcome);
  },
};

/** Each press of a "More answers" button waits the same way. */
const slowSearch: Command = {
  ...search,
  async button(interaction, ctx, outcome) {
    await callbackOf(interaction.id);
    await search.button?.(interaction, ctx, outcome);
  },
};

beforeAll(async () => {
  seedIndex = await openIndex({ corpusDir: 'seeds' });
  h = await startHarness({
    index: seedIndex,
    commands: new Map([
      ['who', slowWho],
      ['search', slowSearch],
    ]),
    cooldownSeconds: 0,
  });
});

afterAll(async () => {
  await h?.stop();
});

describe('an answer slower than the deferral delay', () => {
  it('is deferred (type 5), then given by editing @original', async () => {
    expect(DEFER_AFTER_MS).toBeLessThanOrEqual(1500);
    const sent = h.fake.sendCommand('who', { query: 'is the State Department spokesperson' });
    const cb = await sent.callback();
    expect(cb.body.type).toBe(5);
    expect(cb.body.data?.flags ?? 0).toBe(0);
    const edit = await sent.edit();
    expect(edit.body.embeds[0].title).toBe('Matthew Miller');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    // One acknowledgement only: the answer edits the deferral, it does not try to reply again.
    expect(sent.requests().filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
  });

  it('is deferred ephemerally when the user asked to hide it', async () => {
    const sent = h.fake.sendCommand('who', { query: 'is the State Department spokesperson', hide: true });
    expect((await sent.callback()).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect((await sent.edit()).body.embeds[0].title).toBe('Matthew Miller');
  });

  it('on a page button, defers the update of its own message (type 6)', async () => {
    const user = { id: '4242', username: 'asker', discriminator: '0', avatar: null };
    const press = h.fake.sendButton('search:p:1::terrorism', h.fake.messageFrom({ content: '' }, user), { user });
    expect((await press.callback()).body.type).toBe(6);
    const edit = await press.edit();
    expect(edit.body.content).toBe('Answers 4–6');
  });
});
