// The calibration harness's model work (dev only, see fit.ts): the answer path's choice replayed
// from traced features, the logistic fit by Newton's method with L2, and the figures per set.

export type SetName = 'squad2' | 'squad1' | 'wikinews' | 'seeds';

export interface TracedCandidate {
  f: number[];
  ok: boolean;
  /** The merged answer this candidate belongs to (its date, else its phrase, folded). */
  key: string;
  answer: string;
  sentence: string;
  unmet: string[];
}

export interface Question {
  id: string;
  ask: string;
  set: SetName;
  article: string;
  none: boolean;
  /** A "who is NAME" question: its first answer, not scored by the model. */
  fixed?: { ok: boolean; score: number } | null;
  plans?: { scale: number; candidates: TracedCandidate[] }[];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const dot = (a: number[], b: number[]): number => {
  let z = 0;
  for (let i = 0; i < a.length; i++) z += a[i] * b[i];
  return z;
};

/** What the answer path answers with weights w and threshold t: the first answer and its confidence, or undefined. */
export function chosen(q: Question, m: Model, t: number): { ok: boolean; score: number; c?: TracedCandidate } | undefined {
  if (q.fixed !== undefined) return q.fixed ?? undefined;
  for (const plan of q.plans ?? []) {
    const best = topOf(plan.candidates, m.rank);
    if (!best) continue;
    const score = Math.round(Math.round(sigmoid(dot(best.f, m.sure)) * 1000) * plan.scale) / 1000;
    if (score >= t) return { ok: best.ok, score, c: best };
  }
  return undefined;
}

/** The ranking weights pick the first answer, the confidence weights say how sure it is. */
export interface Model {
  rank: number[];
  sure: number[];
}

function topOf(candidates: TracedCandidate[], w: number[]): TracedCandidate | undefined {
  let best: TracedCandidate | undefined;
  let score = -Infinity;
  for (const c of candidates) {
    const z = dot(c.f, w);
    if (z > score) [best, score] = [c, z];
  }
  return best;
}

const pct = (a: number, b: number): string => `${b ? ((100 * a) / b).toFixed(1) : '0.0'}% (${a}/${b})`;

export interface Figures {
  squad2: { pos: string; neg: string };
  squad1: { pos: string };
  wikinews: { pass: string };
  seeds: { pass: string };
  raw: Record<SetName, { pos: number; posN: number; neg: number; negN: number }>;
}

export function evaluate(qs: Question[], w: Model, t: number): Figures {
  const raw = {} as Figures['raw'];
  for (const name of ['squad2', 'squad1', 'wikinews', 'seeds'] as SetName[]) raw[name] = { pos: 0, posN: 0, neg: 0, negN: 0 };
  for (const q of qs) {
    const r = raw[q.set];
    const a = chosen(q, w, t);
    if (q.none) {
      r.negN++;
      if (!a) r.neg++;
    } else {
      r.posN++;
      if (a?.ok) r.pos++;
    }
  }
  const pass = (r: Figures['raw'][SetName]): string => pct(r.pos + r.neg, r.posN + r.negN);
  return {
    squad2: { pos: pct(raw.squad2.pos, raw.squad2.posN), neg: pct(raw.squad2.neg, raw.squad2.negN) },
    squad1: { pos: pct(raw.squad1.pos, raw.squad1.posN) },
    wikinews: { pass: pass(raw.wikinews) },
    seeds: { pass: pass(raw.seeds) },
    raw,
  };
}

/** Answerable top-1 and abstained on each set at thresholds 0 … 0.6. */
export function curve(qs: Question[], w: Model): string[] {
  const out: string[] = [];
  for (let t = 0; t <= 0.6001; t += 0.02) {
    const r = evaluate(qs, w, Math.round(t * 1000) / 1000).raw;
    const p = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : '-');
    out.push(
      `t=${t.toFixed(2)}  squad2 ${p(r.squad2.pos, r.squad2.posN)}/${p(r.squad2.neg, r.squad2.negN)}  squad1 ${p(r.squad1.pos, r.squad1.posN)}  wikinews ${r.wikinews.pos + r.wikinews.neg}/${r.wikinews.posN + r.wikinews.negN}  seeds ${r.seeds.pos + r.seeds.neg}/${r.seeds.posN + r.seeds.negN}`,
    );
  }
  return out;
}

/** How much a question of each set weighs in the fit: news is what the bot is for, SQuAD has 20× more questions. */
const SET_WEIGHT: Record<SetName, number> = { squad2: 1, squad1: 1, wikinews: 5, seeds: 5 };
/** Distinct answers per plan that the fit sees, best first. */
const PER_PLAN = Number(process.env.PER_PLAN ?? 8);

/** Training rows: per plan, the best candidate of each distinct answer under weights w. */
interface Row {
  x: number[];
  y: number;
  weight: number;
}

function rows(qs: Question[], w: number[] | undefined, perPlan: number): Row[] {
  const out: Row[] = [];
  for (const q of qs) {
    for (const plan of q.plans ?? []) {
      const byKey = new Map<string, { c: TracedCandidate; s: number }>();
      plan.candidates.forEach((c, i) => {
        const s = w ? dot(c.f, w) : -i;
        const had = byKey.get(c.key);
        if (!had || s > had.s) byKey.set(c.key, { c, s });
      });
      const best = [...byKey.values()].sort((a, b) => b.s - a.s).slice(0, perPlan);
      for (const { c } of best) out.push({ x: c.f, y: c.ok ? 1 : 0, weight: SET_WEIGHT[q.set] });
    }
  }
  return out;
}

/** Solves A x = b (A symmetric positive definite) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
    [m[col], m[piv]] = [m[piv], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col || m[col][col] === 0) continue;
      const k = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= k * m[col][c];
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

function newton(data: { x: number[]; y: number; weight: number }[], l2: number, start?: number[]): number[] {
  const d = data[0]?.x.length ?? 0;
  let w = start ? [...start] : new Array<number>(d).fill(0);
  for (let iter = 0; iter < 25; iter++) {
    const g = w.map((wi, i) => (i === 0 ? 0 : l2 * wi));
    const h = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i > 0 ? l2 : 0)));
    for (const { x, y, weight } of data) {
      const p = sigmoid(dot(x, w));
      const r = weight * (p - y);
      const v = weight * p * (1 - p);
      for (let i = 0; i < d; i++) {
        if (x[i] === 0) continue;
        g[i] += r * x[i];
        for (let j = 0; j < d; j++) h[i][j] += v * x[i] * x[j];
      }
    }
    for (let i = 0; i < d; i++) h[i][i] += 1e-9;
    const step = solve(h, g);
    w = w.map((wi, i) => wi - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return w;
}

/** Fits the weights; the training rows' representatives are re-picked with each fit's weights. */
export function fitWeights(qs: Question[], l2: number, perPlan = PER_PLAN): number[] {
  let w: number[] | undefined;
  for (let round = 0; round < 3; round++) w = newton(rows(qs, w, perPlan), l2, w);
  return w!;
}

/** Both weight sets: ranking fitted on each plan's distinct answers, confidence on the first answer that ranking picks. */
export function fitModel(qs: Question[], l2: number, l2Sure = l2): Model {
  const rank = fitWeights(qs, l2);
  const data: Row[] = [];
  for (const q of qs) {
    for (const plan of q.plans ?? []) {
      const top = topOf(plan.candidates, rank);
      if (top) data.push({ x: top.f, y: top.ok ? 1 : 0, weight: SET_WEIGHT[q.set] });
    }
  }
  return { rank, sure: newton(data, l2Sure, rank) };
}
