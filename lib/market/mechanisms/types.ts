/**
 * The common interface of the primary-sale mechanisms and their parameter objects (plain JSON).
 *
 * Every mechanism sells the initial tickets at t = 0 and then, at the end of every slot t ≥ 1 (after
 * the draw has burned the winning ticket), sells new tickets according to its rule. Prices are
 * compared with each buyer's bid = min(valuation, cash).
 */
import type { MarketState } from "../state";

/** The five primary-sale mechanisms. */
export type MechanismKind = "fixed-price" | "first-price" | "second-price" | "eip1559" | "bonding-curve";

/**
 * All mechanism kinds, in a stable order (for grids and legends).
 *
 * @example
 * MECHANISM_KINDS.join(", "); // → "fixed-price, first-price, second-price, eip1559, bonding-curve"
 */
export const MECHANISM_KINDS: readonly MechanismKind[] = Object.freeze([
  "fixed-price",
  "first-price",
  "second-price",
  "eip1559",
  "bonding-curve",
]);

/**
 * Default posted price as a fraction of the fair price μ/(1+nd) (fixed price, EIP-1559 start,
 * bonding-curve price at the target): a protocol that does not know the buyers prices conservatively.
 */
export const DEFAULT_PRICE_FACTOR = 0.8;

/** Fixed price: a posted price; buyers whose bid reaches it are served in random order. */
export interface FixedPriceSpec {
  kind: "fixed-price";
  /** The price (> 0). Default priceFactor × μ/(1+nd). */
  price?: number;
  /** Price as a multiple of the fair price μ/(1+nd) when `price` is absent; default 0.8. */
  priceFactor?: number;
}

/** Per-ticket first-price (pay-as-bid) auction. */
export interface FirstPriceSpec {
  kind: "first-price";
  /**
   * Bid shading. "n-1/n" (default): every bidder bids (N−1)/N of its bid capacity, N = number of
   * bidders (the symmetric equilibrium for i.i.d. uniform values; ephema's heuristic).
   * "competitive": the complete-information equilibrium, the top bidder bids the runner-up's bid
   * (so the outcome equals the second-price auction's).
   */
  shading?: "n-1/n" | "competitive";
  /** Reserve price ≥ 0; default 0. */
  reserve?: number;
}

/** Per-ticket second-price (Vickrey) auction: truthful bids, the winner pays the second bid. */
export interface SecondPriceSpec {
  kind: "second-price";
  /** Reserve price ≥ 0; default 0. */
  reserve?: number;
}

/** EIP-1559-style posted price that steers the outstanding count towards the target n. */
export interface Eip1559Spec {
  kind: "eip1559";
  /** Starting price (> 0). Default priceFactor × μ/(1+nd). */
  initialPrice?: number;
  /** Starting price as a multiple of μ/(1+nd) when initialPrice is absent; default 0.8. */
  priceFactor?: number;
  /** The price changes by at most 1/adjustFactor per slot (EIP-1559: 8). Default 8; > 1. */
  adjustFactor?: number;
  /** Tickets sold per slot at most (ephema: 4). Default 4. */
  maxPerSlot?: number;
  /** Price floor (> 0). Default 1e-9 × the starting price. */
  minPrice?: number;
  /** Hard cap on outstanding tickets. Default 2n + maxPerSlot. */
  maxOutstanding?: number;
  /** Hold the price while the market already moves the count towards n (see eip1559.ts). Default true. */
  antiWindup?: boolean;
}

/** Bonding curve (AMM-like): the price of the next ticket rises with the outstanding supply. */
export interface BondingCurveSpec {
  kind: "bonding-curve";
  /** Price of the next ticket when n are outstanding (> 0). Default priceFactor × μ/(1+nd). */
  basePrice?: number;
  /** basePrice as a multiple of μ/(1+nd) when basePrice is absent; default 0.8. */
  priceFactor?: number;
  /** κ in p(N) = basePrice·exp(κ·(N − n)/n); default 2. ≥ 0. */
  steepness?: number;
  /** Tickets sold per slot at most. Default 4. */
  maxPerSlot?: number;
  /** Hard cap on outstanding tickets. Default 2n + maxPerSlot. */
  maxOutstanding?: number;
}

/** Any mechanism's parameters. */
export type MechanismSpec = FixedPriceSpec | FirstPriceSpec | SecondPriceSpec | Eip1559Spec | BondingCurveSpec;

/** What a mechanism needs to know about the market to resolve its defaults. */
export interface MechanismContext {
  /** Target (and initial) number of outstanding tickets n. */
  n: number;
  /** The fair price μ/(1+nd) at the social rate, the reference for default prices. */
  fairPrice: number;
}

/** A primary-sale mechanism (one object per run: it may keep state such as a price). */
export interface SaleMechanism {
  readonly kind: MechanismKind;
  /** Largest number of outstanding tickets it can create (sizes the pool arrays). */
  readonly capacity: number;
  /** The sale at t = 0. */
  initialSale(state: MarketState): void;
  /** The sale at the end of slot t ≥ 1, after the draw. */
  slotSale(state: MarketState): void;
  /** The posted price now (for auctions: the last sale price). */
  quotedPrice(state: MarketState): number;
  /** The pool size holders and secondary-market buyers value an existing ticket at. */
  holderPool(state: MarketState): number;
}
