/**
 * Galaxy Era's valuations: each agent's maximum bid for a ticket, by strategy, before it is capped
 * by the agent's funds (../../../docs/derivations/galaxy-era.md#valuations).
 */
import { exponential, type Rng } from "../../random";
import type { GalaxyAgent } from "./agents";
import type { BiddingStrategy, GalaxyMechanism } from "./params";

/** What a valuation depends on besides the agent. */
export interface ValuationContext {
  strategy: BiddingStrategy;
  mechanism: GalaxyMechanism;
  secondaryMarket: boolean;
  /** S, the mean MEV draw. */
  mevScale: number;
  holders: number;
  /** Product of the expiry and discount factors (1 when neither applies). */
  factor: number;
}

/**
 * The strategy's value of one ticket for `agent` (random strategies draw from `stream`):
 * random_evenly_10_50 U(10,50)·(1−a); naive_hist_obs_of_dist S·(1−a); hist_obs_of_dist S·c·(1−a);
 * optimal_heuristic_bidding S·c·(1−a)·(N−1)/N in first price (the (N−1)/N shading belongs to
 * pay-as-bid), S·c·(1−a) otherwise; conservative_min the least of 10 Exponential(S) draws.
 */
export function strategyValue(agent: GalaxyAgent, context: ValuationContext, stream: Rng): number {
  const { strategy, mevScale: s, holders: n } = context;
  const keep = 1 - agent.aggressiveness;
  let value: number;
  switch (strategy) {
    case "random_evenly_10_50":
      value = (10 + 40 * stream.next()) * keep;
      break;
    case "naive_hist_obs_of_dist":
      value = s * keep;
      break;
    case "hist_obs_of_dist":
      value = s * agent.capture * keep;
      break;
    case "optimal_heuristic_bidding":
      value = s * agent.capture * keep * (context.mechanism === "first_price" ? (n - 1) / n : 1);
      break;
    case "conservative_min": {
      let least = Infinity;
      for (let i = 0; i < 10; i++) least = Math.min(least, s * exponential(stream));
      value = least;
      break;
    }
  }
  return value * context.factor;
}

/**
 * The chance that a ticket is assigned a slot before it expires. Per epoch (Galaxy Era's valuation,
 * the default): each epoch assigns E_s of the M tickets, so 1 − (1 − E_s/M)^(E/E_s), and 1 when
 * E_s ≥ M. Per slot (how this model draws expiring tickets): one of M each slot, 1 − (1 − 1/M)^E.
 */
export function expiryFactor(options: {
  expiryPeriod: number | null;
  slotsPerEpoch: number;
  maxTickets: number;
  assignment?: "per-epoch" | "per-slot";
}): number {
  const { expiryPeriod, slotsPerEpoch, maxTickets, assignment = "per-epoch" } = options;
  if (expiryPeriod === null) return 1;
  if (assignment === "per-slot") return -Math.expm1(expiryPeriod * Math.log1p(-1 / maxTickets));
  if (slotsPerEpoch >= maxTickets) return 1;
  return -Math.expm1((expiryPeriod / slotsPerEpoch) * Math.log1p(-slotsPerEpoch / maxTickets));
}

/**
 * The volatility multiplier of a bid for the current slot, 1 + (σ_t − E[σ])·v, floored at 0.
 */
export function volatilityMultiplier(options: {
  sigmaSlot: number;
  sigmaMean: number;
  specialisation: number;
}): number {
  return Math.max(0, 1 + (options.sigmaSlot - options.sigmaMean) * options.specialisation);
}
