// Code that is loaded by path at run time (the commands, the NLP worker, the bench's children):
// under tsx or vitest the TypeScript source itself; in the shells' ahead-of-time build
// (src/build.mjs) its compiled twin, since plain node cannot load the source.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The build's folder: replaced by a string at compile time (src/build.mjs), unset otherwise. */
const BUILD = process.env.NEWSDESK_BUILD;

/** The file or folder to load for `source` (a source file's URL, or a folder's with a trailing `/`). */
export function runnable(source: URL): URL {
  if (!BUILD) return source;
  const rel = relative(ROOT, fileURLToPath(source)).replace(/\.(ts|mjs)$/, '.mjs');
  return pathToFileURL(join(BUILD, rel) + (source.pathname.endsWith('/') ? '/' : ''));
}
