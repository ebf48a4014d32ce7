/**
 * DiscountTable.factor of lib/model/discount-table.ts: x^(t + offset) = high[t >> 12] · low[t & 4095]
 * for t < 2^24, JavaScript's Math.exp beyond. The tables and constants are copied from the
 * JavaScript DiscountTable by `setDiscount` and the table views, so both sides give the same bits.
 */
import { jsExp } from "./host";

const LOW_BITS = 12;
const LOW_MASK: u32 = (1 << LOW_BITS) - 1;
const TABLE_LIMIT: f64 = 16777216; // 2^24

export const DISCOUNT_LOW: usize = memory.data(4096 * 8, 8);
export const DISCOUNT_HIGH: usize = memory.data(4096 * 8, 8);

let logFactor: f64 = 0;
let offset: f64 = 0;

/** The table's ln x = −log1p(d) and exponent offset (its arrays are written separately). */
export function setDiscount(tableLogFactor: f64, tableOffset: f64): void {
  logFactor = tableLogFactor;
  offset = tableOffset;
}

/**
 * x^(⌊y⌋ + offset) for y ≥ 0, i.e. factor(Math.floor(y)) of the JavaScript table. Below 2^24 the
 * integer truncation is the floor, so no float rounding instruction is needed (measured ~9 %).
 */
// @ts-ignore: decorator
@inline export function factorFloor(y: f64): f64 {
  return y < TABLE_LIMIT ? tableFactorFloor(y) : jsExp((Math.floor(y) + offset) * logFactor);
}

/** factorFloor for 0 ≤ y < TABLE_LIMIT (`inTable`): two look-ups and a product, no call. */
// @ts-ignore: decorator
@inline export function tableFactorFloor(y: f64): f64 {
  const i = <u32><i32>y;
  return load<f64>(DISCOUNT_HIGH + (<usize>(i >>> LOW_BITS) << 3)) * load<f64>(DISCOUNT_LOW + (<usize>(i & LOW_MASK) << 3));
}

/** Whether factorFloor(y) is a table look-up (y < 2^24) rather than a call to Math.exp. */
// @ts-ignore: decorator
@inline export function inTable(y: f64): bool {
  return y < TABLE_LIMIT;
}
