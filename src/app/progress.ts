// A progress bar for long builds: on stderr, only when it is a terminal, and only once a build has
// run for a moment (a cache hit or a small corpus prints nothing).
import cliProgress from 'cli-progress';
import type { BuildProgress } from '../index/build.ts';

export interface ProgressBar {
  onProgress: BuildProgress;
  stop(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr, delayMs = 1500): ProgressBar {
  if (!stream.isTTY) return { onProgress: () => {}, stop: () => {} };
  const started = performance.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    onProgress(done, total) {
      if (!bar) {
        if (performance.now() - started < delayMs || done >= total) return;
        bar = new cliProgress.SingleBar(
          { stream, format: 'indexing [{bar}] {percentage}% | {value}/{total} articles | {eta_formatted} left', hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
