/**
 * Ticket-level Monte Carlo of V = R_T (1+d)^(−T−L): T ~ Geometric(1/n) on {1, 2, …} is the win
 * slot of a ticket in the pool at time 0, R_T the reward it is paid and L ≥ 0 a lookahead (the
 * ticket drawn at slot T proposes at slot T + L).
 *
 * Two estimators:
 * - "direct": samples (T, R) and summarises V.
 * - "conditional" (Rao–Blackwell): samples T only and uses E[V | T] = μ x^{T+L} for the mean and
 *   E[V² | T] = E[R²] x^{2(T+L)} for the second moment — valid because R is independent of T.
 *   Lower variance, and its variance estimate needs no fourth moment of R (heavy tails!).
 *
 * Hot loop (per sample): T − 1 = ⌊E·s⌋ with E ~ Exp(1) from the ziggurat and s = 1/(−ln(1 − 1/n))
 * (no logarithm), x^{T+L} from a two-level table (no exponential), R from the reward model, and
 * four power sums of V − shift. Memory is flat in the number of samples.
 *
 * For exponential and constant rewards (and the conditional estimator) the block loop runs in
 * WebAssembly when the module is built (lib/wasm): the same draws in the same order, so the same
 * numbers bit for bit, about twice as fast. The JavaScript loops below remain the reference and
 * the fallback for every other reward model.
 */
import type { RewardModel } from "../rewards/reward-model";
import { exponential, GeometricSampler, type Rng } from "../random";
import { validateEngineVersion, versionStream, type EngineVersion } from "./engine-version";
import { lookaheadTicketValue } from "../model/lookahead";
import * as validate from "../validate";
import { DiscountTable } from "../model/discount-table";
import { planChunks, type Chunk } from "./chunks";
import { RunningStats, makeEstimate, type RunningStatsState } from "../stats";
import { mergeStates, stateFromSums, storeSums, SUMS_LENGTH } from "./block-moments";
import { summariseState, type SampleSummary } from "./summary";
import { validateReward } from "./validate-reward";
import { WasmTicketBlocks } from "../wasm/ticket-block";
import { withProgress, type OnEngineProgress } from "./progress";

/** The keys of sampleTicketValues's options (its chunk form takes them too, with `chunk`). */
const TICKET_RUN_KEYS = [
  "onProgress",
  "n",
  "d",
  "reward",
  "seed",
  "estimator",
  "lookahead",
  "engineVersion",
  "samples",
  "chunkSize",
];

/** Which estimator {@link sampleTicketValues} uses. */
export type TicketEstimator = "direct" | "conditional";

/** Samples per chunk unless told otherwise: the unit of work and of random streams. */
export const DEFAULT_TICKET_CHUNK_SIZE = 1 << 20;

/** Values summed in plain power sums before they are folded into the chunk's moments. */
const BLOCK = 4096;

/** The model parameters shared by the whole run and each chunk. */
export interface TicketModelOptions {
  /** Tickets outstanding (integer ≥ 1): T ~ Geometric(1/n). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Distribution of the reward R (independent of T). */
  reward: RewardModel;
  /** Master seed: chunk i draws from the stream (seed, "chunk", i) of the engine version's generator. */
  seed: number | string;
  /** "direct" (default) or "conditional" (Rao–Blackwell over R; see the module comment). */
  estimator?: TicketEstimator;
  /** Lookahead L in slots (integer ≥ 0, default 0): V = R_T x^{T+L}. */
  lookahead?: number;
  /**
   * Which generator the chunk streams are (see engine-version.ts): 2 (default) sfc64, 1 sfc32, the
   * numbers of runs made before 2026-12-07. Part of the result's definition, like the seed.
   */
  engineVersion?: EngineVersion;
}

/** Input of {@link sampleTicketValues}. */
export interface SampleTicketValuesOptions extends TicketModelOptions {
  /** Called after each chunk with chunks done of all and seconds elapsed (e.g. `notebookProgress({ label }).update`). */
  onProgress?: OnEngineProgress;
  /** Number of sampled tickets (integer ≥ 1). */
  samples: number;
  /** Samples per chunk (default 2^20). Part of the result's definition, like the seed. */
  chunkSize?: number;
}

/** Result of {@link sampleTicketValues}. */
export interface TicketValueSummary extends SampleSummary {
  estimator: TicketEstimator;
  /**
   * The statistics actually sampled: of V (direct) or of x^{T+L} (conditional). Pool these across
   * runs with `mergeStates` and summarise with {@link summariseTicketValues}.
   */
  state: RunningStatsState;
}

/** Input of {@link sampleTicketValuesChunk}. */
export interface SampleTicketValuesChunkOptions extends TicketModelOptions {
  /** The chunk to sample (from `planChunks`); its index names its stream. */
  chunk: Pick<Chunk, "index" | "size">;
}

/** Input of {@link summariseTicketValues}. */
export interface SummariseTicketValuesOptions {
  /** Chunk states pooled in chunk order (see `mergeStates`). */
  state: RunningStatsState;
  reward: RewardModel;
  estimator?: TicketEstimator;
}

interface Prepared {
  estimator: TicketEstimator;
  version: EngineVersion;
  scale: number;
  table: DiscountTable;
  shift: number;
  /** The WebAssembly block loop, or null for the JavaScript one (same numbers either way). */
  wasm: WasmTicketBlocks | null;
}

function prepare(options: TicketModelOptions): Prepared {
  const { n, d, reward, seed, estimator = "direct", lookahead = 0 } = options;
  validate.ticketCount(n);
  validate.discountRate(d);
  validateReward(reward);
  validate.seed(seed);
  validate.oneOf("estimator", estimator, ["direct", "conditional"] as const);
  validate.integer("lookahead", lookahead, 0);
  const version = validateEngineVersion(options.engineVersion);
  const table = new DiscountTable({ d, offset: 1 + lookahead });
  // Shift the power sums by the expected value, so the block conversion does not cancel.
  const expectedFactor = lookaheadTicketValue({ mu: 1, n, d, m: lookahead }); // E[x^{T+L}]
  const shift = estimator === "direct" ? reward.mean * expectedFactor : expectedFactor;
  const scale = new GeometricSampler({ n }).scale;
  return {
    estimator,
    version,
    scale,
    table,
    shift,
    wasm: WasmTicketBlocks.create({ reward, estimator, table, scale, shift }),
  };
}

/*
 * The hot loops live in small functions that process one block and write its power sums into a
 * scratch array. Keeping them free of other calls leaves V8's inlining budget to the random draws,
 * which must be inlined: a non-inlined call returning a double allocates a heap number per draw.
 * Imported functions are copied to locals first: under tsx (CommonJS output) every imported
 * binding is a getter on the exporting module, and a getter call per draw costs ~25 % here.
 *
 * `storeSums` after each loop is left as the module binding on purpose. V8 compiles the loop
 * on-stack before that call has type feedback and bails out there once per block; copying it to a
 * local removes the bail-outs but lets V8 inline the whole block function into sampleChunk, where
 * the inlining budget runs out before the reward draw (left as an allocating call): 0.60× the
 * speed in six interleaved process pairs. Measure in paired runs before changing these loops;
 * block-wise sampling, fused ziggurats and one-function chunks were all measured no faster.
 */

/** Power sums [s1, s2, s3, s4, min, max] of one block of direct samples V = R·x^{T+L}. */
function directBlock(stream: Rng, reward: RewardModel, count: number, p: Prepared, sums: Float64Array): void {
  const { scale, table, shift } = p;
  const drawExponential = exponential; // a local: the imported binding is a getter under CJS
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const t = Math.floor(drawExponential(stream) * scale); // T − 1
    const v = reward.sample(stream) * table.factor(t);
    if (v < min) min = v;
    if (v > max) max = v;
    const y = v - shift;
    const y2 = y * y;
    s1 += y;
    s2 += y2;
    s3 += y2 * y;
    s4 += y2 * y2;
  }
  storeSums(sums, s1, s2, s3, s4, min, max);
}

/** Power sums of one block of conditional samples x^{T+L}. */
function conditionalBlock(stream: Rng, count: number, p: Prepared, sums: Float64Array): void {
  const { scale, table, shift } = p;
  const drawExponential = exponential; // a local: the imported binding is a getter under CJS
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = table.factor(Math.floor(drawExponential(stream) * scale));
    if (v < min) min = v;
    if (v > max) max = v;
    const y = v - shift;
    const y2 = y * y;
    s1 += y;
    s2 += y2;
    s3 += y2 * y;
    s4 += y2 * y2;
  }
  storeSums(sums, s1, s2, s3, s4, min, max);
}

function sampleChunk(
  options: TicketModelOptions,
  chunk: Pick<Chunk, "index" | "size">,
  p: Prepared,
): RunningStatsState {
  const stream = versionStream(p.version, options.seed, ["chunk", chunk.index]);
  const stats = new RunningStats();
  const scratch = new Float64Array(SUMS_LENGTH);
  const wasm = p.wasm;
  wasm?.begin();
  for (let done = 0; done < chunk.size; ) {
    const count = Math.min(BLOCK, chunk.size - done);
    let sums: Float64Array = scratch;
    if (wasm !== null) sums = wasm.block(stream, count);
    else if (p.estimator === "direct") directBlock(stream, options.reward, count, p, scratch);
    else conditionalBlock(stream, count, p, scratch);
    stats.merge(RunningStats.fromState(stateFromSums(count, p.shift, sums)));
    done += count;
  }
  return stats.state();
}

/**
 * One chunk of {@link sampleTicketValues}: the statistics of V (direct) or of x^{T+L}
 * (conditional) over `chunk.size` samples from the stream (seed, "chunk", chunk.index) of the
 * engine version's generator, as a
 * plain RunningStatsState (safe to post between threads). Pool chunk states in chunk order with
 * `mergeStates` and summarise with {@link summariseTicketValues}: the result is then identical to
 * a single-process run, whatever the number of workers.
 *
 * @example
 * sampleTicketValuesChunk({ n: 10, d: 0.05, reward: rewards.exponential(1), seed: 1, chunk: { index: 0, size: 1000 } }).count; // → 1000
 */
export function sampleTicketValuesChunk(options: SampleTicketValuesChunkOptions): RunningStatsState {
  // A chunk accepts the whole run's options (the sharding pattern); its size keys are ignored.
  validate.knownKeys("sampleTicketValuesChunk options", options ?? {}, [...TICKET_RUN_KEYS, "chunk"]);
  const p = prepare(options);
  validate.integer("chunk.index", options.chunk?.index, 0);
  validate.integer("chunk.size", options.chunk?.size, 1);
  return sampleChunk(options, options.chunk, p);
}

/**
 * Turns sampled moments into the estimate of the ticket's value and variance.
 * Conditional estimator with y = x^{T+L}: mean μ·ȳ; variance E[R²]·Ê[y²] − μ²ȳ², evaluated as
 * σ²·Ê[y²] + μ²·(Ê[y²] − ȳ²) (no cancellation), its standard error by the delta method.
 *
 * @example
 * summariseTicketValues({ state: sampleTicketValuesChunk({ n: 10, d: 0.05, reward: rewards.exponential(1), seed: 1, chunk: { index: 0, size: 1000 } }), reward: rewards.exponential(1) }).count; // → 1000
 */
export function summariseTicketValues(options: SummariseTicketValuesOptions): TicketValueSummary {
  validate.knownKeys("summariseTicketValues options", options ?? {}, ["state", "reward", "estimator"]);
  const { state, reward, estimator = "direct" } = options;
  validate.oneOf("estimator", estimator, ["direct", "conditional"] as const);
  validateReward(reward);
  if (estimator === "direct") return { ...summariseState(state), estimator, state };
  const { count: n, mean: a, m2, m3, m4 } = state;
  const mu = reward.mean;
  const second = reward.secondMoment;
  const c2 = m2 / n;
  const c3 = m3 / n;
  const c4 = m4 / n;
  const b = c2 + a * a; // Ê[y²]
  const variance = reward.variance * b + mu * mu * c2;
  // Var of (E[R²]·b̂ − μ²â²) to first order: gradient (−2μ²a, E[R²]) on Cov((y, y²)).
  const varY = c2;
  const varY2 = c4 + 4 * a * c3 + 4 * a * a * c2 - c2 * c2;
  const covYY2 = c3 + 2 * a * c2;
  const g1 = -2 * mu * mu * a;
  const g2 = second;
  const varianceOfVariance = g1 * g1 * varY + g2 * g2 * varY2 + 2 * g1 * g2 * covYY2;
  const stderrY = n > 1 ? Math.sqrt(m2 / (n - 1) / n) : NaN;
  return {
    ...makeEstimate({ mean: mu * a, stderr: Math.abs(mu) * stderrY, count: n }),
    variance,
    varianceStderr: Math.sqrt(Math.max(0, varianceOfVariance) / n),
    estimator,
    state,
  };
}

/**
 * Samples `samples` ticket values V = R_T (1+d)^(−T−lookahead) and summarises them: mean,
 * variance, their standard errors, a 95 % interval. Deterministic in (seed, samples, chunkSize).
 *
 * @example
 * sampleTicketValues({ n: 100, d: 0.01, reward: rewards.exponential(1), samples: 1e6, seed: 1 })
 *   // mean ≈ 0.5 = μ/(nd+1), variance ≈ 0.4145
 */
export function sampleTicketValues(options: SampleTicketValuesOptions): TicketValueSummary {
  validate.knownKeys("sampleTicketValues options", options ?? {}, TICKET_RUN_KEYS);
  const p = prepare(options);
  const chunks = planChunks({
    total: options.samples,
    chunkSize: options.chunkSize ?? DEFAULT_TICKET_CHUNK_SIZE,
    totalName: "samples",
  });
  const parts = withProgress({
    items: chunks,
    work: (chunk) => sampleChunk(options, chunk, p),
    onProgress: options.onProgress,
  });
  const state = mergeStates({ parts });
  return summariseTicketValues({ state, reward: options.reward, estimator: p.estimator });
}
