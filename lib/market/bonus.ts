/**
 * Multi-block value: a superadditive bonus for proposing consecutive slots (../../docs/derivations/extensions.md#multi-block-bonus-and-the-centralisation-threshold).
 *
 * Two shapes, for a run of L consecutive slots won by the same holder:
 * - "linear": every slot that continues a run (the holder also proposed the previous slot) pays an
 *   extra β·μ on top of its reward, so a run of length L pays β·(L−1)·μ in total on top of ΣR;
 * - "geometric": the k-th slot of a run pays R·(1+β)^(k−1), so the run's value grows geometrically.
 * The holder captures α of the whole (reward and bonus). The agent-based market implements the linear
 * shape (bounded for any share); the theory functions cover both.
 */
import * as validate from "../validate";

/** The shape of the multi-block bonus. */
export type BonusKind = "linear" | "geometric";

/** A multi-block bonus. */
export interface MultiBlockBonus {
  /** "linear" (extra β·μ per continuation slot) or "geometric" (k-th slot of a run pays R(1+β)^(k−1)). */
  kind: BonusKind;
  /** Strength β ≥ 0 (0 = additive rewards, the post's assumption). */
  beta: number;
}

/** Checks a bonus object; `name` prefixes parameter names in errors. */
export function validateBonus(bonus: unknown, name = "bonus"): MultiBlockBonus {
  if (bonus === null || typeof bonus !== "object") {
    throw new RangeError(`${name} must be an object {kind, beta}; received ${String(bonus)}`);
  }
  const b = bonus as MultiBlockBonus;
  validate.oneOf(`${name}.kind`, b.kind, ["linear", "geometric"] as const);
  validate.nonNegative(`${name}.beta`, b.beta);
  return b;
}

/**
 * How a bonus-aware buyer scales its value of one more ticket when it already holds `held` of the
 * `pool` tickets: 1 + 2β·held/pool for the linear bonus. Why: when the new ticket wins at slot T, the
 * holder also proposed T−1 with probability ≈ held/pool (a continuation bonus βμ for slot T) and
 * proposes T+1 with the same probability (a bonus βμ for slot T+1, discounted one slot more, which
 * the factor ignores). This is the derivative g'(P) of the per-slot flow g(P) = P + βP² of a
 * maintained share P = held/pool (see theory/multi-block.ts) — a documented heuristic, not an
 * equilibrium valuation.
 */
export function linearBonusFactor(beta: number, held: number, pool: number): number {
  return 1 + (2 * beta * held) / pool;
}

/**
 * How a bonus-aware buyer values tickets: "average" (default) bids at most the value per ticket of the
 * position it would hold, 1 + β·(held + 1)/pool; "marginal" bids the marginal value 1 + 2β·held/pool on
 * every unit. Why the default: a holder that keeps share P replaces one ticket per win, so it pays its
 * bid on every ticket it ever holds; paying the marginal value g'(P) = 1 + 2βP for each, against an
 * average worth g(P)/P = 1 + βP, loses βP per ticket — the largest holder then pays more than its
 * position is worth (individual rationality fails). Bidding the average never exceeds the position's
 * value per ticket.
 */
export type BonusValuation = "average" | "marginal";

/**
 * The bonus factor of a bid by a buyer holding `held` of `pool` tickets, by valuation rule.
 *
 * @example
 * bonusBidFactor("average", 1, 30, 100); // → 1.31
 * bonusBidFactor("marginal", 1, 30, 100); // → 1.6
 */
export function bonusBidFactor(valuation: BonusValuation, beta: number, held: number, pool: number): number {
  return valuation === "marginal" ? linearBonusFactor(beta, held, pool) : 1 + (beta * (held + 1)) / pool;
}
