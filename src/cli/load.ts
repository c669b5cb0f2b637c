import { openIndex, type SearchIndex } from '../engine/index.ts';
import type { CliOptions } from './options.ts';

/** Opens the index for a terminal entry point, warnings and progress on stderr only. */
export async function loadIndex(opts: CliOptions): Promise<SearchIndex> {
  return openIndex({
    corpusDir: opts.corpusDir,
    onWarn: (msg) => process.stderr.write(`warning: ${msg}\n`),
  });
}
