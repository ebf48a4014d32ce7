/**
 * `npm run bench`: prints one JSON line per figure. `npm run bench -- reproduce` measures the
 * execution cache, parallel runs and the incremental export instead (tools/bench/reproduce.ts).
 *
 *   ticket_value_samples_per_s   the ticket sampler (direct estimator; conditional as an extra line)
 *   market_slot_events_per_s     the slot-level market engine
 *   cpu                          the CPU model and its SIMD extensions (/proc/cpuinfo)
 *   ticket_value_roofline        ns per sample against the two-draws-and-a-look-up limit
 *
 * each single-threaded ("js-1thread", each figure in a fresh child process, like numpy; its hot
 * loops in WebAssembly when built, see lib/wasm) against the library's own JavaScript hot loops
 * ("js-1thread-js-engine", ET_ENGINE=js) and numpy (vectorised, chunks of 1e6) in ROUNDS paired
 * rounds (back to back; each ratio is the median of the rounds' ratios), on one and on two worker threads ("js-1worker",
 * "js-2threads", plus the speed-up); then the peak memory for 1e6 vs 1e7 ticket samples and agent-based market slots, and the
 * agent-based market's figures when tools/bench/market-abm.ts is present, and the Galaxy Era model's
 * 10 × 1,000-slot experiment (tools/bench/galaxy-era.ts). Figures are wall-clock rates, best of REPEATS runs (2 for
 * the worker figures); `cpuSeconds` is given for context, because a shared machine makes
 * wall-clock numbers noisy.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import {
  planChunks,
  mergeStates,
  mergeTicketPoolResults,
  horizonForTolerance,
  DEFAULT_TICKET_CHUNK_SIZE,
  DEFAULT_MARKET_CHUNK_SIZE,
  type TicketPoolChunkResult,
} from "../../lib/sim";
import type { RunningStatsState } from "../../lib/stats";
import {
  TICKET,
  MARKET,
  MEMORY_SAMPLES,
  MEMORY_SLOTS,
  NUMPY_CHUNK,
  TARGETS,
  REPEATS,
  ROUNDS,
  WORKER_ROUNDS,
} from "./config";
import { emit, round4, bestOf, type BenchLine } from "./measure";
import { cpuFeatures } from "./cpu-features";
import { benchGalaxyEra } from "./galaxy-era";
import { benchReproduce } from "./reproduce";
import { benchSweepShards } from "./sweep-shards";
import { ChunkPool } from "./worker-pool";
import { simulationEngine } from "../../lib/wasm/wasm-module";
import type { ChunkTask } from "./chunk-task";

const TICKET_FIGURE = "ticket_value_samples_per_s";
/** The physical limit of the ticket sampler on one core: two draws and a look-up per sample. */
const ROOFLINE_SAMPLES_PER_S = 3e8;
const MARKET_FIGURE = "market_slot_events_per_s";
const SEED = "bench";

const horizon = horizonForTolerance({ d: MARKET.d, tolerance: MARKET.tolerance });

function rate(
  figure: string,
  impl: string,
  units: number,
  seconds: number,
  cpuSeconds: number,
  extra: BenchLine = {},
): number {
  const value = units / seconds;
  emit({
    figure,
    impl,
    value: round4(value),
    unit: "1/s",
    seconds: round4(seconds),
    cpuSeconds: round4(cpuSeconds),
    bestOf: REPEATS,
    ...extra,
  });
  return value;
}

function ratio(figure: string, impl: string, value: number, target?: number): void {
  emit({
    figure,
    impl,
    value: round4(value),
    unit: "ratio",
    ...(target === undefined ? {} : { target, meetsTarget: value >= target }),
  });
}

type ChildKind = "direct" | "direct-v1" | "conditional" | "market";
interface ChildFigure {
  units: number;
  seconds: number;
  cpuSeconds: number;
  mean: number;
  /** The engine that ran the hot loops: "wasm" or "js". */
  engine: string;
}

/**
 * Runs one single-threaded figure in a fresh child process (see single-thread.ts) on the given
 * engine of the hot loops (ET_ENGINE; "auto" is the library's default: wasm when built).
 */
function childFigure(kind: ChildKind, engine: "auto" | "js" = "auto"): ChildFigure {
  const script = path.join(__dirname, "single-thread.ts");
  const env = { ...process.env, ET_ENGINE: engine };
  const child = spawnSync(process.execPath, [...process.execArgv, script, kind], { encoding: "utf8", env });
  if (child.status !== 0) throw new Error(`single-thread.ts ${kind} (ET_ENGINE=${engine}) failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim());
}

/** One numpy figure (a JSON line from numpy_bench.py), or the reason numpy cannot run. */
function numpyFigure(only: "ticket" | "market"): BenchLine | { missing: string } {
  const script = path.join(__dirname, "numpy_bench.py");
  const config = {
    ticket: { n: TICKET.n, d: TICKET.d, mu: TICKET.mu, samples: TICKET.samples },
    market: { n: MARKET.n, d: MARKET.d, mu: MARKET.mu, share: MARKET.share, horizon, paths: MARKET.paths },
    chunk: NUMPY_CHUNK,
    repeats: REPEATS,
    only,
  };
  const child = spawnSync("python3", [script, JSON.stringify(config)], { encoding: "utf8", timeout: 300_000 });
  if (child.error !== undefined) return { missing: `python3 could not be run (${child.error.message})` };
  if (child.status !== 0) {
    return {
      missing: /No module named ['"]?numpy/.test(child.stderr)
        ? "numpy is not installed for python3"
        : `numpy_bench.py failed (exit ${child.status}): ${child.stderr.trim().split("\n").pop()}`,
    };
  }
  return JSON.parse(child.stdout.trim()) as BenchLine;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A ratio measured in paired rounds: the median of the rounds' ratios, with the rounds listed. */
function pairedRatio(figure: string, impl: string, rounds: number[], target?: number): void {
  const value = median(rounds);
  emit({
    figure,
    impl,
    value: round4(value),
    unit: "ratio",
    statistic: "median of paired rounds",
    rounds: rounds.map(round4),
    ...(target === undefined ? {} : { target, meetsTarget: value >= target }),
  });
}

/**
 * The single-thread figures of one workload, in ROUNDS paired rounds: the library as shipped
 * ("js-1thread": WebAssembly hot loops when built), the same with its JavaScript hot loops
 * (ET_ENGINE=js, the baseline the WebAssembly loops replace), then numpy, back to back.
 */
function pairedFigure(figure: string, kind: "direct" | "market", target: number): void {
  const only = kind === "direct" ? "ticket" : "market";
  const js: number[] = [];
  const np: number[] = [];
  const ratios: number[] = [];
  const engineRatios: number[] = [];
  const versionRatios: number[] = [];
  let missing: string | undefined;
  for (let round = 1; round <= ROUNDS; round++) {
    const run = childFigure(kind);
    const value = run.units / run.seconds;
    js.push(value);
    const extra: BenchLine =
      kind === "direct"
        ? { estimator: "direct", mean: run.mean }
        : { horizon, paths: MARKET.paths, totalMean: run.mean };
    rate(figure, "js-1thread", run.units, run.seconds, run.cpuSeconds, { round, engine: run.engine, ...extra });
    const baseline = childFigure(kind, "js");
    rate(figure, "js-1thread-js-engine", baseline.units, baseline.seconds, baseline.cpuSeconds, {
      round,
      engine: baseline.engine,
      ...extra,
      mean: baseline.mean,
    });
    engineRatios.push(value / (baseline.units / baseline.seconds));
    if (kind === "direct") {
      // The ticket sampler's engine version 1 (sfc32 streams) on the same kernels: what version 2 gained.
      const version1 = childFigure("direct-v1");
      rate(figure, "js-1thread-engine-v1", version1.units, version1.seconds, version1.cpuSeconds, {
        round,
        engine: version1.engine,
        engineVersion: 1,
        estimator: "direct",
        mean: version1.mean,
      });
      versionRatios.push(value / (version1.units / version1.seconds));
    }
    if (missing !== undefined) continue;
    const line = numpyFigure(only);
    if ("missing" in line) {
      missing = String(line.missing);
      continue;
    }
    np.push(line.value as number);
    ratios.push(value / (line.value as number));
    emit({ ...line, value: round4(line.value as number), seconds: round4(line.seconds as number), round });
  }
  emit({ figure, impl: "js-1thread-best", value: round4(Math.max(...js)), unit: "1/s", rounds: ROUNDS });
  if (kind === "direct") {
    // Roofline: a sample needs two random draws and a table look-up, about 3.3 ns on one core
    // (~300 M samples/s); how far the best rate is from it.
    const nsPerSample = 1e9 / Math.max(...js);
    emit({
      figure: "ticket_value_roofline",
      nsPerSample: round4(nsPerSample),
      limitNsPerSample: round4(1e9 / ROOFLINE_SAMPLES_PER_S),
      fractionOfLimit: round4(1e9 / ROOFLINE_SAMPLES_PER_S / nsPerSample),
    });
  }
  pairedRatio(figure, "ratio-js-1thread/js-engine", engineRatios);
  if (versionRatios.length > 0) pairedRatio(figure, "ratio-engine-v2/engine-v1", versionRatios);
  if (missing !== undefined) {
    emit({ figure, impl: "numpy", skipped: true, note: missing });
    return;
  }
  emit({ figure, impl: "numpy-best", value: round4(Math.max(...np)), unit: "1/s", rounds: ROUNDS });
  pairedRatio(figure, "ratio-js-1thread/numpy", ratios, target);
}

async function singleThread(): Promise<void> {
  pairedFigure(TICKET_FIGURE, "direct", TARGETS.ticketVsNumpy);
  const conditional = childFigure("conditional");
  rate(TICKET_FIGURE, "js-1thread-conditional", conditional.units, conditional.seconds, conditional.cpuSeconds, {
    estimator: "conditional",
    mean: conditional.mean,
  });
  pairedFigure(MARKET_FIGURE, "market", TARGETS.marketVsNumpy);
}

function ticketTasks(): ChunkTask[] {
  return planChunks({ total: TICKET.workerSamples, chunkSize: DEFAULT_TICKET_CHUNK_SIZE }).map((chunk) => ({
    kind: "tickets" as const,
    n: TICKET.n,
    d: TICKET.d,
    mu: TICKET.mu,
    seed: SEED,
    chunk,
  }));
}

function marketTasks(): ChunkTask[] {
  return planChunks({ total: MARKET.workerPaths, chunkSize: DEFAULT_MARKET_CHUNK_SIZE }).map((chunk) => ({
    kind: "market" as const,
    n: MARKET.n,
    d: MARKET.d,
    mu: MARKET.mu,
    share: MARKET.share,
    tolerance: MARKET.tolerance,
    seed: SEED,
    chunk,
  }));
}

/**
 * The same chunks on one and on two worker threads. Both pools stay up, and each of WORKER_ROUNDS rounds
 * times one worker then two back to back (best of 2 each), so machine drift does not land on one
 * side only; the speed-up reported is the median of the rounds' ratios.
 */
async function onWorkers(): Promise<void> {
  const warmUp: ChunkTask = {
    kind: "tickets",
    n: TICKET.n,
    d: TICKET.d,
    mu: TICKET.mu,
    seed: "warm-up",
    chunk: { index: 0, size: 100_000 },
  };
  const figures = [
    {
      figure: TICKET_FIGURE,
      tasks: ticketTasks(),
      units: TICKET.workerSamples,
      pool: (r: unknown[]) => mergeStates({ parts: r as RunningStatsState[] }),
    },
    {
      figure: MARKET_FIGURE,
      tasks: marketTasks(),
      units: MARKET.workerPaths * horizon,
      pool: (r: unknown[]) => mergeTicketPoolResults({ parts: r as TicketPoolChunkResult[] }),
    },
  ];
  const pools = [await ChunkPool.start(1, warmUp), await ChunkPool.start(2, warmUp)];
  try {
    for (const { figure, tasks, units, pool: merge } of figures) {
      for (const pool of pools) await pool.run(tasks); // one untimed run: every worker's JIT and WebAssembly tier-up warm
      const speedups: number[] = [];
      const pooled: string[] = [];
      for (let round = 1; round <= WORKER_ROUNDS; round++) {
        const rates: number[] = [];
        for (const pool of pools) {
          const workers = pool.size;
          const run = await bestOf(2, () => pool.run(tasks));
          rates.push(units / run.seconds);
          if (round === 1) pooled.push(JSON.stringify(merge(run.result)));
          const impl = workers === 1 ? "js-1worker" : `js-${workers}threads`;
          emit({
            figure,
            impl,
            value: round4(units / run.seconds),
            unit: "1/s",
            seconds: round4(run.seconds),
            workers,
            chunks: tasks.length,
            bestOf: 2,
            round,
          });
        }
        speedups.push(rates[1] / rates[0]);
      }
      pairedRatio(figure, "speedup-2/1-workers", speedups, TARGETS.speedup);
      emit({ figure, impl: "determinism-1-vs-2-workers", identical: pooled.length === 2 && pooled[0] === pooled[1] });
    }
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
  }
}

/** Peak RSS of a fresh process doing `args` work (memory-probe.ts), or the reason it failed. */
function peakRss(args: string[]): { maxRssBytes: number } | { note: string } {
  const probe = path.join(__dirname, "memory-probe.ts");
  const child = spawnSync(process.execPath, [...process.execArgv, probe, ...args], { encoding: "utf8" });
  if (child.status !== 0) return { note: child.stderr.trim().split("\n").pop() ?? "" };
  return JSON.parse(child.stdout.trim()) as { maxRssBytes: number };
}

/** Peak memory against the work done: ticket samples, then the agent-based market's slots. */
function memory(): void {
  const probes = [
    { unit: "samples", sizes: MEMORY_SAMPLES, args: (size: number) => [String(size)] },
    { unit: "slots", sizes: MEMORY_SLOTS, args: (size: number) => ["market", String(size)] },
  ];
  for (const { unit, sizes, args } of probes) {
    const figure = unit === "samples" ? "peak_rss_bytes" : "abm_peak_rss_bytes";
    const peaks: number[] = [];
    for (const size of sizes) {
      const result = peakRss(args(size));
      if ("note" in result) {
        emit({ figure, impl: "js-1thread", [unit]: size, skipped: true, note: result.note });
        break;
      }
      peaks.push(result.maxRssBytes);
      emit({ figure, impl: "js-1thread", [unit]: size, value: result.maxRssBytes, unit: "bytes" });
    }
    if (peaks.length === 2) ratio(figure, `ratio-${sizes[1]}/${sizes[0]}-${unit}`, peaks[1] / peaks[0]);
  }
}

/** The agent-based market's own benchmark (tools/bench/market-abm.ts, issue 6), when present. */
async function agentBasedMarket(): Promise<void> {
  const file = path.join(__dirname, "market-abm.ts");
  if (!fs.existsSync(file)) return;
  try {
    const mod = require(file) as { benchMarketAbm?: () => Promise<BenchLine[]> };
    if (typeof mod.benchMarketAbm !== "function") throw new Error("market-abm.ts does not export benchMarketAbm");
    for (const record of await mod.benchMarketAbm()) emit({ ...record, value: round4(record.value as number) });
  } catch (error) {
    emit({
      figure: "abm_slot_steps_per_s",
      skipped: true,
      note: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The Galaxy Era model's experiment size (tools/bench/galaxy-era.ts, issue 16). */
function galaxyEraModel(): void {
  for (const record of benchGalaxyEra()) emit({ ...record, value: round4(record.value) });
}

async function main(): Promise<void> {
  const started = Date.now();
  emit({
    figure: "bench_context",
    node: process.version,
    cpus: os.cpus().length,
    loadavg1: round4(os.loadavg()[0]),
    engine: simulationEngine(),
    note: "wall-clock rates; other processes on the machine make them noisy (compare loadavg1)",
  });
  const cpu = cpuFeatures();
  emit({ figure: "cpu", model: cpu.model, simd: cpu.simd.join(" "), source: cpu.source });
  await singleThread();
  await onWorkers();
  memory();
  await agentBasedMarket();
  galaxyEraModel();
  for (const record of await benchSweepShards()) {
    emit(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === "number" ? round4(v) : v])));
  }
  emit({
    figure: "bench_seconds",
    value: round4((Date.now() - started) / 1000),
    unit: "s",
    loadavg1: round4(os.loadavg()[0]),
  });
}

const entry = process.argv[2] === "reproduce" ? async () => benchReproduce() : main;
entry().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
