/**
 * Uniform pool positions in [0, n) for the market's hot loop. For n ≤ 2^21 one 32-bit draw u gives
 * the position ⌊u·n / 2^32⌋, made exactly uniform by Lemire's rejection (reject when the low 32
 * bits of u·n fall below 2^32 mod n: probability < n/2^32); u·n < 2^53 is exact in a double, and
 * the result is an int32, so V8 keeps it unboxed. Larger n use a 52-bit uniform (bias ≤ n/2^52).
 * `fill` is the block form the market engine uses: one block of 32-bit draws, the rare rejected
 * ones redrawn afterwards (so each position is still exactly uniform and independent).
 */
import type { RandomStream } from "../random";

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / TWO_POW_32;
/** Largest n drawn from 32 bits (u·n must stay below 2^53). */
const SMALL_LIMIT = 2 ** 21;
/** Initial size of the block scratch arrays (grown on demand). */
const INITIAL_BLOCK = 1024;

/** Draws uniform integers in [0, n). */
export class PositionSampler {
  readonly n: number;
  private readonly small: boolean;
  /** 2^32 mod n: low parts below it are rejected so every position has the same chance. */
  private readonly threshold: number;
  /** Raw draws of one block, and the indices of rejected ones. */
  private bits = new Float64Array(INITIAL_BLOCK);
  private rejected = new Int32Array(INITIAL_BLOCK);

  /** n: an integer 1 ≤ n ≤ 2^31 − 1 (validated by the caller). */
  constructor(n: number) {
    this.n = n;
    this.small = n <= SMALL_LIMIT;
    this.threshold = TWO_POW_32 % n;
  }

  /** One uniform position. */
  draw(stream: RandomStream): number {
    const n = this.n;
    if (this.small) {
      for (;;) {
        const m = stream.nextU32() * n;
        const high = (m * TWO_POW_MINUS_32) | 0;
        if (m - high * TWO_POW_32 >= this.threshold) return high;
      }
    }
    return Math.min(Math.floor(stream.next() * n), n - 1) | 0;
  }

  /**
   * out[0..count) = count independent uniform positions. Consumes the stream in another order than
   * `count` calls of `draw`: first one block of draws, then fresh draws for the rejected ones.
   */
  fill(stream: RandomStream, out: Int32Array, count: number): void {
    if (this.bits.length < count) {
      this.bits = new Float64Array(count);
      this.rejected = new Int32Array(count);
    }
    const bits = this.bits;
    const n = this.n;
    if (!this.small) {
      stream.fill(bits, count);
      for (let i = 0; i < count; i++) out[i] = Math.min(Math.floor(bits[i] * n), n - 1) | 0;
      return;
    }
    stream.fillU32(bits, count);
    const misses = this.acceptPositions(out, count);
    for (let j = 0; j < misses; j++) out[this.rejected[j]] = this.draw(stream);
  }

  /**
   * Positions ⌊u·n / 2^32⌋ from the block's 32-bit draws; records the rejected ones (Lemire) and
   * returns how many there are. No call in the loop, so V8 keeps it tight.
   */
  private acceptPositions(out: Int32Array, count: number): number {
    const bits = this.bits;
    const n = this.n;
    const threshold = this.threshold;
    const rejected = this.rejected;
    let misses = 0;
    for (let i = 0; i < count; i++) {
      const m = bits[i] * n;
      const high = (m * TWO_POW_MINUS_32) | 0;
      out[i] = high;
      if (m - high * TWO_POW_32 < threshold) rejected[misses++] = i;
    }
    return misses;
  }
}
