/**
 * Bonding curve (AMM-like): the price of the next ticket is a rising function of the outstanding
 * supply N, p(N) = basePrice·exp(κ·(N − n)/n), so p(n) = basePrice. Per slot t ≥ 1, after the draw,
 * while fewer than maxPerSlot were sold this slot, the buyer with the highest bid for a ticket in a
 * pool of N+1 buys one at p(N) if its bid is ≥ p(N); each purchase moves the price up the curve and
 * each burn moves it down. No sell-back (tickets are not refundable). At t = 0 buyers buy along the
 * curve (valuing in a pool of n) until n are out or no bid reaches the next price. The count settles
 * where the top bid meets the curve, not necessarily at n.
 */
import * as validate from "../../validate";
import type { MarketState } from "../state";
import { DEFAULT_PRICE_FACTOR, type BondingCurveSpec, type MechanismContext, type SaleMechanism } from "./types";

export class BondingCurveMechanism implements SaleMechanism {
  readonly kind = "bonding-curve" as const;
  readonly capacity: number;
  readonly target: number;
  readonly basePrice: number;
  readonly steepness: number;
  readonly maxPerSlot: number;
  /** p(N) for N = 0..capacity, tabulated so the slot loop makes no exp call (read by the WebAssembly loop). */
  readonly prices: Float64Array;

  constructor(spec: BondingCurveSpec, { n, fairPrice }: MechanismContext) {
    this.target = n;
    const factor = validate.positive("mechanism.priceFactor", spec.priceFactor ?? DEFAULT_PRICE_FACTOR);
    this.basePrice = validate.positive("mechanism.basePrice", spec.basePrice ?? factor * fairPrice);
    this.steepness = validate.nonNegative("mechanism.steepness", spec.steepness ?? 2);
    this.maxPerSlot = validate.integer("mechanism.maxPerSlot", spec.maxPerSlot ?? 4, 1, 1e6);
    this.capacity = validate.integer(
      "mechanism.maxOutstanding",
      spec.maxOutstanding ?? 2 * n + this.maxPerSlot,
      n,
      2 ** 31 - 1,
    );
    this.prices = new Float64Array(this.capacity + 1);
    for (let k = 0; k <= this.capacity; k++) this.prices[k] = this.priceAt(k);
  }

  /** p(N) = basePrice·exp(κ(N − n)/n). */
  priceAt(outstanding: number): number {
    return this.basePrice * Math.exp((this.steepness * (outstanding - this.target)) / this.target);
  }

  initialSale(state: MarketState): void {
    while (state.outstanding < this.target) {
      state.rankBids(this.target);
      const price = this.prices[state.outstanding];
      if (state.best < 0 || state.bestBid < price) break;
      state.sell(state.best, price);
    }
  }

  slotSale(state: MarketState): void {
    for (let sold = 0; sold < this.maxPerSlot && state.outstanding < this.capacity; sold++) {
      state.rankBids(state.outstanding + 1);
      const price = this.prices[state.outstanding];
      if (state.best < 0 || state.bestBid < price) break;
      state.sell(state.best, price);
    }
  }

  quotedPrice(state: MarketState): number {
    return this.prices[state.outstanding];
  }

  holderPool(state: MarketState): number {
    return state.outstanding > 0 ? state.outstanding : 1;
  }
}
