/**
 * A source of uniform random numbers. Every random result in the library is drawn from an Rng
 * obtained from an explicit seed (see streams.ts), never from Math.random.
 */
export interface Rng {
  /** Uniform on the open interval (0, 1): never exactly 0 or 1, so log(u) is always finite. */
  next(): number;
  /** Optional: 32 uniformly random bits as an unsigned integer in [0, 2^32). */
  nextU32?(): number;
}
