/**
 * What one ticket is worth to one buyer.
 *
 * Buyer b (skill α, cost of capital r, risk aversion γ) in a lottery of N tickets with lookahead m
 * (the ticket drawn at slot T is paid at slot T + m) values one ticket at
 *
 *   v_b(N) = α·μ·(1+r)^(−m)/(1 + N·r)  −  (γ/2)·α²·(1+r)^(−2m)·Var(V_r)
 *
 * where Var(V_r) = Var(R_T (1+r)^(−T)) is Observation 5 at the buyer's own rate (lib/model
 * `lookaheadTicketVariance`). The first term is Observation 2 at rate r (../../docs/derivations/extensions.md:
 * capital cost); the second is the mean–variance risk premium of the ticket on its own (the tiny
 * negative covariance with the buyer's other tickets is ignored). With a linear multi-block bonus and
 * a bonus-aware buyer the first term is scaled by 1 + β·(held+1)/N, the position's value per ticket
 * (or by the marginal 1 + 2β·held/N on request; see bonus.ts).
 */
import { lookaheadTicketValueOf, lookaheadTicketVarianceOf } from "../model/unchecked";
import * as validate from "../validate";
import { validateBuyer, type Buyer } from "./buyers";
import { bonusBidFactor, validateBonus, type BonusValuation, type MultiBlockBonus } from "./bonus";

/** Input of {@link buyerValuation}. */
export interface BuyerValuationOptions {
  /** The buyer. */
  buyer: Buyer;
  /** Mean reward per slot μ ≥ 0. */
  mu: number;
  /** Reward variance σ² ≥ 0 (Infinity allowed: then any γ > 0 gives −Infinity). */
  sigma2: number;
  /** Tickets in the lottery at the draws the ticket takes part in, N (integer ≥ 1). */
  pool: number;
  /** Lookahead m in slots (integer ≥ 0); default 0. */
  lookahead?: number;
  /** Tickets the buyer already holds (integer ≥ 0); matters only with a bonus-aware buyer. Default 0. */
  held?: number;
  /** A linear multi-block bonus the buyer takes into account; default none. */
  bonus?: MultiBlockBonus;
  /** With a bonus: "average" (default, the position's value per ticket) or "marginal" (bonus.ts). */
  bonusValuation?: BonusValuation;
}

/** The two parts of a valuation, before the bonus factor. */
export interface ValuationParts {
  /** α·μ·(1+r)^(−m)/(1+N·r). */
  expected: number;
  /** (γ/2)·α²·(1+r)^(−2m)·Var(V_r) (0 when γ = 0). */
  riskPremium: number;
}

/**
 * Unchecked core shared by the public function and the market's cache: its inputs were validated
 * once (buyerValuation, simulateAgentMarket), so it calls the model's unchecked forms; a cache miss
 * computes this for every buyer, thousands of times in a run whose pool size floats.
 */
export function valuationParts(
  buyer: Buyer,
  mu: number,
  sigma2: number,
  pool: number,
  lookahead: number,
): ValuationParts {
  const expected = buyer.alpha * lookaheadTicketValueOf(mu, pool, buyer.r, lookahead);
  let riskPremium = 0;
  if (buyer.gamma > 0) {
    if (sigma2 === Infinity) {
      riskPremium = Infinity;
    } else {
      // The premium (γ/2)·Var(αV): minus the mean–variance certainty equivalent 0 − (γ/2)·Var of a
      // zero-mean payoff (meanVarianceCertaintyEquivalent's arithmetic, without its checks).
      const variance = buyer.alpha * buyer.alpha * lookaheadTicketVarianceOf(mu, sigma2, pool, buyer.r, lookahead);
      riskPremium = -(0 - (buyer.gamma / 2) * variance);
    }
  }
  return { expected, riskPremium };
}

/**
 * Buyer b's value of one ticket: α·μ·(1+r)^(−m)/(1+N·r) · (1 + β·(held+1)/N if bonus-aware)
 * − (γ/2)·α²·(1+r)^(−2m)·Var(V_r). May be negative (a large risk premium); −Infinity when γ > 0 and
 * σ² is infinite.
 *
 * @example
 * buyerValuation({ buyer: homogeneousBuyers({ count: 1, r: 0.01 })[0], mu: 1, sigma2: 1, pool: 100 }); // → 0.5
 */
export function buyerValuation(options: BuyerValuationOptions): number {
  validate.knownKeys("buyerValuation options", options ?? {}, [
    "buyer",
    "mu",
    "sigma2",
    "pool",
    "lookahead",
    "held",
    "bonus",
    "bonusValuation",
  ]);
  const { buyer, mu, sigma2, pool, lookahead = 0, held = 0, bonus, bonusValuation = "average" } = options;
  validateBuyer(buyer);
  validate.nonNegative("mu", mu);
  if (sigma2 !== Infinity) validate.nonNegative("sigma2", sigma2);
  validate.ticketCount(pool, "pool");
  validate.integer("lookahead", lookahead, 0);
  validate.integer("held", held, 0);
  let factor = 1;
  if (bonus !== undefined) {
    validateBonus(bonus);
    validate.oneOf("bonus.kind", bonus.kind, ["linear"] as const);
    validate.oneOf("bonusValuation", bonusValuation, ["average", "marginal"] as const);
    factor = bonusBidFactor(bonusValuation, bonus.beta, held, pool);
  }
  const { expected, riskPremium } = valuationParts(buyer, mu, sigma2, pool, lookahead);
  return expected * factor - riskPremium;
}

/** Slots of the direct-mapped cache (pool sizes drift by a few tickets per slot). */
const CACHE_WAYS = 64;

/**
 * Every buyer's valuation parts by pool size, direct-mapped on pool mod 64: in the slot loop the
 * pool size stays within a few tickets of its target, so almost every lookup hits and the closed
 * forms (with their validation) run only on a miss, for all buyers at once. Layout: one Float64Array
 * of (expected, premium) pairs, all buyers of one pool size side by side, so a pass over the buyers
 * reads memory sequentially with no per-buyer check. No allocation after construction.
 */
export class ValuationCache {
  private readonly buyers: readonly Buyer[];
  private readonly count: number;
  private readonly mu: number;
  private readonly sigma2: number;
  private readonly lookahead: number;
  private readonly tags: Float64Array;
  /** (expected, premium) pairs at ((pool mod 64)·buyers + buyer)·2; read directly by hot loops. */
  readonly data: Float64Array;

  constructor(buyers: readonly Buyer[], mu: number, sigma2: number, lookahead: number) {
    this.buyers = buyers;
    this.count = buyers.length;
    this.mu = mu;
    this.sigma2 = sigma2;
    this.lookahead = lookahead;
    this.tags = new Float64Array(CACHE_WAYS).fill(-1);
    this.data = new Float64Array(buyers.length * CACHE_WAYS * 2);
  }

  /** Makes the entries of `pool` current and returns the index of buyer 0's pair (buyer b: base + 2b). */
  base(pool: number): number {
    const way = pool & (CACHE_WAYS - 1);
    const base = way * this.count * 2;
    if (this.tags[way] !== pool) this.fill(way, base, pool);
    return base;
  }

  /** Value of one ticket to `buyer` in a pool of `pool` tickets, the expected part scaled by `factor`. */
  value(buyer: number, pool: number, factor: number): number {
    const i = this.base(pool) + 2 * buyer;
    return this.data[i] * factor - this.data[i + 1];
  }

  private fill(way: number, base: number, pool: number): void {
    for (let b = 0; b < this.count; b++) {
      const parts = valuationParts(this.buyers[b], this.mu, this.sigma2, pool, this.lookahead);
      this.data[base + 2 * b] = parts.expected;
      this.data[base + 2 * b + 1] = parts.riskPremium;
    }
    this.tags[way] = pool;
  }
}
