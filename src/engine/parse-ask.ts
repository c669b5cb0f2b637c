import { ALL_COMMANDS, COMMANDS, type CommandName } from '../types.ts';
import { QueryError } from './errors.ts';
import { takeFilters, type DateFilter } from './filters.ts';
import { routeQuestion } from './route.ts';

export const MAX_QUERY_LENGTH = 300;

const isCommand = (s: string): s is CommandName => (COMMANDS as readonly string[]).includes(s);

/** Checks a query before any work is done on it. */
export function checkQuery(query: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = query
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean) throw new QueryError('The query is empty: add some words after the command, e.g. `/who is the spokesperson`.');
  if (clean.length > MAX_QUERY_LENGTH) {
    throw new QueryError(`The query is ${clean.length} characters long; the limit is ${MAX_QUERY_LENGTH}.`);
  }
  return clean;
}

export interface ParsedAsk extends DateFilter {
  /** The command that answers: for `/ask`, the one the question was routed to. */
  command: CommandName;
  query: string;
}

/**
 * Parses `/who is X` (the slash is optional) into a command and its query; `/ask …` is routed by the
 * question's form, and `after:`/`before:` tokens become date filters.
 */
export function parseAsk(line: string): ParsedAsk {
  const m = line.trim().match(/^\/?(\S+)\s*([\s\S]*)$/);
  if (!m) throw new QueryError('Empty line: type a command such as `/who is the spokesperson`.');
  const command = m[1].toLowerCase();
  if (command !== 'ask' && !isCommand(command)) throw new QueryError(unknownCommand(m[1]));
  const { query, ...filter } = takeFilters(m[2]);
  if (command === 'ask') return { ...routeQuestion(query), ...filter };
  return { command, query: checkQuery(query), ...filter };
}

/** The message for a mistyped command: every command, and the nearest one when it is close. */
export function unknownCommand(given: string): string {
  const word = given.replace(/^\//, '').toLowerCase().slice(0, 40);
  const nearest = nearestCommand(word);
  const hint = nearest ? ` Did you mean /${nearest}?` : '';
  return `Unknown command ${JSON.stringify(given.slice(0, 40))}.${hint} The commands are ${ALL_COMMANDS.map((c) => `/${c}`).join(', ')}.`;
}

/** The command within two edits of the word (or starting with it), if there is one. */
export function nearestCommand(word: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of ALL_COMMANDS) {
    const d = word.length >= 2 && c.startsWith(word) ? 1 : editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
