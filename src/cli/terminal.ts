// The interactive REPL's comforts: tab completion over commands and the index's names, and history
// kept across sessions.
import { backendOf } from '../app/postgres.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { suggest, type SearchIndex } from '../engine/index.ts';
import { ALL_COMMANDS } from '../types.ts';

/** How many suggestions a Tab shows at most. */
const MAX_COMPLETIONS = 20;

/**
 * readline's completer: the command while the first word is typed, then the names, places and terms
 * of the index that start with the last word (a name may run on: "Matt" → "Matthew Miller").
 */
export function completer(index: SearchIndex): (line: string) => [string[], string] {
  return (line: string) => {
    if (!/\s/.test(line)) {
      const typed = line.replace(/^\//, '').toLowerCase();
      const hits = [...ALL_COMMANDS, 'quit'].filter((c) => c.startsWith(typed)).map((c) => `/${c} `);
      return [hits, line];
    }
    const word = line.slice(line.search(/\S*$/));
    if (word.length < 2 || /^(after|before):/i.test(word)) return [[], word];
    // Suggestions count names over every sentence: an index in PostgreSQL has none in memory to count.
    if (backendOf(index) === 'postgres') return [[], word];
    const hits = suggest(index, word, MAX_COMPLETIONS).filter((s) => s.toLowerCase().startsWith(word.toLowerCase()));
    return [hits, word];
  };
}

/** The saved history, newest first (readline's order); none when the file is missing or unreadable. */
export function loadHistory(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).reverse();
  } catch {
    return [];
  }
}

/** Saves readline's history (newest first) oldest first, one line each; a failure only loses the history. */
export function saveHistory(file: string, lines: string[]): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${[...lines].reverse().join('\n')}\n`);
  } catch {
    /* the cache folder is not writable: history is a comfort, not worth stopping for */
  }
}
