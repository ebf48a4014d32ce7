/**
 * One-line text rendering of sweep progress, shared by the terminal bar and the notebook display.
 */
import type { SweepProgress } from "./types";
import * as validate from "../validate";

/** Input of {@link formatProgress}. */
export interface FormatProgressOptions {
  progress: SweepProgress;
  /** Text before the bar, e.g. "sweep". */
  label: string;
  /** Bar width in characters; 0 for no bar. */
  width: number;
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/**
 * e.g. "sweep ██████░░░░ 60% 768/1280 (128 cached) 4.1 s, ~2.7 s left", and for tasks that report
 * slot-steps (the market) their rate per worker: ", 6.1 M slot-steps/s per worker".
 *
 * @example
 * formatProgress({ progress: { done: 5, total: 10, cached: 0, elapsed: 1.5 }, label: "sweep", width: 10 }); // → "sweep █████░░░░░ 50% 5/10 0.0 s, ~0.0 s left"
 * formatProgress({ progress: { done: 4, total: 4, cached: 0, elapsed: 2000, slotSteps: 2e7, workers: 2 }, label: "sweep", width: 0 }); // → "sweep 100% 4/4 2.0 s, 5.0 M slot-steps/s per worker"
 */
export function formatProgress(options: FormatProgressOptions): string {
  validate.knownKeys("formatProgress options", options ?? {}, ["progress", "label", "width"]);
  const { progress, label, width } = options;
  const { done, total, cached, elapsed } = progress;
  const fraction = total === 0 ? 1 : done / total;
  const filled = Math.round(fraction * width);
  const bar = width > 0 ? ` ${"█".repeat(filled)}${"░".repeat(width - filled)}` : "";
  const cachedText = cached > 0 ? ` (${cached} cached)` : "";
  // Estimate the time left from computed items only: cache hits arrive all at once at the start.
  const computed = done - cached;
  const left = done < total && computed > 0 ? `, ~${seconds((elapsed / computed) * (total - done))} left` : "";
  const rate = slotStepRate(progress);
  return `${label}${bar} ${Math.floor(fraction * 100)}% ${done}/${total}${cachedText} ${seconds(elapsed)}${left}${rate}`;
}

/** ", 5.0 M slot-steps/s per worker" (wall clock, since the start), or "" when not reported. */
function slotStepRate({ slotSteps, workers = 1, elapsed }: SweepProgress): string {
  if (slotSteps === undefined || !(slotSteps > 0) || !(elapsed > 0)) return "";
  const perWorker = slotSteps / (elapsed / 1000) / Math.max(1, workers);
  const text = perWorker >= 1e6 ? `${(perWorker / 1e6).toFixed(1)} M` : `${(perWorker / 1e3).toFixed(1)} k`;
  return `, ${text} slot-steps/s per worker`;
}
