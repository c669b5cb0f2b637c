// The engine's warm-up steps, run in the background right after an index opens, in short unref'd
// steps, so no user's first command pays for them and no process is kept alive by them.
import { warmUpSteps, type SearchIndex } from '../engine/index.ts';

export function warmUp(index: SearchIndex): void {
  const steps = warmUpSteps(index);
  const next = (): void => {
    const step = steps.shift();
    if (!step) return;
    try {
      step();
    } catch {
      /* a warm-up failure only means the first query computes it */
    }
    setTimeout(next, 0).unref();
  };
  setTimeout(next, 0).unref();
}
