/**
 * A progress display for notebooks: inside the tslab kernel it updates one output in place
 * (tslab.newDisplay()); in plain Node it does nothing, so notebook code runs unchanged as a script.
 */
import * as path from "node:path";
import { formatProgress } from "./progress-format";
import type { ProgressSink } from "./terminal-progress";
import type { SweepProgress } from "./types";

interface TslabDisplay {
  text(s: string): void;
}

/**
 * The tslab module of the running kernel, or undefined outside tslab. Detection looks for the
 * kernel's own jupyter module in require's cache (with an active display writer), so plain Node
 * never loads tslab (which pulls in its own TypeScript compiler).
 */
function runningTslab(): { newDisplay(): TslabDisplay } | undefined {
  const suffix = `${path.sep}tslab${path.sep}dist${path.sep}jupyter.js`;
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!file.endsWith(suffix)) continue;
    const writer = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof writer !== "function") continue;
    return require(path.join(path.dirname(file), "public.js")) as { newDisplay(): TslabDisplay };
  }
  return undefined;
}

/** Input of {@link notebookProgress}. */
export interface NotebookProgressOptions {
  label?: string;
  /** Minimum milliseconds between display updates (the final state is always shown). Default 250. */
  interval?: number;
}

/**
 * A progress sink for notebooks: `onProgress: progress.update`, then `progress.finish()`.
 * The output appears at the first update and is overwritten in place.
 *
 * @example
 * const progress = notebookProgress({ label: "market sweep" }); // an updating output in the cell
 * const rows = await runSweep({ task: marketTaskRef(), grid, replications: 20, seed: 42, onProgress: progress.update });
 * progress.finish();
 */
export function notebookProgress({ label = "sweep", interval = 250 }: NotebookProgressOptions = {}): ProgressSink {
  const tslab = runningTslab();
  if (!tslab) return { update: () => undefined, finish: () => undefined };
  let display: TslabDisplay | undefined;
  let last: SweepProgress | undefined;
  let drawnAt = -Infinity;
  const draw = (progress: SweepProgress) => {
    display ??= tslab.newDisplay();
    display.text(formatProgress({ progress, label, width: 30 }));
    drawnAt = performance.now();
  };
  return {
    update(progress) {
      last = progress;
      if (progress.done >= progress.total || performance.now() - drawnAt >= interval) draw(progress);
    },
    finish() {
      if (last) draw(last);
    },
  };
}
