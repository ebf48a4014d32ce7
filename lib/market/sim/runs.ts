/**
 * Simulation of a holder's runs of consecutive slots (theory/runs.ts). The holder keeps `held` of the
 * `n` tickets (each winning ticket is replaced), so at every slot the drawn ticket — a uniform
 * position in [0, n) — is the holder's iff the position is below `held`. Replication i draws from
 * rng(seed, "runs", i).
 */
import { rng } from "../../random";
import { RunningStats, type Estimate } from "../../stats";
import * as validate from "../../validate";

/** Input of {@link simulateRuns}. */
export interface SimulateRunsOptions {
  /** Tickets outstanding n (integer ≥ 1). */
  n: number;
  /** Tickets the holder keeps (integer, 0 ≤ held ≤ n); share P = held/n. */
  held: number;
  /** Slots per replication S (integer ≥ 1). */
  slots: number;
  /** Independent replications (integer ≥ 2). */
  replications: number;
  /** Seed. */
  seed: number | string;
  /** Longest run length tallied separately; longer runs count in the last bucket. Default 32. */
  maxLength?: number;
}

/** Output of {@link simulateRuns}: per-replication counts averaged over replications. */
export interface SimulateRunsResult {
  /** held/n. */
  share: number;
  slots: number;
  /** atLeast[k−1]: number of maximal runs of length ≥ k (k = 1..maxLength) in S slots. */
  atLeast: Estimate[];
  /** exactly[k−1]: runs of length exactly k for k < maxLength; the last entry is ≥ maxLength. */
  exactly: Estimate[];
  /** The longest run in S slots. */
  longest: Estimate;
  /** Slots won (≈ P·S). */
  wins: Estimate;
}

/**
 * Monte Carlo of the run counts of a maintained share (see the module comment).
 *
 * @example
 * simulateRuns({ n: 10, held: 3, slots: 10000, replications: 2, seed: 1 }).longest.mean; // → 6.5
 */
export function simulateRuns(options: SimulateRunsOptions): SimulateRunsResult {
  validate.knownKeys("simulateRuns options", options ?? {}, [
    "n",
    "held",
    "slots",
    "replications",
    "seed",
    "maxLength",
  ]);
  const { n, held, slots, replications, seed, maxLength = 32 } = options;
  validate.ticketCount(n);
  validate.integer("held", held, 0, n);
  validate.integer("slots", slots, 1);
  validate.integer("replications", replications, 2);
  validate.seed(seed);
  validate.integer("maxLength", maxLength, 1, 1e6);
  const counts = new Float64Array(maxLength);
  const atLeast = Array.from({ length: maxLength }, () => new RunningStats());
  const exactly = Array.from({ length: maxLength }, () => new RunningStats());
  const longest = new RunningStats();
  const wins = new RunningStats();
  for (let rep = 0; rep < replications; rep++) {
    const stream = rng(seed, "runs", rep);
    counts.fill(0);
    let run = 0;
    let best = 0;
    let won = 0;
    for (let t = 0; t < slots; t++) {
      if (Math.floor(stream.next() * n) < held) {
        run++;
        won++;
      } else if (run > 0) {
        counts[Math.min(run, maxLength) - 1]++;
        if (run > best) best = run;
        run = 0;
      }
    }
    if (run > 0) {
      counts[Math.min(run, maxLength) - 1]++;
      if (run > best) best = run;
    }
    let tail = 0;
    for (let k = maxLength; k >= 1; k--) {
      tail += counts[k - 1];
      atLeast[k - 1].push(tail);
      exactly[k - 1].push(counts[k - 1]);
    }
    longest.push(best);
    wins.push(won);
  }
  return {
    share: held / n,
    slots,
    atLeast: atLeast.map((s) => s.estimate()),
    exactly: exactly.map((s) => s.estimate()),
    longest: longest.estimate(),
    wins: wins.estimate(),
  };
}
