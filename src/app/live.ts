// An index that follows its corpus folder: watched, re-indexed in the background, swapped in whole.
import { type FSWatcher, watch } from 'node:fs';
import { isManifest, readCorpus } from '../corpus/index.ts';
import { buildIndexAsync } from '../index/build.ts';
import type { SearchIndex } from '../index/index.ts';
import { codeFingerprint, corpusFingerprint, type FileStats } from './cache.ts';
import { cacheFileOf, type OpenInfo, type OpenOptions, openIndex, openInfo, opened, saveIndex, since } from './open.ts';

export interface LiveIndex {
  /** The newest complete index (throws until `ready` resolves). */
  current(): SearchIndex;
  ready: Promise<SearchIndex>;
  /** Stops watching; waits for a re-index in progress. */
  close(): Promise<void>;
}

export interface LiveOptions extends OpenOptions {
  /** Quiet time after the last change before re-indexing (default 500 ms). */
  debounceMs?: number;
  /** Called with each newly swapped-in index, so holders of the old one can move over. */
  onSwap?: (index: SearchIndex) => void;
}

/**
 * An index that follows its corpus folder: adding, changing or removing a .txt file re-indexes in
 * the background (debounced; unchanged articles keep their NLP), then swaps the new index in at
 * once. Queries keep using the old index until then.
 */
export function openLiveIndex(opts: LiveOptions): LiveIndex {
  const log = opts.onLog ?? (() => {});
  let index: SearchIndex | undefined;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const reindex = async (): Promise<void> => {
    const old = index!;
    const oldInfo = openInfo(old)!;
    const fingerprint = await corpusFingerprint(opts.corpusDir);
    if (fingerprint.key === oldInfo.corpusKey) return;
    const added = Object.keys(fingerprint.files).filter((f) => !oldInfo.files[f]);
    const removed = Object.keys(oldInfo.files).filter((f) => !fingerprint.files[f]);
    const changed = Object.keys(fingerprint.files).filter(
      (f) => oldInfo.files[f] && (oldInfo.files[f][0] !== fingerprint.files[f][0] || oldInfo.files[f][1] !== fingerprint.files[f][1]),
    );
    const list = (what: string, files: string[]): string => (files.length ? `${what} ${files.length} (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''})` : '');
    const summary = [list('added', added), list('changed', changed), list('removed', removed)].filter(Boolean).join(', ') || 'file dates';
    log(`corpus changed: ${summary}; re-indexing in the background`);
    const t = performance.now();
    const unchanged = new Map<string, number>();
    old.docs.forEach((d, n) => {
      const a = oldInfo.files[d.file];
      const b = fingerprint.files[d.file];
      if (a && b && a[0] === b[0] && a[1] === b[1]) unchanged.set(d.file, n);
    });
    const next = await buildLive(opts, fingerprint, old, unchanged);
    if (closed) return;
    index = next;
    opts.onSwap?.(next);
    log(`index swapped: ${next.docs.length} articles, ${next.sentences.length} sentences (re-indexed in ${since(t)} ms)`);
  };

  const run = (): void => {
    if (closed || !index) return;
    if (running) {
      again = true;
      return;
    }
    running = reindex()
      .catch((err: Error) => (opts.onWarn ?? (() => {}))(`re-indexing failed, still serving the previous index: ${err.message}`))
      .finally(() => {
        running = undefined;
        if (again && !closed) {
          again = false;
          run();
        }
      });
  };

  const schedule = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(run, opts.debounceMs ?? 500);
  };

  const ready = openIndex(opts).then((ix) => {
    index = ix;
    if (!closed) {
      try {
        watcher = watch(opts.corpusDir, { recursive: true }, (_event, name) => {
          if (!name || name.toLowerCase().endsWith('.txt') || !/\.\w+$/.test(name) || isManifest(name)) schedule();
        });
      } catch {
        watcher = watch(opts.corpusDir, () => schedule());
      }
      watcher.on('error', (err) => (opts.onWarn ?? (() => {}))(`corpus watcher: ${err.message}`));
      // A change between the build's fingerprint and the watcher's start is caught by one check now.
      schedule();
    }
    return ix;
  });

  return {
    current(): SearchIndex {
      if (!index) throw new Error('the index is not ready yet (await ready)');
      return index;
    },
    ready,
    async close(): Promise<void> {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      await running;
    },
  };
}

/** A rebuild that keeps the NLP of unchanged articles (by file name, size and mtime). */
async function buildLive(opts: OpenOptions, fingerprint: { key: string; files: FileStats }, old: SearchIndex, unchanged: Map<string, number>): Promise<SearchIndex> {
  const codeKey = codeFingerprint();
  const file = cacheFileOf(opts);
  const log = opts.onLog ?? (() => {});
  const warn = opts.onWarn ?? (() => {});
  let t = performance.now();
  const { articles, skipped } = await readCorpus(opts.corpusDir, { onWarn: opts.onWarn });
  const ms: OpenInfo['ms'] = { fingerprint: 0, read: since(t) };
  const docs = new Map<number, number>();
  articles.forEach((a, i) => {
    const n = unchanged.get(a.file);
    // An unchanged file whose manifest row changed gets its new headline, date or link from a fresh pass.
    if (n === undefined) return;
    const was = old.docs[n];
    if (was.title === a.title && was.date === a.date && was.url === a.url) docs.set(i, n);
  });
  t = performance.now();
  const index = await buildIndexAsync(articles, { workers: opts.workers, onWarn: warn, reuse: { from: old.packed, docs } });
  ms.build = since(t);
  const info: OpenInfo = { source: 'build', reason: 'corpus changed', ms, files: fingerprint.files, corpusKey: fingerprint.key, cacheFile: file, skipped };
  if (file) {
    t = performance.now();
    info.cacheBytes = await saveIndex(file, index, { corpusDir: opts.corpusDir, corpusKey: fingerprint.key, codeKey, files: fingerprint.files, skipped }, warn);
    if (info.cacheBytes !== undefined) ms.save = since(t);
  }
  log(`re-indexed ${articles.length - docs.size} new or changed article(s), re-used ${docs.size}`);
  return opened(index, info);
}
