/**
 * Observation 4(b): the win slot T ~ Geometric(1/n) of a ticket, sampled as T = 1 + ⌊E·s⌋ with
 * E ~ Exp(1) (ziggurat, no logarithm) and s = 1/(−ln(1 − 1/n)). Streams a histogram and the
 * moments of T; memory is flat in the number of samples.
 */
import { rng, exponential, GeometricSampler, type RandomStream } from "../random";
import { RunningStats, type RunningStatsState } from "../stats";
import { waitQuantile } from "../model";
import * as validate from "../validate";
import { planChunks, type Chunk } from "./chunks";
import { mergeStates, stateFromSums, storeSums, SUMS_LENGTH } from "./block-moments";
import { summariseState, type SampleSummary } from "./summary";
import { withProgress, type OnEngineProgress } from "./progress";

/** The keys of sampleWaits's options (its chunk form takes them too, with `chunk`). */
const WAITS_RUN_KEYS = ["onProgress", "n", "seed", "bins", "binWidth", "samples", "chunkSize"];

/** Samples per chunk unless told otherwise. */
export const DEFAULT_WAIT_CHUNK_SIZE = 1 << 20;
/** Samples summed in plain power sums before they are folded into the chunk's statistics. */
const BLOCK = 4096;

/** The model and histogram layout shared by a run and its chunks. */
export interface WaitModelOptions {
  /** Tickets outstanding (integer ≥ 1). */
  n: number;
  /** Master seed: chunk i draws from rng(seed, "chunk", i). */
  seed: number | string;
  /** Number of histogram bins (integer ≥ 1, default 100); larger T go to `overflow`. */
  bins?: number;
  /**
   * Slots per bin (integer ≥ 1). Default: the smallest width whose bins reach the 99.9 % quantile
   * of T, so the histogram shows the whole body of the distribution.
   */
  binWidth?: number;
}

/** Input of {@link sampleWaits}. */
export interface SampleWaitsOptions extends WaitModelOptions {
  /** Called after each chunk with chunks done of all and seconds elapsed (e.g. `notebookProgress({ label }).update`). */
  onProgress?: OnEngineProgress;
  /** Number of sampled win slots (integer ≥ 1). */
  samples: number;
  /** Samples per chunk (default 2^20); part of the result's definition, like the seed. */
  chunkSize?: number;
}

/** Input of {@link sampleWaitsChunk}. */
export interface SampleWaitsChunkOptions extends WaitModelOptions {
  chunk: Pick<Chunk, "index" | "size">;
}

/** What one chunk (or a pooled set of chunks) of {@link sampleWaits} found. */
export interface WaitCounts {
  /** Statistics of T. */
  state: RunningStatsState;
  /** counts[i] = number of T in [1 + i·binWidth, (i+1)·binWidth]. */
  counts: number[];
  /** Number of T beyond the last bin. */
  overflow: number;
}

/** Result of {@link sampleWaits}. */
export interface WaitHistogram extends WaitCounts {
  n: number;
  binWidth: number;
  /** lower[i] = 1 + i·binWidth: the first slot of bin i (bin i ends at lower[i] + binWidth − 1). */
  lower: number[];
  /** Mean, variance and their standard errors of T (compare with n and n(n − 1)). */
  wait: SampleSummary;
}

interface Layout {
  n: number;
  bins: number;
  binWidth: number;
  scale: number;
}

function layout({ n, seed, bins = 100, binWidth }: WaitModelOptions): Layout {
  validate.ticketCount(n);
  validate.seed(seed);
  validate.integer("bins", bins, 1, 1e7);
  const width =
    binWidth === undefined
      ? Math.max(1, Math.ceil(waitQuantile({ n, p: 0.999 }) / bins))
      : validate.integer("binWidth", binWidth, 1);
  return { n, bins, binWidth: width, scale: new GeometricSampler({ n }).scale };
}

/** One block: histogram counts added to `counts` (overflow in the last cell), power sums of T to `sums`. */
function waitsBlock(stream: RandomStream, count: number, l: Layout, counts: Float64Array, sums: Float64Array): void {
  const { n, bins, binWidth, scale } = l;
  const shift = n; // E[T]
  const drawExponential = exponential; // a local: the imported binding is a getter under CJS
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const t = Math.floor(drawExponential(stream) * scale); // T − 1
    const bin = binWidth === 1 ? t : Math.floor(t / binWidth);
    counts[Math.min(bin, bins)]++;
    const waitSlot = t + 1;
    if (waitSlot < min) min = waitSlot;
    if (waitSlot > max) max = waitSlot;
    const y = waitSlot - shift;
    const y2 = y * y;
    s1 += y;
    s2 += y2;
    s3 += y2 * y;
    s4 += y2 * y2;
  }
  storeSums(sums, s1, s2, s3, s4, min, max);
}

function waitsChunk(stream: RandomStream, size: number, l: Layout): WaitCounts {
  const counts = new Float64Array(l.bins + 1); // the last cell counts the overflow
  const sums = new Float64Array(SUMS_LENGTH);
  const stats = new RunningStats();
  for (let done = 0; done < size; ) {
    const count = Math.min(BLOCK, size - done);
    waitsBlock(stream, count, l, counts, sums);
    stats.merge(RunningStats.fromState(stateFromSums(count, l.n, sums)));
    done += count;
  }
  return { state: stats.state(), counts: Array.from(counts.subarray(0, l.bins)), overflow: counts[l.bins] };
}

/**
 * One chunk of {@link sampleWaits}, from the stream rng(seed, "chunk", chunk.index).
 *
 * @example
 * sampleWaitsChunk({ n: 10, seed: 1, chunk: { index: 0, size: 1000 } }).state.count; // → 1000
 */
export function sampleWaitsChunk(options: SampleWaitsChunkOptions): WaitCounts {
  // A chunk accepts the whole run's options (the sharding pattern); its size keys are ignored.
  validate.knownKeys("sampleWaitsChunk options", options ?? {}, [...WAITS_RUN_KEYS, "chunk"]);
  const l = layout(options);
  validate.integer("chunk.index", options.chunk?.index, 0);
  validate.integer("chunk.size", options.chunk?.size, 1);
  return waitsChunk(rng(options.seed, "chunk", options.chunk.index), options.chunk.size, l);
}

/** Input of {@link mergeWaitCounts}. */
export interface MergeWaitCountsOptions {
  /** Chunk results in chunk order. */
  parts: readonly WaitCounts[];
}

/**
 * Pools chunk results in chunk order (counts add exactly; moments via `mergeStates`).
 *
 * @example
 * mergeWaitCounts({ parts: [0, 1].map((index) => sampleWaitsChunk({ n: 10, seed: 1, chunk: { index, size: 500 } })) }).state.count; // → 1000
 */
export function mergeWaitCounts(options: MergeWaitCountsOptions): WaitCounts {
  validate.knownKeys("mergeWaitCounts options", options ?? {}, ["parts"]);
  const { parts } = options;
  if (!Array.isArray(parts as unknown) || parts.length === 0) {
    throw new RangeError(
      `parts must be a non-empty array of chunk results; received ${Array.isArray(parts) ? "[]" : String(parts)}`,
    );
  }
  const counts = parts[0].counts.map((_, i) => parts.reduce((sum, p) => sum + p.counts[i], 0));
  const overflow = parts.reduce((sum, p) => sum + p.overflow, 0);
  return { state: mergeStates({ parts: parts.map((p) => p.state) }), counts, overflow };
}

/**
 * Samples `samples` win slots T ~ Geometric(1/n) on {1, 2, …} and returns their histogram and
 * moments (Observation 4(b): E[T] = n, Var(T) = n(n − 1), median ≈ n ln 2).
 *
 * @example
 * sampleWaits({ n: 10, samples: 1e5, seed: 1 }).wait.mean // ≈ 10
 */
export function sampleWaits(options: SampleWaitsOptions): WaitHistogram {
  validate.knownKeys("sampleWaits options", options ?? {}, WAITS_RUN_KEYS);
  const l = layout(options);
  const chunks = planChunks({
    total: options.samples,
    chunkSize: options.chunkSize ?? DEFAULT_WAIT_CHUNK_SIZE,
    totalName: "samples",
  });
  const pooled = mergeWaitCounts({
    parts: withProgress({
      items: chunks,
      work: (c) => waitsChunk(rng(options.seed, "chunk", c.index), c.size, l),
      onProgress: options.onProgress,
    }),
  });
  return {
    ...pooled,
    n: l.n,
    binWidth: l.binWidth,
    lower: pooled.counts.map((_, i) => 1 + i * l.binWidth),
    wait: summariseState(pooled.state),
  };
}
