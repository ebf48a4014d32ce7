/**
 * The ziggurat's wedge test, lhs < exp(−x), decided exactly as JavaScript's Math.exp decides it while
 * calling JavaScript only when the answer could depend on the last bits of exp.
 *
 * Why: a call from a kernel to JavaScript's Math.exp (an import) cost ~35 ns in the market loop's
 * edges, measured as 150 → 170 M slot-events/s when the call was replaced by arithmetic. The test
 * takes 2.2 % of exponential draws (one in 45), so the call was an eighth of a market path's time.
 *
 * How, in three steps, each exact:
 * 1. Squeeze: on the layer's x ∈ [x[l+1], x[l]], exp(−x) is convex, so it lies above its tangents at
 *    both ends and below their chord, all from the tables (f[i] = exp(−x[i])). Below the tangents
 *    (less a margin) the test passes, above the chord (plus the margin) it fails: ~99 % of edges.
 * 2. AssemblyScript's own Math.exp (musl's table method, error below 1 ulp) gives e. Any exp with an
 *    error below 2^−45 relative (V8's fdlibm port is below 1 ulp, 2^−52) lies within e·(1 ± 2^−44),
 *    products rounded at most 2^−53 relative, so outside that band lhs compares with JavaScript's
 *    exp as with e.
 * 3. Inside the band (~10^−13 of the test's range) JavaScript's Math.exp decides.
 * The squeeze's margin, 2^−40 relative, covers the tables' f (one exp each), the bounds' three or four
 * roundings and JavaScript's exp, each ≤ 2^−45. Every draw stays bit-identical to the JavaScript
 * engine's, which calls Math.exp directly.
 */
import { jsExp } from "./host";

/** 2^−44: the half-width of step 2's band, relative. */
const EXP_BAND: f64 = 5.684341886080802e-14;
/** 2^−40: step 1's margin, relative. */
const SQUEEZE_BAND: f64 = 9.094947017729282e-13;

/**
 * lhs < Math.exp(−x) as JavaScript computes it, for x on layer `layer` ≥ 1 of the tables `xs`
 * (x[0..256]) and `fs` (exp(−x[i])): x ∈ [x[l+1], x[l]], up to the rounding of x.
 */
export function wedgeBelowExp(lhs: f64, x: f64, layer: i32, xs: usize, fs: usize): bool {
  const offset = <usize>layer << 3;
  const xRight = load<f64>(xs + offset); // x[l] (x[i] falls with i)
  const xLeft = load<f64>(xs + offset, 8); // x[l + 1]
  const fRight = load<f64>(fs + offset); // exp(−x[l])
  const fLeft = load<f64>(fs + offset, 8); // exp(−x[l + 1])
  const tangent = max(fRight * (1 + (xRight - x)), fLeft * (1 - (x - xLeft)));
  if (lhs < tangent * (1 - SQUEEZE_BAND)) return true;
  const chord = fRight + (fLeft - fRight) * ((xRight - x) / (xRight - xLeft));
  if (lhs > chord * (1 + SQUEEZE_BAND)) return false;
  return belowExp(lhs, x);
}

/** lhs < Math.exp(−x) as JavaScript computes it, for finite x ≥ 0. */
function belowExp(lhs: f64, x: f64): bool {
  const e = Math.exp(-x);
  if (lhs < e * (1 - EXP_BAND)) return true;
  if (lhs > e * (1 + EXP_BAND)) return false;
  return lhs < jsExp(-x);
}
