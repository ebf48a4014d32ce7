/**
 * Monte Carlo of MEV-burn's per-slot burn with in-slot accrual (the check of ../theory/mev-burn.ts).
 *
 * Each slot's MEV arrives as a compound Poisson process on the slot's time [0, 1): arrivals at rate ν,
 * each worth an exponential amount with mean μ/ν, so R has mean μ and variance 2μ²/ν. The bid deadline
 * is at time 1 − λ. "independent": the burn is c₂ times the MEV that arrived before the deadline;
 * "proportional": c₂(1−λ)R (the same R, split in a fixed ratio).
 */
import { exponential, rng } from "../../random";
import { RunningStats, type Estimate } from "../../stats";
import * as validate from "../../validate";
import type { MevAccrual } from "../theory/mev-burn";

/** Input of {@link simulateMevBurn}. */
export interface SimulateMevBurnOptions {
  /** λ ∈ [0, 1]: the fraction of the slot after the bid deadline. */
  lateFraction: number;
  /** The runner-up builder's skill c₂ ∈ (0, 1]. */
  runnerUpSkill: number;
  /** Mean MEV per slot μ > 0. */
  mu: number;
  /** Mean number of MEV arrivals per slot ν > 0 (R's variance is 2μ²/ν). */
  arrivalsPerSlot: number;
  /** How the burn is formed (see the module comment). */
  accrual: MevAccrual;
  /** Slots simulated (integer ≥ 2). */
  slots: number;
  /** Seed. */
  seed: number | string;
}

/** Output of {@link simulateMevBurn}. */
export interface SimulateMevBurnResult {
  /** Burn per slot. */
  burn: Estimate;
  /** Sample variance of the burn per slot, with its standard error. */
  burnVariance: { mean: number; stderr: number };
  /** The slot's MEV R. */
  mev: Estimate;
  /** R's variance 2μ²/ν (what the closed forms take as σ²). */
  sigma2: number;
}

/**
 * Simulate `slots` slots of MEV accrual and burn.
 *
 * @example
 * simulateMevBurn({ lateFraction: 0.25, runnerUpSkill: 1, mu: 1, arrivalsPerSlot: 4, accrual: "independent", slots: 10000, seed: 1 }).burn.mean; // → 0.754640
 */
export function simulateMevBurn(options: SimulateMevBurnOptions): SimulateMevBurnResult {
  validate.knownKeys("simulateMevBurn options", options ?? {}, [
    "lateFraction",
    "runnerUpSkill",
    "mu",
    "arrivalsPerSlot",
    "accrual",
    "slots",
    "seed",
  ]);
  const { lateFraction: lambda, runnerUpSkill: c2, mu, arrivalsPerSlot: nu, accrual, slots, seed } = options;
  validate.inRange("lateFraction", lambda, 0, 1);
  validate.inRange("runnerUpSkill", c2, Number.MIN_VALUE, 1);
  validate.positive("mu", mu);
  validate.positive("arrivalsPerSlot", nu);
  validate.oneOf("accrual", accrual, ["proportional", "independent"] as const);
  validate.integer("slots", slots, 2);
  validate.seed(seed);
  const stream = rng(seed, "mev-burn");
  const jumpMean = mu / nu;
  const deadline = 1 - lambda;
  const burn = new RunningStats();
  const mev = new RunningStats();
  for (let s = 0; s < slots; s++) {
    let total = 0;
    let beforeDeadline = 0;
    for (let t = exponential(stream) / nu; t < 1; t += exponential(stream) / nu) {
      const jump = jumpMean * exponential(stream);
      total += jump;
      if (t < deadline) beforeDeadline += jump;
    }
    mev.push(total);
    burn.push(c2 * (accrual === "independent" ? beforeDeadline : deadline * total));
  }
  return {
    burn: burn.estimate(),
    burnVariance: { mean: burn.variance, stderr: burn.varianceStderr },
    mev: mev.estimate(),
    sigma2: (2 * mu * mu) / nu,
  };
}
