/**
 * The market runs behind notebook 11's explorer: every mechanism at n = 1, 3, 10, 30, … up to nMax,
 * `replications` runs each, with the notebook's main-sweep parameters (ephema tiers, competitive
 * shading, common random numbers from `seed`). A run here is the sweep's run for the same grid cell
 * and replication (marketParamsFromTask), so at the notebook's values the explorer's points are
 * Figure 1's.
 */
import { marketParamsFromTask } from "../../market/task";
import { MECHANISM_KINDS } from "../../market/mechanisms/types";
import type { AgentMarketOptions } from "../../market/simulate";
import { num, type Values } from "./figures/plot-helpers";

/** The n of the explorer: 1, 3, 10, 30, … not above nMax. */
export function marketCaptureNs(values: Values): number[] {
  const nMax = num(values, "nMax");
  const out: number[] = [];
  for (let decade = 1; decade <= nMax; decade *= 10)
    for (const k of [1, 3]) if (k * decade <= nMax) out.push(k * decade);
  return out;
}

/** Every (mechanism, n) cell of the explorer. */
export function marketCaptureCells(values: Values): { mechanism: string; n: number }[] {
  return MECHANISM_KINDS.flatMap((mechanism) => marketCaptureNs(values).map((n) => ({ mechanism, n })));
}

/**
 * One market run of a cell, as notebook 11's main sweep defines it. Values: mu, d, tolerance,
 * buyerCount, rMaxFactor, priceFactor, seed (replications and nMax are read by the callers).
 *
 * @example
 * marketCaptureRun({ mu: 1, d: 0.001, tolerance: 1e-6, buyerCount: 10, rMaxFactor: 2, priceFactor: 0.8, seed: 1101 }, "second-price", 10, 0).buyers.length; // → 10
 */
export function marketCaptureRun(
  values: Values,
  mechanism: string,
  n: number,
  replication: number,
): AgentMarketOptions {
  const d = num(values, "d");
  const seed = values.seed;
  return marketParamsFromTask({
    params: {
      mechanism,
      n,
      d,
      mu: num(values, "mu"),
      tolerance: num(values, "tolerance"),
      buyerCount: num(values, "buyerCount"),
      priceFactor: num(values, "priceFactor"),
      shading: "competitive",
      buyers: "tiered",
      rMax: num(values, "rMaxFactor") * d,
      commonSeed: seed,
    },
    replication,
    seed,
  });
}
