/**
 * Slot-by-slot Monte Carlo with correlated rewards. Nothing here uses the closed forms: each path
 * runs the process with its own `start(...)`/`next()` and draws the winner of every slot uniformly,
 * so the checks in tests and notebook 07 are independent of process-ticket.ts and friends.
 */
import type { RewardProcess } from "../rewards/reward-process";
import * as validate from "../validate";
import { processKernel } from "./process-kernel";
import { runPaths, type PathSummary } from "./simulation-summary";
import { rng } from "../random";

/** Input of {@link simulateProcessHolding}. */
export interface SimulateProcessHoldingOptions {
  /** The reward process (`rewardProcesses.ar1` or `rewardProcesses.regimeSwitching`). */
  process: RewardProcess;
  /** Tickets outstanding n (integer ≥ 1). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Tickets held from time 0 until each wins (integer, 1 ≤ k ≤ n; default 1: a single ticket). */
  k?: number;
  /** Simulated paths (integer ≥ 2). */
  paths: number;
  /** Master seed. */
  seed: number | string;
  /** The process's state at time 0; omit to draw it from the stationary law on every path. */
  state?: number;
}

/**
 * Present value of a static holding of k tickets (k = 1: one ticket). Each slot the process emits
 * R_t and one of the n pool positions is drawn uniformly; when it is a held ticket not yet won,
 * the holder receives R_t (1+d)^{-t}. A path ends when all k have won (about n·H_k slots), so there
 * is no truncation. Cost O(paths · n · ln k).
 *
 * @example
 * simulateProcessHolding({ process: rewardProcesses.regimeSwitching({ calm: rewards.exponential(0.6), storm: rewards.exponential(3), pCalmToStorm: 0.02, pStormToCalm: 0.1 }), n: 10, d: 0.05, k: 5, paths: 200, seed: 1 }).mean; // → 3.39235
 */
export function simulateProcessHolding(options: SimulateProcessHoldingOptions): PathSummary {
  validate.knownKeys("simulateProcessHolding options", options ?? {}, [
    "process",
    "n",
    "d",
    "k",
    "paths",
    "seed",
    "state",
  ]);
  const { process, n, d, k = 1, paths, seed, state } = options;
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.integer("k", k, 1, n);
  const kernel = processKernel(process);
  const start = state === undefined ? undefined : kernel.checkState(state, "state");
  const logGrowth = Math.log1p(d);
  const held = new Uint8Array(k);
  return runPaths(paths, seed, (stream) => {
    const path = process.start(stream, start);
    held.fill(0);
    let remaining = k;
    let value = 0;
    let t = 0;
    while (remaining > 0) {
      t++;
      const reward = path.next();
      const winner = Math.floor(stream.next() * n);
      if (winner < k && held[winner] === 0) {
        held[winner] = 1;
        remaining--;
        value += reward * Math.exp(-t * logGrowth);
      }
    }
    return { value, slots: t };
  });
}

/** Input of {@link simulateProcessNpv}. */
export interface SimulateProcessNpvOptions {
  /** The reward process (`rewardProcesses.ar1` or `rewardProcesses.regimeSwitching`). */
  process: RewardProcess;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Simulated paths (integer ≥ 2). */
  paths: number;
  /** Master seed. */
  seed: number | string;
  /** The process's state at time 0; omit for a stationary start. */
  state?: number;
  /** Stop at the horizon H where (1+d)^{-H} ≤ tolerance (default 1e-10): relative bias ≈ tolerance. */
  tolerance?: number;
}

/**
 * Σ_{t≤H} R_t (1+d)^{-t} along simulated paths of the process (Observation 1 with memory).
 *
 * @example
 * simulateProcessNpv({ process: rewardProcesses.regimeSwitching({ calm: rewards.exponential(0.6), storm: rewards.exponential(3), pCalmToStorm: 0.02, pStormToCalm: 0.1 }), d: 0.05, paths: 100, seed: 1 }).mean; // → 21.282
 */
export function simulateProcessNpv(options: SimulateProcessNpvOptions): PathSummary {
  validate.knownKeys("simulateProcessNpv options", options ?? {}, [
    "process",
    "d",
    "paths",
    "seed",
    "state",
    "tolerance",
  ]);
  const { process, d, paths, seed, state, tolerance = 1e-10 } = options;
  validate.discountRate(d);
  validate.inOpenRange("tolerance", tolerance, 0, 1);
  const kernel = processKernel(process);
  const start = state === undefined ? undefined : kernel.checkState(state, "state");
  const horizon = Math.ceil(-Math.log(tolerance) / Math.log1p(d));
  const x = Math.exp(-Math.log1p(d));
  return runPaths(paths, seed, (stream) => {
    const path = process.start(stream, start);
    let value = 0;
    let discount = 1;
    for (let t = 1; t <= horizon; t++) {
      discount *= x;
      value += path.next() * discount;
    }
    return { value, slots: horizon };
  });
}

/** Input of {@link sampleRewardPath}. */
export interface SampleRewardPathOptions {
  /** The reward process (any RewardProcess). */
  process: RewardProcess;
  /** Number of slots (integer ≥ 1). */
  length: number;
  /** Master seed (the path uses the stream rng(seed, "reward-path")). */
  seed: number | string;
  /** Initial state; omit for a stationary start. */
  state?: number;
}

/**
 * One simulated reward series R_1 … R_length.
 *
 * @example
 * sampleRewardPath({ process: rewardProcesses.regimeSwitching({ calm: rewards.exponential(0.6), storm: rewards.exponential(3), pCalmToStorm: 0.02, pStormToCalm: 0.1 }), length: 1000, seed: 1 }).length; // → 1000
 */
export function sampleRewardPath(options: SampleRewardPathOptions): Float64Array {
  validate.knownKeys("sampleRewardPath options", options ?? {}, ["process", "length", "seed", "state"]);
  const { process, length, seed, state } = options;
  validate.integer("length", length, 1);
  validate.seed(seed);
  if (process == null || typeof process.start !== "function") {
    throw new RangeError(`process must be a RewardProcess; received ${String(process)}`);
  }
  const path = process.start(rng(seed, "reward-path"), state);
  const series = new Float64Array(length);
  for (let t = 0; t < length; t++) series[t] = path.next();
  return series;
}
