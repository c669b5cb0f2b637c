// Loads every command in commands/ (one file per slash or context-menu command) — used by the bot and by deploy.ts.
import { readdir } from 'node:fs/promises';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { isCommand, type AnyCommand } from './command.ts';
import { runnable } from '../runnable.ts';

/** The repository's commands/ folder (compiled, in the shells' build). */
export const COMMANDS_DIR = fileURLToPath(runnable(new URL('../../commands/', import.meta.url)));

/**
 * Imports each `.ts`/`.js` file of `dir` (tests and declarations excepted), taking its default export or
 * the module itself, and returns the commands by name. Throws on a file that is not a command or on a
 * duplicate name, so a broken command fails loudly at start-up and at deploy time.
 */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, AnyCommand>> {
  const files = (await readdir(dir)).filter((f) => /\.(ts|js|mjs)$/.test(f) && !/\.(d|test|spec)\.ts$/.test(f)).sort();
  const commands = new Map<string, AnyCommand>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    const cmd = isCommand(mod.default) ? mod.default : isCommand(mod) ? (mod as unknown as AnyCommand) : undefined;
    if (!cmd) throw new Error(`commands/${file} does not export a command (expected \`export default { data, execute } satisfies Command\`)`);
    const name = cmd.data.name;
    if (commands.has(name)) throw new Error(`commands/${file}: a command named “${name}” is already loaded`);
    commands.set(name, cmd);
  }
  return commands;
}

/** The JSON bodies to register with Discord. */
export const commandBodies = (commands: Map<string, AnyCommand>) => [...commands.values()].map((c) => c.data.toJSON());
