import { backendOf, openPgIndex } from '../app/postgres.ts';
import type { SearchIndex } from '../engine/index.ts';
import { openIndex, openInfo, progressBar } from '../app/index.ts';
import type { CliOptions } from './options.ts';

/** An open index for a terminal entry point: the newest one (a PostgreSQL index follows new generations). */
export interface LoadedIndex {
  current(): SearchIndex;
  close(): Promise<void>;
}

/**
 * Opens the index for a terminal entry point: from PostgreSQL when DATABASE_URL is set, else
 * embedded (cached in .cache/index). Warnings, progress and a summary line (articles indexed,
 * files skipped) go to stderr only, so stdout stays the program's own.
 */
export async function loadIndex(opts: CliOptions, env: NodeJS.ProcessEnv = process.env): Promise<LoadedIndex> {
  const bar = progressBar(process.stderr);
  const onWarn = (msg: string): void => void process.stderr.write(`warning: ${msg}\n`);
  let loaded: LoadedIndex;
  try {
    if (env.DATABASE_URL) {
      const pg = await openPgIndex({ url: env.DATABASE_URL, corpusDir: opts.corpusDir, reindex: opts.reindex, onWarn, onProgress: bar.onProgress });
      loaded = { current: pg.current, close: pg.close };
    } else {
      const index = await openIndex({ corpusDir: opts.corpusDir, reindex: opts.reindex, onWarn, onProgress: bar.onProgress });
      loaded = { current: () => index, close: async () => {} };
    }
  } finally {
    bar.stop();
  }
  process.stderr.write(`${summaryLine(loaded.current())}\n`);
  return loaded;
}

export function summaryLine(index: SearchIndex): string {
  const info = openInfo(index);
  const skipped = info?.skipped.length ?? 0;
  const how = backendOf(index) === 'postgres' ? 'from PostgreSQL' : info ? (info.source === 'cache' ? 'loaded from cache' : 'built') : 'opened';
  const n = index.docs.length;
  return `${n} article${n === 1 ? '' : 's'} indexed (${index.sentences.length} sentences), ${skipped} file${skipped === 1 ? '' : 's'} skipped; ${how}`;
}
