/**
 * The Galaxy Era parts as the `galaxyEra` namespace exposes them: each checks its input (unknown
 * keys, ranges) and then calls the unchecked function the slot loop uses, so the loop pays nothing
 * for validation and a reader's call gets a clear error.
 */
import type { Rng } from "../../random";
import * as validate from "../../validate";
import type { GalaxyAgent } from "./agents";
import { type AuctionOutcome, type AuctionRoundOptions, auctionRound } from "./auctions";
import { garmanKlassVolatility, varianceOfDeltas } from "./objectives";
import { BIDDING_STRATEGIES, GALAXY_MECHANISMS } from "./params";
import { ammPrice, eip1559Price } from "./posted-price";
import { type SecondarySaleOptions, secondarySale } from "./secondary";
import { expiryFactor, strategyValue, type ValuationContext, volatilityMultiplier } from "./valuation";

function numbers(name: string, value: unknown, check: (n: string, v: unknown) => number): ArrayLike<number> {
  const list = value as ArrayLike<number>;
  if (list === null || typeof list !== "object" || typeof list.length !== "number") {
    throw new RangeError(`${name} must be an array of numbers; received ${JSON.stringify(value)}`);
  }
  for (let i = 0; i < list.length; i++) check(`${name}[${i}]`, list[i]);
  return list;
}

function permutation(value: unknown, length: number): ArrayLike<number> | undefined {
  if (value === undefined) return undefined;
  const list = numbers("order", value, (n, v) => validate.integer(n, v, 0, Math.max(0, length - 1)));
  if (list.length !== length || new Set(Array.from(list)).size !== length) {
    throw new RangeError(
      `order must be a permutation of 0..${length - 1}; received ${JSON.stringify(Array.from(list))}`,
    );
  }
  return list;
}

/**
 * One sealed-bid round ({@link auctionRound}), checked.
 *
 * @example
 * galaxyEra.auctionRound({ bids: [20, 25, 22], rule: "second_price" }); // → {"winner":1,"price":22}
 * galaxyEra.auctionRound({ bids: [20, 25, 22], rule: "first_price" }); // → {"winner":1,"price":25}
 */
export function checkedAuctionRound(options: AuctionRoundOptions): AuctionOutcome {
  validate.knownKeys("auctionRound options", options ?? {}, ["bids", "rule", "order"]);
  const bids = numbers("bids", options.bids, validate.finite);
  const rule = validate.oneOf("rule", options.rule, ["first_price", "second_price"] as const);
  return auctionRound({ bids, rule, order: permutation(options.order, bids.length) });
}

/**
 * One secondary-market sale ({@link secondarySale}), checked.
 *
 * @example
 * galaxyEra.secondarySale({ seller: 0, bids: [22, 27, 24] }); // → {"buyer":1,"price":24}
 * galaxyEra.secondarySale({ seller: 1, bids: [22, 27, 24] }); // → null
 */
export function checkedSecondarySale(options: SecondarySaleOptions): { buyer: number; price: number } | null {
  validate.knownKeys("secondarySale options", options ?? {}, ["seller", "bids", "order"]);
  const bids = numbers("bids", options.bids, validate.finite);
  const seller = validate.integer("seller", options.seller, 0, Math.max(0, bids.length - 1));
  return secondarySale({ seller, bids, order: permutation(options.order, bids.length) });
}

/**
 * One EIP-1559-style price update ({@link eip1559Price}), checked.
 *
 * @example
 * galaxyEra.eip1559Price({ price: 20, held: 75, maxTickets: 100, adjustFactor: 8 }); // → 21.25
 */
export function checkedEip1559Price(options: {
  price: number;
  held: number;
  maxTickets: number;
  adjustFactor: number;
}): number {
  validate.knownKeys("eip1559Price options", options ?? {}, ["price", "held", "maxTickets", "adjustFactor"]);
  validate.positive("price", options.price);
  const maxTickets = validate.integer("maxTickets", options.maxTickets, 1);
  validate.integer("held", options.held, 0, maxTickets);
  validate.inOpenRange("adjustFactor", options.adjustFactor, 1, Infinity);
  return eip1559Price(options);
}

/**
 * The AMM's next-ticket price ({@link ammPrice}), checked.
 *
 * @example
 * galaxyEra.ammPrice({ held: 50, maxTickets: 100, adjustFactor: 25 }).toFixed(3); // → "16.464"
 */
export function checkedAmmPrice(options: { held: number; maxTickets: number; adjustFactor: number }): number {
  validate.knownKeys("ammPrice options", options ?? {}, ["held", "maxTickets", "adjustFactor"]);
  const maxTickets = validate.integer("maxTickets", options.maxTickets, 1);
  validate.integer("held", options.held, 0, maxTickets);
  validate.positive("adjustFactor", options.adjustFactor);
  return ammPrice(options);
}

/**
 * Garman–Klass volatility per period ({@link garmanKlassVolatility}), checked.
 *
 * @example
 * galaxyEra.garmanKlassVolatility({ prices: [10, 12, 8, 10], period: 4 }).toFixed(4); // → "0.2867"
 */
export function checkedGarmanKlassVolatility(options: { prices: ArrayLike<number>; period: number }): number {
  validate.knownKeys("garmanKlassVolatility options", options ?? {}, ["prices", "period"]);
  const prices = numbers("prices", options.prices, validate.nonNegative);
  return garmanKlassVolatility({ prices, period: validate.integer("period", options.period, 1) });
}

/**
 * The variance of slot-to-slot price changes ({@link varianceOfDeltas}), checked.
 *
 * @example
 * galaxyEra.varianceOfDeltas({ prices: [10, 12, 8, 10] }); // → 8
 */
export function checkedVarianceOfDeltas(options: { prices: ArrayLike<number> }): number {
  validate.knownKeys("varianceOfDeltas options", options ?? {}, ["prices"]);
  return varianceOfDeltas({ prices: numbers("prices", options.prices, validate.finite) });
}

/**
 * A strategy's value of one ticket for an agent ({@link strategyValue}), checked.
 *
 * @example
 * const agent = { capture: 0.9, funds: 500, aggressiveness: 0.1, volatilitySpecialisation: 1, tier: "top" };
 * galaxyEra.strategyValue(agent, { strategy: "hist_obs_of_dist", mechanism: "second_price", secondaryMarket: false, mevScale: 30, holders: 10, factor: 1 }, rng(1)); // → 24.3
 */
export function checkedStrategyValue(agent: GalaxyAgent, context: ValuationContext, stream: Rng): number {
  if (agent === null || typeof agent !== "object") {
    throw new RangeError(`agent must be a Galaxy Era agent; received ${String(agent)}`);
  }
  validate.knownKeys("agent", agent, ["capture", "funds", "aggressiveness", "volatilitySpecialisation", "tier"]);
  validate.inRange("agent.capture", agent.capture, 0, 1);
  validate.finite("agent.aggressiveness", agent.aggressiveness);
  validate.knownKeys("context", context ?? {}, [
    "strategy",
    "mechanism",
    "secondaryMarket",
    "mevScale",
    "holders",
    "factor",
  ]);
  validate.oneOf("context.strategy", context.strategy, BIDDING_STRATEGIES);
  validate.oneOf("context.mechanism", context.mechanism, GALAXY_MECHANISMS);
  validate.positive("context.mevScale", context.mevScale);
  validate.integer("context.holders", context.holders, 1);
  validate.inRange("context.factor", context.factor, 0, 1);
  if (stream === null || typeof stream !== "object" || typeof stream.next !== "function") {
    throw new RangeError(`stream must be a random stream (rng(seed, …)); received ${String(stream)}`);
  }
  return strategyValue(agent, context, stream);
}

/**
 * The chance that a ticket is used before it expires ({@link expiryFactor}), checked.
 *
 * @example
 * galaxyEra.expiryFactor({ expiryPeriod: 64, slotsPerEpoch: 32, maxTickets: 64 }); // → 0.75
 * galaxyEra.expiryFactor({ expiryPeriod: 32, slotsPerEpoch: 32, maxTickets: 32, assignment: "per-slot" }).toFixed(4); // → "0.6379"
 */
export function checkedExpiryFactor(options: Parameters<typeof expiryFactor>[0]): number {
  validate.knownKeys("expiryFactor options", options ?? {}, [
    "expiryPeriod",
    "slotsPerEpoch",
    "maxTickets",
    "assignment",
  ]);
  if (options.expiryPeriod !== null) validate.integer("expiryPeriod", options.expiryPeriod, 1);
  validate.integer("slotsPerEpoch", options.slotsPerEpoch, 1);
  validate.integer("maxTickets", options.maxTickets, 1);
  if (options.assignment !== undefined)
    validate.oneOf("assignment", options.assignment, ["per-epoch", "per-slot"] as const);
  return expiryFactor(options);
}

/**
 * The volatility multiplier of a bid for the current slot ({@link volatilityMultiplier}), checked.
 *
 * @example
 * galaxyEra.volatilityMultiplier({ sigmaSlot: 1.5, sigmaMean: 1, specialisation: 2 }); // → 2
 */
export function checkedVolatilityMultiplier(options: {
  sigmaSlot: number;
  sigmaMean: number;
  specialisation: number;
}): number {
  validate.knownKeys("volatilityMultiplier options", options ?? {}, ["sigmaSlot", "sigmaMean", "specialisation"]);
  validate.nonNegative("sigmaSlot", options.sigmaSlot);
  validate.positive("sigmaMean", options.sigmaMean);
  validate.finite("specialisation", options.specialisation);
  return volatilityMultiplier(options);
}
