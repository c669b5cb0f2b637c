// `npm run deploy`: registers every command in commands/ (slash and message context-menu) with Discord (a bulk overwrite, so it is
// idempotent: running it twice leaves the same commands). Guild commands when DISCORD_GUILD_ID is set
// (instant), global otherwise (may take up to an hour to show).
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ApplicationCommandType, REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { commandBodies, loadCommands } from './loader.ts';
import { normaliseApiUrl } from './config.ts';
import { checkEnv } from '../config.ts';

export interface DeployOptions {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
}

export interface DeployResult {
  scope: string;
  /** As users see them: `/who`, or `“Ask newsdesk” (message menu)`. */
  names: string[];
}

export async function deployCommands(opts: DeployOptions): Promise<DeployResult> {
  const commands = await loadCommands();
  const body = commandBodies(commands);
  const rest = new REST({ version: '10', ...(opts.apiUrl ? { api: normaliseApiUrl(opts.apiUrl) } : {}) }).setToken(opts.token);
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId) : Routes.applicationCommands(opts.applicationId);
  const result = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return {
    scope: opts.guildId ? `guild ${opts.guildId}` : 'global',
    names: result.map((c) => (c.type === ApplicationCommandType.Message ? `“${c.name}” (message menu)` : `/${c.name}`)),
  };
}

/** Reads the settings from the environment (and `.env` when present); throws naming what is missing. */
export function deployOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DeployOptions {
  const get = (name: string) => env[name]?.trim() || undefined;
  const missing = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'].filter((n) => !get(n));
  if (missing.length) {
    throw new Error(`Missing ${missing.join(' and ')}: set ${missing.length > 1 ? 'them' : 'it'} in the environment or in .env (see .env.example).`);
  }
  return { token: get('DISCORD_TOKEN')!, applicationId: get('DISCORD_APPLICATION_ID')!, guildId: get('DISCORD_GUILD_ID'), apiUrl: get('DISCORD_API_URL') };
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let opts: DeployOptions;
  try {
    checkEnv();
    opts = deployOptionsFromEnv();
  } catch (err) {
    console.error(`deploy: ${(err as Error).message}`);
    process.exit(1);
  }
  try {
    const { scope, names } = await deployCommands(opts);
    console.log(`Registered ${names.length} commands (${scope}): ${names.join(', ')}`);
    if (!opts.guildId) console.log('Global commands can take up to an hour to appear; set DISCORD_GUILD_ID for instant guild commands.');
  } catch (err) {
    const e = err as Error & { status?: number };
    const hint =
      e.status === 401
        ? ' (check DISCORD_TOKEN)'
        : e.status === 403 || e.status === 404
          ? ' (check DISCORD_APPLICATION_ID / DISCORD_GUILD_ID, and that the bot is in the guild)'
          : '';
    console.error(`deploy: failed: ${e.message}${hint}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
