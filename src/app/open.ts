import { readCorpus } from '../corpus/index.ts';
import type { BuildProgress } from '../index/build.ts';
import { buildIndexAsync } from '../index/build.ts';
import { defaultWorkers, startWorkers } from '../index/pool.ts';
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

/** Records how an index came to be, and warms it up: the last step of every open or re-index. */
export function opened(index: SearchIndex, info: OpenInfo): SearchIndex {
  infos.set(index, info);
  warmUp(index);
  return index;
}

export const since = (t: number): number => Math.round(performance.now() - t);

/** Where an open's cache file lives, or undefined when caching is off. */
export function cacheFileOf(opts: OpenOptions): string | undefined {
  const cacheDir = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultCacheDir());
  return cacheDir ? cacheFileFor(opts.corpusDir, cacheDir) : undefined;
}

/** Saves a built index; a failure is a warning, since the index itself is fine. Returns the bytes written. */
export async function saveIndex(file: string, index: SearchIndex, meta: CacheMeta, warn: (message: string) => void): Promise<number | undefined> {
  try {
    return await writeCache(file, index, meta);
  } catch (err) {
    warn(`could not save the index cache ${file}: ${(err as Error).message}`);
    return undefined;
  }
}

/**
 * Opens the index of a corpus folder: from the cache when it matches the corpus (names, sizes,
 * mtimes) and the indexing code, else reads the corpus, builds (NLP on worker threads) and saves
 * the cache atomically. A corrupt cache is a warning and a rebuild, never a crash.
 */
export async function openIndex(opts: OpenOptions): Promise<SearchIndex> {
  const log = opts.onLog ?? (() => {});
  const warn = opts.onWarn ?? (() => {});
  let t = performance.now();
  const fingerprint = await corpusFingerprint(opts.corpusDir);
  const ms: OpenInfo['ms'] = { fingerprint: since(t) };
  const codeKey = codeFingerprint();
  const file = cacheFileOf(opts);
  let reason = opts.reindex ? '--reindex' : 'cache disabled';
  if (file && !opts.reindex) {
    t = performance.now();
    const got = await readCache(file, { corpusKey: fingerprint.key, codeKey });
    if (got.ok) {
      ms.load = since(t);
      for (const s of got.meta.skipped ?? []) warn(`skipped ${s.file}: ${s.reason}`);
      log(`index loaded from cache ${file} (${got.index.docs.length} articles, ${got.index.sentences.length} sentences) in ${ms.fingerprint + ms.load} ms`);
      return opened(got.index, { source: 'cache', cacheFile: file, cacheBytes: got.bytes, ms, files: got.meta.files, corpusKey: fingerprint.key, skipped: got.meta.skipped ?? [] });
    }
    reason = got.reason;
    if (!got.missing && !got.stale) warn(`${got.reason}: ${file}; rebuilding the index`);
  }
  return build(opts, fingerprint, codeKey, file, reason, ms);
}

async function build(
  opts: OpenOptions,
  fingerprint: { key: string; files: FileStats },
  codeKey: string,
  file: string | undefined,
  reason: string,
  ms: OpenInfo['ms'],
): Promise<SearchIndex> {
  const log = opts.onLog ?? (() => {});
  const warn = opts.onWarn ?? (() => {});
  log(`building the index of ${opts.corpusDir} (${reason})`);
  let t = performance.now();
  // The NLP workers start (a model load each) while the corpus is read, not after it.
  const started = startWorkers(opts.workers ?? defaultWorkers(Object.keys(fingerprint.files).length));
  let read: Awaited<ReturnType<typeof readCorpus>>;
  try {
    read = await readCorpus(opts.corpusDir, { onWarn: opts.onWarn });
  } catch (err) {
    await started.close();
    throw err;
  }
  const { articles, skipped } = read;
  const readMs = since(t);
  t = performance.now();
  const index = await buildIndexAsync(articles, { onProgress: opts.onProgress, started, onWarn: warn });
  ms.read = readMs;
  ms.build = since(t);
  const info: OpenInfo = { source: 'build', reason, ms, files: fingerprint.files, corpusKey: fingerprint.key, cacheFile: file, skipped };
  log(`index built: ${index.docs.length} articles, ${index.sentences.length} sentences; read ${readMs} ms, indexed ${ms.build} ms`);
  if (file) {
    t = performance.now();
    const meta: CacheMeta = { corpusDir: opts.corpusDir, corpusKey: fingerprint.key, codeKey, files: fingerprint.files, skipped };
    info.cacheBytes = await saveIndex(file, index, meta, warn);
    if (info.cacheBytes !== undefined) {
      ms.save = since(t);
      log(`index saved to ${file} (${(info.cacheBytes / 1e6).toFixed(1)} MB) in ${ms.save} ms`);
    }
  }
  return opened(index, info);
}
