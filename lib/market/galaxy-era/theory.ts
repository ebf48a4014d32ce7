/**
 * What a Galaxy Era auction pays in expectation when values are the agents' shaded capture rates:
 * agent i's value per unit of MEV is w_i = c_i·(1 − a_i), with c uniform on its tier's range and
 * a ~ Normal(0.15, 0.02). A second-price auction at known MEV X (JIT, no volatility, funds not
 * binding) then earns X·w_(2), a first-price one X·w_(1); so over a run the protocol's share of MEV
 * is the run's w_(2) (w_(1)), and over runs its mean is E[w_(2)] (E[w_(1)]).
 *
 * The distribution function of w in a tier is F(x) = E_c[P(a ≥ 1 − x/c)] = E_c[Q((1 − x/c − 0.15)/0.02)]
 * (Q the normal survival function); with tier counts n_t, P(w_(1) ≤ x) = Π_t F_t^{n_t} and
 * P(w_(2) ≤ x) = Π_t F_t^{n_t} + Σ_t n_t·(1 − F_t)·F_t^{n_t − 1}·Π_{s≠t} F_s^{n_s}; E[w_(k)] =
 * ∫_0^1 (1 − P(w_(k) ≤ x)) dx (values lie in [0, 1] up to a negligible normal tail). Both integrals
 * are taken by the midpoint rule (../../../docs/derivations/galaxy-era.md#what-an-auction-earns).
 */
import { normalSurvival } from "../../stats/normal-distribution";
import * as validate from "../../validate";
import { EPHEMA_TIERS } from "../buyers";
import { galaxyTierCounts } from "./agents";

/** Input of {@link expectedShadedValue}. */
export interface ExpectedShadedValueOptions {
  /** N, the number of agents (tiers split by Galaxy Era's id rule). Integer ≥ 2. */
  holders: number;
  /** 1: the highest w (what first price pays); 2: the second-highest (what second price pays). */
  rank: 1 | 2;
  /** Midpoints of the x grid on [0, 1]; default 2000. */
  points?: number;
}

/**
 * E[w_(rank)], the expected highest or second-highest c·(1 − a) among Galaxy Era's N agents.
 *
 * @example
 * galaxyEra.expectedShadedValue({ holders: 10, rank: 2 }).toFixed(3); // → "0.765"
 */
export function expectedShadedValue(options: ExpectedShadedValueOptions): number {
  validate.knownKeys("expectedShadedValue options", options ?? {}, ["holders", "rank", "points"]);
  const { holders, rank, points = 2000 } = options;
  validate.integer("holders", holders, 2, 1e5);
  if (rank !== 1 && rank !== 2) throw new RangeError(`rank must be 1 or 2; received ${String(rank)}`);
  validate.integer("points", points, 100, 1e6);
  const counts = galaxyTierCounts(holders);
  const cPoints = 200;
  let integral = 0;
  for (let j = 0; j < points; j++) {
    const x = (j + 0.5) / points;
    const F = EPHEMA_TIERS.map((tier) => {
      const [lo, hi] = tier.alpha;
      let sum = 0;
      for (let k = 0; k < cPoints; k++) {
        const c = lo + ((k + 0.5) / cPoints) * (hi - lo);
        sum += normalSurvival({ x: (1 - x / c - 0.15) / 0.02 });
      }
      return sum / cPoints;
    });
    let all = 1;
    for (let t = 0; t < 3; t++) all *= F[t] ** counts[t];
    let below = all;
    if (rank === 2) {
      for (let t = 0; t < 3; t++) {
        if (counts[t] === 0) continue;
        let others = 1;
        for (let s = 0; s < 3; s++) if (s !== t) others *= F[s] ** counts[s];
        below += counts[t] * (1 - F[t]) * F[t] ** (counts[t] - 1) * others;
      }
    }
    integral += 1 - below;
  }
  return integral / points;
}
