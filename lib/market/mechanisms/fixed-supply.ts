/**
 * Shared rule of the fixed-supply mechanisms (fixed price, first- and second-price auctions): the
 * protocol keeps n tickets outstanding. At t = 0 it sells n tickets one by one; after every draw it
 * sells one by one until n are outstanding again (normally exactly one, more if earlier offers went
 * unsold). Buyers value every ticket in a pool of n, the size at every later draw.
 */
import type { MarketState } from "../state";
import type { MechanismKind, SaleMechanism } from "./types";

export abstract class FixedSupplyMechanism implements SaleMechanism {
  abstract readonly kind: MechanismKind;
  readonly capacity: number;
  constructor(readonly n: number) {
    this.capacity = n;
  }

  /** Offers one ticket (valued in a pool of n); returns false when it is not sold. */
  protected abstract sellOne(state: MarketState): boolean;

  initialSale(state: MarketState): void {
    this.slotSale(state);
  }

  slotSale(state: MarketState): void {
    while (state.outstanding < this.n && this.sellOne(state)) {
      // one ticket sold per iteration
    }
  }

  quotedPrice(state: MarketState): number {
    return state.lastPrice;
  }

  holderPool(): number {
    return this.n;
  }
}
