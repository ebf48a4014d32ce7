/**
 * Fitting the mainnet composite (lognormal body + Pareto tail) to published statistics.
 *
 * Method (../../docs/derivations/calibration.md#fits):
 * 1. Body: s = ln(P75/P25)/(2·Φ⁻¹(3/4)) from the ephema interquartile range; location
 *    m = ln(median) (default) or the log-midpoint of the quartiles.
 * 2. Tail mass w (default 5 %) and threshold u = the body's (1 − w)-quantile, so below u the
 *    composite is exactly the fitted lognormal.
 * 3. Tail index α from a ratio of two Aubury quantiles, α = ln((1 − a)/(1 − b))/ln(q_b/q_a)
 *    (default P90→P95 ≈ 1.18), or given directly. Aubury's period and measure differ from ephema's:
 *    only the tail's shape is borrowed, not its level.
 * 4. Optional cap (e.g. the largest ephema payment, 691.96 ETH) makes the variance finite.
 * The result carries a fitted-versus-published table from the composite's exact quantile function.
 */
import * as validate from "../validate";
import { mainnetStatistics, type MainnetStatistics } from "./calibration-data";
import { NORMAL_Q75 } from "./lognormal";
import { MainnetReward, type MainnetOptions } from "./mainnet";

/** Which pair of Aubury quantiles gives the tail index. */
export type TailIndexPair = "p90p95" | "p95p99" | "p99p999";

const PAIRS: Record<TailIndexPair, { a: number; b: number; qa: "p90" | "p95" | "p99"; qb: "p95" | "p99" | "p999" }> = {
  p90p95: { a: 0.9, b: 0.95, qa: "p90", qb: "p95" },
  p95p99: { a: 0.95, b: 0.99, qa: "p95", qb: "p99" },
  p99p999: { a: 0.99, b: 0.999, qa: "p99", qb: "p999" },
};

/** Input of {@link fitMainnet}; everything optional. */
export interface FitMainnetOptions {
  /** The published statistics (default: data/mev-boost-payments.json via `mainnetStatistics()`). */
  statistics?: MainnetStatistics;
  /** Tail mass w in (0, 1) (default 0.05). */
  tailMass?: number;
  /** Tail index α > 0; overrides `alphaFrom`. */
  alpha?: number;
  /** Aubury quantile pair for α when `alpha` is not given (default "p90p95"). */
  alphaFrom?: TailIndexPair;
  /** Body location: "median" (m = ln median, default) or "quartiles" (log-midpoint of P25 and P75). */
  location?: "median" | "quartiles";
  /** Optional cap on the tail (> threshold). */
  cap?: number;
}

/** One line of the fitted-versus-published table. */
export interface FitRow {
  statistic: string;
  published: number;
  fitted: number;
  /** fitted/published − 1. */
  relativeError: number;
  /** The statistic's id in data/mev-boost-payments.json (or the ids a ratio is made of). */
  source: string;
  /** Whether the statistic was used to fit (true) or is an out-of-sample comparison (false). */
  usedInFit: boolean;
}

/** The result of {@link fitMainnet}. */
export interface MainnetFit {
  model: MainnetReward;
  /** The parameters, ready for `rewards.mainnet(...)`. */
  options: Required<Omit<MainnetOptions, "cap" | "knee" | "alphaFar">> & { cap?: number };
  table: FitRow[];
  /** The fitting steps, in words, with the numbers used. */
  method: string[];
}

/** Input of {@link tailIndexFromQuantiles}: two probability levels a < b and their quantiles. */
export interface TailIndexOptions {
  a: number;
  b: number;
  qa: number;
  qb: number;
}

/** One fit-table row: relativeError = fitted/published − 1. */
export function fitRow(
  statistic: string,
  published: number,
  fitted: number,
  source: string,
  usedInFit: boolean,
): FitRow {
  return { statistic, published, fitted, relativeError: fitted / published - 1, source, usedInFit };
}

/**
 * The Pareto tail index implied by two quantiles: ln((1 − a)/(1 − b))/ln(q_b/q_a).
 *
 * @example
 * tailIndexFromQuantiles({ a: 0.9, b: 0.95, qa: 0.05, qb: 0.09 }); // → 1.17925
 */
export function tailIndexFromQuantiles(options: TailIndexOptions): number {
  validate.knownKeys("tailIndexFromQuantiles options", options ?? {}, ["a", "b", "qa", "qb"]);
  const { a, b, qa, qb } = options;
  validate.inOpenRange("a", a, 0, 1);
  validate.inOpenRange("b", b, a, 1);
  validate.positive("qa", qa);
  validate.positive("qb", qb);
  if (!(qb > qa)) throw new RangeError(`qb must be > qa (= ${qa}); received ${qb}`);
  return Math.log((1 - a) / (1 - b)) / Math.log(qb / qa);
}

/**
 * Fits the composite to published statistics and tabulates fitted against published values.
 *
 * @example
 * fitMainnet({ cap: 691.96 }).model.mean; // → 0.109939
 */
export function fitMainnet(options: FitMainnetOptions = {}): MainnetFit {
  validate.knownKeys("fitMainnet options", options ?? {}, [
    "statistics",
    "tailMass",
    "alpha",
    "alphaFrom",
    "location",
    "cap",
  ]);
  const { tailMass = 0.05, alphaFrom = "p90p95", location = "median", cap } = options ?? {};
  const stats = options?.statistics ?? mainnetStatistics();
  validate.inOpenRange("tailMass", tailMass, 0, 1);
  validate.oneOf("alphaFrom", alphaFrom, Object.keys(PAIRS) as TailIndexPair[]);
  validate.oneOf("location", location, ["median", "quartiles"]);
  const { p25, p75, median } = stats.ephema;
  validate.positive("statistics.ephema.p25", p25);
  if (!(p75 > p25)) throw new RangeError(`statistics.ephema.p75 must be > p25 (= ${p25}); received ${p75}`);

  const sdLog = Math.log(p75 / p25) / (2 * NORMAL_Q75);
  const meanLog =
    location === "median"
      ? Math.log(validate.positive("statistics.ephema.median", median))
      : (Math.log(p25) + Math.log(p75)) / 2;
  const pair = PAIRS[alphaFrom];
  const alpha =
    options?.alpha !== undefined
      ? validate.positive("alpha", options.alpha)
      : tailIndexFromQuantiles({ a: pair.a, b: pair.b, qa: stats.aubury[pair.qa], qb: stats.aubury[pair.qb] });
  const model = new MainnetReward({ meanLog, sdLog, tailMass, alpha, cap });

  const row = fitRow;
  const q = (p: number) => model.quantile(p);
  const table: FitRow[] = [
    row("P25", p25, q(0.25), "ephema.p25", true),
    row("median", median, q(0.5), "ephema.median", location === "median"),
    row("P75", p75, q(0.75), "ephema.p75", true),
    row("mean", stats.ephema.mean, model.mean, "ephema.mean", false),
    row("sd", stats.ephema.sd, Math.sqrt(model.variance), "ephema.sd", false),
    row(
      "P99.99 (EL reward, all blocks)",
      stats.blockscholes.elRewardP9999,
      q(0.9999),
      "blockscholes.elRewardP9999",
      false,
    ),
    row(
      "P95/P90 (tail shape)",
      stats.aubury.p95 / stats.aubury.p90,
      q(0.95) / q(0.9),
      "aubury.p95/aubury.p90",
      alphaFrom === "p90p95" && options?.alpha === undefined,
    ),
    row(
      "P99/P95 (tail shape)",
      stats.aubury.p99 / stats.aubury.p95,
      q(0.99) / q(0.95),
      "aubury.p99/aubury.p95",
      alphaFrom === "p95p99" && options?.alpha === undefined,
    ),
    row(
      "P99.9/P99 (tail shape)",
      stats.aubury.p999 / stats.aubury.p99,
      q(0.999) / q(0.99),
      "aubury.p999/aubury.p99",
      alphaFrom === "p99p999" && options?.alpha === undefined,
    ),
  ];
  const method = [
    `body: s = ln(P75/P25)/(2·0.6745) = ln(${p75}/${p25})/1.349 = ${sdLog.toFixed(4)}`,
    location === "median"
      ? `body: m = ln(median) = ln(${median}) = ${meanLog.toFixed(4)}`
      : `body: m = (ln P25 + ln P75)/2 = ${meanLog.toFixed(4)}`,
    `tail: mass w = ${tailMass}; threshold u = body quantile at 1 − w = ${model.threshold.toFixed(4)} ETH`,
    options?.alpha !== undefined
      ? `tail: α = ${alpha} (given)`
      : `tail: α = ln((1 − ${pair.a})/(1 − ${pair.b}))/ln(${pair.qb}/${pair.qa}) from Aubury = ${alpha.toFixed(4)}`,
    cap === undefined
      ? "no cap: Var(R) = ∞ for α ≤ 2"
      : `cap c = ${cap} ETH: the tail is truncated (renormalised) at c`,
  ];
  return {
    model,
    options: { meanLog, sdLog, tailMass, alpha, threshold: model.threshold, ...(cap === undefined ? {} : { cap }) },
    table,
    method,
  };
}
