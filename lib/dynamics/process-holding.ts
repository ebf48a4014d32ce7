/**
 * Holdings of k tickets (and pools) under correlated rewards, stationary start. Two distinct
 * tickets win in different slots u = |T_i − T_j| ≥ 1 apart, and their rewards now covary by γ(u):
 *
 *   Cov(V_i, V_j) = Cov_iid + E[γ(|T_i − T_j|) x^{T_i+T_j}]
 *                 = Cov_iid + 2/(nd² + 2nd + 2) · (x/n)·G(qx),
 *
 * from P(T_i = s, T_j = s + u) = ((n−2)/n)^{s−1}(1/n)·((n−1)/n)^{u−1}(1/n) (and i, j swapped):
 * the s-sum gives 1/(nd² + 2nd + 2), the u-sum (x/n)Σ_u (qx)^{u−1}γ(u). Cov_iid is
 * `ticketCovariance` (lib/model); Var(V) itself is unchanged (process-ticket.ts). A static holding
 * of k tickets then has Var = k·Var(V) + k(k − 1)·Cov(V_i, V_j).
 */
import { ticketCovariance, ticketVariance, holdingVariance } from "../model";
import type { RewardProcess } from "../rewards/reward-process";
import * as validate from "../validate";
import { processKernel } from "./process-kernel";

/** Input of {@link processTicketCovariance}. */
export interface ProcessCovarianceOptions {
  /** The reward process (`rewardProcesses.ar1` or `rewardProcesses.regimeSwitching`). */
  process: RewardProcess;
  /** Tickets outstanding n (integer ≥ 2: two distinct tickets). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
}

/** Input of {@link processHoldingVariance} and {@link holdingVarianceInflation}. */
export interface ProcessHoldingOptions {
  /** The reward process (`rewardProcesses.ar1` or `rewardProcesses.regimeSwitching`). */
  process: RewardProcess;
  /** Tickets outstanding n (integer ≥ 1). */
  n: number;
  /** Per-slot discount rate d > 0. */
  d: number;
  /** Tickets held, bought at time 0 and kept until they win (integer, 0 ≤ k ≤ n). */
  k: number;
}

/** The reward-correlation part of Cov(V_i, V_j): 2x·G(qx)/(n(nd² + 2nd + 2)). */
function correlationPart(process: RewardProcess, n: number, d: number): number {
  const kernel = processKernel(process);
  const complement = (d + 1 / n) / (1 + d); // 1 − qx
  return (2 * kernel.autocovarianceSum(complement)) / ((1 + d) * n * (n * d * (d + 2) + 2));
}

/**
 * Cov(V_i, V_j) of two distinct tickets under the process (stationary start).
 *
 * @example
 * processTicketCovariance({ process: rewardProcesses.regimeSwitching({ calm: rewards.exponential(0.6), storm: rewards.exponential(3), pCalmToStorm: 0.02, pStormToCalm: 0.1 }), n: 10, d: 0.05 }); // → 0.176736
 */
export function processTicketCovariance(options: ProcessCovarianceOptions): number {
  validate.knownKeys("processTicketCovariance options", options ?? {}, ["process", "n", "d"]);
  const { process, n, d } = options;
  validate.integer("n", n, 2);
  validate.discountRate(d);
  const mu = processKernel(process).mean;
  return ticketCovariance({ mu, n, d }) + correlationPart(process, n, d);
}

function checkHolding({ n, d, k }: ProcessHoldingOptions): void {
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.integer("k", k, 0, n);
}

/**
 * Var of a static holding of k tickets: k·Var(V) + k(k − 1)·Cov(V_i, V_j). Infinity if Var(R) is.
 *
 * @example
 * processHoldingVariance({ process: rewardProcesses.regimeSwitching({ calm: rewards.exponential(0.6), storm: rewards.exponential(3), pCalmToStorm: 0.02, pStormToCalm: 0.1 }), n: 10, d: 0.05, k: 5 }); // → 10.2014
 */
export function processHoldingVariance(params: ProcessHoldingOptions): number {
  checkHolding(params);
  const { process, n, d, k } = params;
  const kernel = processKernel(process);
  if (!Number.isFinite(kernel.variance)) return k === 0 ? 0 : Infinity;
  const single = ticketVariance({ mu: kernel.mean, sigma2: kernel.variance, n, d });
  if (k <= 1) return k * single;
  return k * single + k * (k - 1) * processTicketCovariance({ process, n, d });
}

/**
 * processHoldingVariance / the i.i.d. holding variance (same marginal law); 1 for k ≤ 1.
 *
 * @example
 * holdingVarianceInflation({ process: rewardProcesses.regimeSwitching({ calm: rewards.exponential(0.6), storm: rewards.exponential(3), pCalmToStorm: 0.02, pStormToCalm: 0.1 }), n: 10, d: 0.05, k: 5 }); // → 1.54726
 */
export function holdingVarianceInflation(params: ProcessHoldingOptions): number {
  checkHolding(params);
  const { process, n, d, k } = params;
  if (k <= 1) return 1;
  const kernel = processKernel(process);
  if (!Number.isFinite(kernel.variance)) return NaN;
  const iid = holdingVariance({ mu: kernel.mean, sigma2: kernel.variance, n, d, k });
  return iid === 0 ? 1 : processHoldingVariance(params) / iid;
}
