import { readCorpus } from '../corpus/index.ts';
import { buildIndex, type BuildProgress } from '../index/build.ts';
import type { SearchIndex } from '../index/types.ts';

export interface OpenOptions {
  corpusDir: string;
  onWarn?: (message: string) => void;
  onProgress?: BuildProgress;
}

/** Reads the corpus folder and builds the index over it. */
export async function openIndex(opts: OpenOptions): Promise<SearchIndex> {
  const { articles } = await readCorpus(opts.corpusDir, { onWarn: opts.onWarn });
  return buildIndex(articles, opts.onProgress);
}
