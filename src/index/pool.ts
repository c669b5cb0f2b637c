// NLP over worker threads: the corpus in batches, dealt to the workers in turn.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../types.ts';
import type { Chunk } from './chunk.ts';
import { runnable } from '../runnable.ts';

/** Below this many articles a worker's start-up (a model load) costs more than it saves. */
export const MIN_ARTICLES_FOR_WORKERS = 400;
const BATCH = 200;

/**
 * Worker threads for a build: INDEX_WORKERS when set (0 = this thread), else 2 on a machine with 2
 * or more cores. Measured on the 2-core box, 12,956 articles: 37.2 s in one thread against 33.7 s on
 * 2 workers (quiet machine, load ~1); on a busy box (load 4–6) 4,000 articles took 25.2 s on 2
 * workers against 17.9 s in one thread, so set INDEX_WORKERS=0 where the cores are shared.
 */
export function defaultWorkers(articles: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.INDEX_WORKERS ? Number(env.INDEX_WORKERS) : availableParallelism() >= 2 ? 2 : 0;
  if (!Number.isFinite(asked) || asked <= 0 || articles < MIN_ARTICLES_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(asked, availableParallelism(), Math.ceil(articles / BATCH)));
}

/**
 * NLP worker threads, started before their articles are known, so that their start-up (tsx and a
 * model load each, about a second) overlaps the corpus read.
 */
export interface NlpWorkers {
  workers: Worker[];
  /** Per worker: resolves once its model is loaded, rejects if it fails first. */
  ready: Promise<void>[];
  close(): Promise<void>;
}

export function startWorkers(count: number): NlpWorkers {
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  for (let k = 0; k < count; k++) {
    // From source, a .mjs bootstrap registers tsx in the worker (the parent may be tsx, vitest or plain
    // node); in the shells' build, the compiled worker of the same name.
    const w = new Worker(runnable(new URL('./nlp-worker.mjs', import.meta.url)), { execArgv: [] });
    workers.push(w);
    const up = new Promise<void>((resolve, reject) => {
      const onMessage = (msg: { ready?: boolean }): void => {
        if (!msg.ready) return;
        w.off('message', onMessage);
        resolve();
      };
      w.on('message', onMessage);
      w.on('error', reject);
      w.once('exit', (code) => reject(new Error(`NLP worker exited with code ${code}`)));
    });
    // Whoever uses the worker awaits it; a pool closed unused must not leave a rejection unhandled.
    up.catch(() => {});
    ready.push(up);
  }
  return { workers, ready, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}

/**
 * Analyses the articles on `workers` threads (or on threads already started, which it closes);
 * chunks come back in article order, and each is handed to `onChunk` as soon as the chunks before
 * it are in (the worker has its next batch by then).
 */
export async function analyseInWorkers(articles: Article[], workers: number | NlpWorkers, onArticles?: (n: number) => void, onChunk?: (chunk: Chunk) => void): Promise<Chunk[]> {
  const batches: Article[][] = [];
  for (let i = 0; i < articles.length; i += BATCH) batches.push(articles.slice(i, i + BATCH));
  const results: Chunk[] = new Array(batches.length);
  const pool = typeof workers === 'number' ? startWorkers(Math.min(workers, batches.length)) : workers;
  const count = Math.min(pool.workers.length, batches.length);
  let handed = 0;
  try {
    await Promise.all(
      pool.workers.slice(0, count).map(
        (w, k) =>
          new Promise<void>((resolveWorker, reject) => {
            // wink-nlp's output depends on what the instance has read before (its lexicon cache learns
            // tokens: "v. L.C.." ends a sentence or not): worker k always takes batches k, k + count, …,
            // so the same corpus gives the same index on every build.
            let next = k;
            const feed = (): void => {
              if (next >= batches.length) {
                resolveWorker();
                return;
              }
              const task = next;
              next += count;
              w.postMessage({ task, articles: batches[task] });
            };
            w.on('message', (msg: { progress?: number; task?: number; chunk?: Chunk; error?: string }) => {
              if (msg.progress !== undefined) onArticles?.(msg.progress);
              else if (msg.error) reject(new Error(`NLP worker failed: ${msg.error}`));
              else if (msg.task !== undefined && msg.chunk) {
                results[msg.task] = msg.chunk;
                feed();
                try {
                  while (onChunk && handed < batches.length && results[handed]) onChunk(results[handed++]);
                } catch (err) {
                  reject(err);
                }
              }
            });
            w.on('error', reject);
            w.on('exit', (code) => {
              if (next < batches.length || code !== 0) reject(new Error(`NLP worker exited with code ${code}`));
            });
            pool.ready[k].then(feed, reject);
          }),
      ),
    );
  } finally {
    await pool.close();
  }
  return results;
}
