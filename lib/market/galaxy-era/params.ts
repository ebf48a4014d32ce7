/**
 * The parameters of the Galaxy Era model (Stichler, arXiv:2501.16090), in camelCase forms of the
 * names its code uses, plus the readings this library had to choose where its main loop is not
 * public (../../../docs/derivations/galaxy-era.md#what-is-not-public).
 */
import type { RewardModel } from "../../rewards/reward-model";
import * as validate from "../../validate";

/** The four primary-sale mechanisms, spelled as in Galaxy Era. */
export type GalaxyMechanism = "first_price" | "second_price" | "EIP-1559" | "AMM-style";
export const GALAXY_MECHANISMS: readonly GalaxyMechanism[] = Object.freeze([
  "first_price",
  "second_price",
  "EIP-1559",
  "AMM-style",
]);

/** The valuation strategies (each agent's maximum bid), spelled as in Galaxy Era. */
export type BiddingStrategy =
  | "random_evenly_10_50"
  | "naive_hist_obs_of_dist"
  | "hist_obs_of_dist"
  | "optimal_heuristic_bidding"
  | "conservative_min";
export const BIDDING_STRATEGIES: readonly BiddingStrategy[] = Object.freeze([
  "random_evenly_10_50",
  "naive_hist_obs_of_dist",
  "hist_obs_of_dist",
  "optimal_heuristic_bidding",
  "conservative_min",
]);

/**
 * Readings of what Galaxy Era does not publish. Each default is the most plausible reading; the
 * notebook shows how far every alternative moves every objective.
 */
export interface GalaxyEraAssumptions {
  /**
   * How the slot's price-volatility factor σ_t enters its MEV: "multiplicative" (default, MEV_t =
   * X_t·σ_t with X_t drawn at mean mevScale: volatile slots carry more MEV, as arbitrage does) or
   * "none" (σ_t only moves bids).
   */
  volatilityInMev: "multiplicative" | "none";
  /**
   * What the holder of the slot's ticket earns: "mev-times-capture" (default, MEV_t·c) or
   * "volatility-adjusted" (MEV_t·c·(1 + (σ_t − E[σ])·v), floored at 0: specialists earn what they bid for).
   */
  winnerEarns: "mev-times-capture" | "volatility-adjusted";
  /** Earnings are added to the agent's funds, so winners can keep buying (default true). */
  earningsRefillFunds: boolean;
  /**
   * Whose shares the concentration objectives count: "won-slots" (default: slots each holder
   * proposed) or "tickets-held" (tickets held, averaged over slots).
   */
  concentrationOver: "won-slots" | "tickets-held";
  /**
   * Tickets handed out before slot 0 under the posted prices: "max-minus-one" (default, M − 1, as
   * Galaxy Era's log shows for every mechanism) or "target" (M/2, where their price rules are at rest).
   */
  initialHolding: "max-minus-one" | "target";
}

/** Each unpublished part's readings, the default first (the notebook's sensitivity table runs the others). */
export const ASSUMPTION_CHOICES: Readonly<{ [K in keyof GalaxyEraAssumptions]: readonly GalaxyEraAssumptions[K][] }> =
  Object.freeze({
    volatilityInMev: ["multiplicative", "none"] as const,
    winnerEarns: ["mev-times-capture", "volatility-adjusted"] as const,
    earningsRefillFunds: [true, false],
    concentrationOver: ["won-slots", "tickets-held"] as const,
    initialHolding: ["max-minus-one", "target"] as const,
  });

export const DEFAULT_ASSUMPTIONS: Readonly<GalaxyEraAssumptions> = Object.freeze(
  Object.fromEntries(
    Object.entries(ASSUMPTION_CHOICES).map(([k, choices]) => [k, choices[0]]),
  ) as unknown as GalaxyEraAssumptions,
);

/** Inputs of one Galaxy Era setup. Defaults are the published ones (10 holders, S = 30, price 20). */
export interface GalaxyEraParams {
  /** Primary-sale mechanism. */
  sellingMechanism: GalaxyMechanism;
  /** M: tickets kept outstanding (auctions) or the cap on tickets held (EIP-1559, AMM; target M/2). Integer ≥ 1. */
  maxTickets: number;
  /** Price of the M − 1 tickets handed out before slot 1, and the posted prices' start. Default 20. */
  initialTicketPrice?: number;
  /** S: the mean of a slot's MEV draw before volatility. Default 30. */
  mevScale?: number;
  /** Slots per epoch (the lookahead unit). Default 32. */
  slotsPerEpoch?: number;
  /** N: number of agents (ticket holders). Default 10. */
  holders?: number;
  /** Secondary market on/off. Default false. */
  secondaryMarket?: boolean;
  /** Lognormal price-volatility factor σ_t = exp(mean + sigma·Z). Default { mean: 0, sigma: 0.2 }. */
  priceVolatility?: { mean: number; sigma: number };
  /** Every agent's valuation strategy. Default "hist_obs_of_dist". */
  biddingStrategy?: BiddingStrategy;
  /** Tickets sold per slot at most by the posted-price mechanisms. Default 4. */
  eip1559MaxTicketsPerSlot?: number;
  /** K: the EIP-1559-style price moves by at most 1/K per update. Default 8. */
  eip1559AdjustFactor?: number;
  /** The AMM's curve: k = 1/ammAdjustFactor. Default 25. */
  ammAdjustFactor?: number;
  /** E: an unassigned ticket expires E slots after minting (null = never). Default null. */
  expiryPeriod?: number | null;
  /** AMM refunds: a ticket sells back at price·(1 − factor) (null = no refunds). Default null. */
  reimbursementFactor?: number | null;
  /** Epochs between a ticket's assignment and its slot (Galaxy Era: 1; 0 = assigned as its epoch starts). Default 1. */
  lookaheadEpochs?: number;
  /** Just-in-time slot auctions: each slot's right is sold in the slot itself (first or second price). Default false. */
  jit?: boolean;
  /** Ours, not theirs: agents discount at r per slot, a ticket held among M worth 1/(1 + M·r) of its reward. Default 0. */
  discountRate?: number;
  /** Shape of the MEV draw X_t, rescaled to mean mevScale (e.g. the calibrated mainnet law). Default exponential. */
  mev?: RewardModel;
  /** Readings of the unpublished parts (see {@link GalaxyEraAssumptions}). */
  assumptions?: Partial<GalaxyEraAssumptions>;
}

/** Parameters with every default filled in and checked. */
export type ResolvedGalaxyEraParams = Required<Omit<GalaxyEraParams, "mev" | "assumptions">> & {
  mev: RewardModel | null;
  assumptions: GalaxyEraAssumptions;
};

const PARAM_KEYS = [
  "sellingMechanism",
  "maxTickets",
  "initialTicketPrice",
  "mevScale",
  "slotsPerEpoch",
  "holders",
  "secondaryMarket",
  "priceVolatility",
  "biddingStrategy",
  "eip1559MaxTicketsPerSlot",
  "eip1559AdjustFactor",
  "ammAdjustFactor",
  "expiryPeriod",
  "reimbursementFactor",
  "lookaheadEpochs",
  "jit",
  "discountRate",
  "mev",
  "assumptions",
] as const;

function boolean(name: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new RangeError(`${name} must be true or false; received ${String(value)}`);
  return value;
}

function resolveAssumptions(value: unknown): GalaxyEraAssumptions {
  if (value === undefined) return { ...DEFAULT_ASSUMPTIONS };
  if (value === null || typeof value !== "object") {
    throw new RangeError(`params.assumptions must be an object; received ${String(value)}`);
  }
  validate.knownKeys("params.assumptions", value, Object.keys(DEFAULT_ASSUMPTIONS));
  const given = { ...DEFAULT_ASSUMPTIONS, ...(value as Partial<GalaxyEraAssumptions>) };
  for (const [key, choices] of Object.entries(ASSUMPTION_CHOICES) as [string, readonly unknown[]][]) {
    const v = (given as Record<string, unknown>)[key];
    if (!choices.includes(v)) {
      throw new RangeError(
        `params.assumptions.${key} must be one of ${choices.map((c) => JSON.stringify(c)).join(", ")}; received ${JSON.stringify(v)}`,
      );
    }
  }
  return given;
}

/**
 * Fills in the defaults and checks every parameter (RangeError naming it, its value and what is allowed).
 *
 * @example
 * galaxyEra.resolveParams({ sellingMechanism: "second_price", maxTickets: 100 }).mevScale; // → 30
 */
export function resolveParams(params: GalaxyEraParams): ResolvedGalaxyEraParams {
  if (params === null || typeof params !== "object") {
    throw new RangeError(`params must be an object of Galaxy Era parameters; received ${String(params)}`);
  }
  validate.knownKeys("params", params, PARAM_KEYS);
  const p = params;
  const sellingMechanism = validate.oneOf("params.sellingMechanism", p.sellingMechanism, GALAXY_MECHANISMS);
  const jit = boolean("params.jit", p.jit ?? false);
  if (jit && sellingMechanism !== "first_price" && sellingMechanism !== "second_price") {
    throw new RangeError(
      `params.jit is true but params.sellingMechanism is "${sellingMechanism}"; just-in-time slot auctions need "first_price" or "second_price"`,
    );
  }
  const volatility = p.priceVolatility ?? { mean: 0, sigma: 0.2 };
  if (volatility === null || typeof volatility !== "object") {
    throw new RangeError(`params.priceVolatility must be an object {mean, sigma}; received ${String(volatility)}`);
  }
  validate.knownKeys("params.priceVolatility", volatility, ["mean", "sigma"]);
  const mev = p.mev ?? null;
  if (mev !== null && (typeof mev !== "object" || typeof mev.sample !== "function" || !(mev.mean > 0))) {
    throw new RangeError(`params.mev must be a RewardModel with a positive mean; received ${String(mev)}`);
  }
  const nullable = (name: string, value: unknown, check: (n: string, v: unknown) => number) =>
    value === undefined || value === null ? null : check(name, value);
  return {
    sellingMechanism,
    maxTickets: validate.integer("params.maxTickets", p.maxTickets, 1, 1e6),
    initialTicketPrice: validate.positive("params.initialTicketPrice", p.initialTicketPrice ?? 20),
    mevScale: validate.positive("params.mevScale", p.mevScale ?? 30),
    slotsPerEpoch: validate.integer("params.slotsPerEpoch", p.slotsPerEpoch ?? 32, 1, 1e4),
    holders: validate.integer("params.holders", p.holders ?? 10, 1, 1e5),
    secondaryMarket: boolean("params.secondaryMarket", p.secondaryMarket ?? false),
    priceVolatility: {
      mean: validate.finite("params.priceVolatility.mean", volatility.mean),
      sigma: validate.inRange("params.priceVolatility.sigma", volatility.sigma, 0, 3),
    },
    biddingStrategy: validate.oneOf(
      "params.biddingStrategy",
      p.biddingStrategy ?? "hist_obs_of_dist",
      BIDDING_STRATEGIES,
    ),
    eip1559MaxTicketsPerSlot: validate.integer(
      "params.eip1559MaxTicketsPerSlot",
      p.eip1559MaxTicketsPerSlot ?? 4,
      1,
      1e6,
    ),
    eip1559AdjustFactor: validate.inOpenRange("params.eip1559AdjustFactor", p.eip1559AdjustFactor ?? 8, 1, Infinity),
    ammAdjustFactor: validate.positive("params.ammAdjustFactor", p.ammAdjustFactor ?? 25),
    expiryPeriod: nullable("params.expiryPeriod", p.expiryPeriod, (n, v) => validate.integer(n, v, 1, 1e9)),
    reimbursementFactor: nullable("params.reimbursementFactor", p.reimbursementFactor, (n, v) =>
      validate.inRange(n, v, 0, 1),
    ),
    lookaheadEpochs: validate.integer("params.lookaheadEpochs", p.lookaheadEpochs ?? 1, 0, 64),
    jit,
    discountRate: validate.nonNegative("params.discountRate", p.discountRate ?? 0),
    mev,
    assumptions: resolveAssumptions(p.assumptions),
  };
}
