import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { tempCorpus } from '../helpers.ts';

// The bot started over a corpus folder follows it: a new article is answerable without a restart.
describe('live corpus through the bot', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = tempCorpus({
      'a.txt': { date: '2024-03-01', title: 'Harbour reopens', paragraphs: ['The harbour reopened on Friday after repairs, the port authority said.'] },
    });
    h = await startHarness({ corpusDir: dir });
    await h.bot.ctx.ready;
  });
  afterAll(async () => {
    await h.stop();
  });

  it('re-indexes an added article in the background and answers from it', async () => {
    const before = await h.fake
      .sendCommand('who', { query: 'is the lighthouse keeper' }, { user: { id: '100000000000000001', username: 'u1', discriminator: '0', avatar: null } })
      .response();
    expect(JSON.stringify(before)).not.toContain('Ada Quayle');

    writeFileSync(join(dir, 'b.txt'), ' date 2024-03-02\nKeeper retires\n\nLighthouse keeper Ada Quayle retired on Saturday after forty years at the light.\n');
    await h.fake.waitUntil(() => h.logs.find((l) => String(l.message ?? '').startsWith('index swapped')), 30_000, 'index swapped');

    const after = await h.fake
      .sendCommand('who', { query: 'is the lighthouse keeper' }, { user: { id: '100000000000000002', username: 'u2', discriminator: '0', avatar: null } })
      .response();
    expect(after.embeds[0].title).toBe('Ada Quayle');
    expect(h.logs.find((l) => String(l.message ?? '').startsWith('corpus changed'))?.message).toContain('b.txt');
  });
});
