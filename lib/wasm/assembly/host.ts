/**
 * What the kernels take from JavaScript: its Math.exp, so results match the JavaScript engines bit
 * for bit (a WebAssembly exp of its own could differ in the last place).
 */
// @ts-ignore: decorator
@external("env", "exp")
export declare function jsExp(x: f64): f64;
