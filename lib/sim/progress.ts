/**
 * Progress of a long engine run, reported once per chunk (issue 19: long work shows progress). The shape
 * is the sweep's, so `notebookProgress({ label }).update` and `terminalProgress` take it as they are.
 */

import * as validate from "../validate";

/** How far a run is (see the module comment). */
export interface EngineProgress {
  done: number;
  total: number;
  cached: number;
  elapsed: number;
}

/** A callback for {@link EngineProgress}. */
export type OnEngineProgress = (progress: EngineProgress) => void;

/**
 * Maps `work` over `items`, calling `onProgress` after each (when given) with chunks done and seconds.
 *
 * @example
 * withProgress({ items: [1, 2, 3], work: (x) => 2 * x })[2]; // → 6
 */
export function withProgress<T, R>({
  items,
  work,
  onProgress,
}: {
  items: readonly T[];
  work: (item: T) => R;
  onProgress?: OnEngineProgress;
}): R[] {
  validate.knownKeys("withProgress options", { items, work, onProgress }, ["items", "work", "onProgress"]);
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new RangeError(`onProgress must be a function; received ${String(onProgress)}`);
  }
  const started = performance.now();
  return items.map((item, i) => {
    const result = work(item);
    onProgress?.({ done: i + 1, total: items.length, cached: 0, elapsed: (performance.now() - started) / 1000 });
    return result;
  });
}
