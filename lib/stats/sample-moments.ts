/** Two-pass moments of a finished array (more accurate than one pass for big offsets). */
import * as validate from "../validate";

function checkValues(values: ArrayLike<number>, minimum: number): void {
  if (values == null || typeof values.length !== "number" || values.length < minimum) {
    throw new RangeError(
      `values must be an array of at least ${minimum} number${minimum === 1 ? "" : "s"}; received ${
        values == null ? String(values) : `length ${values.length}`
      }`,
    );
  }
}

/**
 * Arithmetic mean of a non-empty array.
 *
 * @example
 * meanOf([1, 2, 3, 4]); // → 2.5
 */
export function meanOf(values: ArrayLike<number>): number {
  checkValues(values, 1);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/**
 * Sample median of a non-empty array: the middle value, or the mean of the two middle values of an
 * even count. NaN is refused (it has no place in an order).
 *
 * @example
 * medianOf([4, 1, 3, 2]); // → 2.5
 */
export function medianOf(values: ArrayLike<number>): number {
  checkValues(values, 1);
  const sorted = Float64Array.from(values).sort();
  if (sorted.some(Number.isNaN)) throw new RangeError("values must not contain NaN (a median needs an order)");
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Unbiased sample variance Σ(x − x̄)²/(N − 1) of at least two values (two-pass, compensated).
 *
 * @example
 * varianceOf([1, 2, 3, 4]); // → 1.66667
 */
export function varianceOf(values: ArrayLike<number>): number {
  checkValues(values, 2);
  const mean = meanOf(values);
  let sum2 = 0;
  let sum1 = 0;
  for (let i = 0; i < values.length; i++) {
    const e = values[i] - mean;
    sum2 += e * e;
    sum1 += e;
  }
  // Subtracting sum1²/N removes the rounding error of the mean (Chan, Golub & LeVeque 1983).
  return (sum2 - (sum1 * sum1) / values.length) / (values.length - 1);
}

/** Input of {@link autocorrelation}. */
export interface AutocorrelationOptions {
  /** The series (at least maxLag + 2 values). */
  series: ArrayLike<number>;
  /** Largest lag (integer ≥ 0). */
  maxLag: number;
}

/**
 * Sample autocorrelations r_0..r_maxLag with the standard (biased, positive-definite) estimator
 * r_k = Σ_{t<N−k} (x_t − x̄)(x_{t+k} − x̄) / Σ (x_t − x̄)².
 *
 * @example
 * autocorrelation({ series: [1, 2, 1, 2, 1, 2], maxLag: 1 })[1]; // → -0.833333
 */
export function autocorrelation(options: AutocorrelationOptions): number[] {
  validate.knownKeys("autocorrelation options", options ?? {}, ["series", "maxLag"]);
  const { series, maxLag } = options;
  validate.integer("maxLag", maxLag, 0);
  checkValues(series, maxLag + 2);
  const n = series.length;
  const mean = meanOf(series);
  const centred = new Float64Array(n);
  for (let i = 0; i < n; i++) centred[i] = series[i] - mean;
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += centred[i] * centred[i];
  const result: number[] = [];
  for (let k = 0; k <= maxLag; k++) {
    let ck = 0;
    for (let i = 0; i + k < n; i++) ck += centred[i] * centred[i + k];
    result.push(ck / c0);
  }
  return result;
}
