/**
 * Optional secondary market, one round per slot after the primary sale (../../docs/derivations/extensions.md#the-agent-based-markets-parts:
 * "resalability").
 *
 * Rule: the seller is the holder whose last ticket it values least (valuation of its marginal ticket,
 * not capped by cash); the buyer is the other buyer with the highest bid min(valuation, cash) for
 * one more ticket (ties: lowest index). If the buyer's bid exceeds the seller's value (and is
 * positive), one ticket changes hands at the midpoint of the two, max(0, (bid + value)/2) — the
 * symmetric Nash bargaining split of the gains from trade. Up to `maxTradesPerSlot` such trades per
 * slot. Trades move money between buyers only: they change profits and concentration, not the
 * protocol's proceeds.
 */
import * as validate from "../validate";
import type { MarketState } from "./state";

/** Secondary-market options. */
export interface SecondaryMarketSpec {
  /** Trades per slot at most (integer ≥ 1); default 1. */
  maxTradesPerSlot?: number;
}

/** Resolved options: trades per slot (0 = no secondary market). */
export function resolveSecondary(secondary: unknown): number {
  if (secondary === undefined || secondary === false) return 0;
  if (secondary === true) return 1;
  if (secondary === null || typeof secondary !== "object") {
    throw new RangeError(`secondary must be a boolean or an object {maxTradesPerSlot}; received ${String(secondary)}`);
  }
  return validate.integer(
    "secondary.maxTradesPerSlot",
    (secondary as SecondaryMarketSpec).maxTradesPerSlot ?? 1,
    1,
    1e6,
  );
}

/** Runs up to `maxTrades` trades (see the module comment); `pool` is the pool size tickets are valued in. */
export function secondaryTrades(state: MarketState, pool: number, maxTrades: number): void {
  const count = state.buyerCount;
  for (let trade = 0; trade < maxTrades; trade++) {
    let seller = -1;
    let ask = Infinity;
    for (let b = 0; b < count; b++) {
      if (state.held[b] === 0) continue;
      const v = state.holderValue(b, pool);
      if (v < ask) {
        ask = v;
        seller = b;
      }
    }
    if (seller < 0) return;
    let buyer = -1;
    let bid = -Infinity;
    for (let b = 0; b < count; b++) {
      if (b === seller) continue;
      const v = state.bid(b, pool);
      if (v > bid) {
        bid = v;
        buyer = b;
      }
    }
    if (buyer < 0 || !(bid > ask) || !(bid > 0)) return;
    const mid = (bid + ask) / 2;
    state.transfer(seller, buyer, Math.max(mid, 0));
  }
}
