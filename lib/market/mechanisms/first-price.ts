/**
 * Per-ticket first-price (pay-as-bid) auction. The highest bidder wins and pays its own bid.
 * Bids (documented heuristics, not a computed Bayes–Nash equilibrium of this market):
 * - "n-1/n" (default): every bidder bids (N−1)/N × min(valuation, cash), N = number of buyers with a
 *   positive bid — the symmetric equilibrium bid for i.i.d. U(0, v̄) values and the "first-price
 *   heuristic" of ephema/ET-Simulation. The top bidder still wins; revenue is (N−1)/N of its bid
 *   capacity (0 with a single bidder).
 * - "competitive": the complete-information equilibrium: the top bidder bids (just) the runner-up's
 *   bid capacity, so it wins and pays the second-highest bid — the same outcome as the second-price
 *   auction (the Bertrand outcome of complete information).
 * The price is raised to the reserve when it falls below it (the winner bids the reserve if it can).
 */
import * as validate from "../../validate";
import type { MarketState } from "../state";
import { FixedSupplyMechanism } from "./fixed-supply";
import type { FirstPriceSpec, MechanismContext } from "./types";

export class FirstPriceMechanism extends FixedSupplyMechanism {
  readonly kind = "first-price" as const;
  readonly reserve: number;
  readonly shading: "n-1/n" | "competitive";
  constructor(spec: FirstPriceSpec, { n }: MechanismContext) {
    super(n);
    this.reserve = validate.nonNegative("mechanism.reserve", spec.reserve ?? 0);
    this.shading = validate.oneOf("mechanism.shading", spec.shading ?? "n-1/n", ["n-1/n", "competitive"] as const);
  }

  protected sellOne(state: MarketState): boolean {
    state.rankBids(this.n);
    if (state.best < 0 || state.bestBid < this.reserve) return false;
    let price: number;
    if (this.shading === "competitive") {
      price = Math.max(state.secondBid, 0);
    } else {
      const bidders = state.participants;
      price = (state.bestBid * (bidders - 1)) / bidders;
    }
    state.sell(state.best, Math.max(price, this.reserve));
    return true;
  }
}
