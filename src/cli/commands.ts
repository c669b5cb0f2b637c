// What the REPL and batch mode share beyond the engine: the command list for /help, /sources, and usage.
import { listSources, type SearchIndex, type SourceInfo } from '../engine/index.ts';
import type { ALL_COMMANDS } from '../types.ts';

export interface CommandHelp {
  command: (typeof ALL_COMMANDS)[number];
  usage: string;
  description: string;
}

/** /help's table, /ask first: it is the command a new user tries. */
export const COMMAND_HELP: CommandHelp[] = [
  { command: 'ask', usage: '/ask <question>', description: 'any question: routed to /who, /when, /quote or /search by its form' },
  { command: 'who', usage: '/who <question>', description: 'a person or organisation, e.g. /who is the finance minister' },
  { command: 'when', usage: '/when <question>', description: 'a date, resolved against the article date, e.g. /when was the decision taken' },
  { command: 'quote', usage: '/quote <words>', description: 'a quotation and its speaker, e.g. /quote diplomatic efforts' },
  { command: 'search', usage: '/search <words>', description: 'the best-matching sentences' },
  { command: 'timeline', usage: '/timeline <topic>', description: 'what happened to a person, organisation or topic, oldest first' },
  { command: 'sources', usage: '/sources', description: 'the indexed articles' },
  { command: 'help', usage: '/help', description: 'this help' },
];

export const FILTER_HELP = 'Date filters on any question: after:2024-06-01 before:2024-07 (YYYY-MM-DD, YYYY-MM or YYYY; "after" includes that day or period, "before" does not).';

export function helpText(): string {
  const rows = COMMAND_HELP.map((c) => `  ${c.usage.padEnd(20)}${c.description}`);
  return ['Commands:', ...rows, `  ${'/quit'.padEnd(20)}leave (Ctrl-D works too)`, FILTER_HELP].join('\n');
}

export function sourcesText(index: SearchIndex): string {
  return listSources(index)
    .map((s) => `${s.file} · ${s.title ?? '(no headline)'} · ${s.date ?? 'undated'} · ${s.sentences} sentences`)
    .join('\n');
}

/** /help and /sources, which need no engine query: the word, or undefined for a line the engine answers. */
export function shellCommand(line: string): 'help' | 'sources' | 'quit' | undefined {
  const word = line.trim().split(/\s+/)[0].toLowerCase();
  if (word === '/help' || word === 'help') return 'help';
  if (word === '/sources' || word === 'sources') return 'sources';
  if (word === '/quit' || word === '/exit') return 'quit';
  return undefined;
}

/** Batch mode's JSON for /help and /sources. */
export const helpJson = (ask: string) => ({ ask, command: 'help' as const, commands: COMMAND_HELP, filters: FILTER_HELP });
export const sourcesJson = (ask: string, index: SearchIndex): { ask: string; command: 'sources'; sources: SourceInfo[] } => ({
  ask,
  command: 'sources',
  sources: listSources(index),
});

const OPTIONS = `Options:
  --corpus DIR   the folder of .txt articles (default: CORPUS_DIR, else seeds/)
  --reindex      rebuild the index even when the cache is current
  --help, -h     this help`;

/** `--help` of `npm start` and of `npm run ask`. */
export function usage(entry: 'start' | 'ask'): string {
  if (entry === 'ask') {
    return `Usage: npm run --silent ask -- [--json] [--corpus DIR] [--reindex] < questions.txt

Batch mode: one command per stdin line, e.g. "/who is the finance minister"; one answer block per line
on stdout (with --json, one JSON object per line: {ask, command, answers} or {ask, error}).

${OPTIONS}
  --json         JSON lines instead of text

${helpText()}
`;
  }
  return `Usage: npm start -- [--corpus DIR] [--reindex]

With DISCORD_TOKEN set (environment or .env) runs the Discord bot; without it, a REPL over the corpus
(typed, or piped: echo "/who is the finance minister" | npm start).

${OPTIONS}

${helpText()}
`;
}
