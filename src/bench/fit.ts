// Calibration harness (dev only): fits the confidence model's weights from features alone.
//
//   npx tsx src/bench/fit.ts dump          traces every question of the visible sets into .cache/fit/
//   npx tsx src/bench/fit.ts fit [--l2 X]  fits the weights (Newton, L2), prints them, the curve on
//                                          every set and a two-fold estimate by article
//   npx tsx src/bench/fit.ts fit --shipped the curve of the weights in verify/confidence.ts
//
// The question files only label candidates (right or wrong, with the judge of score.mjs); the
// model sees the features of verify/confidence.ts and nothing of the questions, names or answers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openIndex } from '../app/index.ts';
import { parseAsk, RANKING, THRESHOLD, traceQuestion, WEIGHTS, type Traced } from '../engine/index.ts';
import { curve, evaluate, fitModel, type Model, type Question, type SetName } from './fit-model.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SHARED = resolve(ROOT, '..', 'shared');
const OUT = join(ROOT, '.cache', 'fit');

const SETS: { name: SetName; file: string; corpus: string }[] = [
  { name: 'squad2', file: join(SHARED, 'eval/squad/who-when-2.jsonl'), corpus: join(SHARED, 'eval/squad/corpus') },
  { name: 'squad1', file: join(SHARED, 'eval/squad/who-when.jsonl'), corpus: join(SHARED, 'eval/squad/corpus') },
  { name: 'wikinews', file: join(SHARED, 'eval/wikinews-qa.jsonl'), corpus: join(SHARED, 'corpora/wikinews-small') },
  { name: 'seeds', file: join(SHARED, 'eval/seeds-qa.jsonl'), corpus: join(ROOT, 'seeds') },
];

interface Expect {
  none?: boolean;
  answer_any?: string[];
  date_any?: string[];
  sources_any?: string[];
}

// The judge of ../shared/eval/score.mjs: case, accents, quotes and spacing do not count.
const norm = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

function right(a: { answer: string; date?: string; file: string }, e: Expect): boolean {
  if (e.none) return false;
  const file = a.file.split('/').at(-1) ?? '';
  if (e.sources_any && !e.sources_any.includes(file)) return false;
  if (a.answer.length > 80) return false;
  return Boolean(e.answer_any?.some((x) => norm(a.answer).includes(norm(x))) || (a.date && e.date_any?.includes(a.date)));
}

async function dump(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const set of SETS) {
    const index = await openIndex({ corpusDir: set.corpus });
    const lines = readFileSync(set.file, 'utf8').split('\n').filter(Boolean);
    const questions: Question[] = [];
    for (const line of lines) {
      const q = JSON.parse(line) as { id: string; ask: string; article?: string; expect: Expect };
      const { command, query, ...filter } = parseAsk(q.ask);
      if (command !== 'who' && command !== 'when') continue;
      const traced: Traced = traceQuestion(index, command, query, filter);
      const article = q.article ?? q.expect.sources_any?.[0] ?? '';
      const label = (a: { answer: string; date?: string; file: string }): boolean => right(a, q.expect);
      questions.push({
        id: q.id,
        ask: q.ask,
        set: set.name,
        article,
        none: Boolean(q.expect.none),
        ...('fixed' in traced
          ? { fixed: traced.fixed.length ? { ok: label({ ...traced.fixed[0], file: traced.fixed[0].source.file }), score: traced.fixed[0].score } : null }
          : {
              plans: traced.plans.map((p) => ({
                scale: p.scale,
                candidates: p.candidates.map((c) => ({ f: c.features, ok: label(c), key: norm(c.date ?? c.answer), answer: c.answer, sentence: c.sentence, unmet: c.unmet })),
              })),
            }),
      });
    }
    writeFileSync(join(OUT, `${set.name}.json`), JSON.stringify(questions));
    process.stderr.write(`${set.name}: ${questions.length} questions traced\n`);
  }
}

function load(): Question[] {
  return SETS.flatMap((s) => JSON.parse(readFileSync(join(OUT, `${s.name}.json`), 'utf8')) as Question[]);
}

function report(label: string, qs: Question[], w: Model, t: number): void {
  const r = evaluate(qs, w, t);
  console.log(`${label} t=${t}: squad2 answerable ${r.squad2.pos} abstained ${r.squad2.neg} · squad1 ${r.squad1.pos} · wikinews ${r.wikinews.pass} · seeds ${r.seeds.pass}`);
}

function fitAndReport(argv: string[]): void {
  const arg = (name: string, dflt: number): number => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  const l2 = arg('--l2', 0.3);
  const t = arg('--t', THRESHOLD);
  const qs = load();
  report('shipped weights', qs, { rank: RANKING, sure: WEIGHTS }, arg('--t', THRESHOLD));
  if (argv.includes('--shipped')) {
    for (const line of curve(qs, { rank: RANKING, sure: WEIGHTS })) console.log(line);
    return;
  }
  const l2Sure = arg('--l2-sure', l2);
  const w = fitModel(qs, l2, l2Sure);
  console.log(`ranking weights (L2 ${l2}): [${w.rank.map((x) => Number(x.toFixed(3))).join(', ')}]`);
  console.log(`confidence weights (L2 ${l2Sure}): [${w.sure.map((x) => Number(x.toFixed(3))).join(', ')}]`);
  report('visible', qs, w, t);
  for (const line of curve(qs, w)) console.log(line);
  // Two folds by article: fit on one half of the SQuAD articles and the news sets, score the other half.
  const articles = [...new Set(qs.filter((q) => q.set.startsWith('squad')).map((q) => q.article))].sort();
  const fold = new Map(articles.map((a, i) => [a, i % 2]));
  for (const k of [0, 1]) {
    const train = qs.filter((q) => !q.set.startsWith('squad') || fold.get(q.article) !== k);
    const test = qs.filter((q) => q.set.startsWith('squad') && fold.get(q.article) === k);
    const wk = fitModel(train, l2, l2Sure);
    report(`fold ${k} held-out`, test, wk, t);
    for (const line of curve(test, wk)) console.log(`  ${line}`);
  }
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'dump') await dump();
else if (mode === 'fit') fitAndReport(rest);
else process.stderr.write('usage: fit.ts dump | fit [--l2 X] [--t T] [--shipped]\n');
