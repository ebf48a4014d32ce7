/**
 * Observation 1 under correlated rewards: the present value of all future rewards,
 * NPV = Σ_{t≥1} R_t x^t with x = 1/(1+d).
 *
 *   E[NPV | S_0] = μ/d + x·M_1(x; S_0)                     (= μ/d for a stationary start)
 *   Var(NPV)     = [γ(0) + 2x·G(x)] / (d(2 + d))              (stationary start)
 *
 * since Var(Σ x^t R_t) = Σ_t Σ_t' x^{t+t'} γ(|t − t'|) = [γ(0) + 2Σ_{u≥1} γ(u)x^u]·x²/(1 − x²).
 * The ratio to the i.i.d. value γ(0)/(d(2+d)) is the variance inflation factor
 * 1 + 2Σ_{u≥1} ρ(u)x^u, which tends to the integrated autocorrelation time 1 + 2Σρ(u) as d → 0.
 */
import { npvOfRewards } from "../model";
import type { RewardProcess } from "../rewards/reward-process";
import * as validate from "../validate";
import { processKernel } from "./process-kernel";

/** Input of {@link processNpv}. */
export interface ProcessNpvOptions {
  /** The reward process (`rewardProcesses.ar1` or `rewardProcesses.regimeSwitching`). */
  process: RewardProcess;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** The process's state at time 0 (log-reward for AR(1), regime for regimes); omit for stationary. */
  state?: number;
}

/** Input of {@link processNpvVariance} and {@link npvVarianceInflation}. */
export interface ProcessNpvVarianceOptions {
  /** The reward process (`rewardProcesses.ar1` or `rewardProcesses.regimeSwitching`). */
  process: RewardProcess;
  /** Per-slot discount rate d > 0. */
  d: number;
}

/**
 * E[Σ_{t≥1} R_t (1+d)^{-t} | S_0 = state]; μ/d without a state.
 *
 * @example
 * processNpv({ process: rewardProcesses.ar1({ mu: 1, sdLog: 1, phi: 0.8 }), d: 0.01 }); // → 100
 */
export function processNpv(options: ProcessNpvOptions): number {
  validate.knownKeys("processNpv options", options ?? {}, ["process", "d", "state"]);
  const { process, d, state } = options;
  validate.discountRate(d);
  const kernel = processKernel(process);
  const base = npvOfRewards({ mu: kernel.mean, d });
  if (state === undefined) return base;
  kernel.checkState(state, "state");
  return base + kernel.momentDeviationSum(1, d / (1 + d), state) / (1 + d);
}

/** 2x·G(x) = 2Σ_{u≥1} γ(u) x^u: the cross-slot part of Var(NPV)·d(2+d). */
function crossTerm(process: RewardProcess, d: number): { gamma0: number; cross: number } {
  const kernel = processKernel(process);
  return { gamma0: kernel.variance, cross: (2 * kernel.autocovarianceSum(d / (1 + d))) / (1 + d) };
}

/**
 * Var(NPV) for a stationary start: [γ(0) + 2Σ_{u≥1} γ(u)(1+d)^{-u}]/(d(2+d)); Infinity if Var(R) is.
 *
 * @example
 * processNpvVariance({ process: rewardProcesses.ar1({ mu: 1, sdLog: 1, phi: 0.8 }), d: 0.01 }); // → 570.931
 */
export function processNpvVariance(options: ProcessNpvVarianceOptions): number {
  validate.knownKeys("processNpvVariance options", options ?? {}, ["process", "d"]);
  const { process, d } = options;
  validate.discountRate(d);
  const { gamma0, cross } = crossTerm(process, d);
  if (!Number.isFinite(gamma0)) return Infinity;
  return (gamma0 + cross) / (d * (2 + d));
}

/**
 * Var(NPV) / Var(NPV with i.i.d. rewards of the same marginal) = 1 + 2Σ_{u≥1} ρ(u)(1+d)^{-u}.
 *
 * @example
 * npvVarianceInflation({ process: rewardProcesses.ar1({ mu: 1, sdLog: 1, phi: 0.8 }), d: 0.01 }); // → 6.67859
 */
export function npvVarianceInflation(options: ProcessNpvVarianceOptions): number {
  validate.knownKeys("npvVarianceInflation options", options ?? {}, ["process", "d"]);
  const { process, d } = options;
  validate.discountRate(d);
  const { gamma0, cross } = crossTerm(process, d);
  if (!Number.isFinite(gamma0)) return NaN;
  if (gamma0 === 0) return 1;
  return 1 + cross / gamma0;
}
