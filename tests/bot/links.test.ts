// Links to the original article in the bot's replies: the embed title, the footer, the timeline.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/app/index.ts';
import { tempCorpus } from '../helpers.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
let dir: string;

beforeAll(async () => {
  dir = tempCorpus({
    'linked.txt': {
      date: '2031-03-10',
      title: 'Kestrel Bridge plan unveiled',
      paragraphs: ['The city council unveiled the Kestrel Bridge plan on Monday, said the mayor Ada Quist.'],
    },
    'plain.txt': { date: '2031-04-02', title: 'Kestrel Bridge costs rise', paragraphs: ['The cost of the Kestrel Bridge rose again in March, engineers said.'] },
  });
  // The header line the corpus format allows, written into one article.
  const file = `${dir}/linked.txt`;
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^( date \S+\n)/, '$1 url https://news.example.org/kestrel-plan\n'));
  h = await startHarness({ index: await openIndex({ corpusDir: dir, cacheDir: false, onWarn: () => {} }) });
});

afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('links to the article', () => {
  it('the embed title links to the article; the footer is headline and date', async () => {
    const data = await h.fake.sendCommand('search', { query: 'Kestrel Bridge' }).response();
    const linked = data.embeds.find((e: any) => e.footer.text.startsWith('Kestrel Bridge plan unveiled'));
    const plain = data.embeds.find((e: any) => e.footer.text.startsWith('Kestrel Bridge costs rise'));
    expect(linked.url).toBe('https://news.example.org/kestrel-plan');
    expect(linked.footer.text).toBe('Kestrel Bridge plan unveiled · 2031-03-10');
    expect(plain.url).toBeUndefined();
    expect(plain.footer.text).toBe('Kestrel Bridge costs rise · 2031-04-02');
  });

  it('a timeline entry links its headline', async () => {
    const data = await h.fake.sendCommand('timeline', { query: 'Kestrel Bridge' }).response();
    const values = data.embeds[0].fields.map((f: any) => f.value).join('\n');
    expect(values).toContain('[Kestrel Bridge plan unveiled](https://news.example.org/kestrel-plan)');
    expect(values).toContain('— Kestrel Bridge costs rise · 2031-04-02');
  });
});
