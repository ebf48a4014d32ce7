/**
 * The one place a JavaScript number becomes a WebAssembly integer. Wasm's i32/u32/u8 parameters
 * silently wrap a larger value (2^32 + 5 arrives as 5: a horizon of 2.8e13 slots became a few hundred
 * million, issue 19), so every integer argument of a kernel goes through here and a value out of its
 * range is refused, naming the argument, instead of wrapped. The engines' own guards (slot-horizon.ts,
 * MAX_WASM_POSITIONS) normally stop such values earlier; this is the last line.
 */

/** Input of {@link wasmInt}. */
export interface WasmIntOptions {
  /** The kernel argument, for the error message. */
  name: string;
  value: number;
  /** The largest value the wasm type holds: 2^31 − 1 (i32, the default), 2^32 − 1 (u32) or 255 (u8). */
  max?: number;
}

/**
 * `value` unchanged if it is an integer in [0, max]; otherwise a RangeError naming the argument.
 *
 * @example
 * wasmInt({ name: "horizon", value: 1000 }); // → 1000
 */
export function wasmInt({ name, value, max = 2 ** 31 - 1 }: WasmIntOptions): number {
  if (!(Number.isInteger(value) && value >= 0 && value <= max)) {
    throw new RangeError(
      `${name} must be an integer in [0, ${max}] to reach the WebAssembly kernel; received ${value} (it would wrap)`,
    );
  }
  return value;
}
