/**
 * Fast discount factors x^t = (1+d)^(−t) for integer t, without a transcendental call per use.
 * Two tables of 4096 entries each cover t < 2^24 as x^t = high[t >> 12] · low[t & 4095]
 * (two correctly rounded factors: relative error ≤ 2 ulp); larger t fall back to exp.
 * Both tables together are 64 KiB, so they stay in cache in the hot loops.
 */
import * as validate from "../validate";

const LOW_BITS = 12;
const LOW_SIZE = 1 << LOW_BITS;
const LOW_MASK = LOW_SIZE - 1;
/** First t that is not tabulated: 2^24. */
const TABLE_LIMIT = LOW_SIZE * LOW_SIZE;

/** Input of {@link DiscountTable}'s constructor. */
export interface DiscountTableOptions {
  /** Per-slot discount rate d > 0. */
  d: number;
  /**
   * Constant added to every exponent: factor(t) = x^(t + offset). Lets a caller fold a fixed shift
   * (e.g. T = 1 + t for a geometric counted from 0, plus a lookahead) into the table for free.
   */
  offset?: number;
}

/**
 * Discount factors x^(t+offset) for integer t ≥ 0, tabulated (see the module comment).
 *
 * @example
 * const table = new DiscountTable({ d: 0.01 });
 * table.factor(100); // → 0.369711
 * table.factor(100) / Math.exp(-100 * Math.log1p(0.01)); // → 1
 */
export class DiscountTable {
  /** ln x = −ln(1+d). */
  readonly logFactor: number;
  readonly offset: number;
  /** low[i] = x^(i + offset) and high[i] = x^(4096·i) (read by the WebAssembly kernels). */
  readonly low: Float64Array;
  readonly high: Float64Array;

  constructor({ d, offset = 0 }: DiscountTableOptions) {
    validate.discountRate(d);
    validate.nonNegative("offset", offset);
    this.logFactor = -Math.log1p(d);
    this.offset = offset;
    this.low = new Float64Array(LOW_SIZE);
    this.high = new Float64Array(LOW_SIZE);
    for (let i = 0; i < LOW_SIZE; i++) {
      this.low[i] = Math.exp((i + offset) * this.logFactor);
      this.high[i] = Math.exp(i * LOW_SIZE * this.logFactor);
    }
  }

  /** x^(t + offset) for an integer t ≥ 0. */
  factor(t: number): number {
    if (t < TABLE_LIMIT) return this.high[t >>> LOW_BITS] * this.low[t & LOW_MASK];
    return Math.exp((t + this.offset) * this.logFactor);
  }
}

/** Tables kept by {@link sharedDiscountTable}, most recently used last. */
const SHARED = new Map<string, DiscountTable>();
const SHARED_LIMIT = 16;

/**
 * The same table as `new DiscountTable(options)`, kept for reuse: building one costs 8,192 calls of
 * Math.exp (~0.2 ms), as much as thousands of slots of a short run. The tables are never written
 * after construction, so sharing them changes no number. Keeps the 16 most recently used.
 *
 * @example
 * sharedDiscountTable({ d: 0.01 }) === sharedDiscountTable({ d: 0.01 }); // → true
 * sharedDiscountTable({ d: 0.01 }).factor(100); // → 0.369711
 */
export function sharedDiscountTable(options: DiscountTableOptions): DiscountTable {
  const key = `${options.d}/${options.offset ?? 0}`;
  let table = SHARED.get(key);
  if (table === undefined) {
    table = new DiscountTable(options);
    if (SHARED.size >= SHARED_LIMIT) SHARED.delete(SHARED.keys().next().value as string);
  } else {
    SHARED.delete(key);
  }
  SHARED.set(key, table);
  return table;
}
