/**
 * A progress bar for terminals. On a TTY it redraws one line (at most ~10 times a second); when
 * output is not a TTY or CI=true it stays quiet and prints one final line.
 */
import { formatProgress } from "./progress-format";
import type { SweepProgress } from "./types";

/** Input of {@link terminalProgress}. */
export interface TerminalProgressOptions {
  /** Where to draw; default process.stderr (keeps stdout clean for data). */
  stream?: NodeJS.WriteStream;
  label?: string;
  /** Treat as CI (quiet until the end); default `process.env.CI === "true"`. */
  ci?: boolean;
}

/** A progress sink: pass `update` as runSweep's onProgress, call `finish` when the sweep ends. */
export interface ProgressSink {
  update(progress: SweepProgress): void;
  /** Writes the final state (one line) and ends the display. */
  finish(): void;
}

/**
 * A terminal progress bar (see file comment for TTY / CI behaviour).
 *
 * @example
 * const progress = terminalProgress({ label: "sweep" });
 * await runSweep({ task: marketTaskRef(), grid, replications: 20, seed: 42, onProgress: progress.update });
 * progress.finish();
 */
export function terminalProgress({
  stream = process.stderr,
  label = "sweep",
  ci = process.env.CI === "true",
}: TerminalProgressOptions = {}): ProgressSink {
  const live = stream.isTTY === true && !ci;
  let last: SweepProgress | undefined;
  let drawnAt = -Infinity;
  const width = () => Math.max(10, Math.min(30, (stream.columns ?? 80) - 60));
  return {
    update(progress) {
      last = progress;
      if (!live) return;
      const now = performance.now();
      if (now - drawnAt < 100 && progress.done < progress.total) return;
      drawnAt = now;
      stream.write(`\r\x1b[2K${formatProgress({ progress, label, width: width() })}`);
    },
    finish() {
      if (!last) return;
      const line = formatProgress({ progress: last, label, width: live ? width() : 0 });
      stream.write(live ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
  };
}
