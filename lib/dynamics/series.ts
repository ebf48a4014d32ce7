/**
 * Summing a series whose terms decay at least geometrically, with a rigorous stopping rule: the
 * caller supplies an upper bound on the absolute sum of all terms after t, and summation stops as
 * soon as that bound is below the tolerance. Used for the AR(1) sums, which have no closed form.
 */
import * as validate from "../validate";

/** Input of {@link sumDecayingSeries}. */
export interface DecayingSeriesOptions {
  /** The t-th term, t = 1, 2, …. */
  term: (t: number) => number;
  /** An upper bound on Σ_{t' > t} |term(t')| (finite, non-increasing in t). */
  tailBound: (t: number) => number;
  /** Absolute tolerance on the truncation error (> 0). */
  tolerance: number;
  /** Largest number of terms before giving up (the series decays too slowly to be summed). */
  maxTerms?: number;
  /** What is being summed, for the error message. */
  label: string;
}

/** Default cap on the number of terms (a lag-1 autocorrelation of 0.99999 still fits). */
export const DEFAULT_MAX_TERMS = 10_000_000;

/**
 * Σ_{t≥1} term(t), truncated at the first t whose tail bound is ≤ tolerance. Throws a RangeError
 * when maxTerms terms are not enough (e.g. an autocorrelation so close to 1 that the memory of the
 * process is effectively infinite).
 */
export function sumDecayingSeries(options: DecayingSeriesOptions): number {
  validate.knownKeys("sumDecayingSeries options", options ?? {}, [
    "term",
    "tailBound",
    "tolerance",
    "maxTerms",
    "label",
  ]);
  const { term, tailBound, tolerance, maxTerms = DEFAULT_MAX_TERMS, label } = options;
  let sum = 0;
  let compensation = 0; // Kahan summation: the terms change sign for negative autocorrelation
  for (let t = 1; t <= maxTerms; t++) {
    const y = term(t) - compensation;
    const next = sum + y;
    compensation = next - sum - y;
    sum = next;
    if (tailBound(t) <= tolerance) return sum;
  }
  throw new RangeError(`${label} did not converge within ${maxTerms} terms (the process's memory is too long to sum)`);
}
