/**
 * The kernels that run in both engine versions (ticket.ts, market.ts) are generic in the generator's
 * word W: u32 is sfc32 (version 1, sfc32.ts), u64 is sfc64 (version 2, sfc64.ts). These helpers pick
 * the generator's state, global copy, step constants and ziggurat edge by W; `sizeof<W>()` is a
 * compile-time constant, so each instance keeps only its own generator's lines.
 *
 * The step of either generator, spelled out in the loops (locals are the point):
 *
 *   u = a + b + d; d += 1; a = b ^ (b >>> S); b = c + (c << 3); c = rotl<W>(c, R) + u;
 *
 * with (S, R) = (9, 21) on 32 bits and (11, 24) on 64 (d is sfc64's counter w).
 */
import { sharedWord, shareState, spill, word } from "./sfc32";
import { sharedWord64, shareState64, spill64, word64 } from "./sfc64";
import { exponential, exponentialEdge } from "./exponential";
import { exponential64, exponentialEdge64 } from "./exponential-sfc64";

/** S of the step: the right shift that makes a. */
// @ts-ignore: decorator
@inline export function stepShift<W>(): W {
  return <W>(sizeof<W>() == 8 ? 11 : 9);
}

/** R of the step: the rotation of c. */
// @ts-ignore: decorator
@inline export function stepRotation<W>(): W {
  return <W>(sizeof<W>() == 8 ? 24 : 21);
}

/** Word i of the state JavaScript handed over (STATE or STATE64). */
// @ts-ignore: decorator
@inline export function sharedWordOf<W>(i: i32): W {
  return sizeof<W>() == 8 ? <W>sharedWord64(i) : <W>sharedWord(i);
}

/** The final words → STATE or STATE64, where JavaScript reads the stream's state back. */
// @ts-ignore: decorator
@inline export function shareStateOf<W>(a: W, b: W, c: W, d: W): void {
  if (sizeof<W>() == 8) shareState64(<u64>a, <u64>b, <u64>c, <u64>d);
  else shareState(<u32>a, <u32>b, <u32>c, <u32>d);
}

/** Word i of the generator's global copy (what a loop reloads after an edge path drew from it). */
// @ts-ignore: decorator
@inline export function loadWord<W>(i: i32): W {
  return sizeof<W>() == 8 ? <W>word64(i) : <W>word(i);
}

/** A loop's words → the generator's global copy (before an edge path draws from it). */
// @ts-ignore: decorator
@inline export function storeWords<W>(a: W, b: W, c: W, d: W): void {
  if (sizeof<W>() == 8) spill64(<u64>a, <u64>b, <u64>c, <u64>d);
  else spill(<u32>a, <u32>b, <u32>c, <u32>d);
}

/** The rest of an exponential draw on a ziggurat edge, from the global copy of W's generator. */
// @ts-ignore: decorator
@inline export function exponentialEdgeOf<W>(layer: i32, position: f64): f64 {
  return sizeof<W>() == 8 ? exponentialEdge64(layer, position) : exponentialEdge(layer, position);
}

/** A whole exponential draw from the global copy of W's generator. */
// @ts-ignore: decorator
@inline export function exponentialOf<W>(): f64 {
  return sizeof<W>() == 8 ? exponential64() : exponential();
}
