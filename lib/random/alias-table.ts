/**
 * Categorical sampling in O(1) per draw by Walker's alias method, built with Vose's (1991)
 * numerically stable construction: each of the k columns holds probability `keep[i]` of its own
 * index and the rest of one alias.
 */
import type { Rng } from "./rng";
import * as validate from "../validate";

/** Input of {@link AliasTable}. */
export interface AliasTableOptions {
  /** Non-negative finite weights (not necessarily normalised) with a positive sum. */
  weights: ArrayLike<number>;
}

/**
 * Draws index i with probability weights[i] / Σ weights.
 *
 * @example
 * new AliasTable({ weights: [0.5, 0.3, 0.2] }).sample(rng(1, "example")); // → 1
 */
export class AliasTable {
  /** Number of categories. */
  readonly size: number;
  private readonly keep: Float64Array;
  private readonly alias: Int32Array;
  private readonly probabilities: Float64Array;

  constructor({ weights }: AliasTableOptions) {
    const list = validate.finiteArray("weights", Array.from(weights ?? []));
    list.forEach((w, i) => validate.nonNegative(`weights[${i}]`, w));
    const total = list.reduce((s, w) => s + w, 0);
    validate.positive("sum of weights", total);
    const k = list.length;
    this.size = k;
    this.probabilities = Float64Array.from(list, (w) => w / total);
    this.keep = new Float64Array(k);
    this.alias = new Int32Array(k);
    const scaled = Float64Array.from(this.probabilities, (p) => p * k);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((s, i) => (s < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.keep[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    // Leftovers are 1 up to rounding.
    for (const i of large) {
      this.keep[i] = 1;
      this.alias[i] = i;
    }
    for (const i of small) {
      this.keep[i] = 1;
      this.alias[i] = i;
    }
  }

  /** P(index = i). */
  probability(i: number): number {
    validate.integer("i", i, 0, this.size - 1);
    return this.probabilities[i];
  }

  /** One index in [0, size). */
  sample(rng: Rng): number {
    const scaled = rng.next() * this.size;
    const column = Math.min(Math.floor(scaled), this.size - 1);
    return scaled - column < this.keep[column] ? column : this.alias[column];
  }
}

/**
 * A uniform index in [0, size) (size an integer ≥ 1, not validated: hot path).
 *
 * @example
 * uniformIndex(rng(1, "example"), 10); // → 3
 */
export function uniformIndex(rng: Rng, size: number): number {
  const i = Math.floor(rng.next() * size);
  return i < size ? i : size - 1;
}
