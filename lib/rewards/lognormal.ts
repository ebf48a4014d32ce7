/**
 * Lognormal rewards R = exp(m + s·Z), and constructors from the summary statistics that sources
 * publish (mean and median, quartiles, mean and coefficient of variation).
 */
import type { Rng } from "../random/rng";
import { normal } from "../random/normal";
import { normalCdf, normalQuantile } from "../stats/normal-distribution";
import * as validate from "../validate";
import type { RewardDistribution } from "./reward-model";
import { short } from "./format";

/** Φ⁻¹(3/4): the upper quartile of N(0, 1). */
export const NORMAL_Q75 = 0.6744897501960817;

/** Input of `rewards.lognormal`. */
export interface LognormalOptions {
  /** m = E[ln R] (finite). */
  meanLog: number;
  /** s = sd(ln R) (finite, ≥ 0; 0 gives the constant e^m). */
  sdLog: number;
}

/**
 * R = exp(m + s·Z): mean e^(m+s²/2), Var = (e^(s²) − 1)·e^(2m+s²), all moments finite.
 *
 * @example
 * new LognormalReward({ meanLog: -2.975, sdLog: 0.85 }).mean; // → 0.0732593
 */
export class LognormalReward implements RewardDistribution {
  readonly name: string;
  readonly mean: number;
  readonly variance: number;
  readonly secondMoment: number;
  readonly params: Readonly<Record<string, number | string>>;
  readonly meanLog: number;
  readonly sdLog: number;

  constructor(options: LognormalOptions) {
    validate.knownKeys("rewards.lognormal options", options ?? {}, ["meanLog", "sdLog"]);
    const { meanLog, sdLog } = options;
    validate.finite("meanLog", meanLog);
    validate.nonNegative("sdLog", sdLog);
    this.meanLog = meanLog;
    this.sdLog = sdLog;
    const s2 = sdLog * sdLog;
    this.mean = Math.exp(meanLog + s2 / 2);
    this.secondMoment = Math.exp(2 * meanLog + 2 * s2);
    this.variance = Math.expm1(s2) * Math.exp(2 * meanLog + s2);
    this.name = `lognormal(m=${short(meanLog)}, s=${short(sdLog)})`;
    this.params = Object.freeze({ family: "lognormal", meanLog, sdLog });
  }
  sample(rng: Rng): number {
    return Math.exp(this.meanLog + this.sdLog * normal(rng));
  }
  /** The median e^m. */
  get median(): number {
    return Math.exp(this.meanLog);
  }
  cdf(x: number): number {
    if (x <= 0) return 0;
    if (this.sdLog === 0) return x >= this.median ? 1 : 0;
    return normalCdf({ x: (Math.log(x) - this.meanLog) / this.sdLog });
  }
  quantile(p: number): number {
    validate.inRange("p", p, 0, 1);
    return Math.exp(this.meanLog + this.sdLog * normalQuantile({ p }));
  }
}

/** Input of `rewards.lognormalFromMeanMedian`. */
export interface LognormalFromMeanMedianOptions {
  /** E[R] (finite, ≥ median). */
  mean: number;
  /** Median of R (finite, > 0). */
  median: number;
}

/**
 * The lognormal with a given mean and median: m = ln median, s = √(2 ln(mean/median)).
 *
 * @example
 * rewards.lognormalFromMeanMedian({ mean: 2, median: 1 }).mean; // → 2
 */
export function lognormalFromMeanMedian(options: LognormalFromMeanMedianOptions): LognormalReward {
  validate.knownKeys("lognormalFromMeanMedian options", options ?? {}, ["mean", "median"]);
  const { mean, median } = options;
  validate.positive("median", median);
  validate.positive("mean", mean);
  if (mean < median) throw new RangeError(`mean must be ≥ median (= ${median}) for a lognormal; received ${mean}`);
  return new LognormalReward({ meanLog: Math.log(median), sdLog: Math.sqrt(2 * Math.log(mean / median)) });
}

/** Input of `rewards.lognormalFromQuartiles`. */
export interface LognormalFromQuartilesOptions {
  /** Lower quartile P25 (finite, > 0). */
  p25: number;
  /** Upper quartile P75 (finite, > p25). */
  p75: number;
  /** Optional median: if given, m = ln median; otherwise m = (ln P25 + ln P75)/2. */
  median?: number;
}

/**
 * The lognormal matching the interquartile ratio: s = ln(P75/P25)/(2·Φ⁻¹(3/4)); the location is
 * the median if given (../../docs/derivations/calibration.md#fits does this), else the log-midpoint of the quartiles.
 *
 * @example
 * rewards.lognormalFromQuartiles({ p25: 1, p75: 4 }).quantile(0.75); // → 4
 */
export function lognormalFromQuartiles(options: LognormalFromQuartilesOptions): LognormalReward {
  validate.knownKeys("lognormalFromQuartiles options", options ?? {}, ["p25", "p75", "median"]);
  const { p25, p75, median } = options;
  validate.positive("p25", p25);
  validate.positive("p75", p75);
  if (p75 <= p25) throw new RangeError(`p75 must be > p25 (= ${p25}); received ${p75}`);
  if (median !== undefined) {
    validate.positive("median", median);
    if (median <= p25 || median >= p75)
      throw new RangeError(`median must lie strictly between p25 and p75; received ${median}`);
  }
  const meanLog = median === undefined ? (Math.log(p25) + Math.log(p75)) / 2 : Math.log(median);
  return new LognormalReward({ meanLog, sdLog: Math.log(p75 / p25) / (2 * NORMAL_Q75) });
}

/** Input of `rewards.lognormalFromMeanCv`. */
export interface LognormalFromMeanCvOptions {
  /** E[R] (finite, > 0). */
  mean: number;
  /** Coefficient of variation sd/mean (finite, ≥ 0). */
  cv: number;
}

/**
 * The lognormal with a given mean and coefficient of variation: s² = ln(1 + cv²), m = ln mean − s²/2.
 *
 * @example
 * Math.sqrt(rewards.lognormalFromMeanCv({ mean: 2, cv: 3 }).variance); // → 6
 */
export function lognormalFromMeanCv(options: LognormalFromMeanCvOptions): LognormalReward {
  validate.knownKeys("lognormalFromMeanCv options", options ?? {}, ["mean", "cv"]);
  const { mean, cv } = options;
  validate.positive("mean", mean);
  validate.nonNegative("cv", cv);
  const s2 = Math.log1p(cv * cv);
  return new LognormalReward({ meanLog: Math.log(mean) - s2 / 2, sdLog: Math.sqrt(s2) });
}
