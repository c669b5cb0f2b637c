import { type SearchIndex } from '../engine/index.ts';
import { openIndex, openInfo, progressBar } from '../app/index.ts';

import type { CliOptions } from './options.ts';

/**
 * Opens the index for a terminal entry point (cached in .cache/index): warnings, progress and a
 * summary line (articles indexed, files skipped) on stderr only, so stdout stays the program's own.
 */
export async function loadIndex(opts: CliOptions): Promise<SearchIndex> {
  const bar = progressBar(process.stderr);
  let index: SearchIndex;
  try {
    index = await openIndex({
      corpusDir: opts.corpusDir,
      reindex: opts.reindex,
      onWarn: (msg) => process.stderr.write(`warning: ${msg}\n`),
      onProgress: bar.onProgress,
    });
  } finally {
    bar.stop();
  }
  process.stderr.write(summaryLine(index) + '\n');
  return index;
}

export function summaryLine(index: SearchIndex): string {
  const info = openInfo(index);
  const skipped = info?.skipped.length ?? 0;
  const how = info ? (info.source === 'cache' ? 'loaded from cache' : 'built') : 'opened';
  const n = index.docs.length;
  return `${n} article${n === 1 ? '' : 's'} indexed (${index.sentences.length} sentences), ${skipped} file${skipped === 1 ? '' : 's'} skipped; ${how}`;
}
