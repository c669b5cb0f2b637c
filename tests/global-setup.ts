// One temporary folder per test run, removed when the run ends: every test's temp corpora, caches
// and child processes' files go under it, because os.tmpdir() reads TMPDIR, which the test workers
// and the processes they start inherit. Test corpora's index caches go there too, not into .cache.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-test-'));
  // Open to every user, as /tmp is: the embedded PostgreSQL runs initdb as another user.
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  process.env.INDEX_CACHE_DIR = join(root, 'index-cache');
  return () => rmSync(root, { recursive: true, force: true });
}
