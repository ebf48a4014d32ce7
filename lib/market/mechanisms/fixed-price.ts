/**
 * Fixed price: the protocol posts a constant price p. Each ticket on offer goes to a buyer chosen
 * uniformly at random among those whose bid min(valuation, cash) is at least p (random rationing:
 * demand at a posted price usually exceeds the one ticket on offer); unsold if there is none.
 */
import * as validate from "../../validate";
import type { MarketState } from "../state";
import { FixedSupplyMechanism } from "./fixed-supply";
import { DEFAULT_PRICE_FACTOR, type FixedPriceSpec, type MechanismContext } from "./types";

export class FixedPriceMechanism extends FixedSupplyMechanism {
  readonly kind = "fixed-price" as const;
  readonly price: number;
  constructor(spec: FixedPriceSpec, { n, fairPrice }: MechanismContext) {
    super(n);
    const factor = validate.positive("mechanism.priceFactor", spec.priceFactor ?? DEFAULT_PRICE_FACTOR);
    this.price = validate.positive("mechanism.price", spec.price ?? factor * fairPrice);
  }

  protected sellOne(state: MarketState): boolean {
    const b = state.pickEligible(this.n, this.price);
    if (b < 0) return false;
    state.sell(b, this.price);
    return true;
  }

  override quotedPrice(): number {
    return this.price;
  }
}
