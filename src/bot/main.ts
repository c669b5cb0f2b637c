// The bot side of `npm start` (src/main.ts calls runBot when DISCORD_TOKEN is set).
import { healthAddress } from '../config.ts';
import { checkReachable, createDb } from '../index/pg/db.ts';
import { startBot, type Bot } from './bot.ts';

/** Starts the bot over `corpusDir` with DISCORD_TOKEN / DISCORD_API_URL / HEALTH_PORT; resolves once it is online. */
export async function runBot(opts: { corpusDir: string }, env: NodeJS.ProcessEnv = process.env): Promise<Bot> {
  const token = env.DISCORD_TOKEN?.trim();
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  if (env.DATABASE_URL) {
    // An unreachable database stops the start (host and port in the message), before logging in.
    const db = createDb(env.DATABASE_URL, { max: 1 });
    try {
      await checkReachable(db);
    } finally {
      await db.close();
    }
  }
  return startBot({ token, apiUrl: env.DISCORD_API_URL?.trim() || undefined, corpusDir: opts.corpusDir, health: healthAddress(env) });
}
