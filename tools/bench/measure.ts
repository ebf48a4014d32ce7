/** Timing helpers: wall-clock (what the figures report) and this thread's CPU time (for context). */
import { performance } from "node:perf_hooks";

/** One timed run. */
export interface Timing<T> {
  result: T;
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds of the process (user + system) during the run. */
  cpuSeconds: number;
}

/** Runs `work` once and times it. */
export async function timed<T>(work: () => T | Promise<T>): Promise<Timing<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { result, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Runs `work` `repeats` times and returns the fastest run (by wall-clock time). */
export async function bestOf<T>(repeats: number, work: () => T | Promise<T>): Promise<Timing<T>> {
  let best: Timing<T> | undefined;
  for (let i = 0; i < repeats; i++) {
    const run = await timed(work);
    if (best === undefined || run.seconds < best.seconds) best = run;
  }
  return best as Timing<T>;
}

/** One JSON line of the benchmark's output. */
export type BenchLine = Record<string, string | number | boolean | null | number[]>;

/** Prints one JSON line (the bench's only output format). */
export function emit(line: BenchLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Rounds to 4 significant digits for readable output. */
export function round4(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}
