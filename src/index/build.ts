// Building an index: NLP per article (on worker threads when it pays), then one assembly of the
// packed store; a live rebuild re-uses the stored analysis of unchanged articles (reuse.ts).
import type { Article } from '../types.ts';
import { Assembler, assemble } from './assemble.ts';
import { analyseArticles, type Chunk } from './chunk.ts';
import { analyseInWorkers, defaultWorkers, type NlpWorkers } from './pool.ts';
import { chunkOf, subChunk } from './reuse.ts';
import { indexFromPacked, type Packed } from './store.ts';
import type { SearchIndex } from './types.ts';

export type BuildProgress = (done: number, total: number) => void;

/** Runs NLP once per article in this thread and builds the index (see buildIndexAsync for worker threads). */
export function buildIndex(articles: Article[], onProgress?: BuildProgress): SearchIndex {
  let done = 0;
  const chunk = analyseArticles(articles, undefined, onProgress && (() => onProgress(++done, articles.length)));
  return indexFromPacked(assemble([chunk]));
}

export interface BuildOptions {
  onProgress?: BuildProgress;
  /** NLP worker threads; default by corpus size and cores (0 = this thread). */
  workers?: number;
  /** Worker threads started before the articles were read (startWorkers), used instead of `workers`; closed by the build. */
  started?: NlpWorkers;
  /** Articles whose analysis is taken from an earlier index: position in `articles` → doc number in `from` (live re-indexing). */
  reuse?: { from: Packed; docs: Map<number, number> };
  /** Called when the worker threads cannot run and the build falls back to this thread. */
  onWarn?: (message: string) => void;
}

/**
 * Builds the index with the NLP spread over worker threads (falls back to this thread for small
 * corpora or when workers cannot start). Same result as buildIndex, byte for byte.
 */
export async function buildIndexAsync(articles: Article[], opts: BuildOptions = {}): Promise<SearchIndex> {
  const reuse = opts.reuse?.docs;
  const fresh = articles.filter((_, i) => !reuse?.has(i));
  let done = articles.length - fresh.length;
  const progress = (n: number): void => {
    done += n;
    opts.onProgress?.(done, articles.length);
  };
  const started = opts.started;
  const workers = started ? started.workers.length : (opts.workers ?? defaultWorkers(fresh.length));
  if (started && fresh.length === 0) await started.close();
  let chunks: Chunk[] | undefined;
  if (workers > 0 && fresh.length > 0) {
    // A fresh build assembles each chunk while the workers analyse the next ones: this thread is idle otherwise.
    const assembler = reuse?.size ? undefined : new Assembler();
    try {
      chunks = await analyseInWorkers(fresh, started ?? workers, progress, assembler && ((c) => assembler.add(c)));
    } catch (err) {
      opts.onWarn?.(`NLP worker threads failed, indexing in one thread: ${(err as Error).message.split('\n')[0]}`);
      done = articles.length - fresh.length;
      chunks = undefined;
    }
    if (chunks && assembler) return indexFromPacked(assembler.finish());
  }
  chunks ??= fresh.length ? [analyseArticles(fresh, undefined, () => progress(1))] : [];
  if (!reuse?.size) return indexFromPacked(assemble(chunks));
  // Runs of re-used and of fresh articles, back in corpus order.
  const freshDocs: [Chunk, number][] = chunks.flatMap((c) => c.docs.map((_, k): [Chunk, number] => [c, k]));
  const ordered: Chunk[] = [];
  let f = 0;
  for (let i = 0; i < articles.length; ) {
    let j = i;
    if (reuse.has(i)) {
      const olds: number[] = [];
      while (j < articles.length && reuse.has(j)) olds.push(reuse.get(j++)!);
      ordered.push(chunkOf(opts.reuse!.from, olds));
    } else {
      while (j < articles.length && !reuse.has(j)) {
        const [c, k] = freshDocs[f++];
        ordered.push(subChunk(c, k));
        j++;
      }
    }
    i = j;
  }
  return indexFromPacked(assemble(ordered));
}
