/** The kernels' results: six doubles at a time, written where JavaScript reads them (a Float64Array view). */

/** Stores v0..v5 at `at`, 8 bytes apart. */
// @ts-ignore: decorator
@inline export function storeSix(at: usize, v0: f64, v1: f64, v2: f64, v3: f64, v4: f64, v5: f64): void {
  store<f64>(at, v0);
  store<f64>(at, v1, 8);
  store<f64>(at, v2, 16);
  store<f64>(at, v3, 24);
  store<f64>(at, v4, 32);
  store<f64>(at, v5, 40);
}
