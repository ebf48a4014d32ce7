/**
 * The value of one ticket when rewards follow a correlated process (notebook 07). A ticket in the
 * pool at time 0 wins at T ~ Geometric(1/n), independent of the rewards, and is paid the process's
 * reward at that slot, R_T. If the buyer knows the process's state S_0 at purchase,
 *
 *   E[V | S_0] = Σ_{t≥1} p q^{t−1} x^t E[R_t | S_0] = μ/(nd+1) + p x·M_1(qx; S_0),
 *   E[V² | S_0] = Σ_{t≥1} p q^{t−1} x^{2t} E[R_t² | S_0] = E[R²]/(nd²+2nd+1) + p x²·M_2(qx²; S_0),
 *
 * with p = 1/n, q = 1 − p, x = 1/(1+d) and M_k the memory sums of process-kernel.ts. Averaging over
 * a stationary S_0 makes M_k vanish: Observations 2 and 5 hold exactly for a buyer who does not
 * condition on the state.
 */
import { ticketValue, ticketVariance, ticketSecondMoment } from "../model";
import type { RewardProcess } from "../rewards/reward-process";
import * as validate from "../validate";
import { processKernel, type ProcessKernel } from "./process-kernel";

/** Input of {@link processTicketValue} and {@link processTicketMoments}. */
export interface ProcessTicketOptions {
  /** The reward process (`rewardProcesses.ar1` or `rewardProcesses.regimeSwitching`). */
  process: RewardProcess;
  /** Tickets outstanding n (integer ≥ 1). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /**
   * The process's state at purchase (time 0): the log-reward L_0 for AR(1), the regime (0 calm,
   * 1 storm) for regime switching. Omit for a buyer who only knows the stationary law.
   */
  state?: number;
}

/** The first two moments of one ticket's present value. */
export interface ProcessTicketMoments {
  /** E[V | S_0]. */
  mean: number;
  /** E[V² | S_0] (Infinity if Var(R) is). */
  secondMoment: number;
  /** Var(V | S_0) (Infinity if Var(R) is). */
  variance: number;
}

interface Prepared {
  kernel: ProcessKernel;
  state: number | undefined;
  n: number;
  d: number;
}

function prepare({ process, n, d, state }: ProcessTicketOptions): Prepared {
  validate.ticketCount(n);
  validate.discountRate(d);
  const kernel = processKernel(process);
  return { kernel, n, d, state: state === undefined ? undefined : kernel.checkState(state, "state") };
}

/** p·x·M_1(qx; S_0): how much the start state moves E[V]. 1 − qx = (d + 1/n)/(1 + d). */
function meanShift({ kernel, state, n, d }: Prepared): number {
  if (state === undefined) return 0;
  return kernel.momentDeviationSum(1, (d + 1 / n) / (1 + d), state) / (n * (1 + d));
}

/** p·x²·M_2(qx²; S_0). 1 − qx² = (d(2 + d) + 1/n)/(1 + d)². */
function secondMomentShift({ kernel, state, n, d }: Prepared): number {
  if (state === undefined) return 0;
  const growth = (1 + d) * (1 + d);
  return kernel.momentDeviationSum(2, (d * (2 + d) + 1 / n) / growth, state) / (n * growth);
}

/**
 * E[V | S_0 = state] for a ticket whose reward is the process's value at the win slot. Without a
 * state: μ/(nd+1) exactly (Observation 2 survives for a stationary start).
 * Regimes in closed form: E[V | i] = μ/(nd+1) + (μ_i − μ) λ/(n(1 + d) − (n − 1)λ).
 *
 * @example
 * processTicketValue({ process: rewardProcesses.regimeSwitching({ calm: rewards.exponential(0.6), storm: rewards.exponential(3), pCalmToStorm: 0.02, pStormToCalm: 0.1 }), n: 20, d: 0.01 }); // → 0.833333
 */
export function processTicketValue(params: ProcessTicketOptions): number {
  const p = prepare(params);
  return ticketValue({ mu: p.kernel.mean, n: p.n, d: p.d }) + meanShift(p);
}

/**
 * Mean, second moment and variance of V given the state at purchase. The variance is evaluated as
 * Var_stationary + (E[V²|S_0] − E[V²]) − (E[V|S_0]² − E[V]²), i.e. Observation 5's cancellation-free
 * form plus the two small state corrections, so nothing of size μ² cancels. Without a state this is
 * exactly Observation 5: autocorrelation does not change the variance of a single ticket.
 *
 * @example
 * processTicketMoments({ process: rewardProcesses.regimeSwitching({ calm: rewards.exponential(0.6), storm: rewards.exponential(3), pCalmToStorm: 0.02, pStormToCalm: 0.1 }), n: 20, d: 0.01 }).mean; // → 0.833333
 */
export function processTicketMoments(params: ProcessTicketOptions): ProcessTicketMoments {
  const p = prepare(params);
  const { kernel, n, d } = p;
  const base = ticketValue({ mu: kernel.mean, n, d });
  const shift = meanShift(p);
  const mean = base + shift;
  if (!Number.isFinite(kernel.variance)) return { mean, secondMoment: Infinity, variance: Infinity };
  const moments = { mu: kernel.mean, sigma2: kernel.variance, n, d };
  const shift2 = secondMomentShift(p);
  return {
    mean,
    secondMoment: ticketSecondMoment(moments) + shift2,
    variance: ticketVariance(moments) + shift2 - shift * (2 * base + shift),
  };
}
