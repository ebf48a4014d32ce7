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
 * protocol's proceeds. The pair is found in O(log buyers) from tournament trees (MarketState.trade).
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
  for (let trade = 0; trade < maxTrades; trade++) if (!state.trade(pool)) return;
}
