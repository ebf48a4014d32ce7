/**
 * Named, independent random streams from one master seed (numpy SeedSequence-style spawning).
 *
 *   rng(42)                         the root stream of seed 42
 *   rng(42, "sweep", 3, "rep", 0)   a child stream, identical in every process and worker
 *   streams(42).child("sweep").rng(3, "rep", 0)   the same stream, reached step by step
 *   spawn(rng(42, "sweep"), 3)      the stream ["sweep", 3]
 *
 * A stream's numbers depend only on (seed, path): never on other streams, on how many numbers a
 * parent drew, or on the order in which streams are created. See seed-derivation.ts for the hash.
 */
import { RandomStream } from "./random-stream";
import { validatePathElement, type PathElement } from "./seed-derivation";
import * as validate from "../validate";

/**
 * The stream named `path` under the master `seed` (a finite number or a non-empty string; path
 * elements are strings or finite numbers).
 *
 * @example
 * rng(42, "demo", "a").next(); // → 0.325178
 * rng(42, "demo", "a").next() === rng(42, "demo", "a").next(); // → true
 */
export function rng(seed: number | string, ...path: PathElement[]): RandomStream {
  validate.seed(seed);
  path.forEach(validatePathElement);
  return new RandomStream(seed, path);
}

/**
 * A node of the stream tree: a (seed, path) that names streams below it without drawing.
 *
 * @example
 * const tree = streams(42).child("sweep");
 * tree.rng(3).next() === rng(42, "sweep", 3).next(); // → true
 */
export class StreamTree {
  readonly seed: number | string;
  readonly path: readonly PathElement[];

  constructor(seed: number | string, path: readonly PathElement[] = []) {
    validate.seed(seed);
    path.forEach(validatePathElement);
    this.seed = seed;
    this.path = Object.freeze(path.slice());
  }

  /** The stream at this node's path followed by `names` (this node's own stream if none). */
  rng(...names: PathElement[]): RandomStream {
    return rng(this.seed, ...this.path, ...names);
  }

  /** The subtree at this node's path followed by `names`. */
  child(...names: PathElement[]): StreamTree {
    return new StreamTree(this.seed, [...this.path, ...names]);
  }
}

/**
 * The root of the stream tree of a master seed: `streams(seed).rng(...path)` = `rng(seed, ...path)`.
 *
 * @example
 * streams(42).child("sweep").rng(3, "rep", 0).next() === rng(42, "sweep", 3, "rep", 0).next(); // → true
 */
export function streams(seed: number | string): StreamTree {
  return new StreamTree(seed);
}

/**
 * The child stream `parent.path + names` of a stream or tree node. It depends only on the
 * parent's identity, not on what the parent has drawn.
 *
 * @example
 * spawn(rng(42, "sweep"), 3).next() === rng(42, "sweep", 3).next(); // → true
 */
export function spawn(parent: RandomStream | StreamTree, ...names: PathElement[]): RandomStream {
  if (!(parent instanceof RandomStream) && !(parent instanceof StreamTree)) {
    throw new RangeError(`parent must be a RandomStream or a StreamTree; received ${String(parent)}`);
  }
  if (names.length === 0) throw new RangeError("names must be at least one path element; received none");
  return rng(parent.seed, ...parent.path, ...names);
}
