/**
 * Streaming moments in one pass: Welford's update extended to the third and fourth central
 * moments (Pébay 2008, "Formulas for robust, one-pass parallel computation of covariances and
 * arbitrary-order statistical moments"; Terriberry's form). `merge` combines two accumulators
 * exactly, so chunks computed on different workers give the same moments as one pass
 * (up to rounding).
 */
import { makeEstimate, type Estimate } from "./estimate";
import * as validate from "../validate";

/** A RunningStats accumulator as a plain object (for worker messages and JSON). */
export interface RunningStatsState {
  count: number;
  mean: number;
  /** Σ (x − mean)². */
  m2: number;
  /** Σ (x − mean)³. */
  m3: number;
  /** Σ (x − mean)⁴. */
  m4: number;
  min: number;
  max: number;
}

/**
 * Streaming count, mean, variance, skewness, kurtosis and their standard errors.
 *
 * @example
 * const stats = new RunningStats().pushAll([1, 2, 3, 4]);
 * stats.mean; // → 2.5
 * stats.variance; // → 1.66667
 */
export class RunningStats {
  // Numeric initialisers keep V8's field representation unboxed (see random-stream.ts).
  private n = 0;
  private mu = 0;
  private s2 = 0;
  private s3 = 0;
  private s4 = 0;
  private lo = Infinity;
  private hi = -Infinity;

  /** Adds one observation (any finite or infinite number; NaN propagates). */
  push(x: number): this {
    const n1 = this.n;
    const n = n1 + 1;
    const delta = x - this.mu;
    const deltaN = delta / n;
    const deltaN2 = deltaN * deltaN;
    const term1 = delta * deltaN * n1;
    this.mu += deltaN;
    this.s4 += term1 * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * this.s2 - 4 * deltaN * this.s3;
    this.s3 += term1 * deltaN * (n - 2) - 3 * deltaN * this.s2;
    this.s2 += term1;
    this.n = n;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    return this;
  }

  /** Adds every value of an array. */
  pushAll(values: ArrayLike<number>): this {
    for (let i = 0; i < values.length; i++) this.push(values[i]);
    return this;
  }

  /** Folds another accumulator into this one (Chan et al. / Pébay pairwise update). */
  merge(other: RunningStats): this {
    const a = this.state();
    const b = other.state();
    if (b.count === 0) return this;
    if (a.count === 0) return this.restore(b);
    const n = a.count + b.count;
    const delta = b.mean - a.mean;
    const d2 = delta * delta;
    const na = a.count;
    const nb = b.count;
    this.mu = a.mean + (delta * nb) / n;
    this.s4 =
      a.m4 +
      b.m4 +
      (d2 * d2 * na * nb * (na * na - na * nb + nb * nb)) / (n * n * n) +
      (6 * d2 * (na * na * b.m2 + nb * nb * a.m2)) / (n * n) +
      (4 * delta * (na * b.m3 - nb * a.m3)) / n;
    this.s3 = a.m3 + b.m3 + (d2 * delta * na * nb * (na - nb)) / (n * n) + (3 * delta * (na * b.m2 - nb * a.m2)) / n;
    this.s2 = a.m2 + b.m2 + (d2 * na * nb) / n;
    this.n = n;
    this.lo = Math.min(a.min, b.min);
    this.hi = Math.max(a.max, b.max);
    return this;
  }

  /** Number of observations. */
  get count(): number {
    return this.n;
  }
  /** Sample mean (NaN when empty). */
  get mean(): number {
    return this.n > 0 ? this.mu : NaN;
  }
  /** Unbiased sample variance Σ(x − x̄)²/(N − 1) (NaN below two observations). */
  get variance(): number {
    return this.n > 1 ? this.s2 / (this.n - 1) : NaN;
  }
  /** Sample standard deviation √variance. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }
  /** Standard error of the mean, √(variance/N). */
  get stderr(): number {
    return Math.sqrt(this.variance / this.n);
  }
  /** Central moment m_k = Σ(x − x̄)^k / N for k = 2, 3, 4. */
  centralMoment(k: 2 | 3 | 4): number {
    validate.integer("k", k, 2, 4);
    const sum = k === 2 ? this.s2 : k === 3 ? this.s3 : this.s4;
    return this.n > 0 ? sum / this.n : NaN;
  }
  /**
   * Asymptotic standard error of the sample variance, √((m4 − m2²)/N): for normal data about
   * variance·√(2/N); for heavy tails it is large and itself unreliable.
   */
  get varianceStderr(): number {
    if (this.n < 2) return NaN;
    const m2 = this.s2 / this.n;
    const m4 = this.s4 / this.n;
    return Math.sqrt(Math.max(0, m4 - m2 * m2) / this.n);
  }
  /** Sample skewness m3 / m2^(3/2). */
  get skewness(): number {
    const m2 = this.s2 / this.n;
    return this.s3 / this.n / (m2 * Math.sqrt(m2));
  }
  /** Sample kurtosis m4 / m2² (not excess: 3 for a normal). */
  get kurtosis(): number {
    const m2 = this.s2 / this.n;
    return this.s4 / this.n / (m2 * m2);
  }
  /** Smallest observation (Infinity when empty). */
  get min(): number {
    return this.lo;
  }
  /** Largest observation (−Infinity when empty). */
  get max(): number {
    return this.hi;
  }
  /** mean ± 1.96·stderr. */
  get ci95(): [number, number] {
    return this.estimate().ci95;
  }
  /** The mean as an {@link Estimate}. */
  estimate(): Estimate {
    return makeEstimate({ mean: this.mean, stderr: this.stderr, count: this.n });
  }
  /** The variance as an {@link Estimate} (stderr = varianceStderr). */
  varianceEstimate(): Estimate {
    return makeEstimate({ mean: this.variance, stderr: this.varianceStderr, count: this.n });
  }

  /** The accumulator as a plain object. */
  state(): RunningStatsState {
    return { count: this.n, mean: this.mu, m2: this.s2, m3: this.s3, m4: this.s4, min: this.lo, max: this.hi };
  }

  private restore(s: RunningStatsState): this {
    this.n = s.count;
    this.mu = s.mean;
    this.s2 = s.m2;
    this.s3 = s.m3;
    this.s4 = s.m4;
    this.lo = s.min;
    this.hi = s.max;
    return this;
  }

  /** An accumulator from a {@link RunningStatsState} (e.g. received from a worker). */
  static fromState(state: RunningStatsState): RunningStats {
    validate.integer("state.count", state?.count, 0);
    return new RunningStats().restore(state);
  }

  /** An accumulator over all of `values`. */
  static of(values: ArrayLike<number>): RunningStats {
    return new RunningStats().pushAll(values);
  }
}
