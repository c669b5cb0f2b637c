// NLP over worker threads: the corpus in batches, each worker pulling the next batch when done.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../types.ts';
import type { Chunk } from './chunk.ts';

/** Below this many articles a worker's start-up (model load, ~0.5 s) costs more than it saves. */
export const MIN_ARTICLES_FOR_WORKERS = 400;
const BATCH = 200;

/** Worker threads for a corpus of this size: one per core (at most 4), none for small corpora. */
export function defaultWorkers(articles: number): number {
  if (articles < MIN_ARTICLES_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(4, availableParallelism(), Math.ceil(articles / BATCH)));
}

// Workers run TypeScript sources: they load tsx's loader themselves (the parent may be tsx, vitest or node).
const tsxLoader = (): string => pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Analyses the articles on `workers` threads; chunks come back in article order. */
export async function analyseInWorkers(articles: Article[], workers: number, onArticles?: (n: number) => void): Promise<Chunk[]> {
  const batches: Article[][] = [];
  for (let i = 0; i < articles.length; i += BATCH) batches.push(articles.slice(i, i + BATCH));
  const results: Chunk[] = new Array(batches.length);
  let next = 0;
  const pool: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: Math.min(workers, batches.length) }, () =>
        new Promise<void>((resolveWorker, reject) => {
          const w = new Worker(new URL('./nlp-worker.ts', import.meta.url), { execArgv: ['--import', tsxLoader()] });
          pool.push(w);
          const feed = (): void => {
            if (next >= batches.length) {
              resolveWorker();
              return;
            }
            const task = next++;
            w.postMessage({ task, articles: batches[task] });
          };
          w.on('message', (msg: { ready?: boolean; progress?: number; task?: number; chunk?: Chunk; error?: string }) => {
            if (msg.ready) feed();
            else if (msg.progress !== undefined) onArticles?.(msg.progress);
            else if (msg.error) reject(new Error(`NLP worker failed: ${msg.error}`));
            else if (msg.task !== undefined && msg.chunk) {
              results[msg.task] = msg.chunk;
              feed();
            }
          });
          w.on('error', reject);
          w.on('exit', (code) => {
            if (next < batches.length || code !== 0) reject(new Error(`NLP worker exited with code ${code}`));
          });
        }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
