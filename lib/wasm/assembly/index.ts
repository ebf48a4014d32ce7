/**
 * WebAssembly kernels of the hot loops (ticket sampler blocks, market paths, the agent-based market),
 * written in AssemblyScript to reproduce the JavaScript engines bit for bit while running as
 * compiled code whose speed does not hinge on V8's inlining budget. Built by
 * tools/setup/build-wasm.ts into lib/wasm/build/hot-loops.wasm.
 */
export { STATE } from "./sfc32";
export { ZIGGURAT_X, ZIGGURAT_F, ZIGGURAT_RATIO, ZIGGURAT_R } from "./exponential";
export { DISCOUNT_LOW, DISCOUNT_HIGH, setDiscount } from "./discount";
export { SUMS, ticketBlock } from "./ticket";
export { PATH_SUMS, RUN_COUNTS, stampsPointer, reserveStamps, marketPath } from "./market";
export { rewardsInto } from "./reward-draws";
export { ABM_LAYOUT, ABM_PARAMS, ABM_SCALARS, ABM_STREAMS, ABM_REWARDS, abmHeapPointer, abmReserve, abmBegin, abmRun } from "./agent-market";
export { STATE64 } from "./sfc64";
export { ZIGGURAT44_X, ZIGGURAT44_RATIO } from "./exponential-sfc64";
/** The wedge test on its own, for the tests that check it decides as Math.exp does. */
export { wedgeBelowExp } from "./exp-decision";
