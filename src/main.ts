// `npm start`: the bot when DISCORD_TOKEN is set (in the environment or .env), else the local REPL.
import { loadEnv, parseArgs } from './cli/options.ts';
import { checkEnv } from './config.ts';
import { loadIndex } from './cli/load.ts';
import { runRepl } from './cli/repl.ts';

async function main(): Promise<void> {
  loadEnv();
  checkEnv();
  const opts = parseArgs(process.argv.slice(2));
  if (process.env.DISCORD_TOKEN) {
    const { runBot } = await import('./bot/main.ts');
    await runBot(opts);
    return;
  }
  process.stderr.write(`No DISCORD_TOKEN set: starting the local REPL over ${opts.corpusDir}\n`);
  const index = await loadIndex(opts);
  await runRepl(index, process.stdin, process.stdout);
}

main().catch((err: Error) => {
  process.stderr.write(`newsdesk: ${err.message}\n`);
  process.exit(1);
});
