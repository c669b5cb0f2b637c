// Where a built index is kept between runs, and when it still fits the corpus and the code.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDEX_VERSION } from '../index/store.ts';
import { deserializeIndex, readHeader, serializeIndex } from '../index/serialize.ts';
import type { SearchIndex } from '../index/types.ts';
import { isManifest } from '../corpus/url.ts';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT_ROOT = resolve(SRC, '..');

/** INDEX_CACHE_DIR, else `.cache/index` in the project. */
export const defaultCacheDir = (env: NodeJS.ProcessEnv = process.env): string => (env.INDEX_CACHE_DIR ? resolve(env.INDEX_CACHE_DIR) : join(PROJECT_ROOT, '.cache', 'index'));

/** One cache file per corpus folder. */
export function cacheFileFor(corpusDir: string, cacheDir: string): string {
  const abs = resolve(corpusDir);
  const tag = createHash('sha1').update(abs).digest('hex').slice(0, 12);
  const name =
    basename(abs)
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 40) || 'corpus';
  return join(cacheDir, `${name}-${tag}.ndx`);
}

/** File → [size, mtime ms], for every .txt under the corpus folder. */
export type FileStats = Record<string, [number, number]>;

export interface CorpusFingerprint {
  key: string;
  files: FileStats;
}

/**
 * The corpus as names, sizes and mtimes (no file is read): cheap enough to check on every open.
 * Synchronous stat calls (far cheaper on a large corpus than as many fs.promises.stat through
 * libuv's thread pool; see docs/SCALING.md), with a yield to the event loop every STAT_SLICE files.
 */
export async function corpusFingerprint(corpusDir: string): Promise<CorpusFingerprint> {
  const root = resolve(corpusDir);
  // Plain tuples, relative names by concatenation, and one object built in order at the end: the
  // walk is then about as fast as the stat calls themselves.
  const found: [file: string, size: number, mtime: number][] = [];
  // The manifest's links and headlines go into the index too: a change to it is a change of corpus.
  let manifest = '';
  const visited = new Set<string>();
  let statted = 0;
  async function walk(dir: string, prefix: string): Promise<void> {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++statted % STAT_SLICE === 0) await new Promise<void>((r) => setImmediate(r));
      const abs = join(dir, e.name);
      let st: Stats | undefined;
      try {
        st = statSync(abs, { throwIfNoEntry: false });
      } catch {
        continue;
      }
      if (!st) continue;
      if (st.isDirectory()) await walk(abs, `${prefix}${e.name}/`);
      else if (st.isFile() && e.name.toLowerCase().endsWith('.txt')) found.push([prefix + e.name, st.size, Math.round(st.mtimeMs)]);
      else if (st.isFile() && !prefix && isManifest(e.name)) manifest = `${e.name}\t${st.size}\t${Math.round(st.mtimeMs)}`;
    }
  }
  await walk(root, '');
  found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const h = createHash('sha1').update(manifest ? `${manifest}\n` : '');
  const files: FileStats = {};
  for (const [f, size, mtime] of found) {
    h.update(`${f}\t${size}\t${mtime}\n`);
    files[f] = [size, mtime];
  }
  return { key: h.digest('hex'), files };
}

const STAT_SLICE = 2000;

let codeKey: string | undefined;
/**
 * INDEX_VERSION plus a hash of the code that decides what goes into an index (corpus reading, NLP,
 * keys, the index itself) and of the NLP model and lunr versions: a change to any of them rebuilds.
 */
export function codeFingerprint(): string {
  if (codeKey) return codeKey;
  const h = createHash('sha1').update(INDEX_VERSION);
  for (const dir of ['corpus', 'nlp', 'index']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(SRC, dir))
        .filter((n) => n.endsWith('.ts'))
        .sort();
    } catch {
      /* not shipped as source */
    }
    for (const n of names) h.update(n).update(readFileSync(join(SRC, dir, n)));
  }
  for (const f of ['wink-nlp', 'wink-eng-lite-web-model', 'lunr'].map((p) => join(PROJECT_ROOT, 'node_modules', p, 'package.json'))) {
    try {
      h.update(readFileSync(f));
    } catch {
      /* absent */
    }
  }
  return (codeKey = h.digest('hex'));
}

export interface CacheMeta {
  corpusDir: string;
  corpusKey: string;
  codeKey: string;
  files: FileStats;
  /** Files the corpus reader skipped, to repeat their warnings on a cache hit. */
  skipped: { file: string; reason: string }[];
}

export type CacheRead = { ok: true; index: SearchIndex; meta: CacheMeta; bytes: number } | { ok: false; missing: boolean; stale?: boolean; reason: string };

/**
 * The whole file, read as two halves in parallel: filling fresh memory is what a load costs on a
 * small VM, and two readers do it in ~60% of the time of one (more do not help on 2 cores).
 */
async function readWhole(file: string): Promise<Buffer> {
  const fh = await fs.open(file, 'r');
  try {
    const buf = Buffer.allocUnsafeSlow((await fh.stat()).size);
    const readRange = async (from: number, to: number): Promise<void> => {
      for (let at = from; at < to; ) {
        const { bytesRead } = await fh.read(buf, at, to - at, at);
        if (bytesRead === 0) throw new Error('file shrank while reading');
        at += bytesRead;
      }
    };
    const half = (buf.length >> 13) << 12;
    await Promise.all([readRange(0, half), readRange(half, buf.length)]);
    return buf;
  } finally {
    await fh.close();
  }
}

/** Loads the cache file when it matches `expect`; says why not otherwise (never throws). */
export async function readCache(file: string, expect: { corpusKey: string; codeKey: string }): Promise<CacheRead> {
  let buf: Buffer;
  try {
    buf = await readWhole(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', reason: code === 'ENOENT' ? 'no cached index' : `cache unreadable (${code ?? (err as Error).message})` };
  }
  try {
    const header = readHeader(buf);
    const meta = header.meta as CacheMeta;
    if (header.version !== INDEX_VERSION) return { ok: false, missing: false, stale: true, reason: `cached index is version ${header.version}, engine is ${INDEX_VERSION}` };
    if (meta?.codeKey !== expect.codeKey) return { ok: false, missing: false, stale: true, reason: 'the indexing code changed since the cache was written' };
    if (meta?.corpusKey !== expect.corpusKey) return { ok: false, missing: false, stale: true, reason: 'the corpus changed since the cache was written' };
    const index = deserializeIndex(buf, header);
    return { ok: true, index, meta, bytes: buf.length };
  } catch (err) {
    return { ok: false, missing: false, reason: `cache file is corrupt (${(err as Error).message})` };
  }
}

/** Writes the index atomically: a temp file in the same folder, then rename. Returns the bytes written. */
export async function writeCache(file: string, index: SearchIndex, meta: CacheMeta): Promise<number> {
  await fs.mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const parts = serializeIndex(index, meta);
  let bytes = 0;
  const fh = await fs.open(tmp, 'w');
  try {
    for (const p of parts) {
      for (let at = 0; at < p.length; ) at += (await fh.write(p, at, p.length - at)).bytesWritten;
      bytes += p.length;
    }
    await fh.sync();
  } catch (err) {
    await fh.close();
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  return bytes;
}
