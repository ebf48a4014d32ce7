/**
 * EIP-1559-style price controller targeting n outstanding tickets (Drake & Neuder's "dynamic pricing
 * that targets a number of tickets in circulation"; ../../../docs/derivations/extensions.md#the-agent-based-markets-parts).
 *
 * Rule, per slot t ≥ 1, after the draw:
 * 1. Sale at the posted price p_t: while fewer than maxPerSlot were sold this slot (and the pool is
 *    below maxOutstanding), the buyer with the highest bid for a ticket in a pool of N+1 buys one at
 *    p_t if that bid is ≥ p_t (ties uniformly at random). The count N floats.
 * 2. Update: p_{t+1} = max(minPrice, p_t·(1 + clamp((N − n)/n, −1, 1)/adjustFactor)), N the count after
 *    the sale — like EIP-1559's base fee, at most ±1/adjustFactor per slot.
 *    Anti-windup (default on): the outstanding count is a stock that moves by at most maxPerSlot − 1
 *    up and 1 down per slot, so a pure integral controller overshoots badly (the price keeps rising
 *    for hundreds of slots after buyers have stopped buying, and keeps falling while they already
 *    buy at capacity). With antiWindup the price is held instead when the market already moves N
 *    towards n at the current price: N > n and nothing sold this slot, or N < n and maxPerSlot sold
 *    (conditional integration, the standard anti-windup of integral control).
 * At t = 0 the initial price is posted and buyers buy (highest bid first, valued in a pool of n)
 * until n tickets are out or no bid reaches the price.
 */
import * as validate from "../../validate";
import type { MarketState } from "../state";
import { DEFAULT_PRICE_FACTOR, type Eip1559Spec, type MechanismContext, type SaleMechanism } from "./types";

export class Eip1559Mechanism implements SaleMechanism {
  readonly kind = "eip1559" as const;
  readonly capacity: number;
  readonly target: number;
  readonly adjustFactor: number;
  readonly maxPerSlot: number;
  readonly minPrice: number;
  readonly antiWindup: boolean;
  price: number;

  constructor(spec: Eip1559Spec, { n, fairPrice }: MechanismContext) {
    this.target = n;
    const factor = validate.positive("mechanism.priceFactor", spec.priceFactor ?? DEFAULT_PRICE_FACTOR);
    this.price = validate.positive("mechanism.initialPrice", spec.initialPrice ?? factor * fairPrice);
    this.adjustFactor = validate.finite("mechanism.adjustFactor", spec.adjustFactor ?? 8);
    if (!(this.adjustFactor > 1)) {
      throw new RangeError(`mechanism.adjustFactor must be a finite number > 1; received ${this.adjustFactor}`);
    }
    this.maxPerSlot = validate.integer("mechanism.maxPerSlot", spec.maxPerSlot ?? 4, 1, 1e6);
    this.minPrice = validate.positive("mechanism.minPrice", spec.minPrice ?? 1e-9 * this.price);
    this.capacity = validate.integer(
      "mechanism.maxOutstanding",
      spec.maxOutstanding ?? 2 * n + this.maxPerSlot,
      n,
      2 ** 31 - 1,
    );
    if (spec.antiWindup !== undefined && typeof spec.antiWindup !== "boolean") {
      throw new RangeError(`mechanism.antiWindup must be a boolean; received ${JSON.stringify(spec.antiWindup)}`);
    }
    this.antiWindup = spec.antiWindup ?? true;
  }

  initialSale(state: MarketState): void {
    while (state.outstanding < this.target) {
      state.rankBids(this.target);
      if (state.best < 0 || state.bestBid < this.price) break;
      state.sell(state.best, this.price);
    }
  }

  slotSale(state: MarketState): void {
    let sold = 0;
    while (sold < this.maxPerSlot && state.outstanding < this.capacity) {
      state.rankBids(state.outstanding + 1);
      if (state.best < 0 || state.bestBid < this.price) break;
      state.sell(state.best, this.price);
      sold++;
    }
    const gap = state.outstanding - this.target;
    if (this.antiWindup && ((gap > 0 && sold === 0) || (gap < 0 && sold === this.maxPerSlot))) return;
    let excess = gap / this.target;
    if (excess > 1) excess = 1;
    else if (excess < -1) excess = -1;
    const next = this.price * (1 + excess / this.adjustFactor);
    this.price = Math.max(next, this.minPrice);
  }

  quotedPrice(): number {
    return this.price;
  }

  holderPool(state: MarketState): number {
    return state.outstanding > 0 ? state.outstanding : 1;
  }
}
