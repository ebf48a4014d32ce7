/**
 * Per-ticket second-price (Vickrey) auction. Bidding the true value is dominant, so each buyer bids
 * min(valuation, cash); the highest bidder (ties: uniformly at random) wins and pays
 * max(second-highest bid, reserve). A lone bidder pays the reserve; no sale if the top bid is below it.
 */
import * as validate from "../../validate";
import type { MarketState } from "../state";
import { FixedSupplyMechanism } from "./fixed-supply";
import type { MechanismContext, SecondPriceSpec } from "./types";

export class SecondPriceMechanism extends FixedSupplyMechanism {
  readonly kind = "second-price" as const;
  readonly reserve: number;
  constructor(spec: SecondPriceSpec, { n }: MechanismContext) {
    super(n);
    this.reserve = validate.nonNegative("mechanism.reserve", spec.reserve ?? 0);
  }

  protected sellOne(state: MarketState): boolean {
    state.rankBids(this.n);
    if (state.best < 0 || state.bestBid < this.reserve) return false;
    const second = Math.max(state.secondBid, 0);
    state.sell(state.best, Math.max(second, this.reserve));
    return true;
  }
}
