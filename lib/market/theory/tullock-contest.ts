/**
 * Proportional allocation as a Tullock contest (../../../docs/derivations/new-results.md#proportional-allocation,
 * [derived there; the equilibrium is the textbook one]).
 *
 * Buyer i spends x_i ≥ 0 on tickets and wins the slot with probability x_i^α / Σ_j x_j^α (α = 1: its
 * share of the tickets). It values the slot at v_i. Payoff u_i = v_i·p_i − x_i.
 *
 * α = 1, closed form. With total spending X, buyer i's first-order condition v_i(X − x_i)/X² = 1 gives
 * x_i = X(1 − X/v_i) and share p_i = 1 − X/v_i, for every buyer with v_i > X (the others spend 0).
 * Summing the shares of the m active buyers to 1: X = (m − 1)/Σ_{active} 1/v_i. The active set is the m
 * largest values for the largest m with v_(m) > X_m. Identical values: X = v(k − 1)/k, shares 1/k. Two
 * buyers: X = v1v2/(v1+v2), x1 = v1²v2/(v1+v2)², p1 = v1/(v1+v2). Payoff u_i = (v_i − X)²/v_i.
 *
 * α ∈ (0, 1]: the equilibrium by iterated best responses (each buyer's payoff is concave in its own
 * spending when α ≤ 1, so the best response solves u_i' = 0 on (0, v_i]); at α = 1 it meets the closed
 * form, which is the test of both.
 */
import { findRoot } from "../../stats";
import * as validate from "../../validate";

/** Input of {@link tullockEquilibrium}. */
export interface TullockEquilibriumOptions {
  /** Each buyer's value of the slot v_i ≥ 0; at least two, two of them positive. */
  values: readonly number[];
}

/** A contest equilibrium: spending, shares, revenue. */
export interface ContestEquilibrium {
  /** Equilibrium spending x_i of each buyer (in the order given). */
  spending: number[];
  /** Each buyer's chance of winning p_i. */
  shares: number[];
  /** Total spending X: the seller's revenue per slot. */
  revenue: number;
  /** Each buyer's expected payoff v_i·p_i − x_i. */
  payoffs: number[];
  /** Buyers that spend > 0. */
  active: number;
}

function readValues(values: unknown): number[] {
  if (!Array.isArray(values) || values.length < 2) {
    throw new RangeError(`values must be an array of at least two numbers ≥ 0; received ${JSON.stringify(values)}`);
  }
  values.forEach((v, i) => validate.nonNegative(`values[${i}]`, v));
  if (values.filter((v) => v > 0).length < 2) {
    throw new RangeError(
      `values must hold at least two positive values (one buyer alone pays nothing); received ${JSON.stringify(values)}`,
    );
  }
  return values as number[];
}

/**
 * The Tullock contest's equilibrium with α = 1 (proportional allocation), in closed form.
 *
 * @example
 * tullockEquilibrium({ values: [1, 1, 1, 1] }).revenue; // → 0.75
 * tullockEquilibrium({ values: [2, 1] }).shares[0]; // → 0.666667
 */
export function tullockEquilibrium(options: TullockEquilibriumOptions): ContestEquilibrium {
  validate.knownKeys("tullockEquilibrium options", options ?? {}, ["values"]);
  const values = readValues(options.values);
  const sorted = values.filter((v) => v > 0).sort((a, b) => b - a);
  let inverseSum = 1 / sorted[0] + 1 / sorted[1];
  let active = 2;
  let total = 1 / inverseSum;
  for (let m = 3; m <= sorted.length; m++) {
    const candidate = (m - 1) / (inverseSum + 1 / sorted[m - 1]);
    if (!(sorted[m - 1] > candidate)) break;
    inverseSum += 1 / sorted[m - 1];
    active = m;
    total = candidate;
  }
  const shares = values.map((v) => (v > total ? 1 - total / v : 0));
  const spending = shares.map((p) => total * p);
  const payoffs = values.map((v, i) => v * shares[i] - spending[i]);
  return { spending, shares, revenue: total, payoffs, active };
}

/** Input of {@link contestBestResponses}. */
export interface ContestBestResponsesOptions {
  /** Each buyer's value v_i ≥ 0; at least two positive. */
  values: readonly number[];
  /** The contest's exponent α in (0, 1]; 1 is proportional allocation. Default 1. */
  exponent?: number;
  /** Stop when no spending moves by more than this relative amount in a round; default 1e-13. */
  tolerance?: number;
  /** Most rounds before giving up with an error; default 100,000. */
  maxRounds?: number;
}

/** {@link contestBestResponses}' result: the equilibrium and how it was reached. */
export interface ContestBestResponsesResult extends ContestEquilibrium {
  /** Rounds of best responses (every buyer once per round) until the spending stopped moving. */
  rounds: number;
}

/** Buyer's best response to others' Σ x_j^α = s, by the first-order condition. */
function bestResponse(value: number, s: number, alpha: number): number {
  if (value === 0) return 0;
  if (alpha === 1) return Math.max(0, Math.sqrt(value * s) - s);
  // u'(x) = v α x^{α−1} s/(x^α + s)² − 1: +∞ at 0+, ≤ α/4 − 1 < 0 at x = v, decreasing in between.
  const slope = (x: number) => {
    const xa = x ** alpha;
    return (value * alpha * (xa / x) * s) / ((xa + s) * (xa + s)) - 1;
  };
  const lo = value * 1e-300 > 0 ? value * 1e-300 : Number.MIN_VALUE;
  if (slope(lo) <= 0) return 0;
  return findRoot({ f: slope, lo, hi: value, name: "best response", tolerance: 1e-15 * value });
}

/**
 * The contest's equilibrium by iterated best responses (Gauss–Seidel: each buyer in turn answers the
 * others' current spending), from equal spending. Throws when it has not settled within `maxRounds`.
 *
 * @example
 * contestBestResponses({ values: [2, 1] }).revenue; // → 0.666667
 * contestBestResponses({ values: [1, 1], exponent: 0.5 }).revenue; // → 0.25
 */
export function contestBestResponses(options: ContestBestResponsesOptions): ContestBestResponsesResult {
  validate.knownKeys("contestBestResponses options", options ?? {}, ["values", "exponent", "tolerance", "maxRounds"]);
  const values = readValues(options.values);
  const { exponent: alpha = 1, tolerance = 1e-13, maxRounds = 100_000 } = options;
  validate.inRange("exponent", alpha, Number.MIN_VALUE, 1);
  validate.positive("tolerance", tolerance);
  validate.integer("maxRounds", maxRounds, 1);
  const k = values.length;
  const spending = values.map((v) => v / (2 * k));
  for (let round = 1; round <= maxRounds; round++) {
    let moved = 0;
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) if (j !== i) s += spending[j] ** alpha;
      const next = s > 0 ? bestResponse(values[i], s, alpha) : spending[i];
      moved = Math.max(moved, Math.abs(next - spending[i]) / Math.max(values[i], Number.MIN_VALUE));
      spending[i] = next;
    }
    if (moved <= tolerance) {
      const weights = spending.map((x) => x ** alpha);
      const sum = weights.reduce((a, b) => a + b, 0);
      const shares = weights.map((w) => w / sum);
      const revenue = spending.reduce((a, b) => a + b, 0);
      const payoffs = values.map((v, i) => v * shares[i] - spending[i]);
      return { spending, shares, revenue, payoffs, active: spending.filter((x) => x > 0).length, rounds: round };
    }
  }
  throw new RangeError(
    `contestBestResponses: best responses did not settle within maxRounds = ${maxRounds} (exponent ${alpha}); raise maxRounds or tolerance`,
  );
}
