/**
 * Standard exponential draws by the ziggurat (Marsaglia & Tsang 2000): about 98.9 % of draws
 * cost one uniform, a table look-up and a multiply — no logarithm.
 *
 * One 52-bit uniform u supplies both choices: the top 8 bits of 256·u pick the layer and the
 * remaining 44 bits (the fractional part, never 0) are the position inside it.
 */
import type { Rng } from "./rng";
import { EXPONENTIAL_TABLES, LAYERS } from "./ziggurat-tables";
import { RandomStream } from "./random-stream";
import * as validate from "../validate";

const { r: R, x: X, f: F, ratio: RATIO } = EXPONENTIAL_TABLES;

/** One draw from Exp(1) (mean 1): multiply by μ for mean μ. */
export function exponential(rng: Rng): number {
  const scaled = rng.next() * LAYERS;
  const layer = scaled | 0;
  const position = scaled - layer;
  if (position < RATIO[layer]) return position * X[layer];
  // Unary + keeps the result an unboxed double: without it V8 allocates a heap number per draw.
  return +exponentialEdge(rng, layer, position);
}

/** The rare cases: the tail beyond r (memoryless, so r + a fresh draw) or a layer's wedge. */
function exponentialEdge(rng: Rng, layer: number, position: number): number {
  if (layer === 0) return R + exponential(rng);
  const x = position * X[layer];
  if (F[layer] + rng.next() * (F[layer + 1] - F[layer]) < Math.exp(-x)) return x;
  return exponential(rng);
}

/** Draws per sub-block of {@link fillExponential}: the size of its scratch arrays. */
const FILL_BLOCK = 4096;
const rejectedIndex = new Int32Array(FILL_BLOCK);
const rejectedScaled = new Float64Array(FILL_BLOCK);

/**
 * Fills out[0..count) with independent Exp(1) draws times `scale`: the block form of
 * {@link exponential}, about twice as fast per draw. The rare draws outside a layer's
 * quick-acceptance region (~1.1 %) are set aside and finished after each sub-block of 4096, so the
 * fast loop contains no call (a call in it makes V8 spill the generator's state every iteration).
 *
 * The values have exactly the distribution of `exponential`, but the stream is consumed in another
 * order (one uniform per draw for a sub-block, drawn as one block by `RandomStream.fill`, then the
 * extra uniforms of the set-aside draws), so a fill and `count` single draws from the same stream
 * give different numbers.
 */
export function fillExponential(rng: Rng, out: Float64Array, count: number = out.length, scale = 1): void {
  validateBlock(out, count);
  validate.nonNegative("scale", scale);
  for (let start = 0; start < count; start += FILL_BLOCK) {
    const size = Math.min(count - start, FILL_BLOCK);
    const block = start === 0 ? out : out.subarray(start, start + size);
    fillUniform(rng, block, size);
    const rejected = acceptFast(block, size, scale);
    if (rejected > 0) finishRejected(rng, block, rejected, scale);
  }
}

/** out must be a Float64Array and count an integer in [0, out.length]. */
export function validateBlock(out: unknown, count: unknown): void {
  if (!(out instanceof Float64Array)) throw new RangeError(`out must be a Float64Array; received ${Object.prototype.toString.call(out)}`);
  validate.integer("count", count, 0, out.length);
}

/** Uniforms into out[0..count): the stream's own block fill when it has one (RandomStream does). */
function fillUniform(rng: Rng, out: Float64Array, count: number): void {
  if (rng instanceof RandomStream) rng.fill(out, count);
  else for (let i = 0; i < count; i++) out[i] = rng.next();
}

/**
 * Turns uniforms into draws where the quick test accepts (no call in the loop, so V8 keeps it
 * tight); records the others in the scratch arrays and returns how many there are.
 */
function acceptFast(block: Float64Array, count: number, scale: number): number {
  const x = X; // locals: module bindings cost a context load per use in the loop
  const ratio = RATIO;
  const index = rejectedIndex;
  const kept = rejectedScaled;
  let rejected = 0;
  for (let i = 0; i < count; i++) {
    const scaled = block[i] * LAYERS;
    const layer = scaled | 0;
    const position = scaled - layer;
    block[i] = position * x[layer] * scale;
    if (position >= ratio[layer]) {
      index[rejected] = i;
      kept[rejected] = scaled;
      rejected++;
    }
  }
  return rejected;
}

/** The set-aside draws, in index order: tail or wedge, with fresh uniforms from the stream. */
function finishRejected(rng: Rng, block: Float64Array, rejected: number, scale: number): void {
  for (let j = 0; j < rejected; j++) {
    const scaled = rejectedScaled[j];
    const layer = scaled | 0;
    block[rejectedIndex[j]] = exponentialEdge(rng, layer, scaled - layer) * scale;
  }
}

/** One draw from Exp(1) by inversion, −ln u: the slow reference the ziggurat is tested against. */
export function exponentialByInversion(rng: Rng): number {
  return -Math.log(rng.next());
}
