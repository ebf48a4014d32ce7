/**
 * The few sums over time that every closed form of a correlated reward process needs, for the two
 * processes of lib/rewards (AR(1) log-rewards and calm/storm regimes). With r = 1 − c in [0, 1):
 *
 *   M_k(r; s) = Σ_{t≥1} r^{t−1} (E[R_t^k | S_0 = s] − E[R^k])   (k = 1, 2: memory of the start state)
 *   G(r)      = Σ_{u≥1} r^{u−1} γ(u),  γ(u) = Cov(R_t, R_{t+u})      (memory between slots)
 *
 * Regimes (2-state chain, λ = 1 − a − b, π = a/(a + b)): E[R_t^k | i] − E[R^k] = λ^t (m_{k,i} − m̄_k)
 * and γ(u) = π(1 − π)(μ_storm − μ_calm)² λ^u, so both sums are geometric:
 *   M_k = (m_{k,i} − m̄_k) λ/(1 − λr),   G = π(1 − π)Δμ² λ/(1 − λr),   1 − λr = (a + b) + λc.
 * AR(1) (log-reward L, mean m, sd s, lag-1 correlation φ, start a = L_0 − m):
 *   E[R_t^k | L_0] − E[R^k] = E[R^k]·expm1(kφ^t a − k²s²φ^{2t}/2),  γ(u) = μ²·expm1(s²φ^u),
 * summed numerically with a rigorous geometric tail bound (|expm1(y)| ≤ |y|e^{|y|}).
 * The complement c = 1 − r is passed instead of r, because r is often 1 − 1e-9 (n = 1e9 tickets).
 */
import { Ar1Process } from "../rewards/ar1";
import { RegimeSwitchingProcess, STORM, CALM } from "../rewards/regime-switching";
import type { RewardProcess } from "../rewards/reward-process";
import * as validate from "../validate";
import { sumDecayingSeries } from "./series";

/** Relative accuracy of the numerically summed AR(1) series. */
const SERIES_TOLERANCE = 1e-15;

/** The sums of one process. */
export interface ProcessKernel {
  /** μ = E[R_t] (stationary). */
  readonly mean: number;
  /** E[R_t²] (stationary; Infinity if infinite). */
  readonly secondMoment: number;
  /** γ(0) = Var(R_t) (stationary; Infinity if infinite). */
  readonly variance: number;
  /** Checks a start state and returns it (RangeError naming `name`). */
  checkState(state: unknown, name: string): number;
  /** M_k(1 − c; state); 0 when `state` is undefined (a stationary start). Needs E[R^k] < ∞. */
  momentDeviationSum(k: 1 | 2, complement: number, state: number | undefined): number;
  /** G(1 − c). */
  autocovarianceSum(complement: number): number;
}

/** r^(t−1) for r = 1 − c, exact at c = 1 (r = 0, where 0^0 = 1). */
function powers(complement: number): (t: number) => number {
  const logR = Math.log1p(-complement);
  return (t) => (t === 1 ? 1 : Math.exp((t - 1) * logR));
}

function ar1Kernel(p: Ar1Process): ProcessKernel {
  const { meanLog: m, sdLog: s, phi, mu } = p;
  const s2 = s * s;
  const absPhi = Math.abs(phi);
  const rawMoment = (k: number) => Math.exp(k * m + (k * k * s2) / 2);
  return {
    mean: mu,
    secondMoment: rawMoment(2),
    variance: p.stationaryVariance,
    checkState: (state, name) => validate.finite(name, state),
    momentDeviationSum(k, complement, state) {
      if (state === undefined || phi === 0) return 0;
      const a = state - m;
      const ek = rawMoment(k);
      const r = 1 - complement;
      const rPow = powers(complement);
      const bound = k * Math.abs(a) + (k * k * s2) / 2; // |kφ^t a − k²s²φ^{2t}/2| ≤ |φ|^t·bound
      return sumDecayingSeries({
        label: `the AR(1) moment sum (k = ${k})`,
        term: (t) => {
          const phiT = phi ** t;
          return rPow(t) * ek * Math.expm1(k * phiT * a - (k * k * s2 * phiT * phiT) / 2);
        },
        tailBound: (t) => {
          const phiNext = absPhi ** (t + 1);
          return (ek * bound * Math.exp(bound * phiNext) * phiNext * rPow(t + 1)) / (1 - r * absPhi);
        },
        tolerance: SERIES_TOLERANCE * ek,
      });
    },
    autocovarianceSum(complement) {
      if (s2 === 0 || phi === 0) return 0;
      const r = 1 - complement;
      const rPow = powers(complement);
      const gamma0 = mu * mu * Math.expm1(s2);
      return sumDecayingSeries({
        label: "the AR(1) autocovariance sum",
        term: (u) => rPow(u) * mu * mu * Math.expm1(s2 * phi ** u),
        tailBound: (u) => (gamma0 * absPhi ** (u + 1) * rPow(u + 1)) / (1 - r * absPhi),
        tolerance: SERIES_TOLERANCE * gamma0,
      });
    },
  };
}

function regimeKernel(p: RegimeSwitchingProcess): ProcessKernel {
  const pi = p.stormProbability;
  const lambda = p.persistence;
  const switching = p.pCalmToStorm + p.pStormToCalm; // 1 − λ, formed without cancellation
  const moments = (k: 1 | 2) => (k === 1 ? [p.calm.mean, p.storm.mean] : [p.calm.secondMoment, p.storm.secondMoment]);
  const secondMoment = (1 - pi) * p.calm.secondMoment + pi * p.storm.secondMoment;
  return {
    mean: p.stationaryMean,
    secondMoment,
    variance: p.stationaryVariance,
    checkState: (state, name) => validate.integer(name, state, CALM, STORM),
    momentDeviationSum(k, complement, state) {
      if (state === undefined || lambda === 0) return 0;
      const [calm, storm] = moments(k);
      const delta = storm - calm;
      const deviation = state === STORM ? (1 - pi) * delta : -pi * delta; // m_{k,i} − m̄_k
      return (deviation * lambda) / (switching + lambda * complement);
    },
    autocovarianceSum(complement) {
      if (lambda === 0) return 0;
      const delta = p.storm.mean - p.calm.mean;
      return (pi * (1 - pi) * delta * delta * lambda) / (switching + lambda * complement);
    },
  };
}

/** The kernel of a process made by `rewardProcesses.ar1` or `rewardProcesses.regimeSwitching`. */
export function processKernel(process: RewardProcess): ProcessKernel {
  if (process instanceof Ar1Process) return ar1Kernel(process);
  if (process instanceof RegimeSwitchingProcess) return regimeKernel(process);
  throw new RangeError(
    `process must be an AR(1) or regime-switching process from rewardProcesses; received ${
      (process as { name?: string } | null)?.name ?? String(process)
    }`,
  );
}
