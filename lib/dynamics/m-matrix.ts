/**
 * Solving the linear systems of Markov-modulated valuation without cancellation. Every system has
 * the form, for each regime i,
 *
 *   leak_i·v_i + Σ_{j≠i} w_ij (v_i − v_j) = b_i,     leak_i > 0, w_ij ≥ 0,
 *
 * (a diagonally dominant M-matrix). Gaussian elimination in the Grassmann–Taksar–Heyman manner keeps
 * the leak and the off-diagonal weights separate and recomputes each pivot as leak + Σ weights, so
 * no step subtracts: the solution is accurate to a few ulps even when leak_i ≈ 1e-8 (a per-slot
 * discount rate) beside weights near 1.
 */
import * as validate from "../validate";

/** Input of {@link solveLeakySystem}. */
export interface LeakySystem {
  /** leak_i > 0 (finite). */
  leak: readonly number[];
  /** w_ij ≥ 0 for j ≠ i (diagonal entries are ignored). */
  weights: readonly (readonly number[])[];
  /** Right-hand side b_i (finite). */
  rhs: readonly number[];
}

/** The solution v of the system (see the module comment). */
export function solveLeakySystem(options: LeakySystem): number[] {
  validate.knownKeys("solveLeakySystem options", options ?? {}, ["leak", "weights", "rhs"]);
  const { leak, weights, rhs } = options;
  const size = leak.length;
  const l = leak.slice();
  const b = rhs.slice();
  const w = weights.map((row) => row.slice());
  const pivot = new Array<number>(size).fill(0);
  for (let k = 0; k < size; k++) {
    let a = l[k];
    for (let j = k + 1; j < size; j++) a += w[k][j];
    pivot[k] = a;
    for (let i = k + 1; i < size; i++) {
      const f = w[i][k] / a;
      if (f === 0) continue;
      l[i] += f * l[k];
      b[i] += f * b[k];
      for (let j = k + 1; j < size; j++) if (j !== i) w[i][j] += f * w[k][j];
    }
  }
  const v = new Array<number>(size).fill(0);
  for (let k = size - 1; k >= 0; k--) {
    let s = b[k];
    for (let j = k + 1; j < size; j++) s += w[k][j] * v[j];
    v[k] = s / pivot[k];
  }
  return v;
}
