/**
 * Finite Markov chains of regimes (rate regimes, reward regimes): checking a transition matrix,
 * its stationary distribution, and a birth–death chain of hikes and cuts.
 */
import * as validate from "../validate";

/** Row sums may differ from 1 by this much (rounding in user-built matrices). */
const ROW_SUM_TOLERANCE = 1e-9;

/** Checks a row-stochastic square matrix and returns a private copy. */
export function checkTransition(transition: unknown, name = "transition"): number[][] {
  if (!Array.isArray(transition) || transition.length === 0) {
    throw new RangeError(
      `${name} must be a non-empty square array of probability rows; received ${JSON.stringify(transition)?.slice(0, 80)}`,
    );
  }
  const size = transition.length;
  return transition.map((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== size) {
      throw new RangeError(
        `${name}[${i}] must be a row of ${size} probabilities; received ${JSON.stringify(row)?.slice(0, 80)}`,
      );
    }
    row.forEach((p, j) => validate.inRange(`${name}[${i}][${j}]`, p, 0, 1));
    const sum = (row as number[]).reduce((s, p) => s + p, 0);
    if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
      throw new RangeError(`${name}[${i}] must sum to 1; received a row summing to ${sum}`);
    }
    return (row as number[]).slice();
  });
}

/**
 * One value per regime: a single number is repeated, an array must have one entry per regime.
 * `check(name, value)` validates each entry (e.g. validate.positive).
 */
export function perRegime(
  name: string,
  value: unknown,
  size: number,
  check: (n: string, v: unknown) => number,
): number[] {
  if (typeof value === "number") return new Array<number>(size).fill(check(name, value));
  if (!Array.isArray(value) || value.length !== size) {
    throw new RangeError(
      `${name} must be a number or an array of ${size} numbers (one per regime); received ${JSON.stringify(value)?.slice(0, 80)}`,
    );
  }
  return value.map((v, i) => check(`${name}[${i}]`, v));
}

/** Input of {@link stationaryDistribution}. */
export interface StationaryDistributionOptions {
  /** Row-stochastic, irreducible transition matrix P (P[i][j] = P(i → j) per slot). */
  transition: number[][];
}

/**
 * The stationary distribution π (πP = π, Σπ = 1) by the Grassmann–Taksar–Heyman algorithm, which
 * only adds, multiplies and divides non-negative numbers: accurate even when the off-diagonal
 * probabilities are 1e-7 per slot (regimes lasting years of slots). Throws a RangeError for a
 * reducible chain.
 *
 * @example
 * stationaryDistribution({ transition: [[0.98, 0.02], [0.1, 0.9]] })[1]; // → 0.166667
 */
export function stationaryDistribution(options: StationaryDistributionOptions): number[] {
  validate.knownKeys("stationaryDistribution options", options ?? {}, ["transition"]);
  const { transition } = options;
  const p = checkTransition(transition);
  const size = p.length;
  for (let k = size - 1; k >= 1; k--) {
    let out = 0;
    for (let j = 0; j < k; j++) out += p[k][j];
    if (!(out > 0)) throw new RangeError(`transition must be irreducible; state ${k} cannot reach states 0…${k - 1}`);
    for (let i = 0; i < k; i++) p[i][k] /= out;
    for (let i = 0; i < k; i++) {
      if (p[i][k] === 0) continue;
      for (let j = 0; j < k; j++) p[i][j] += p[i][k] * p[k][j];
    }
  }
  const pi = [1];
  for (let j = 1; j < size; j++) {
    let s = 0;
    for (let i = 0; i < j; i++) s += pi[i] * p[i][j];
    pi.push(s);
  }
  const total = pi.reduce((s, x) => s + x, 0);
  return pi.map((x) => x / total);
}

/** Input of {@link birthDeathTransition}. */
export interface BirthDeathOptions {
  /** Number of regimes (integer ≥ 2), ordered from the lowest rate to the highest. */
  size: number;
  /** Per-slot probability of moving one regime up (a hike), in [0, 1]. */
  up: number;
  /** Per-slot probability of moving one regime down (a cut), in [0, 1]; up + down ≤ 1. */
  down: number;
}

/**
 * A birth–death transition matrix: from regime i, up to i + 1 with probability `up`, down to i − 1
 * with probability `down`, otherwise stay (the end regimes stay instead of leaving the range).
 *
 * @example
 * birthDeathTransition({ size: 3, up: 0.01, down: 0.02 })[1].join(", "); // → "0.02, 0.97, 0.01"
 */
export function birthDeathTransition(options: BirthDeathOptions): number[][] {
  validate.knownKeys("birthDeathTransition options", options ?? {}, ["size", "up", "down"]);
  const { size, up, down } = options;
  validate.integer("size", size, 2);
  validate.inRange("up", up, 0, 1);
  validate.inRange("down", down, 0, 1);
  if (up + down > 1) throw new RangeError(`down must be ≤ 1 − up (= ${1 - up}); received ${down}`);
  return Array.from({ length: size }, (_, i) => {
    const row = new Array<number>(size).fill(0);
    const goUp = i < size - 1 ? up : 0;
    const goDown = i > 0 ? down : 0;
    if (goUp > 0) row[i + 1] = goUp;
    if (goDown > 0) row[i - 1] = goDown;
    row[i] = 1 - goUp - goDown;
    return row;
  });
}
