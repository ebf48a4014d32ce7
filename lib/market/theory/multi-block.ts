/**
 * Value of a maintained share P with a multi-block bonus, and the centralisation threshold
 * (../../../docs/derivations/extensions.md#multi-block-bonus-and-the-centralisation-threshold, derived here).
 *
 * A holder that keeps a share P of the tickets (replacing each winning ticket) wins each slot
 * independently with probability P. At a discount rate ρ per slot (x = 1/(1+ρ)), with no run before
 * slot 1, the expected PV of its gross stream (reward plus bonus, α = 1) is:
 *
 * - linear bonus (extra β·μ in every slot that continues a run; P(win t−1 and t) = P² for t ≥ 2):
 *     V(P) = μP/ρ + βμP²/(ρ(1+ρ)),          V'(P) = μ/ρ + 2βμP/(ρ(1+ρ));
 * - geometric bonus (the k-th slot of a run pays R(1+β)^(k−1)); with c = 1+β and q = cP, using
 *   P(run length at t = k, win at t) = P^k(1−P) for k < t and P^t for k = t and summing over t:
 *     V(P) = μP(1 − P + ρ)/(ρ(1 + ρ − q))   for q < 1+ρ (Infinity otherwise),
 *     V'(P) = (μ/ρ)·[(1+ρ)² − 2P(1+ρ) + cP²]/(1 + ρ − cP)².
 * Both reduce to μP/ρ at β = 0 and are convex with V(0) = 0, so for β > 0 the marginal value of a
 * share exceeds its average value at every P > 0: a bonus makes ticket holdings superadditive from
 * the first ticket, and "marginal > average" alone gives no threshold.
 *
 * The threshold therefore compares value with cost. Tickets trade at a market price p (by default
 * the fair price μ/(1+nρ) that bonus-less competitors with α = 1 and the same rate pay). Keeping
 * share P costs p for P·n tickets at t = 0 and p for the replacement of each winning ticket (P per
 * slot, bought at the end of the slot): PV = p·P·(n + 1/ρ) = C·P with C = p(1+nρ)/ρ. A buyer with
 * extraction skill α then earns N(P) = α·V(P) − C·P. Two thresholds:
 * - average (break-even) share P_avg: the smallest P with α·V(P)/P ≥ C — from there on the whole
 *   position is profitable and, N being convex, profit grows faster than the share (owning
 *   everything is the buyer's best position once it is past this point);
 * - marginal share P_marg: the smallest P with α·V'(P) ≥ C — from there on each extra ticket adds
 *   more than it costs.
 * Linear bonus, closed form: P_avg = (1+ρ)/β·(C·ρ/(αμ) − 1) = (1+ρ)/β·(p(1+nρ)/(αμ) − 1) and
 * P_marg = P_avg/2; with the default price, P_avg = (1+ρ)(1/α − 1)/β. Geometric bonus: bisection.
 */
import * as validate from "../../validate";
import { ticketValue } from "../../model/ticket-value";
import { validateBonus, type MultiBlockBonus } from "../bonus";

/** Input of {@link shareValueWithBonus} and {@link marginalShareValue}. */
export interface ShareValueWithBonusOptions {
  /** Mean reward μ ≥ 0. */
  mu: number;
  /** Maintained share P in [0, 1]. */
  share: number;
  /** Discount rate ρ > 0 per slot (the social d, or a buyer's r). */
  d: number;
  /** The bonus ({kind: "linear" | "geometric", beta}). */
  bonus: MultiBlockBonus;
}

function checkShare(p: ShareValueWithBonusOptions): void {
  validate.nonNegative("mu", p.mu);
  validate.inRange("share", p.share, 0, 1);
  validate.discountRate(p.d);
  validateBonus(p.bonus);
}

function value(mu: number, P: number, rho: number, bonus: MultiBlockBonus): number {
  if (bonus.kind === "linear") return (mu * P) / rho + (bonus.beta * mu * P * P) / (rho * (1 + rho));
  const gap = 1 + rho - (1 + bonus.beta) * P;
  if (!(gap > 0)) return Infinity;
  return (mu * P * (1 - P + rho)) / (rho * gap);
}

function marginal(mu: number, P: number, rho: number, bonus: MultiBlockBonus): number {
  if (bonus.kind === "linear") return mu / rho + (2 * bonus.beta * mu * P) / (rho * (1 + rho));
  const c = 1 + bonus.beta;
  const gap = 1 + rho - c * P;
  if (!(gap > 0)) return Infinity;
  return ((mu / rho) * ((1 + rho) * (1 + rho) - 2 * P * (1 + rho) + c * P * P)) / (gap * gap);
}

/**
 * Expected PV of the gross stream (reward + bonus, α = 1) of a maintained share P; see the module comment.
 *
 * @example
 * shareValueWithBonus({ mu: 1, share: 0.5, d: 0.01, bonus: { kind: "linear", beta: 0.1 } }); // → 52.4752
 */
export function shareValueWithBonus(params: ShareValueWithBonusOptions): number {
  checkShare(params);
  return value(params.mu, params.share, params.d, params.bonus);
}

/**
 * dV/dP, the value of a little more share (per unit of share; per ticket divide by n).
 *
 * @example
 * marginalShareValue({ mu: 1, share: 0.5, d: 0.01, bonus: { kind: "linear", beta: 0.1 } }); // → 109.901
 */
export function marginalShareValue(params: ShareValueWithBonusOptions): number {
  checkShare(params);
  return marginal(params.mu, params.share, params.d, params.bonus);
}

/** Input of {@link centralisationThreshold}. */
export interface CentralisationThresholdOptions {
  /** Mean reward μ ≥ 0. */
  mu: number;
  /** Tickets outstanding n (integer ≥ 1). */
  n: number;
  /** The buyer's discount rate (cost of capital) r > 0 per slot. */
  r: number;
  /** The buyer's extraction skill α in (0, 1]; default 1. */
  alpha?: number;
  /** Market price of a ticket (≥ 0); default μ/(1+nr), the fair price at rate r. */
  price?: number;
  /** The bonus. */
  bonus: MultiBlockBonus;
  /** "auto" (closed form for linear, bisection for geometric; default) or "bisection" always. */
  method?: "auto" | "bisection";
}

/** Output of {@link centralisationThreshold}. */
export interface CentralisationThresholdResult {
  /** Break-even share P_avg (0 if even a tiny share pays; null if no share ≤ 1 does). */
  averageShare: number | null;
  /** Share from which the marginal ticket pays, P_marg (same conventions). */
  marginalShare: number | null;
  /** C = p(1+nr)/r: PV cost per unit of maintained share. */
  costPerShare: number;
  /** The price used. */
  price: number;
  /** "closed form" or "bisection". */
  method: "closed form" | "bisection";
}

/** Smallest P in [0, 1] with f(P) ≥ 0 for an increasing f; null if f(1) < 0 (f may be Infinity). */
function firstNonNegative(f: (P: number) => number, upper: number): number | null {
  if (f(0) >= 0) return 0;
  const hi0 = Math.min(1, upper);
  if (hi0 === 1 && f(1) < 0) return null;
  let lo = 0;
  let hi = hi0;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) >= 0) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The break-even and marginal shares of a bonus-seeking buyer; see the module comment.
 *
 * @example
 * centralisationThreshold({ mu: 1, n: 100, r: 0.01, alpha: 0.9, bonus: { kind: "linear", beta: 0.5 } }).averageShare; // → 0.224444
 */
export function centralisationThreshold(options: CentralisationThresholdOptions): CentralisationThresholdResult {
  validate.knownKeys("centralisationThreshold options", options ?? {}, [
    "mu",
    "n",
    "r",
    "alpha",
    "price",
    "bonus",
    "method",
  ]);
  const { mu, n, r, alpha = 1, price, bonus, method = "auto" } = options;
  validate.nonNegative("mu", mu);
  validate.ticketCount(n);
  validate.discountRate(r, "r");
  validate.inRange("alpha", alpha, 0, 1);
  if (!(alpha > 0)) throw new RangeError(`alpha must be a number in (0, 1]; received ${alpha}`);
  validateBonus(bonus);
  validate.oneOf("method", method, ["auto", "bisection"] as const);
  const p = price === undefined ? ticketValue({ mu, n, d: r }) : validate.nonNegative("price", price);
  const cost = (p * (1 + n * r)) / r;
  if (bonus.kind === "linear" && method === "auto") {
    const clamp = (x: number): number | null => (x <= 0 ? 0 : x > 1 ? null : x);
    const base = (alpha * mu) / r; // α·V(P)/P at P → 0
    if (base >= cost) return { averageShare: 0, marginalShare: 0, costPerShare: cost, price: p, method: "closed form" };
    if (bonus.beta === 0 || mu === 0) {
      return { averageShare: null, marginalShare: null, costPerShare: cost, price: p, method: "closed form" };
    }
    const average = ((1 + r) / bonus.beta) * (cost / base - 1);
    return {
      averageShare: clamp(average),
      marginalShare: clamp(average / 2),
      costPerShare: cost,
      price: p,
      method: "closed form",
    };
  }
  // Where V is finite: P < (1+r)/(1+β) for the geometric bonus (V → ∞ at that share).
  const upper = bonus.kind === "geometric" ? (1 + r) / (1 + bonus.beta) : Infinity;
  const averageGap = (P: number) => (P === 0 ? (alpha * mu) / r : (alpha * value(mu, P, r, bonus)) / P) - cost;
  const marginalGap = (P: number) => alpha * marginal(mu, P, r, bonus) - cost;
  return {
    averageShare: firstNonNegative(averageGap, upper),
    marginalShare: firstNonNegative(marginalGap, upper),
    costPerShare: cost,
    price: p,
    method: "bisection",
  };
}
