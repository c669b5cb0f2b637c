// The layer rules of docs/DESIGN.md, read from the imports themselves, so a change that breaks one
// fails here instead of slowly undoing the architecture:
//   corpus, nlp → index → engine → app → shells (cli, bot, bench, commands, main.ts, config.ts)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MAX_LINES = 400;
function filesUnder(dir: string, ext = '.ts'): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...filesUnder(rel, ext));
    else if (name.endsWith(ext)) out.push(rel);
  }
  return out;
}

const foldersUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((name) => statSync(join(ROOT, dir, name)).isDirectory())
    .flatMap((name) => [join(dir, name), ...foldersUnder(join(dir, name))]);

/** The project files a source file imports (relative specifiers only), as paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g), ...text.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)];
  return specs.map((m) => relative(ROOT, resolve(ROOT, dirname(file), m[1])));
}

const SOURCES = [...filesUnder('src'), ...filesUnder('commands')];
const layer = (file: string): string => {
  if (file.startsWith('commands/')) return 'shell';
  const top = file.split('/')[1];
  if (['corpus', 'nlp'].includes(top)) return 'base';
  if (top === 'index') return 'index';
  if (top === 'engine') return 'engine';
  if (top === 'app') return 'app';
  return 'shell';
};
const RANK: Record<string, number> = { base: 0, index: 1, engine: 2, app: 3, shell: 4 };
// Imported by every layer: they import nothing of the project themselves.
const SHARED = new Set(['src/types.ts', 'src/runnable.ts']);

function violations(test: (from: string, to: string) => string | undefined): string[] {
  const out: string[] = [];
  for (const from of SOURCES) {
    for (const to of importsOf(from)) {
      const why = test(from, to);
      if (why) out.push(`${from} → ${to}: ${why}`);
    }
  }
  return out;
}

describe('layers point one way', () => {
  it('finds the imports it checks', () => {
    expect(importsOf('src/engine/answer.ts')).toContain('src/engine/query.ts');
    expect(importsOf('src/cli/ask.ts')).toContain('src/engine/index.ts');
  });

  it('no file imports from a layer above its own (corpus, nlp < index < engine < app < shells)', () => {
    expect(violations((from, to) => (!SHARED.has(to) && RANK[layer(to)] > RANK[layer(from)] ? `${layer(from)} imports ${layer(to)}` : undefined))).toEqual([]);
  });

  it('the engine reads the index only through src/index/index.ts', () => {
    expect(violations((from, to) => (layer(from) === 'engine' && layer(to) === 'index' && to !== 'src/index/index.ts' ? 'not the index entry' : undefined))).toEqual([]);
  });

  it('the shells and src/app import the engine only through src/engine/index.ts', () => {
    expect(violations((from, to) => (RANK[layer(from)] > RANK.engine && layer(to) === 'engine' && to !== 'src/engine/index.ts' ? 'an engine internal' : undefined))).toEqual([]);
  });
});

describe('the house', () => {
  it(`has no source file over ${MAX_LINES} lines in src/ or commands/`, () => {
    const long = SOURCES.map((f) => [f, readFileSync(join(ROOT, f), 'utf8').split('\n').length - 1] as const).filter(([, n]) => n > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('has a tests/ folder for every folder of src/', () => {
    const missing = foldersUnder('src')
      .map((dir) => join('tests', relative('src', dir)))
      .filter((dir) => {
        try {
          return !statSync(join(ROOT, dir)).isDirectory();
        } catch {
          return true;
        }
      });
    expect(missing).toEqual([]);
  });
});
