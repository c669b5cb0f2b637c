import { COMMANDS, type CommandName } from '../types.ts';
import { QueryError } from './errors.ts';

export const MAX_QUERY_LENGTH = 300;

const isCommand = (s: string): s is CommandName => (COMMANDS as readonly string[]).includes(s);

/** Checks a query before any work is done on it. */
export function checkQuery(query: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = query.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) throw new QueryError('The query is empty: add some words after the command, e.g. `/who is the spokesperson`.');
  if (clean.length > MAX_QUERY_LENGTH) {
    throw new QueryError(`The query is ${clean.length} characters long; the limit is ${MAX_QUERY_LENGTH}.`);
  }
  return clean;
}

/** Parses `/who is X` (the slash is optional) into a command and its query. */
export function parseAsk(line: string): { command: CommandName; query: string } {
  const m = line.trim().match(/^\/?(\S+)\s*([\s\S]*)$/);
  if (!m) throw new QueryError('Empty line: type a command such as `/who is the spokesperson`.');
  const command = m[1].toLowerCase();
  if (!isCommand(command)) {
    throw new QueryError(`Unknown command ${JSON.stringify(m[1].slice(0, 40))}: use one of ${COMMANDS.map((c) => '/' + c).join(', ')}.`);
  }
  return { command, query: checkQuery(m[2]) };
}
