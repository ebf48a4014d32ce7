/**
 * The library's one concrete generator: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator,
 * 32-bit version, from PractRand — the 32-bit sibling of numpy's SFC64). 128 bits of state of which
 * 32 are a counter, so every cycle is at least 2^32 long (about 2^127 on average); it has no known
 * failures in the PractRand and TestU01 batteries; it needs only adds, xors and shifts, which V8
 * compiles to int32 arithmetic. `next()` combines two 32-bit outputs into a 52-bit double.
 *
 * Every stream in the library is an instance of this one class, so hot loops that call
 * `rng.next()` see a single hidden class and V8 inlines the call (keep it that way: do not add
 * subclasses).
 */
import type { Rng } from "./rng";
import { deriveStateWords, validatePathElement, type PathElement } from "./seed-derivation";

const TWO_POW_26 = 67108864;
const TWO_POW_MINUS_52 = 2.220446049250313e-16;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
/** Rounds discarded after seeding so that similar seeds do not start with similar outputs. */
const WARM_UP_ROUNDS = 12;

/**
 * A seeded, named stream of uniform random numbers (see `rng` and `streams`).
 *
 * @example
 * rng(7, "x") instanceof RandomStream; // → true
 */
export class RandomStream implements Rng {
  // Initialised to 0 on purpose: a field declared without an initialiser starts as `undefined`
  // (ES2022 define semantics), which makes V8 box every later int32 store in a fresh heap number
  // (measured: 2–3× slower). Starting from a number keeps the fields unboxed-double/Smi.
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  /** The master seed this stream descends from. */
  readonly seed: number | string;
  /** The stream's name below the master seed, e.g. ["sweep", 3, "rep", 0]. */
  readonly path: readonly PathElement[];

  /**
   * Prefer `rng(seed, ...path)`, which calls this. The state is derived from (seed, path) unless
   * `state` (four int32 words, e.g. from `clone`) is given.
   */
  constructor(seed: number | string, path: readonly PathElement[] = [], state?: readonly number[]) {
    const fresh = state === undefined;
    const [a, b, c, d] = fresh ? deriveStateWords(seed, path) : state;
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    this.seed = seed;
    this.path = Object.isFrozen(path) ? path : Object.freeze(path.slice());
    if (fresh) for (let i = 0; i < WARM_UP_ROUNDS; i++) this.nextU32();
  }

  /**
   * Uniform on the open interval (0, 1) with 52 random bits: (k + 1/2)·2^−52 for a uniform
   * integer k < 2^52, so the smallest value is 2^−53, the largest 1 − 2^−53, and u and 1 − u are
   * equally likely. Costs two generator steps.
   */
  next(): number {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    let t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    const high = t >>> 6;
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return (high * TWO_POW_26 + (t >>> 6) + 0.5) * TWO_POW_MINUS_52;
  }

  /** 32 random bits as an unsigned integer in [0, 2^32). One generator step. */
  nextU32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /**
   * A cheaper uniform on (0, 1) with only 32 random bits ((k + 1/2)·2^−32): one generator step.
   * Fine for choices and acceptance tests; use `next()` where the fine structure near 0 or 1
   * matters (e.g. a geometric wait with n above ~1e8, or log(u) in a far tail).
   */
  next32(): number {
    return (this.nextU32() + 0.5) * TWO_POW_MINUS_32;
  }

  /** Copies the four state words into `words` (for the WebAssembly kernels, which continue the stream). */
  saveState(words: Int32Array): void {
    words[0] = this.a;
    words[1] = this.b;
    words[2] = this.c;
    words[3] = this.d;
  }

  /** Continues from the four state words in `words` (after a WebAssembly kernel drew from the stream). */
  loadState(words: Int32Array): void {
    this.a = words[0] | 0;
    this.b = words[1] | 0;
    this.c = words[2] | 0;
    this.d = words[3] | 0;
  }

  /** Fills `out` with `next()` draws and returns it (for block-wise vectorised use). */
  fill(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.next();
    return out;
  }

  /**
   * The child stream `path + names`. Like numpy's SeedSequence.spawn it depends only on this
   * stream's identity (seed and path), not on how many numbers this stream has drawn.
   */
  spawn(...names: PathElement[]): RandomStream {
    names.forEach((name, i) => validatePathElement(name, this.path.length + i));
    return new RandomStream(this.seed, [...this.path, ...names]);
  }

  /** An independent copy that continues with exactly the numbers this stream would draw next. */
  clone(): RandomStream {
    return new RandomStream(this.seed, this.path, [this.a, this.b, this.c, this.d]);
  }
}
