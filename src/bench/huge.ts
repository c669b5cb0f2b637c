// The bench's huge-document corpus: the seed articles plus one article of about 4.3 MB made of the
// press releases of a large corpus (its doj_* files, else any), back to back, as a file of collected
// releases is. Written under .cache/ (git-ignored), rewritten only when it is missing.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** About the size of the file of collected press releases that made one query take seconds. */
export const HUGE_BYTES = 4_300_000;

export function hugeCorpus(projectRoot: string, from: string): string {
  const dir = join(projectRoot, '.cache', 'bench-huge');
  const article = join(dir, 'zz_collected_press_releases.txt');
  if (existsSync(article)) return dir;
  const names = readdirSync(from)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const releases = names.some((f) => f.startsWith('doj_')) ? names.filter((f) => f.startsWith('doj_')) : names;
  const lines = [' date 2018-06-30', 'Collected press releases', ''];
  let bytes = 0;
  for (const f of releases) {
    const text = readFileSync(join(from, f), 'utf8');
    // Each release's own date header goes; its headline and paragraphs stay, one paragraph a line.
    lines.push(
      ...text
        .split('\n')
        .slice(1)
        .filter((l) => l.trim()),
    );
    bytes += Buffer.byteLength(text);
    if (bytes >= HUGE_BYTES) break;
  }
  if (bytes < HUGE_BYTES) throw new Error(`${from} has ${bytes} bytes of articles, fewer than the ${HUGE_BYTES} the huge article needs`);
  mkdirSync(dir, { recursive: true });
  const seeds = join(projectRoot, 'seeds');
  for (const f of readdirSync(seeds)) if (f.endsWith('.txt')) copyFileSync(join(seeds, f), join(dir, f));
  writeFileSync(`${article}.tmp`, `${lines.join('\n')}\n`);
  renameSync(`${article}.tmp`, article);
  return dir;
}
