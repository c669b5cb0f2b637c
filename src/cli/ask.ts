// Batch mode: one command per stdin line in, one result per line out (JSON lines with --json).
import { createInterface } from 'node:readline';
import { askIndex, DatabaseUnavailable, UNAVAILABLE } from '../app/postgres.ts';
import { parseAsk, QueryError, type SearchIndex } from '../engine/index.ts';
import type { AskError, AskResult } from '../types.ts';
import { loadIndex } from './load.ts';
import { checkEnv } from '../config.ts';
import { parseArgs } from './options.ts';
import { renderAnswers } from './render.ts';
import { helpJson, helpText, shellCommand, sourcesJson, sourcesText, usage } from './commands.ts';

async function run(index: SearchIndex, line: string): Promise<AskResult | AskError> {
  try {
    const { command, query, ...filter } = parseAsk(line);
    const { answers, note } = await askIndex(index, command, query, filter);
    return { ask: line, command, answers, ...(note ? { note } : {}) };
  } catch (err) {
    if (err instanceof QueryError) return { ask: line, error: err.message };
    if (err instanceof DatabaseUnavailable) return { ask: line, error: UNAVAILABLE };
    return { ask: line, error: `internal error: ${(err as Error).message}` };
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) return void process.stdout.write(usage('ask'));
  checkEnv();
  const loaded = await loadIndex(opts);
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      const index = loaded.current();
      const shell = shellCommand(line);
      if (shell === 'help' || shell === 'sources') {
        if (opts.json) process.stdout.write(`${JSON.stringify(shell === 'help' ? helpJson(line) : sourcesJson(line, index))}\n`);
        else process.stdout.write(`> ${line}\n${shell === 'help' ? helpText() : sourcesText(index)}\n\n`);
        continue;
      }
      const result = await run(index, line);
      if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else process.stdout.write(`> ${line}\n${'error' in result ? result.error : renderAnswers(result.answers, result.note, result.command)}\n\n`);
    }
  } finally {
    await loaded.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`ask: ${err.message}\n`);
  process.exit(1);
});
