// `npm start`: the bot when DISCORD_TOKEN is set (in the environment or .env), else the local REPL.
import { loadEnv, parseArgs } from './cli/options.ts';
import { checkEnv } from './config.ts';
import { loadIndex } from './cli/load.ts';
import { runRepl } from './cli/repl.ts';
import { usage } from './cli/commands.ts';
import { defaultCacheDir } from './app/cache.ts';
import { join } from 'node:path';

async function main(): Promise<void> {
  loadEnv();
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) return void process.stdout.write(usage('start'));
  checkEnv();
  if (process.env.DISCORD_TOKEN) {
    const { runBot } = await import('./bot/main.ts');
    await runBot(opts);
    return;
  }
  process.stderr.write(`No DISCORD_TOKEN set: starting the local REPL over ${opts.corpusDir}\n`);
  const loaded = await loadIndex(opts);
  try {
    await runRepl(loaded.current, process.stdin, process.stdout, { historyFile: join(defaultCacheDir(), 'repl-history') });
  } finally {
    await loaded.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`newsdesk: ${err.message}\n`);
  process.exit(1);
});
