// Corpus text that looks like mentions or markdown must never ping anyone nor change the formatting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buttonsOf, expectNoMentionsEverywhere, startHarness, textOf, type Harness } from './harness.ts';

const ARTICLE = ` date 2024-07-01 Forum moderators warn readers about spam links

LAHORE: The moderators of a popular Pakistani news forum warned readers on Monday about a wave of spam links.
“@everyone must read the rules before posting, and <@123456789012345678> is not a real moderator,” chief moderator Ayesha Siddiqa said in a statement.
Siddiqa said the forum would remove accounts that post *fake* news or __unverified__ claims.
`;

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-mentions-'));
  copyFileSync('seeds/000_becc9658f8bc904d.txt', join(dir, '000_becc9658f8bc904d.txt'));
  writeFileSync(join(dir, '100_mentions.txt'), ARTICLE);
  // The bot indexes the folder itself (corpusDir), as `npm start` does.
  h = await startHarness({ corpusDir: dir, cooldownSeconds: 0 });
  await h.bot.ctx.ready;
});

afterAll(async () => {
  await h?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('mentions in corpus text', () => {
  it('a quote containing @everyone is sent with allowed_mentions.parse = []', async () => {
    const data = await h.fake.sendCommand('quote', { query: 'Ayesha Siddiqa' }).response();
    expect(textOf(data)).toContain('@everyone must read the rules');
    expect(textOf(data)).toContain('<@123456789012345678>');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.embeds[0].fields).toContainEqual({ name: 'Speaker', value: 'Ayesha Siddiqa', inline: true });
  });

  it('a no-answer message echoing an @everyone query in its content does not ping', async () => {
    const data = await h.fake.sendCommand('search', { query: '@everyone xyzzy' }).response();
    expect(data.content).toContain('@everyone');
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('markdown in the article is escaped before the answer is bolded', async () => {
    const data = await h.fake.sendCommand('search', { query: 'remove accounts fake news' }).response();
    const d = data.embeds.map((e: any) => e.description).find((x: string) => x.includes('remove accounts'));
    expect(d).toContain('\\*fake\\*');
    expect(d).toContain('\\_\\_unverified\\_\\_');
  });

  it('"Show context" with @everyone does not ping either', async () => {
    const data = await h.fake.sendCommand('who', { query: 'is the chief moderator' }).response();
    expect(data.embeds[0].title).toBe('Ayesha Siddiqa');
    const b = buttonsOf(data).find((x) => x.label.startsWith('Show context'))!;
    const reply = await h.fake.sendButton(b.custom_id, h.fake.messageFrom(data)).response();
    expect(reply.embeds[0].description).toContain('@everyone');
    expect(reply.allowed_mentions).toEqual({ parse: [] });
  });

  it('every message of this suite disabled mentions', () => {
    expect(expectNoMentionsEverywhere(h.fake)).toBeGreaterThanOrEqual(4);
  });
});
