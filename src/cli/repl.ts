// The local REPL: the same engine as the bot, in a terminal (or fed by a pipe).
import { createInterface, type Interface } from 'node:readline';
import { answer, listSources, noAnswerNote, parseAsk, QueryError, type SearchIndex } from '../engine/index.ts';
import { renderAnswers } from './render.ts';

const HELP = `Commands:
  /ask <question>     any question: routed to /who, /when, /quote or /search by its form
  /who <question>     a person or organisation, e.g. /who is the finance minister
  /when <question>    a date, resolved against the article date, e.g. /when was the decision taken
  /quote <words>      a quotation and its speaker, e.g. /quote diplomatic efforts
  /search <words>     the best-matching sentences
  /timeline <topic>   what happened to a person, organisation or topic, oldest first
  /sources            the indexed articles
  /help               this help
  /quit               leave (Ctrl-D works too)
Date filters on any question: after:2024-06-01 before:2024-07 (YYYY-MM-DD, YYYY-MM or YYYY; after is inclusive).`;

/** What the REPL prints for one input line; undefined means "quit". */
export function replyTo(index: SearchIndex, line: string): string | undefined {
  const text = line.trim();
  if (!text) return '';
  const word = text.split(/\s+/)[0].toLowerCase();
  if (word === '/quit' || word === '/exit') return undefined;
  if (word === '/help' || word === 'help') return HELP;
  if (word === '/sources') {
    return listSources(index)
      .map((s) => `${s.file} · ${s.title ?? '(no headline)'} · ${s.date ?? 'undated'} · ${s.sentences} sentences`)
      .join('\n');
  }
  try {
    const { command, query, ...filter } = parseAsk(text);
    const answers = answer(index, command, query, filter);
    return renderAnswers(answers, answers.length === 0 ? noAnswerNote(index, command, query, filter) : undefined, command);
  } catch (err) {
    if (err instanceof QueryError) return `${err.message}\nType /help for the commands.`;
    return `Something went wrong answering that: ${(err as Error).message}`;
  }
}

export async function runRepl(index: SearchIndex, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const rl: Interface = createInterface({ input, output, terminal: interactive, prompt: 'newsdesk> ' });
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
    const reply = replyTo(index, line);
    if (reply === undefined) break;
    if (reply) output.write(reply + '\n');
    if (interactive) rl.prompt();
  }
  rl.close();
}
