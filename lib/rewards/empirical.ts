/**
 * Empirical rewards: resampling with replacement from a column of observed values (the
 * nonparametric bootstrap distribution). Its moments are those of the column with divisor N,
 * because they are the exact moments of the resampling distribution.
 */
import type { Rng } from "../random/rng";
import * as validate from "../validate";
import type { RewardDistribution } from "./reward-model";
import { short } from "./format";

/**
 * Draws uniformly from a fixed set of values (one uniform and one array read per draw).
 *
 * @example
 * new EmpiricalReward([0.05, 0.1, 0.3]).mean; // → 0.15
 */
export class EmpiricalReward implements RewardDistribution {
  readonly name: string;
  readonly mean: number;
  readonly variance: number;
  readonly secondMoment: number;
  readonly params: Readonly<Record<string, number | string>>;
  /** The values, in the given order. */
  readonly values: Float64Array;
  private sorted: Float64Array | undefined;

  constructor(values: ArrayLike<number>) {
    if (values == null || typeof values.length !== "number") {
      throw new RangeError(`values must be a non-empty array of finite numbers ≥ 0; received ${String(values)}`);
    }
    const list = validate.finiteArray("values", Array.from(values));
    list.forEach((v, i) => validate.nonNegative(`values[${i}]`, v));
    this.values = Float64Array.from(list);
    const n = list.length;
    // Σ v/n rather than (Σ v)/n: the sum of large finite values may overflow, their mean does not.
    let mean = 0;
    for (const v of list) mean += v / n;
    let squares = 0;
    let residual = 0;
    for (const v of list) {
      squares += (v - mean) * (v - mean);
      residual += v - mean;
    }
    this.mean = mean;
    this.variance = Math.max(0, (squares - (residual * residual) / n) / n);
    this.secondMoment = this.variance + mean * mean;
    this.name = `empirical(N=${n}, mean=${short(mean)})`;
    this.params = Object.freeze({ family: "empirical", count: n, mean });
  }

  sample(rng: Rng): number {
    const n = this.values.length;
    const i = Math.floor(rng.next() * n);
    return this.values[i < n ? i : n - 1];
  }

  private sortedValues(): Float64Array {
    if (this.sorted === undefined) this.sorted = Float64Array.from(this.values).sort();
    return this.sorted;
  }

  /** Fraction of values ≤ x. */
  cdf(x: number): number {
    const s = this.sortedValues();
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo / s.length;
  }

  /** The ⌈pN⌉-th smallest value (the exact quantile of the resampling distribution); p = 0 gives the minimum. */
  quantile(p: number): number {
    validate.inRange("p", p, 0, 1);
    const s = this.sortedValues();
    return s[Math.max(0, Math.ceil(p * s.length) - 1)];
  }
}
