import { watch, type FSWatcher } from 'node:fs';
import { isManifest, readCorpus } from '../corpus/index.ts';
import type { BuildProgress } from '../index/build.ts';
import { buildIndexAsync } from '../index/build.ts';
import { cacheFileFor, codeFingerprint, corpusFingerprint, defaultCacheDir, readCache, writeCache, type CacheMeta, type FileStats } from './cache.ts';
import type { SearchIndex } from '../index/index.ts';
import { warmUp } from './warm.ts';
import type { SkippedFile } from '../types.ts';

export interface OpenOptions {
  corpusDir: string;
  onWarn?: (message: string) => void;
  onProgress?: BuildProgress;
  /** What happened: loaded from cache, built (and why), saved, re-indexed. */
  onLog?: (message: string) => void;
  /** Cache folder; default INDEX_CACHE_DIR or `.cache/index` in the project; false: no cache. */
  cacheDir?: string | false;
  /** Rebuild even when the cache matches (`--reindex`). */
  reindex?: boolean;
  /** NLP worker threads for a build (default: by corpus size and cores; 0 = this thread). */
  workers?: number;
}

/** How an index came to be (for logs, tests and the bench). */
export interface OpenInfo {
  source: 'cache' | 'build';
  /** Why it was built (no cache, corpus changed, corrupt file, --reindex). */
  reason?: string;
  cacheFile?: string;
  /** Bytes of the cache file read or written. */
  cacheBytes?: number;
  ms: { fingerprint: number; read?: number; load?: number; build?: number; save?: number };
  files: FileStats;
  corpusKey: string;
  /** Corpus files left out, with the reason (also reported through onWarn). */
  skipped: SkippedFile[];
}

const infos = new WeakMap<SearchIndex, OpenInfo>();
export const openInfo = (index: SearchIndex): OpenInfo | undefined => infos.get(index);

const since = (t: number): number => Math.round(performance.now() - t);

/**
 * Opens the index of a corpus folder: from the cache when it matches the corpus (names, sizes,
 * mtimes) and the indexing code, else reads the corpus, builds (NLP on worker threads) and saves
 * the cache atomically. A corrupt cache is a warning and a rebuild, never a crash.
 */
export async function openIndex(opts: OpenOptions): Promise<SearchIndex> {
  const log = opts.onLog ?? (() => {});
  const warn = opts.onWarn ?? (() => {});
  let t = performance.now();
  const fp = await corpusFingerprint(opts.corpusDir);
  const ms: OpenInfo['ms'] = { fingerprint: since(t) };
  const codeKey = codeFingerprint();
  const cacheDir = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultCacheDir());
  const file = cacheDir ? cacheFileFor(opts.corpusDir, cacheDir) : undefined;
  let reason = opts.reindex ? '--reindex' : 'cache disabled';
  if (file && !opts.reindex) {
    t = performance.now();
    const got = await readCache(file, { corpusKey: fp.key, codeKey });
    if (got.ok) {
      ms.load = since(t);
      for (const s of got.meta.skipped ?? []) warn(`skipped ${s.file}: ${s.reason}`);
      log(`index loaded from cache ${file} (${got.index.docs.length} articles, ${got.index.sentences.length} sentences) in ${ms.fingerprint + ms.load} ms`);
      infos.set(got.index, { source: 'cache', cacheFile: file, cacheBytes: got.bytes, ms, files: got.meta.files, corpusKey: fp.key, skipped: got.meta.skipped ?? [] });
      warmUp(got.index);
      return got.index;
    }
    reason = got.reason;
    if (!got.missing && !got.stale) warn(`${got.reason}: ${file}; rebuilding the index`);
  }
  return build(opts, fp, codeKey, file, reason, ms);
}

async function build(
  opts: OpenOptions,
  fp: { key: string; files: FileStats },
  codeKey: string,
  file: string | undefined,
  reason: string,
  ms: OpenInfo['ms'],
): Promise<SearchIndex> {
  const log = opts.onLog ?? (() => {});
  const warn = opts.onWarn ?? (() => {});
  log(`building the index of ${opts.corpusDir} (${reason})`);
  let t = performance.now();
  const { articles, skipped } = await readCorpus(opts.corpusDir, { onWarn: opts.onWarn });
  const readMs = since(t);
  t = performance.now();
  const index = await buildIndexAsync(articles, { onProgress: opts.onProgress, workers: opts.workers, onWarn: warn });
  ms.read = readMs;
  ms.build = since(t);
  const info: OpenInfo = { source: 'build', reason, ms, files: fp.files, corpusKey: fp.key, cacheFile: file, skipped };
  log(`index built: ${index.docs.length} articles, ${index.sentences.length} sentences; read ${readMs} ms, indexed ${ms.build} ms`);
  if (file) {
    t = performance.now();
    const meta: CacheMeta = { corpusDir: opts.corpusDir, corpusKey: fp.key, codeKey, files: fp.files, skipped };
    try {
      info.cacheBytes = await writeCache(file, index, meta);
      ms.save = since(t);
      log(`index saved to ${file} (${(info.cacheBytes / 1e6).toFixed(1)} MB) in ${ms.save} ms`);
    } catch (err) {
      warn(`could not save the index cache ${file}: ${(err as Error).message}`);
    }
  }
  infos.set(index, info);
  warmUp(index);
  return index;
}

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
    const oldInfo = infos.get(old)!;
    const fp = await corpusFingerprint(opts.corpusDir);
    if (fp.key === oldInfo.corpusKey) return;
    const added = Object.keys(fp.files).filter((f) => !oldInfo.files[f]);
    const removed = Object.keys(oldInfo.files).filter((f) => !fp.files[f]);
    const changed = Object.keys(fp.files).filter((f) => oldInfo.files[f] && (oldInfo.files[f][0] !== fp.files[f][0] || oldInfo.files[f][1] !== fp.files[f][1]));
    const list = (what: string, files: string[]): string => (files.length ? `${what} ${files.length} (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''})` : '');
    const summary = [list('added', added), list('changed', changed), list('removed', removed)].filter(Boolean).join(', ') || 'file dates';
    log(`corpus changed: ${summary}; re-indexing in the background`);
    const t = performance.now();
    const unchanged = new Map<string, number>();
    old.docs.forEach((d, n) => {
      const a = oldInfo.files[d.file];
      const b = fp.files[d.file];
      if (a && b && a[0] === b[0] && a[1] === b[1]) unchanged.set(d.file, n);
    });
    const next = await buildLive(opts, fp, old, unchanged);
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
async function buildLive(opts: OpenOptions, fp: { key: string; files: FileStats }, old: SearchIndex, unchanged: Map<string, number>): Promise<SearchIndex> {
  const codeKey = codeFingerprint();
  const cacheDir = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultCacheDir());
  const file = cacheDir ? cacheFileFor(opts.corpusDir, cacheDir) : undefined;
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
  const info: OpenInfo = { source: 'build', reason: 'corpus changed', ms, files: fp.files, corpusKey: fp.key, cacheFile: file, skipped };
  if (file) {
    t = performance.now();
    try {
      info.cacheBytes = await writeCache(file, index, { corpusDir: opts.corpusDir, corpusKey: fp.key, codeKey, files: fp.files, skipped });
      ms.save = since(t);
    } catch (err) {
      warn(`could not save the index cache ${file}: ${(err as Error).message}`);
    }
  }
  log(`re-indexed ${articles.length - docs.size} new or changed article(s), re-used ${docs.size}`);
  infos.set(index, info);
  warmUp(index);
  return index;
}
