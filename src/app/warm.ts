// The engine's warm-up steps, run in the background right after an index opens, in short unref'd
// steps, so no user's first command pays for them and no process is kept alive by them.
import { warmUpSteps, type SearchIndex } from '../engine/index.ts';

const done = new WeakMap<SearchIndex, Promise<void>>();

/** Resolves once the background warm-up of this index has run (at once for an index never warmed). */
export async function warmedUp(index: SearchIndex): Promise<void> {
  const steps = done.get(index);
  if (!steps) return;
  // The steps' timers are unref'd: whoever waits for them keeps the process alive meanwhile.
  const hold = setInterval(() => {}, 60_000);
  try {
    await steps;
  } finally {
    clearInterval(hold);
  }
}

export function warmUp(index: SearchIndex): void {
  const steps = warmUpSteps(index);
  let finished: () => void = () => {};
  done.set(index, new Promise<void>((resolve) => (finished = resolve)));
  const next = (): void => {
    const step = steps.shift();
    if (!step) {
      finished();
      return;
    }
    try {
      step();
    } catch {
      /* a warm-up failure only means the first query computes it */
    }
    setTimeout(next, 0).unref();
  };
  setTimeout(next, 0).unref();
}
