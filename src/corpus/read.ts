// Folder → articles. One bad file must never sink the corpus: every per-file
// failure becomes a SkippedFile plus a warning, and only a missing or
// non-directory root throws.
import { promises as fs, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { Article, SkippedFile } from '../types.ts';
import { decodeBytes } from './decode.ts';
import { parseArticle } from './parse.ts';
import { readManifest, type ManifestEntry } from './url.ts';

export interface ReadCorpusOptions {
  onWarn?: (msg: string) => void;
  /** Files larger than this are skipped (default 64 MB) so one stray dump cannot exhaust memory. */
  maxBytes?: number;
}

export interface CorpusResult {
  articles: Article[];
  skipped: SkippedFile[];
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const CONCURRENCY = 16;

function isTxt(name: string): boolean {
  return name.toLowerCase().endsWith('.txt');
}

// Relative names use "/" on every platform so file ids are stable.
function rel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'not found (deleted or dangling link)';
    case 'ELOOP':
      return 'symlink loop';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code ? `unreadable (${code})` : `unreadable (${(err as Error)?.message ?? String(err)})`;
  }
}

async function assertDirectory(dir: string): Promise<void> {
  let st: Stats;
  try {
    st = await fs.stat(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`corpus folder does not exist: ${dir}`);
    throw new Error(`corpus folder cannot be read: ${dir} (${describe(err)})`);
  }
  if (!st.isDirectory()) throw new Error(`corpus path is not a directory: ${dir}`);
}

interface Listing {
  files: string[];
  skipped: SkippedFile[];
}

/** All *.txt paths under root, sorted; directories are followed once each (by real path) so link cycles end. */
async function listTxt(root: string): Promise<Listing> {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const visited = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (err) {
      skipped.push({ file: `${rel(root, dir)}/`, reason: describe(err) });
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ file: `${rel(root, dir)}/`, reason: describe(err) });
      return;
    }
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      // Hidden folders (.git, .cache) hold tooling, not articles.
      if (e.isDirectory()) {
        if (isTxt(e.name)) skipped.push({ file: rel(root, abs), reason: 'is a directory' });
        else if (!e.name.startsWith('.')) await walk(abs);
        continue;
      }
      if (e.isSymbolicLink()) {
        let st: Stats;
        try {
          st = await fs.stat(abs);
        } catch (err) {
          if (isTxt(e.name)) skipped.push({ file: rel(root, abs), reason: describe(err) });
          continue;
        }
        if (st.isDirectory()) {
          if (isTxt(e.name)) skipped.push({ file: rel(root, abs), reason: 'is a directory' });
          else if (!e.name.startsWith('.')) await walk(abs);
          continue;
        }
      }
      if (isTxt(e.name)) files.push(abs);
    }
  }

  await walk(root);
  return { files, skipped };
}

type Outcome = { article: Article } | { skip: SkippedFile };

async function readOne(root: string, abs: string, maxBytes: number, onWarn?: (msg: string) => void): Promise<Outcome> {
  const file = rel(root, abs);
  try {
    const st = await fs.stat(abs);
    if (st.isDirectory()) return { skip: { file, reason: 'is a directory' } };
    if (!st.isFile()) return { skip: { file, reason: 'not a regular file' } };
    if (st.size > maxBytes) return { skip: { file, reason: `too large (${st.size} bytes)` } };
    const bytes = await fs.readFile(abs);
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) return { skip: { file, reason: decoded.reason } };
    const article = parseArticle(file, decoded.text, onWarn);
    if (article.paragraphs.length === 0) {
      return { skip: { file, reason: decoded.text.trim() ? 'no article text' : 'empty' } };
    }
    return { article };
  } catch (err) {
    return { skip: { file, reason: describe(err) } };
  }
}

/** The manifest's link where the article gives none, its headline and date where the file has none. */
function withManifest(a: Article, m: ManifestEntry | undefined): Article {
  if (!m) return a;
  const { paragraphs, ...meta } = a;
  return { ...meta, ...(m.title && !a.title ? { title: m.title } : {}), ...(m.date && !a.date ? { date: m.date } : {}), ...(m.url && !a.url ? { url: m.url } : {}), paragraphs };
}

export async function readCorpus(dir: string, opts: ReadCorpusOptions = {}): Promise<CorpusResult> {
  await assertDirectory(dir);
  const root = path.resolve(dir);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const listing = await listTxt(root);
  const manifest = await readManifest(root, opts.onWarn);

  const outcomes = new Map<string, Outcome>();
  for (const s of listing.skipped) outcomes.set(s.file, { skip: s });
  let next = 0;
  async function worker(): Promise<void> {
    while (next < listing.files.length) {
      const abs = listing.files[next++];
      outcomes.set(rel(root, abs), await readOne(root, abs, maxBytes, opts.onWarn));
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  // Sorted by relative name, code-unit order, so runs and machines agree.
  const names = [...outcomes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const o = outcomes.get(name)!;
    if ('article' in o) articles.push(withManifest(o.article, manifest.get(name)));
    else {
      skipped.push(o.skip);
      opts.onWarn?.(`skipped ${o.skip.file}: ${o.skip.reason}`);
    }
  }
  return { articles, skipped };
}
