// The shells' ahead-of-time build (src/launch.mjs): the TypeScript compiled once with esbuild into
// .cache/build/KEY/, so that `npm start`, `ask` and `bench` run on plain node. Under `--import tsx`
// Node 20 runs tsx's module hooks in a thread of its own, with its own V8 heap: about 35 MB of every
// shell's RSS (docs/SCALING.md). KEY is a hash of the sources' names, sizes and mtimes, so an edit
// gives a new build at the next start and an unchanged tree is not compiled again.
//
// One esbuild run bundles the shells, the NLP worker and every commands/*.ts as entries with shared
// chunks, so a command loaded at run time meets the same module instances as the bot that loads it.
// Inside the bundle each module's `import.meta.url` is its source file's URL, so paths it resolves
// against it (the project root, seeds/, .env, node_modules, the indexing code's hash) mean what they
// mean under tsx; code loaded by path at run time asks src/runnable.ts for its compiled twin.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Built on every run, whichever shell starts: the shells' own children and run-time loads need them. */
const ENTRIES = ['src/main.ts', 'src/cli/ask.ts', 'src/bench/bench.ts', 'src/index/nlp-worker.ts'];
/** Build folders kept: a running process may still load from its own (a re-index starts NLP workers). */
const KEEP = 4;

/** Project-relative paths, `/`-separated, of the files under `dir` (recursively), sorted. */
function filesUnder(dir) {
  const out = [];
  const walk = (abs) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const p = join(abs, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(root, p).split(sep).join('/'));
    }
  };
  if (existsSync(join(root, dir))) walk(join(root, dir));
  return out.sort();
}

/** The entries of one build: the shells', the commands', and `entry` if it is none of them. */
function buildEntries(entry) {
  const commands = filesUnder('commands').filter((f) => /\.ts$/.test(f) && !/\.(d|test|spec)\.ts$/.test(f));
  return [...new Set([...ENTRIES, ...commands, entry])];
}

/** What a build depends on: the sources' names, sizes and mtimes, the entries, the compiler's version. */
function buildKey(entries) {
  const h = createHash('sha1');
  h.update(`${entries.join('\n')}\n`);
  h.update(readFileSync(join(root, 'node_modules', 'esbuild', 'package.json')));
  const files = [...filesUnder('src'), ...filesUnder('commands'), ...entries, 'tsconfig.json', 'package.json'];
  for (const f of [...new Set(files)]) {
    const s = statSync(join(root, f));
    h.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

/** Gives each TypeScript module its source file's URL as `import.meta.url`. */
const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const href = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.url\b/g, href), loader: 'ts' };
    });
  },
};

/** Removes all but the newest KEEP builds, and unfinished ones an hour old (a build that died). */
function prune(dir, keep) {
  const now = Date.now();
  const builds = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const mtime = statSync(p).mtimeMs;
    if (name.startsWith('.tmp-')) {
      if (now - mtime > 3600_000) rmSync(p, { recursive: true, force: true });
    } else if (name !== keep) builds.push({ p, mtime });
  }
  builds.sort((a, b) => b.mtime - a.mtime);
  for (const b of builds.slice(KEEP - 1)) rmSync(b.p, { recursive: true, force: true });
}

/**
 * The build folder for `entry` (project-relative, e.g. `src/main.ts`), compiled now if the sources
 * changed since the last one. Its outputs mirror the sources with `.mjs` for `.ts`
 * (`src/main.ts` → `DIR/src/main.mjs`). Concurrent starts each compile into a folder of their own
 * and rename it into place; the first wins, the others use it.
 */
export async function ensureBuild(entry, dir = join(root, '.cache', 'build')) {
  const entries = buildEntries(entry);
  const key = buildKey(entries);
  const out = join(dir, key);
  if (existsSync(out)) return out;
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.tmp-${key}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const esbuild = await import('esbuild');
  try {
    await esbuild.build({
      entryPoints: entries.map((e) => join(root, e)),
      outdir: tmp,
      outbase: root,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'silent',
      define: { 'process.env.NEWSDESK_BUILD': JSON.stringify(out) },
      plugins: [sourceUrls],
    });
    renameSync(tmp, out);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(out)) throw err;
  }
  prune(dir, key);
  return out;
}

/** Where the build puts the compiled `entry`. */
export const builtPath = (dir, entry) => join(dir, entry.replace(/\.ts$/, '.mjs'));

/** `entry` as a project-relative path with `/`, from a path relative to the working folder. */
export const projectPath = (entry) => relative(root, resolve(entry)).split(sep).join('/');
