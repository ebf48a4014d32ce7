/**
 * The benchmark's workloads, in one place so the JavaScript and numpy runs measure the same thing.
 * Sized for about half a second per measurement on an idle 2-core machine; every figure is the best
 * of REPEATS timed runs (JS and numpy alike), which filters out interference from other processes.
 */

/** Timed repetitions per figure and round; the fastest is reported. */
export const REPEATS = 5;

/**
 * Paired rounds of the single-thread comparison: each round times JavaScript and numpy back to
 * back, and the reported JS/numpy ratio is the median of the rounds' ratios. The speed of this
 * (virtual) machine drifts by up to 2× over tens of seconds, so a JS figure measured a minute
 * before its numpy baseline can be off either way; pairing puts both under the same conditions.
 */
export const ROUNDS = 3;

/**
 * Paired rounds of the 1 → 2 worker figures. Two workers share this 2-core guest with the host's other
 * tenants, so a round now and then dips (seven rounds of the market: 1.76–1.94, median 1.92); five
 * rounds keep one or two such dips from setting the median. About 10 s more than three.
 */
export const WORKER_ROUNDS = 5;

/*
 * The worker figures use whole chunks, an even number of them (80 ticket chunks of 2^20 samples,
 * 640 market chunks of 64 paths), so two workers get equal work: with 20,000,000 samples the 20th
 * chunk was a stub, one worker did 10 full chunks and the other 9, which capped the measurable
 * 1 → 2 speed-up at 1.91 whatever the engine. The counts keep one worker busy for about a second
 * at the WebAssembly engines' speed (the two-thread runs of the smaller workloads took 0.1–0.3 s,
 * short enough for start-up and noise to dominate; doubled when engine version 2 made one worker's
 * run 0.35–0.48 s).
 */

/** Ticket-level sampler: V = R_T (1+d)^(−T), R ~ Exp(μ), T ~ Geometric(1/n). */
export const TICKET = { n: 100, d: 0.01, mu: 1, samples: 10_000_000, workerSamples: 80 * 2 ** 20 } as const;

/** Slot-level market: n positions, exponential rewards, issued/unissued/stake/maintained split. */
export const MARKET = {
  n: 100,
  d: 0.01,
  mu: 1,
  share: 0.1,
  tolerance: 1e-12,
  paths: 2_000,
  workerPaths: 640 * 64,
} as const;

/** Sample counts of the peak-memory probe (memory must not grow with samples). */
export const MEMORY_SAMPLES = [1_000_000, 10_000_000] as const;

/** Slot counts of the agent-based market's peak-memory probe (memory must not grow with slots). */
export const MEMORY_SLOTS = [1_000_000, 10_000_000] as const;

/** numpy processes the same work in vectorised chunks of this many draws. */
export const NUMPY_CHUNK = 1_000_000;

/** Targets (issue 21): JS/numpy ratios and the 1 → 2 worker speed-up; each ratio line says whether it meets its target. */
export const TARGETS = { ticketVsNumpy: 3, marketVsNumpy: 15, speedup: 1.9 } as const;
