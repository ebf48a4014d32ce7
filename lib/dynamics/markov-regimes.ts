/**
 * Valuation when the discount rate (and, optionally, the mean reward) follows a Markov chain of
 * regimes — hikes and cuts (notebook 07). Timing convention (A1 extended): the regime S_{t−1} in
 * force at the start of slot t sets the rate d_{S_{t−1}} that discounts slot t back to slot t − 1;
 * then the regime moves to S_t ~ P(S_{t−1}, ·) and the reward of slot t is drawn in regime S_t
 * (mean μ_{S_t}; as in `rewardProcesses.regimeSwitching`). The valuation state is S_0.
 *
 * One-slot recursion for a ticket in the pool (p = 1/n, q = 1 − p):
 *   v_i = (1 + d_i)^{-1} Σ_j P_ij [p μ_j + q v_j]
 * ⇔ (n d_i + 1) v_i + (n − 1) Σ_{j≠i} P_ij (v_i − v_j) = Σ_j P_ij μ_j.
 * All future rewards: w_i = (1 + d_i)^{-1} Σ_j P_ij [μ_j + w_j]
 * ⇔ d_i w_i + Σ_{j≠i} P_ij (w_i − w_j) = Σ_j P_ij μ_j.
 * With one regime both collapse to Observations 2 and 1: μ/(nd + 1) and μ/d. Both systems are
 * solved without cancellation (m-matrix.ts).
 */
import { npvOfRewards, ticketValue } from "../model";
import * as validate from "../validate";
import { checkTransition, perRegime, stationaryDistribution } from "./markov-chain";
import { solveLeakySystem } from "./m-matrix";

/** The regimes shared by every function of this module. */
export interface MarkovRegimes {
  /** Row-stochastic transition matrix per slot, P[i][j] = P(S_t = j | S_{t−1} = i). */
  transition: number[][];
  /** Per-slot discount rate of each regime (finite, > 0), or one rate for all. */
  rates: number[] | number;
  /** Mean reward of each regime (finite, ≥ 0), or one mean for all. */
  means: number[] | number;
}

/** Input of {@link markovTicketValue}. */
export interface MarkovTicketValueOptions extends MarkovRegimes {
  /** Tickets outstanding n (integer ≥ 1). */
  n: number;
}

/** Input of {@link rateRegimeComparison}. */
export interface RateRegimeComparisonOptions {
  /** Transition matrix of the rate regimes (irreducible). */
  transition: number[][];
  /** Per-slot discount rate of each regime (> 0), or one rate for all. */
  rates: number[] | number;
  /** Mean reward per slot μ (≥ 0), the same in every regime. */
  mu: number;
  /** Tickets outstanding n (integer ≥ 1). */
  n: number;
}

/** Exact values and constant-rate approximations of one quantity, by starting regime. */
export interface RegimeValuation {
  /** Exact value for each starting regime. */
  byState: number[];
  /** The constant-rate formula at the starting regime's rate. */
  atCurrentRate: number[];
  /** Σ π_i · byState_i: the value before the regime is known (stationary start). */
  stationary: number;
  /** The constant-rate formula at the average rate d̄ = Σ π_i d_i. */
  atAverageRate: number;
  /** stationary − atAverageRate: Jensen's gap (≥ 0 when values are convex in the rate). */
  jensenGap: number;
}

/** {@link rateRegimeComparison}'s result. */
export interface RateRegimeComparison {
  /** Stationary distribution π of the rate regimes. */
  stationary: number[];
  /** d̄ = Σ π_i d_i. */
  averageRate: number;
  /** One ticket: exact values against μ/(nd + 1). */
  ticket: RegimeValuation;
  /** All future rewards: exact values against μ/d. */
  npv: RegimeValuation;
}

interface Prepared {
  p: number[][];
  d: number[];
  mu: number[];
  /** Σ_j P_ij μ_j, formed as μ_i + Σ_{j≠i} P_ij (μ_j − μ_i): exact when all means are equal. */
  nextMean: number[];
}

function prepare({ transition, rates, means }: MarkovRegimes): Prepared {
  const p = checkTransition(transition);
  const size = p.length;
  const d = perRegime("rates", rates, size, validate.positive);
  const mu = perRegime("means", means, size, validate.nonNegative);
  const nextMean = mu.map((m, i) => p[i].reduce((s, pij, j) => (j === i ? s : s + pij * (mu[j] - m)), m));
  return { p, d, mu, nextMean };
}

/** Off-diagonal weights scale·P_ij. */
function weights(p: number[][], scale: number): number[][] {
  return p.map((row, i) => row.map((x, j) => (j === i ? 0 : scale * x)));
}

/**
 * E[V | S_0 = i] for one ticket under regime-dependent rates (and means), for every starting
 * regime i: the solution of (n d_i + 1) v_i + (n − 1) Σ_{j≠i} P_ij (v_i − v_j) = Σ_j P_ij μ_j.
 *
 * @example
 * markovTicketValue({ ...{ transition: birthDeathTransition({ size: 3, up: 0.01, down: 0.01 }), rates: [0.005, 0.01, 0.02], means: [1, 1, 1] }, n: 50 })[0]; // → 0.760112
 */
export function markovTicketValue(params: MarkovTicketValueOptions): number[] {
  const n = validate.ticketCount(params.n);
  const { p, d, nextMean } = prepare(params);
  return solveLeakySystem({ leak: d.map((di) => n * di + 1), weights: weights(p, n - 1), rhs: nextMean });
}

/**
 * E[Σ_t R_t D_t | S_0 = i] (Observation 1 with regimes): d_i w_i + Σ_{j≠i} P_ij (w_i − w_j) = Σ_j P_ij μ_j.
 *
 * @example
 * markovNpv({ ...{ transition: birthDeathTransition({ size: 3, up: 0.01, down: 0.01 }), rates: [0.005, 0.01, 0.02], means: [1, 1, 1] } })[1]; // → 100
 */
export function markovNpv(params: MarkovRegimes): number[] {
  const { p, d, nextMean } = prepare(params);
  return solveLeakySystem({ leak: d, weights: weights(p, 1), rhs: nextMean });
}

function valuation(byState: number[], atCurrentRate: number[], pi: number[], atAverageRate: number): RegimeValuation {
  const stationary = byState.reduce((s, v, i) => s + pi[i] * v, 0);
  return { byState, atCurrentRate, stationary, atAverageRate, jensenGap: stationary - atAverageRate };
}

/**
 * Rate regimes against constant-rate approximations: exact ticket values and NPVs by starting
 * regime, the stationary average, the constant-rate formulas at the current and at the average
 * rate, and the Jensen gap between the exact average and the formula at the average rate.
 *
 * @example
 * rateRegimeComparison({ ...{ transition: birthDeathTransition({ size: 3, up: 0.01, down: 0.01 }), rates: [0.005, 0.01, 0.02], mu: 1, n: 50 } }).ticket.stationary; // → 0.649877
 */
export function rateRegimeComparison(options: RateRegimeComparisonOptions): RateRegimeComparison {
  validate.knownKeys("rateRegimeComparison options", options ?? {}, ["transition", "rates", "mu", "n"]);
  const { transition, rates, mu, n } = options;
  validate.nonNegative("mu", mu);
  validate.ticketCount(n);
  const pi = stationaryDistribution({ transition });
  const d = perRegime("rates", rates, pi.length, validate.positive);
  const averageRate = pi.reduce((s, x, i) => s + x * d[i], 0);
  const regimes = { transition, rates: d, means: mu };
  return {
    stationary: pi,
    averageRate,
    ticket: valuation(
      markovTicketValue({ ...regimes, n }),
      d.map((di) => ticketValue({ mu, n, d: di })),
      pi,
      ticketValue({ mu, n, d: averageRate }),
    ),
    npv: valuation(
      markovNpv(regimes),
      d.map((di) => npvOfRewards({ mu, d: di })),
      pi,
      npvOfRewards({ mu, d: averageRate }),
    ),
  };
}
