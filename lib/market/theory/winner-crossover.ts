/**
 * Where the competitive winner changes with n. A buyer's value of a ticket, α·μ/(1+n·r) minus a risk
 * premium, falls faster in n the dearer the buyer's capital, so a skilled builder with dear capital
 * wins small lotteries and an investor with cheap capital wins large ones (notebook 12, step 4).
 * For risk-neutral buyers b (builder) and i (investor) with α_b > α_i and α_i·r_b > α_b·r_i the
 * valuations cross at n = (α_b − α_i)/(α_i·r_b − α_b·r_i).
 */
import * as validate from "../../validate";
import type { Buyer } from "../buyers";
import { competitiveCapture } from "./capture";

/** Input of {@link winnerCrossover}. */
export interface WinnerCrossoverOptions {
  /** The buyers (at least two). */
  buyers: readonly Buyer[];
  /** Mean reward μ > 0. */
  mu: number;
  /** Reward variance σ² ≥ 0. */
  sigma2: number;
  /** Social discount rate d > 0. */
  d: number;
  /** Largest n searched (integer ≥ 2); default 1e9. */
  maxN?: number;
}

/**
 * The smallest n at which competitiveCapture's winner differs from its winner at n = 1, found by
 * bisection over the integers (so it assumes, as with valuations of the form above, that the winner
 * changes at most once); Infinity when the winner at `maxN` is still the winner at n = 1. Below,
 * the risk-neutral valuations cross at n = 0.1/0.0016 = 62.5.
 *
 * @example
 * const buyers = customBuyers({ buyers: [{ alpha: 0.95, r: 0.003 }, { alpha: 0.85, r: 0.001 }] });
 * winnerCrossover({ buyers, mu: 1, sigma2: 0, d: 0.001 }); // → 63
 */
export function winnerCrossover(options: WinnerCrossoverOptions): number {
  validate.knownKeys("winnerCrossover options", options ?? {}, ["buyers", "mu", "sigma2", "d", "maxN"]);
  const { buyers, mu, sigma2, d, maxN = 1e9 } = options;
  validate.integer("maxN", maxN, 2);
  if (!Array.isArray(buyers) || buyers.length < 2)
    throw new RangeError(
      `buyers must list at least two buyers; received ${Array.isArray(buyers) ? buyers.length : buyers}`,
    );
  const winnerAt = (n: number) => competitiveCapture({ buyers, mu, sigma2, n, d }).top;
  const first = winnerAt(1);
  if (winnerAt(maxN) === first) return Infinity;
  let below = 1;
  let above = maxN;
  while (above - below > 1) {
    const mid = Math.floor((below + above) / 2);
    if (winnerAt(mid) === first) below = mid;
    else above = mid;
  }
  return above;
}
