import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliOptions {
  json: boolean;
  corpusDir: string;
  reindex: boolean;
  /** `--help`: print usage and exit 0. */
  help: boolean;
}

/** Loads `.env` from the project root when there is one; real environment variables win. */
export function loadEnv(): void {
  const file = join(PROJECT_ROOT, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Parses the flags shared by every entry point; throws with the offending flag on a bad one. */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const opts: CliOptions = { json: false, corpusDir: env.CORPUS_DIR || join(PROJECT_ROOT, 'seeds'), reindex: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') opts.json = true;
    else if (arg === '--reindex') opts.reindex = true;
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else if (arg === '--corpus') {
      const dir = argv[++i];
      if (!dir) throw new Error('--corpus needs a folder, e.g. --corpus ./articles');
      opts.corpusDir = dir;
    } else if (arg.startsWith('--corpus=')) opts.corpusDir = arg.slice('--corpus='.length);
    else throw new Error(`unknown option ${JSON.stringify(arg)} (known: --json, --corpus DIR, --reindex, --help)`);
  }
  opts.corpusDir = resolve(opts.corpusDir);
  return opts;
}
