// The local REPL: the same engine as the bot, in a terminal (or fed by a pipe).
import { createInterface, type Interface } from 'node:readline';
import { askIndex, DatabaseUnavailable, UNAVAILABLE } from '../app/postgres.ts';
import { parseAsk, QueryError, type SearchIndex } from '../engine/index.ts';
import { renderAnswers } from './render.ts';
import { helpText, shellCommand, sourcesText } from './commands.ts';
import { completer, loadHistory, saveHistory } from './terminal.ts';

/** What the REPL prints for one input line; undefined means "quit". */
export async function replyTo(index: SearchIndex, line: string): Promise<string | undefined> {
  const text = line.trim();
  if (!text) return '';
  const shell = shellCommand(text);
  if (shell === 'quit') return undefined;
  if (shell === 'help') return helpText();
  if (shell === 'sources') return sourcesText(index);
  try {
    const { command, query, ...filter } = parseAsk(text);
    const { answers, note } = await askIndex(index, command, query, filter);
    const rendered = renderAnswers(answers, note, command);
    // /ask says which command it chose, so the user learns the commands by asking.
    return /^\/?ask\b/i.test(text) ? `(answered as /${command} ${query})\n${rendered}` : rendered;
  } catch (err) {
    if (err instanceof QueryError) return `${err.message}\nType /help for the commands.`;
    if (err instanceof DatabaseUnavailable) return UNAVAILABLE;
    return `Something went wrong answering that: ${(err as Error).message}`;
  }
}

export interface ReplOptions {
  /** Where an interactive session's history is kept across sessions (none: not kept). */
  historyFile?: string;
}

/** `source` may be a getter, for an index that follows new generations (PostgreSQL). */
export async function runRepl(source: SearchIndex | (() => SearchIndex), input: NodeJS.ReadableStream, output: NodeJS.WritableStream, opts: ReplOptions = {}): Promise<void> {
  const current = typeof source === 'function' ? source : () => source;
  const index = current();
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const history = interactive && opts.historyFile ? loadHistory(opts.historyFile) : [];
  const rl: Interface = createInterface({
    input,
    output,
    terminal: interactive,
    prompt: 'newsdesk> ',
    ...(interactive ? { completer: completer(index), history, historySize: 1000, removeHistoryDuplicates: true } : {}),
  });
  if (interactive && opts.historyFile) {
    const file = opts.historyFile;
    rl.on('history', (lines: string[]) => saveHistory(file, lines));
  }
  output.write(`${index.docs.length} articles, ${index.sentences.length} sentences indexed. Type /help for the commands.\n`);
  if (interactive) rl.prompt();
  // Ctrl-C clears the line instead of killing the session; Ctrl-D or /quit leaves.
  rl.on('SIGINT', () => {
    // Empty the half-typed line first, or it would be glued to the next one (Ctrl-E, then Ctrl-U).
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    output.write('\n(Ctrl-D or /quit to leave)\n');
    rl.prompt();
  });
  for await (const line of rl) {
    // Piped, the question is not on the screen: echo it so each answer can be told from the next.
    if (!interactive && line.trim()) output.write(`> ${line.trim()}\n`);
    const reply = await replyTo(current(), line);
    if (reply === undefined) break;
    if (reply) output.write(`${reply}\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
