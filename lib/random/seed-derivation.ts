/**
 * Seed derivation: how a (seed, path) pair becomes the 128-bit starting state of a stream.
 *
 * Like numpy's SeedSequence, a child's state is a hash of its parent's identity, never of the
 * parent's draws, so `rng(seed, "sweep", 3)` is the same sequence in any process, worker or order.
 *
 * 1. The pair is written as a canonical key: the JSON text of ["execution-tickets/rng/v1", seed,
 *    ...path]. JSON keeps 42 and "42" apart and cannot confuse ("a,b") with ("a", "b").
 * 2. The key's UTF-8 bytes seed seedrandom's ARC4 (RC4-drop-256, the library's default generator).
 *    ARC4 uses the key bytes verbatim when they are at most 256; keys are valid JSON arrays, so no
 *    key is a proper prefix of another and no two keys give the same ARC4 state. Longer keys are
 *    first replaced by their SHA-256 digest, because seedrandom folds longer keys into 256 bytes.
 * 3. Four 32-bit words of ARC4 output are the state of the fast generator (see random-stream.ts);
 *    the 64-bit generator of engine version 2 takes six words of a key tagged
 *    "execution-tickets/rng64/v1" (see sfc64-stream.ts).
 */
import { createHash } from "node:crypto";
import seedrandom from "seedrandom";
import * as validate from "../validate";

/** One element of a stream's path: a name or a number (e.g. a cell or replication index). */
export type PathElement = string | number;

/** Version tag inside every key: change it only together with a deliberate change of all streams. */
const KEY_VERSION = "execution-tickets/rng/v1";
/** The tag of the 64-bit generator's keys (sfc64-stream.ts): its states are hashed apart from sfc32's. */
const WIDE_KEY_VERSION = "execution-tickets/rng64/v1";
/** ARC4's key array holds 256 bytes; longer keys would be folded (see the module comment). */
const ARC4_KEY_BYTES = 256;

/** Checks a path element: a non-empty string or a finite number. */
export function validatePathElement(element: unknown, index: number): PathElement {
  if (typeof element === "string") return element;
  if (typeof element === "number" && Number.isFinite(element)) return element;
  throw new RangeError(
    `path[${index}] must be a string or a finite number; received ${
      typeof element === "number" ? String(element) : (JSON.stringify(element) ?? String(element))
    }`,
  );
}

/**
 * The canonical key of (seed, path); equal keys ⇔ equal streams.
 *
 * @example
 * canonicalKey(7, ["x", 2]); // → "[\"execution-tickets/rng/v1\",7,\"x\",2]"
 */
export function canonicalKey(seed: number | string, path: readonly PathElement[]): string {
  return taggedKey(KEY_VERSION, seed, path);
}

function taggedKey(tag: string, seed: number | string, path: readonly PathElement[]): string {
  // Normalise −0 to 0 so that the two spellings of zero name the same stream.
  const tidy = (v: PathElement) => (v === 0 ? 0 : v);
  return JSON.stringify([tag, tidy(seed), ...path.map(tidy)]);
}

/** The key as a byte string (one char per byte, each < 256) that ARC4 reads verbatim. */
function keyBytes(key: string): string {
  // Fast path: ASCII keys (the usual case) are their own UTF-8 bytes.
  if (key.length <= ARC4_KEY_BYTES && /^\p{ASCII}*$/u.test(key)) return key;
  const utf8 = Buffer.from(key, "utf8");
  if (utf8.length <= ARC4_KEY_BYTES) return utf8.toString("latin1");
  return createHash("sha256").update(key, "utf8").digest().toString("latin1");
}

/** The four 32-bit state words (signed int32) of the stream named by (seed, path). */
export function deriveStateWords(
  seed: number | string,
  path: readonly PathElement[],
): [number, number, number, number] {
  validate.seed(seed);
  path.forEach(validatePathElement);
  const arc4 = seedrandom(keyBytes(canonicalKey(seed, path)));
  return [arc4.int32(), arc4.int32(), arc4.int32(), arc4.int32()];
}

/**
 * Six 32-bit words (signed int32) for the 64-bit generator's stream named by (seed, path): the same
 * derivation under its own tag, so an sfc64 stream and the sfc32 stream of one name share no state.
 */
export function deriveWideStateWords(seed: number | string, path: readonly PathElement[]): number[] {
  validate.seed(seed);
  path.forEach(validatePathElement);
  const arc4 = seedrandom(keyBytes(taggedKey(WIDE_KEY_VERSION, seed, path)));
  return Array.from({ length: 6 }, () => arc4.int32());
}
