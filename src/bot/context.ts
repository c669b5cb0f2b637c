// The index the commands use: loading at first, swappable later (a live re-index calls `set`).
import type { SearchIndex } from '../engine/index.ts';
import type { BotContext } from './command.ts';
import { createLogger, type Logger } from './log.ts';

export interface IndexHolder extends BotContext {
  /** Replaces the index (e.g. after a re-index); interactions from now on use the new one. */
  set(index: SearchIndex): void;
}

/** Wraps a loading (or loaded) index. A failed load makes `ready` reject; `set` can still recover. */
export function createContext(source: SearchIndex | Promise<SearchIndex>, log: Logger = createLogger()): IndexHolder {
  let current: SearchIndex | undefined;
  let settle!: (i: SearchIndex) => void;
  let fail!: (e: unknown) => void;
  let ready = new Promise<SearchIndex>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  ready.catch(() => {}); // the failure is reported to the users who asked, and logged once below
  Promise.resolve(source).then(
    (index) => {
      if (!current) {
        current = index;
        settle(index);
      }
    },
    (err) => {
      if (!current) fail(err);
    },
  );
  return {
    index: () => current,
    get ready() {
      return current ? Promise.resolve(current) : ready;
    },
    log,
    set(index: SearchIndex) {
      current = index;
      settle(index);
      ready = Promise.resolve(index);
    },
  };
}
