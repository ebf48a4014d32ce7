/**
 * What the kernels take from JavaScript: its Math.exp, so results match the JavaScript engines bit
 * for bit (a WebAssembly exp of its own could differ in the last place). A call costs tens of ns, so
 * the hot loops call it once per 1024 slots (discounts) or where exp-decision.ts cannot decide.
 */
// @ts-ignore: decorator
@external("env", "exp")
export declare function jsExp(x: f64): f64;
