// Test harness: a fake Discord plus the real bot (real discord.js client, real engine) connected to it.
import { expect } from 'vitest';
import { startBot, type Bot, type StartBotOptions } from '../../src/bot/bot.ts';
import { createLogger } from '../../src/bot/log.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from './fake-discord.ts';

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, any>[];
  /** The raw log lines, for "the token never appears" checks. */
  rawLogs: string[];
  stop(): Promise<void>;
}

export async function startHarness(opts: Omit<StartBotOptions, 'token' | 'apiUrl' | 'logger'> = {}, fakeOptions: FakeDiscordOptions = {}): Promise<Harness> {
  const fake = await startFakeDiscord(fakeOptions);
  const rawLogs: string[] = [];
  const logs: Record<string, any>[] = [];
  const logger = createLogger({
    level: 'debug',
    secrets: [fake.token],
    write: (line) => {
      rawLogs.push(line);
      logs.push(JSON.parse(line));
      fake.poke();
    },
  });
  let bot: Bot;
  try {
    bot = await startBot({ processHandlers: false, ...opts, token: fake.token, apiUrl: fake.apiUrl, logger });
  } catch (err) {
    await fake.close();
    throw err;
  }
  return {
    fake,
    bot,
    logs,
    rawLogs,
    async stop() {
      await bot.stop();
      await fake.close();
    },
  };
}

/** The `data` of a message-bearing request (reply/update callback, editReply, followUp), else undefined. */
export function messageData(r: RecordedRequest): any {
  if (r.path.endsWith('/callback')) return r.body?.type === 4 || r.body?.type === 7 ? r.body.data : undefined;
  if (r.path.startsWith('/webhooks/') && (r.method === 'POST' || r.method === 'PATCH')) return r.body;
  return undefined;
}

/** Every message the bot sent so far disabled mentions (`allowed_mentions.parse` is `[]`). */
export function expectNoMentionsEverywhere(fake: FakeDiscord): number {
  const messages = fake.requests.map(messageData).filter((d) => d !== undefined);
  for (const d of messages) expect(d.allowed_mentions, JSON.stringify(d).slice(0, 300)).toEqual({ parse: [] });
  return messages.length;
}

/** All text of a message payload (content, embed parts, fields), for "does it say X" checks. */
export function textOf(data: any): string {
  const parts: string[] = [data?.content ?? ''];
  for (const e of data?.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '', e.author?.name ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}

/** The buttons of a message payload. */
export function buttonsOf(data: any): { custom_id: string; label: string; style: number }[] {
  return (data?.components ?? []).flatMap((row: any) => row.components ?? []);
}

export const EPHEMERAL = 64;
