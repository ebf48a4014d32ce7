/**
 * Galaxy Era's agents: the ephema tiers (lib/market EPHEMA_TIERS, drawn by tieredBuyers) split by
 * agent id as Galaxy Era does (id ≤ 0.2N top, ≤ 0.6N middle, the rest tail: 3/4/3 of 10), plus
 * each agent's aggressiveness a ~ Normal(0.15, 0.02) and volatility specialisation
 * v ~ Normal(1, 0.5) (0.1 when the draw is ≤ 0).
 */
import { normal, type Rng } from "../../random";
import { EPHEMA_TIERS, tieredBuyers } from "../buyers";

/** One Galaxy Era agent (a ticket holder). */
export interface GalaxyAgent {
  /** c: the share of a slot's MEV the agent captures. */
  capture: number;
  /** Starting funds (bids are capped by the current funds). */
  funds: number;
  /** a: bids are shaded by (1 − a). */
  aggressiveness: number;
  /** v: how strongly the agent's bid for the current slot follows its volatility. */
  volatilitySpecialisation: number;
  /** "top" | "middle" | "tail". */
  tier: string;
}

/**
 * Agents per tier by Galaxy Era's id rule: ids 0..⌊0.2N⌋ top, ..⌊0.6N⌋ middle, the rest tail.
 *
 * @example
 * galaxyEra.tierCounts(10); // → [3,4,3]
 */
export function galaxyTierCounts(holders: number): [number, number, number] {
  const top = Math.min(holders, Math.floor(0.2 * holders) + 1);
  const middle = Math.max(0, Math.min(holders, Math.floor(0.6 * holders) + 1) - top);
  return [top, middle, holders - top - middle];
}

/** The N agents of one run, tier by tier (ids in order); tiers from `seed`, the rest from `stream`. */
export function createAgents(holders: number, seed: string, stream: Rng): GalaxyAgent[] {
  const counts = galaxyTierCounts(holders);
  // Tier shares equal to the id rule's counts make the largest-remainder split exact.
  const tiers = EPHEMA_TIERS.map((tier, i) => ({ ...tier, share: counts[i] })).filter((t) => t.share > 0);
  // r is a Buyer field these agents do not use: Galaxy Era does not discount (see discountRate).
  const buyers = tieredBuyers({ count: holders, seed, r: 1, budgetUnit: 1, tiers });
  return buyers.map((b) => {
    const aggressiveness = 0.15 + 0.02 * normal(stream);
    const v = 1 + 0.5 * normal(stream);
    return {
      capture: b.alpha,
      funds: b.budget,
      aggressiveness,
      volatilitySpecialisation: v <= 0 ? 0.1 : v,
      tier: b.label ?? "",
    };
  });
}
