/**
 * The slot-level ticket market (../../docs/derivations/stakes.md, the "positions" device). n pool positions each
 * hold one ticket. Each slot t = 1..H draws one position uniformly; its ticket wins R_t, is burned,
 * and a new ticket is minted at the same position (it can first win at slot t + 1). Per path:
 *
 * - total:     Σ R_t x^t, the whole reward stream (→ μ/d);
 * - issued:    rewards won by tickets that existed at time 0 (→ nμ/(nd+1));
 * - unissued:  rewards won by tickets minted later (→ μ/(d(nd+1)));
 * - staticStake: a holder owns the original tickets at positions 0..k−1, k = round(share·n), and
 *   does not replace them (reading A of Observation 4(d): kμ/(nd+1), variance kVar + k(k−1)Cov);
 * - maintainedGross / maintainedNet: the holder keeps positions 0..k−1 by buying each replacement
 *   at the fair price c = μ/(nd+1) at the end of the winning slot; gross ignores the price
 *   (readings C and B: Pμ/d and Pnμ/(nd+1) with P = k/n);
 * - runs (optional): the maintained holder's runs of consecutive slots; for m = 1..maxRunLength the
 *   number of runs of length ≥ m within the horizon (expected P^m[1 + (H − m)(1 − P)]).
 *
 * Hot loop per slot: one uniform position (32 random bits, exactly uniform: PositionSampler), one
 * reward draw, one multiply for the running discount factor (recomputed exactly every 1024 slots),
 * a byte test of "is this position's ticket still an original". The originals are marked with a
 * per-path stamp in a Uint8Array, so a new path does not clear n bytes (only every 255th path
 * does). Memory: O(n) per chunk, flat in paths and horizon.
 *
 * For exponential and constant rewards and n ≤ 2^26 each path runs in WebAssembly when the module
 * is built (lib/wasm), slot for slot and draw for draw: the same numbers bit for bit, about twice
 * as fast. simulatePath below remains the reference and the fallback.
 */
import type { RewardModel } from "../rewards/reward-model";
import type { GeneratorStream } from "../random";
import { validateEngineVersion, versionStream, type EngineVersion } from "./engine-version";
import { RunningStats, type RunningStatsState } from "../stats";
import { ticketValue } from "../model";
import * as validate from "../validate";
import { planChunks, type Chunk } from "./chunks";
import { mergeStates } from "./block-moments";
import { summariseState, type SampleSummary } from "./summary";
import { truncationBound } from "./horizon";
import { checkWorkBudget, resolveHorizon, type HorizonOptions } from "./slot-horizon";
import { validateReward } from "./validate-reward";
import { PositionSampler } from "../random/position-sampler";
import { WasmMarketPaths } from "../wasm/market-path";
import { withProgress, type OnEngineProgress } from "./progress";

/** The keys of simulateTicketPool's options (its chunk form takes them too, with `chunk`). */
const POOL_RUN_KEYS = [
  "onProgress",
  "n",
  "d",
  "reward",
  "seed",
  "share",
  "trackRuns",
  "maxRunLength",
  "paths",
  "chunkSize",
  "horizon",
  "tolerance",
  "workBudget",
  "engineVersion",
];

/** Paths per chunk unless told otherwise. */
export const DEFAULT_MARKET_CHUNK_SIZE = 64;
/** Default share of the holder: 10 %. */
export const DEFAULT_MARKET_SHARE = 0.1;
/** Default longest run length tracked. */
export const DEFAULT_MAX_RUN_LENGTH = 8;
/** Slots between exact recomputations of the running discount factor. */
const RENORMALISE = 1024;
/** Stamps 1..255 mark "already replaced in this path"; 0 means never touched. */
const MAX_STAMP = 255;

/** The model shared by a run and its chunks. */
export interface MarketModelOptions extends HorizonOptions {
  /** Tickets outstanding (integer, 1 ≤ n ≤ 2^31 − 1: one byte of state per position). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Distribution of the per-slot reward R ≥ 0 (i.i.d., independent of the draw). */
  reward: RewardModel;
  /** Master seed: chunk i draws from the stream (seed, "chunk", i) of the engine version's generator. */
  seed: number | string;
  /** The holder's share P ∈ [0, 1] (default 0.1): positions 0..k−1 with k = round(share·n). */
  share?: number;
  /** Also count the maintained holder's runs of consecutive slots (default false). */
  trackRuns?: boolean;
  /** Longest run length counted separately (integer 1..1000, default 8). */
  maxRunLength?: number;
  /**
   * Which generator the chunk streams are (see engine-version.ts): 2 (default) sfc64, 1 sfc32, the
   * numbers of runs made before 2026-12-07. Part of the result's definition, like the seed.
   */
  engineVersion?: EngineVersion;
}

/** Input of {@link simulateTicketPool}. */
export interface SimulateTicketPoolOptions extends MarketModelOptions {
  /** Called after each chunk with chunks done of all and seconds elapsed (e.g. `notebookProgress({ label }).update`). */
  onProgress?: OnEngineProgress;
  /** Number of simulated market paths (integer ≥ 1). */
  paths: number;
  /** Paths per chunk (default 64); part of the result's definition, like the seed. */
  chunkSize?: number;
}

/** Input of {@link simulateTicketPoolChunk}. */
export interface SimulateTicketPoolChunkOptions extends MarketModelOptions {
  chunk: Pick<Chunk, "index" | "size">;
}

/** Statistics over paths of one chunk (or of pooled chunks): plain data, safe to post. */
export interface TicketPoolChunkResult {
  total: RunningStatsState;
  issued: RunningStatsState;
  unissued: RunningStatsState;
  staticStake: RunningStatsState;
  maintainedNet: RunningStatsState;
  maintainedGross: RunningStatsState;
  /** runs[m − 1]: runs of length ≥ m per path; empty unless trackRuns. */
  runs: RunningStatsState[];
}

/** Result of {@link simulateTicketPool}: per-path present values as estimates with variances. */
export interface TicketPoolResult {
  n: number;
  d: number;
  /** Positions held: k = round(share·n). */
  k: number;
  /** The share actually held, k/n (use it for closed forms). */
  share: number;
  /** Fair replacement price c = μ/(nd+1) paid under the maintained strategy. */
  price: number;
  paths: number;
  horizon: number;
  /** (μ/d)(1+d)^(−H): bound on the expected present value of every stream beyond the horizon. */
  truncationBound: number;
  /** Slots simulated: paths · horizon. */
  slotEvents: number;
  total: SampleSummary;
  issued: SampleSummary;
  unissued: SampleSummary;
  staticStake: SampleSummary;
  maintainedNet: SampleSummary;
  maintainedGross: SampleSummary;
  /** With trackRuns: atLeast[m − 1] = runs of length ≥ m per path (within the horizon). */
  runs?: { maxLength: number; atLeast: SampleSummary[] };
  /** Pooled chunk statistics (for merging with other runs). */
  result: TicketPoolChunkResult;
}

interface Plan {
  version: EngineVersion;
  n: number;
  d: number;
  k: number;
  price: number;
  horizon: number;
  maxRun: number;
}

function plan(options: MarketModelOptions): Plan {
  const n = validate.integer("n", options.n, 1, 2 ** 31 - 1);
  const d = validate.discountRate(options.d);
  const reward = validateReward(options.reward);
  validate.seed(options.seed);
  const share = validate.inRange("share", options.share ?? DEFAULT_MARKET_SHARE, 0, 1);
  if (options.trackRuns !== undefined && typeof options.trackRuns !== "boolean") {
    throw new RangeError(`trackRuns must be a boolean; received ${String(options.trackRuns)}`);
  }
  const maxRunLength = validate.integer("maxRunLength", options.maxRunLength ?? DEFAULT_MAX_RUN_LENGTH, 1, 1000);
  return {
    version: validateEngineVersion(options.engineVersion),
    n,
    d,
    k: Math.round(share * n),
    price: ticketValue({ mu: reward.mean, n, d }),
    horizon: resolveHorizon(d, options),
    maxRun: options.trackRuns ? maxRunLength : 0,
  };
}

/** Per-path sums written by {@link simulatePath}: indices into its scratch array. */
const TOTAL = 0;
const ISSUED = 1;
const UNISSUED = 2;
const STATIC = 3;
const NET = 4;
const GROSS = 5;

/** Per-chunk state reused by every path of the chunk. */
interface PathScratch {
  positions: PositionSampler;
  /** stamp[j] === epoch: position j's original ticket has already won in this path. */
  stamp: Uint8Array;
  epoch: number;
  /** The six present values of the path (TOTAL..GROSS). */
  sums: Float64Array;
  /** runCounts[m − 1]: runs of length ≥ m in the path (trackRuns only). */
  runCounts: Float64Array;
}

/**
 * One market path: the hot loop, kept in a small function so that V8 inlines the position and
 * reward draws (a non-inlined call returning a double allocates a heap number per slot).
 */
function simulatePath(stream: GeneratorStream, reward: RewardModel, p: Plan, scratch: PathScratch): void {
  const { d, k, price, horizon, maxRun } = p;
  const { positions, stamp, epoch, runCounts } = scratch;
  const track = maxRun > 0;
  const logFactor = -Math.log1p(d);
  const x = Math.exp(logFactor);
  let total = 0;
  let issued = 0;
  let unissued = 0;
  let staticStake = 0;
  let gross = 0;
  let net = 0;
  let run = 0;
  for (let t = 0; t < horizon; ) {
    const end = Math.min(horizon, t + RENORMALISE);
    let discount = Math.exp(t * logFactor); // x^t, exact
    for (; t < end; t++) {
      discount *= x; // x^(t+1): this slot's factor
      const j = positions.draw(stream);
      const pv = reward.sample(stream) * discount;
      total += pv;
      if (stamp[j] !== epoch) {
        stamp[j] = epoch; // the original ticket at j wins and is replaced
        issued += pv;
        if (j < k) staticStake += pv;
      } else {
        unissued += pv;
      }
      if (j < k) {
        gross += pv;
        net += pv - price * discount;
        if (track) run++;
      } else if (track && run > 0) {
        recordRun(runCounts, run, maxRun);
        run = 0;
      }
    }
  }
  if (track && run > 0) recordRun(runCounts, run, maxRun);
  const sums = scratch.sums;
  sums[TOTAL] = total;
  sums[ISSUED] = issued;
  sums[UNISSUED] = unissued;
  sums[STATIC] = staticStake;
  sums[NET] = net;
  sums[GROSS] = gross;
}

function marketChunk(stream: GeneratorStream, reward: RewardModel, paths: number, p: Plan): TicketPoolChunkResult {
  const { n, maxRun } = p;
  // The WebAssembly path loop when it can run (same numbers); its stamps live in its memory.
  const wasm = WasmMarketPaths.create({ ...p, reward });
  const wasmStamps = wasm?.stamps() ?? null;
  const scratch: PathScratch = {
    positions: new PositionSampler(n),
    stamp: wasmStamps ?? new Uint8Array(n),
    epoch: 0,
    sums: new Float64Array(6),
    runCounts: new Float64Array(maxRun),
  };
  const stats = Array.from({ length: 6 }, () => new RunningStats());
  const runStats = Array.from({ length: maxRun }, () => new RunningStats());
  for (let path = 0; path < paths; path++) {
    if (++scratch.epoch > MAX_STAMP) {
      scratch.stamp.fill(0);
      scratch.epoch = 1;
    }
    if (wasm !== null && wasmStamps !== null) wasm.path(stream, scratch.epoch, scratch.sums, scratch.runCounts);
    else {
      scratch.runCounts.fill(0);
      simulatePath(stream, reward, p, scratch);
    }
    for (let i = 0; i < 6; i++) stats[i].push(scratch.sums[i]);
    for (let m = 0; m < maxRun; m++) runStats[m].push(scratch.runCounts[m]);
  }
  return {
    total: stats[TOTAL].state(),
    issued: stats[ISSUED].state(),
    unissued: stats[UNISSUED].state(),
    staticStake: stats[STATIC].state(),
    maintainedNet: stats[NET].state(),
    maintainedGross: stats[GROSS].state(),
    runs: runStats.map((s) => s.state()),
  };
}

/** A finished run of `length` slots counts once for every m ≤ length (up to maxRun). */
function recordRun(counts: Float64Array, length: number, maxRun: number): void {
  const top = Math.min(length, maxRun);
  for (let m = 0; m < top; m++) counts[m]++;
}

/**
 * One chunk of {@link simulateTicketPool}, from the stream (seed, "chunk", chunk.index) of the
 * engine version's generator.
 *
 * @example
 * simulateTicketPoolChunk({ ...{ n: 10, d: 0.05, reward: rewards.exponential(1), seed: 1, tolerance: 1e-6 }, chunk: { index: 0, size: 100 } }).total.count; // → 100
 */
export function simulateTicketPoolChunk(options: SimulateTicketPoolChunkOptions): TicketPoolChunkResult {
  // A chunk accepts the whole run's options (the sharding pattern); its size keys are ignored.
  validate.knownKeys("simulateTicketPoolChunk options", options ?? {}, [...POOL_RUN_KEYS, "chunk"]);
  const p = plan(options);
  validate.integer("chunk.index", options.chunk?.index, 0);
  validate.integer("chunk.size", options.chunk?.size, 1);
  const stream = versionStream(p.version, options.seed, ["chunk", options.chunk.index]);
  return marketChunk(stream, options.reward, options.chunk.size, p);
}

const STREAMS = ["total", "issued", "unissued", "staticStake", "maintainedNet", "maintainedGross"] as const;

/** Input of {@link mergeTicketPoolResults}. */
export interface MergeTicketPoolResultsOptions {
  /** Chunk results in chunk order. */
  parts: readonly TicketPoolChunkResult[];
}

/**
 * Pools chunk results in chunk order.
 *
 * @example
 * const chunk = (index) => simulateTicketPoolChunk({ n: 10, d: 0.05, reward: rewards.exponential(1), seed: 1, tolerance: 1e-6, chunk: { index, size: 100 } });
 * mergeTicketPoolResults({ parts: [chunk(0), chunk(1)] }).total.count; // → 200
 */
export function mergeTicketPoolResults(options: MergeTicketPoolResultsOptions): TicketPoolChunkResult {
  validate.knownKeys("mergeTicketPoolResults options", options ?? {}, ["parts"]);
  const { parts } = options;
  if (!Array.isArray(parts as unknown) || parts.length === 0) {
    throw new RangeError(
      `parts must be a non-empty array of chunk results; received ${Array.isArray(parts) ? "[]" : String(parts)}`,
    );
  }
  const pool = (pick: (r: TicketPoolChunkResult) => RunningStatsState) => mergeStates({ parts: parts.map(pick) });
  const merged = Object.fromEntries(STREAMS.map((key) => [key, pool((r) => r[key])])) as Omit<
    TicketPoolChunkResult,
    "runs"
  >;
  return { ...merged, runs: parts[0].runs.map((_, m) => pool((r) => r.runs[m])) };
}

/**
 * Simulates `paths` independent market paths over slots 1..H and returns, per tracked stream, the
 * mean present value (with standard error and 95 % interval) and its variance (with standard
 * error). H is `horizon`, or the smallest H with (1+d)^(−H) ≤ `tolerance` (default 1e-12); the
 * expected value lost beyond H is at most `truncationBound`.
 *
 * @example
 * const m = simulateTicketPool({ n: 20, d: 0.02, reward: rewards.exponential(0.05), paths: 5000, seed: 1, share: 0.25 });
 * m.issued.mean // ≈ nμ/(nd+1) = 0.714;  m.staticStake.mean ≈ kμ/(nd+1) = 0.179
 */
export function simulateTicketPool(options: SimulateTicketPoolOptions): TicketPoolResult {
  validate.knownKeys("simulateTicketPool options", options ?? {}, POOL_RUN_KEYS);
  const p = plan(options);
  const chunks = planChunks({
    total: options.paths,
    chunkSize: options.chunkSize ?? DEFAULT_MARKET_CHUNK_SIZE,
    totalName: "paths",
  });
  checkWorkBudget({ d: p.d, horizon: p.horizon, paths: options.paths, workBudget: options.workBudget });
  const result = mergeTicketPoolResults({
    parts: withProgress({
      items: chunks,
      work: (c) => marketChunk(versionStream(p.version, options.seed, ["chunk", c.index]), options.reward, c.size, p),
      onProgress: options.onProgress,
    }),
  });
  return summariseTicketPool({ result, options });
}

/** Input of {@link summariseTicketPool}. */
export interface SummariseTicketPoolOptions {
  /** Pooled chunk results (see {@link mergeTicketPoolResults}). */
  result: TicketPoolChunkResult;
  /** The options the chunks were simulated with. */
  options: MarketModelOptions;
}

/**
 * Turns pooled chunk results into a {@link TicketPoolResult}.
 *
 * @example
 * const options = { ...{ n: 10, d: 0.05, reward: rewards.exponential(1), seed: 1, tolerance: 1e-6 }, paths: 200 };
 * summariseTicketPool({ result: simulateTicketPoolChunk({ ...options, chunk: { index: 0, size: 200 } }), options }).horizon; // → 284
 */
export function summariseTicketPool(input: SummariseTicketPoolOptions): TicketPoolResult {
  validate.knownKeys("summariseTicketPool options", input ?? {}, ["result", "options"]);
  const { result, options } = input;
  const p = plan(options);
  const paths = result.total.count;
  return {
    n: p.n,
    d: p.d,
    k: p.k,
    share: p.k / p.n,
    price: p.price,
    paths,
    horizon: p.horizon,
    truncationBound: truncationBound({ mu: options.reward.mean, d: p.d, horizon: p.horizon }),
    slotEvents: paths * p.horizon,
    total: summariseState(result.total),
    issued: summariseState(result.issued),
    unissued: summariseState(result.unissued),
    staticStake: summariseState(result.staticStake),
    maintainedNet: summariseState(result.maintainedNet),
    maintainedGross: summariseState(result.maintainedGross),
    ...(p.maxRun > 0 ? { runs: { maxLength: p.maxRun, atLeast: result.runs.map((s) => summariseState(s)) } } : {}),
    result,
  };
}
