/**
 * The Galaxy Era agent-based model of Execution Tickets (Stichler, arXiv:2501.16090), written from
 * its public description (../../../docs/derivations/galaxy-era.md), as the `galaxyEra` namespace.
 *
 * @module
 */
import { galaxyTierCounts } from "./agents";
import { ASSUMPTION_ALTERNATIVES, pairedDifference, sensitivity } from "./compare";
import { BIDDING_STRATEGIES, DEFAULT_ASSUMPTIONS, GALAXY_MECHANISMS, resolveParams } from "./params";
import { OBJECTIVE_KEYS, simulate } from "./simulate";
import { expectedShadedValue } from "./theory";
import {
  checkedAmmPrice,
  checkedAuctionRound,
  checkedEip1559Price,
  checkedExpiryFactor,
  checkedGarmanKlassVolatility,
  checkedSecondarySale,
  checkedStrategyValue,
  checkedVarianceOfDeltas,
  checkedVolatilityMultiplier,
} from "./checked";

/**
 * Galaxy Era: `galaxyEra.simulate({ params, runs, slots, seed })` and its parts (one auction round,
 * the two posted-price rules, a secondary sale, the price objectives, valuations).
 *
 * @example
 * galaxyEra.MECHANISMS.join(", "); // → "first_price, second_price, EIP-1559, AMM-style"
 */
export const galaxyEra = Object.freeze({
  simulate,
  pairedDifference,
  sensitivity,
  resolveParams,
  auctionRound: checkedAuctionRound,
  eip1559Price: checkedEip1559Price,
  ammPrice: checkedAmmPrice,
  secondarySale: checkedSecondarySale,
  garmanKlassVolatility: checkedGarmanKlassVolatility,
  varianceOfDeltas: checkedVarianceOfDeltas,
  strategyValue: checkedStrategyValue,
  expiryFactor: checkedExpiryFactor,
  volatilityMultiplier: checkedVolatilityMultiplier,
  tierCounts: galaxyTierCounts,
  expectedShadedValue,
  MECHANISMS: GALAXY_MECHANISMS,
  BIDDING_STRATEGIES,
  DEFAULT_ASSUMPTIONS,
  ASSUMPTION_ALTERNATIVES,
  OBJECTIVE_KEYS,
});

export type { GalaxyAgent } from "./agents";
export type { PairedDifference, SensitivityRow } from "./compare";
export type { AuctionRoundOptions, AuctionOutcome } from "./auctions";
export type {
  GalaxyEraParams,
  GalaxyEraAssumptions,
  GalaxyMechanism,
  BiddingStrategy,
  ResolvedGalaxyEraParams,
} from "./params";
export type { GalaxyEraObjectives, GalaxyEraRun } from "./run";
export type { GalaxyEraSimulateOptions, GalaxyEraResult } from "./simulate";
export type { ExpectedShadedValueOptions } from "./theory";
export type { ValuationContext } from "./valuation";
