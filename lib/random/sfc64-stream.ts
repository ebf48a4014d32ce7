/**
 * sfc64 (Chris Doty-Humphrey's Small Fast Chaotic generator, 64-bit version, as in PractRand and
 * numpy's SFC64): the generator of engine version 2 of the ticket sampler (see
 * lib/sim/engine-version.ts). One step gives 64 bits, enough for a whole ziggurat draw (8 bits of
 * layer, 53 of position), where sfc32 needs two steps.
 *
 * State: 64-bit words a, b, c and a counter w. One step:
 *
 *   out = a + b + w;  w += 1;  a = b ^ (b >> 11);  b = c + (c << 3);  c = rotl(c, 24) + out
 *
 * JavaScript has no 64-bit integers that V8 keeps unboxed, so this reference holds each word as two
 * int32 halves; the WebAssembly kernels (lib/wasm/assembly/sfc64.ts) use native i64 and must give
 * the same outputs (test/lib-sim-engine-version.test.ts checks this one against numpy's SFC64 and
 * a BigInt transcription; test/lib-wasm-engine.test.ts the kernels against this one).
 *
 * Seeding: a, b, c from six words of the stream's name (deriveWideStateWords), w = 1, then 12
 * steps discarded, as the generator's author recommends.
 */
import type { Rng } from "./rng";
import { deriveWideStateWords, validatePathElement, type PathElement } from "./seed-derivation";

const TWO_POW_20 = 1048576;
const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_52 = 2.220446049250313e-16;
/** Steps discarded after seeding. */
const WARM_UP_STEPS = 12;

/** The 8 int32 words of a state: [aHigh, aLow, bHigh, bLow, cHigh, cLow, wHigh, wLow]. */
export const SFC64_STATE_WORDS = 8;

/**
 * A seeded, named sfc64 stream. `step()` advances it and leaves the 64-bit output in `high` and
 * `low` (unsigned 32-bit halves); `next()` is a uniform on (0, 1) from its top 52 bits.
 *
 * @example
 * const s = new Sfc64Stream(1, ["chunk", 0]);
 * s.next() === new Sfc64Stream(1, ["chunk", 0]).next(); // → true
 */
export class Sfc64Stream implements Rng {
  // Numbers from the start so V8 keeps the fields unboxed (see random-stream.ts).
  private aHigh = 0;
  private aLow = 0;
  private bHigh = 0;
  private bLow = 0;
  private cHigh = 0;
  private cLow = 0;
  private wHigh = 0;
  private wLow = 0;
  /** High 32 bits of the last output (unsigned). */
  high = 0;
  /** Low 32 bits of the last output (unsigned). */
  low = 0;
  readonly seed: number | string;
  readonly path: readonly PathElement[];

  /** The stream named (seed, path), or the given 8-word state (see {@link SFC64_STATE_WORDS}). */
  constructor(seed: number | string, path: readonly PathElement[] = [], state?: ArrayLike<number>) {
    path.forEach(validatePathElement);
    this.seed = seed;
    this.path = Object.freeze(path.slice());
    if (state !== undefined) {
      this.load(state);
      return;
    }
    const [aHigh, aLow, bHigh, bLow, cHigh, cLow] = deriveWideStateWords(seed, path);
    this.load([aHigh, aLow, bHigh, bLow, cHigh, cLow, 0, 1]);
    for (let i = 0; i < WARM_UP_STEPS; i++) this.step();
  }

  /** One step: the output's halves in `high` and `low`. */
  step(): void {
    const aLow = this.aLow >>> 0;
    const bHigh = this.bHigh;
    const bLow = this.bLow >>> 0;
    const cHigh = this.cHigh;
    const cLow = this.cLow >>> 0;
    const wLow = this.wLow >>> 0;
    // out = a + b + w, with the carries of the low halves.
    const abLow = aLow + bLow;
    const outLowWide = (abLow >>> 0) + wLow;
    const carries = (abLow >= TWO_POW_32 ? 1 : 0) + (outLowWide >= TWO_POW_32 ? 1 : 0);
    const outHigh = (this.aHigh + bHigh + this.wHigh + carries) | 0;
    const outLow = outLowWide >>> 0;
    // w += 1
    const nextWLow = wLow + 1;
    this.wLow = nextWLow | 0;
    if (nextWLow >= TWO_POW_32) this.wHigh = (this.wHigh + 1) | 0;
    // a = b ^ (b >> 11)
    this.aHigh = bHigh ^ (bHigh >>> 11);
    this.aLow = bLow ^ ((bLow >>> 11) | (bHigh << 21));
    // b = c + (c << 3)
    const shiftedLow = (cLow << 3) >>> 0;
    const sumLow = cLow + shiftedLow;
    this.bHigh = (cHigh + ((cHigh << 3) | (cLow >>> 29)) + (sumLow >= TWO_POW_32 ? 1 : 0)) | 0;
    this.bLow = sumLow | 0;
    // c = rotl(c, 24) + out
    const rotHigh = (cHigh << 24) | (cLow >>> 8);
    const rotLow = ((cLow << 24) | (cHigh >>> 8)) >>> 0;
    const cSumLow = rotLow + outLow;
    this.cHigh = (rotHigh + outHigh + (cSumLow >= TWO_POW_32 ? 1 : 0)) | 0;
    this.cLow = cSumLow | 0;
    this.high = outHigh >>> 0;
    this.low = outLow;
  }

  /**
   * Uniform on the open interval (0, 1): (k + 1/2)·2^−52 with k the output's top 52 bits (52, not
   * 53, so that k + 1/2 is exact and the largest value is 1 − 2^−53, never 1). One step.
   */
  next(): number {
    this.step();
    return (this.high * TWO_POW_20 + (this.low >>> 12) + 0.5) * TWO_POW_MINUS_52;
  }

  /** The output's high 32 bits, unsigned. One step. */
  nextU32(): number {
    this.step();
    return this.high;
  }

  /** Copies the state into `words` (8 int32, for the WebAssembly kernels, which continue the stream). */
  saveState(words: Int32Array): void {
    words[0] = this.aHigh;
    words[1] = this.aLow;
    words[2] = this.bHigh;
    words[3] = this.bLow;
    words[4] = this.cHigh;
    words[5] = this.cLow;
    words[6] = this.wHigh;
    words[7] = this.wLow;
  }

  /** Continues from the state in `words` (after a WebAssembly kernel drew from the stream). */
  loadState(words: Int32Array): void {
    this.load(words);
  }

  private load(words: ArrayLike<number>): void {
    this.aHigh = words[0] | 0;
    this.aLow = words[1] | 0;
    this.bHigh = words[2] | 0;
    this.bLow = words[3] | 0;
    this.cHigh = words[4] | 0;
    this.cLow = words[5] | 0;
    this.wHigh = words[6] | 0;
    this.wLow = words[7] | 0;
  }
}
