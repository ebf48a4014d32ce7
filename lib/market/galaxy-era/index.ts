/**
 * The Galaxy Era agent-based model of Execution Tickets (Stichler, arXiv:2501.16090), written from
 * its public description (../../../docs/derivations/galaxy-era.md), as the `galaxyEra` namespace.
 *
 * @module
 */
import { galaxyTierCounts } from "./agents";
import { ASSUMPTION_ALTERNATIVES, pairedDifference, sensitivity } from "./compare";
import { auctionRound } from "./auctions";
import { garmanKlassVolatility, varianceOfDeltas } from "./objectives";
import { BIDDING_STRATEGIES, DEFAULT_ASSUMPTIONS, GALAXY_MECHANISMS, resolveParams } from "./params";
import { ammPrice, eip1559Price } from "./posted-price";
import { secondarySale } from "./secondary";
import { OBJECTIVE_KEYS, simulate } from "./simulate";
import { expectedShadedValue } from "./theory";
import { expiryFactor, strategyValue, volatilityMultiplier } from "./valuation";

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
  auctionRound,
  eip1559Price,
  ammPrice,
  secondarySale,
  garmanKlassVolatility,
  varianceOfDeltas,
  strategyValue,
  expiryFactor,
  volatilityMultiplier,
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
