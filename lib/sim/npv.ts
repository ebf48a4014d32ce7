/**
 * Observation 1: the present value NPV = Σ_{t≥1} R_t (1+d)^(−t) of the whole reward stream,
 * simulated path by path up to a horizon H, with the running NPV recorded at checkpoints to show
 * how it converges to μ/d (mean) and σ²/(d(2+d)) (variance).
 *
 * Hot loop: one reward draw, one multiply for the running discount factor (x^t = x^(t−1)·x) and one
 * multiply-add per slot. The factor is recomputed exactly, exp(−t·ln(1+d)), every 1024 slots so
 * rounding cannot accumulate over long horizons.
 */
import type { RewardModel } from "../rewards/reward-model";
import { rng, type RandomStream } from "../random";
import { RunningStats, type RunningStatsState } from "../stats";
import * as validate from "../validate";
import { planChunks, type Chunk } from "./chunks";
import { mergeStates } from "./block-moments";
import { summariseState, type SampleSummary } from "./summary";
import { truncationBound } from "./horizon";
import { checkWorkBudget, resolveHorizon, type HorizonOptions } from "./slot-horizon";
import { validateReward } from "./validate-reward";
import { withProgress, type OnEngineProgress } from "./progress";

/** The keys of simulateNpv's options (its chunk form takes them too, with `chunk`). */
const NPV_RUN_KEYS = [
  "onProgress",
  "d",
  "reward",
  "seed",
  "checkpoints",
  "paths",
  "chunkSize",
  "horizon",
  "tolerance",
  "workBudget",
];

/** Paths per chunk unless told otherwise. */
export const DEFAULT_NPV_CHUNK_SIZE = 64;
/** Slots between exact recomputations of the running discount factor. */
const RENORMALISE = 1024;

/** The model shared by a run and its chunks. */
export interface NpvModelOptions extends HorizonOptions {
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Distribution of the per-slot reward R. */
  reward: RewardModel;
  /** Master seed: chunk i draws from rng(seed, "chunk", i). */
  seed: number | string;
  /**
   * Slots at which to record the running NPV (integers in [1, horizon]; the horizon is always
   * added). Default: about a dozen slots spaced by factors of two up to the horizon.
   */
  checkpoints?: readonly number[];
}

/** Input of {@link simulateNpv}. */
export interface SimulateNpvOptions extends NpvModelOptions {
  /** Called after each chunk with chunks done of all and seconds elapsed (e.g. `notebookProgress({ label }).update`). */
  onProgress?: OnEngineProgress;
  /** Number of simulated reward streams (integer ≥ 1). */
  paths: number;
  /** Paths per chunk (default 64); part of the result's definition, like the seed. */
  chunkSize?: number;
}

/** Input of {@link simulateNpvChunk}. */
export interface SimulateNpvChunkOptions extends NpvModelOptions {
  chunk: Pick<Chunk, "index" | "size">;
}

/** Per-checkpoint statistics of one chunk (or of pooled chunks). */
export interface NpvChunkResult {
  /** states[i]: statistics over paths of the running NPV at checkpoint slot i. */
  states: RunningStatsState[];
}

/** Result of {@link simulateNpv}. */
export interface NpvResult {
  horizon: number;
  /** (μ/d)(1+d)^(−H): bound on the expected NPV beyond the horizon (μ = |E[R]|). */
  truncationBound: number;
  /** The NPV up to the horizon: mean (→ μ/d) and variance (→ σ²/(d(2+d))) with standard errors. */
  npv: SampleSummary;
  /** The running NPV at each checkpoint slot. */
  checkpoints: Array<{ slot: number; npv: SampleSummary }>;
  /** Pooled chunk statistics (for merging with other runs). */
  result: NpvChunkResult;
}

interface Plan {
  d: number;
  horizon: number;
  checkpoints: number[];
}

function plan(options: NpvModelOptions): Plan {
  const d = validate.discountRate(options.d);
  validateReward(options.reward);
  validate.seed(options.seed);
  const horizon = resolveHorizon(d, options);
  const requested = options.checkpoints ?? defaultCheckpoints(horizon);
  if (!Array.isArray(requested))
    throw new RangeError(`checkpoints must be an array of slots; received ${String(requested)}`);
  requested.forEach((slot, i) => validate.integer(`checkpoints[${i}]`, slot, 1, horizon));
  const checkpoints = [...new Set([...requested, horizon])].sort((a, b) => a - b);
  return { d, horizon, checkpoints };
}

function defaultCheckpoints(horizon: number): number[] {
  const slots: number[] = [];
  for (let k = 11; k >= 0; k--) slots.push(Math.max(1, Math.round(horizon / 2 ** k)));
  return slots;
}

/**
 * Σ_{t=from+1}^{to} R_t x^t: the hot loop, in its own small function so that V8 inlines the reward
 * draw (a non-inlined call returning a double allocates). The factor starts exact at x^from.
 */
function discountedSum(
  stream: RandomStream,
  reward: RewardModel,
  from: number,
  to: number,
  logFactor: number,
  x: number,
): number {
  let discount = Math.exp(from * logFactor);
  let sum = 0;
  for (let t = from; t < to; t++) {
    discount *= x; // x^(t+1): this slot's factor
    sum += reward.sample(stream) * discount;
  }
  return sum;
}

function npvChunk(
  stream: RandomStream,
  reward: RewardModel,
  paths: number,
  { d, horizon, checkpoints }: Plan,
): NpvChunkResult {
  const logFactor = -Math.log1p(d);
  const x = Math.exp(logFactor);
  const stats = checkpoints.map(() => new RunningStats());
  for (let path = 0; path < paths; path++) {
    let npv = 0;
    let next = 0; // index of the next checkpoint
    for (let t = 0; t < horizon; ) {
      const end = Math.min(t + RENORMALISE, checkpoints[next]);
      npv += discountedSum(stream, reward, t, end, logFactor, x);
      t = end;
      if (t === checkpoints[next]) stats[next++].push(npv);
    }
  }
  return { states: stats.map((s) => s.state()) };
}

/**
 * One chunk of {@link simulateNpv}, from the stream rng(seed, "chunk", chunk.index).
 *
 * @example
 * simulateNpvChunk({ d: 0.05, reward: rewards.exponential(1), seed: 1, tolerance: 1e-6, chunk: { index: 0, size: 100 } }).states.length >= 1; // → true
 */
export function simulateNpvChunk(options: SimulateNpvChunkOptions): NpvChunkResult {
  // A chunk accepts the whole run's options (the sharding pattern); its size keys are ignored.
  validate.knownKeys("simulateNpvChunk options", options ?? {}, [...NPV_RUN_KEYS, "chunk"]);
  const p = plan(options);
  validate.integer("chunk.index", options.chunk?.index, 0);
  validate.integer("chunk.size", options.chunk?.size, 1);
  return npvChunk(rng(options.seed, "chunk", options.chunk.index), options.reward, options.chunk.size, p);
}

/** Input of {@link mergeNpvResults}. */
export interface MergeNpvResultsOptions {
  /** Chunk results in chunk order. */
  parts: readonly NpvChunkResult[];
}

/**
 * Pools chunk results in chunk order.
 *
 * @example
 * const part = (index) => simulateNpvChunk({ d: 0.05, reward: rewards.exponential(1), seed: 1, tolerance: 1e-6, chunk: { index, size: 100 } });
 * mergeNpvResults({ parts: [part(0), part(1)] }).states[0].count; // → 200
 */
export function mergeNpvResults(options: MergeNpvResultsOptions): NpvChunkResult {
  validate.knownKeys("mergeNpvResults options", options ?? {}, ["parts"]);
  const { parts } = options;
  if (!Array.isArray(parts as unknown) || parts.length === 0) {
    throw new RangeError(
      `parts must be a non-empty array of chunk results; received ${Array.isArray(parts) ? "[]" : String(parts)}`,
    );
  }
  return { states: parts[0].states.map((_, i) => mergeStates({ parts: parts.map((p) => p.states[i]) })) };
}

/**
 * Simulates `paths` discounted reward streams over slots 1..H and estimates E[NPV] (Observation 1:
 * μ/d) and Var(NPV) (σ²/(d(2+d))) with standard errors, plus the running NPV at checkpoints.
 * H is `horizon`, or the smallest H with (1+d)^(−H) ≤ `tolerance` (default 1e-12).
 *
 * @example
 * simulateNpv({ d: 0.01, reward: rewards.exponential(1), paths: 2000, seed: 1 }).npv.mean // ≈ 100
 */
export function simulateNpv(options: SimulateNpvOptions): NpvResult {
  validate.knownKeys("simulateNpv options", options ?? {}, NPV_RUN_KEYS);
  const p = plan(options);
  const chunks = planChunks({
    total: options.paths,
    chunkSize: options.chunkSize ?? DEFAULT_NPV_CHUNK_SIZE,
    totalName: "paths",
  });
  checkWorkBudget({ d: p.d, horizon: p.horizon, paths: options.paths, workBudget: options.workBudget });
  const result = mergeNpvResults({
    parts: withProgress({
      items: chunks,
      work: (c) => npvChunk(rng(options.seed, "chunk", c.index), options.reward, c.size, p),
      onProgress: options.onProgress,
    }),
  });
  return {
    horizon: p.horizon,
    truncationBound: truncationBound({ mu: Math.abs(options.reward.mean), d: p.d, horizon: p.horizon }),
    npv: summariseState(result.states[result.states.length - 1]),
    checkpoints: p.checkpoints.map((slot, i) => ({ slot, npv: summariseState(result.states[i]) })),
    result,
  };
}
