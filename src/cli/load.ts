import { openIndex, type SearchIndex } from '../engine/index.ts';
import { progressBar } from '../index/progress.ts';
import type { CliOptions } from './options.ts';

/** Opens the index for a terminal entry point (cached in .cache/index), warnings and progress on stderr only. */
export async function loadIndex(opts: CliOptions): Promise<SearchIndex> {
  const bar = progressBar(process.stderr);
  try {
    return await openIndex({
      corpusDir: opts.corpusDir,
      reindex: opts.reindex,
      onWarn: (msg) => process.stderr.write(`warning: ${msg}\n`),
      onProgress: bar.onProgress,
    });
  } finally {
    bar.stop();
  }
}
