/**
 * Uniform pool positions in [0, n) for the market's hot loop. For n ≤ 2^21 one 32-bit draw u gives
 * the position ⌊u·n / 2^32⌋, made exactly uniform by Lemire's rejection (reject when the low 32
 * bits of u·n fall below 2^32 mod n: probability < n/2^32); u·n < 2^53 is exact in a double, and
 * the result is an int32, so V8 keeps it unboxed. Larger n use a 52-bit uniform (bias ≤ n/2^52).
 */
/** A stream with 32-bit draws: RandomStream (sfc32) or Sfc64Stream (its output's high 32 bits). */
export interface BitStream {
  next(): number;
  nextU32(): number;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / TWO_POW_32;
/** Largest n drawn from 32 bits (u·n must stay below 2^53). */
const SMALL_LIMIT = 2 ** 21;

/** Draws uniform integers in [0, n). */
export class PositionSampler {
  readonly n: number;
  /** n ≤ 2^21: positions from 32 bits by Lemire's method (else from a 52-bit uniform). */
  readonly small: boolean;
  /** 2^32 mod n: low parts below it are rejected so every position has the same chance. */
  readonly threshold: number;

  /** n: an integer 1 ≤ n ≤ 2^31 − 1 (validated by the caller). */
  constructor(n: number) {
    this.n = n;
    this.small = n <= SMALL_LIMIT;
    this.threshold = TWO_POW_32 % n;
  }

  /** One uniform position. */
  draw(stream: BitStream): number {
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
}
