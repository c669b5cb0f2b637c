// `npm run index -- --corpus DIR [--reindex] [--no-wait] [--batch-rows N]`: indexes the corpus
// into PostgreSQL (DATABASE_URL) as a new generation, or into the embedded cache without it.
import { openIndex, progressBar } from '../app/index.ts';
import { createDb, checkReachable } from '../index/pg/db.ts';
import { indexCorpus } from '../app/pg-indexer.ts';
import { loadEnv, parseArgs } from './options.ts';

async function main(): Promise<void> {
  loadEnv();
  const argv = process.argv.slice(2);
  const wait = !argv.includes('--no-wait');
  const at = argv.indexOf('--batch-rows');
  const batchRows = at >= 0 ? Number(argv[at + 1]) : undefined;
  if (batchRows !== undefined && !(Number.isInteger(batchRows) && batchRows > 0)) throw new Error('--batch-rows needs a positive whole number (articles per write transaction)');
  const opts = parseArgs(argv.filter((a, i) => a !== '--no-wait' && (at < 0 || (i !== at && i !== at + 1))));
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  const bar = progressBar(process.stderr);
  const url = process.env.DATABASE_URL;
  try {
    if (!url) {
      const index = await openIndex({ corpusDir: opts.corpusDir, reindex: opts.reindex, onLog: log, onWarn: (m) => log(`warning: ${m}`), onProgress: bar.onProgress });
      bar.stop();
      log(`${index.docs.length} articles indexed into the embedded cache (DATABASE_URL is not set)`);
      return;
    }
    const db = createDb(url);
    try {
      await checkReachable(db);
      const r = await indexCorpus(db, {
        corpusDir: opts.corpusDir,
        force: opts.reindex,
        wait,
        batchRows,
        onLog: log,
        onWarn: (m) => log(`warning: ${m}`),
        onProgress: bar.onProgress,
      });
      bar.stop();
      log(
        r.unchanged
          ? `generation ${r.generation} is current and up to date (${r.articles} articles)`
          : `generation ${r.generation}: ${r.articles} articles, ${r.sentences} sentences (NLP re-used for ${r.reused}) in ${(r.ms / 1000).toFixed(1)} s`,
      );
    } finally {
      await db.close();
    }
  } finally {
    bar.stop();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`index: ${err.message}\n`);
  process.exit(1);
});
