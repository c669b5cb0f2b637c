// Worker thread: analyses batches of articles (see chunk.ts) and transfers the packed result back.
import { parentPort } from 'node:worker_threads';
import type { Article } from '../types.ts';
import { analyseArticles, buildEngine, chunkBuffers } from './chunk.ts';

const engine = buildEngine();
parentPort!.on('message', (msg: { task: number; articles: Article[] }) => {
  try {
    let n = 0;
    const chunk = analyseArticles(msg.articles, engine, () => {
      if (++n % 25 === 0) parentPort!.postMessage({ progress: 25 });
    });
    parentPort!.postMessage({ progress: n % 25 });
    parentPort!.postMessage({ task: msg.task, chunk }, chunkBuffers(chunk));
  } catch (err) {
    parentPort!.postMessage({ task: msg.task, error: (err as Error).stack ?? String(err) });
  }
});
parentPort!.postMessage({ ready: true });
