/**
 * lib/wasm: the WebAssembly versions of the two benchmarked hot loops (the ticket sampler's blocks
 * and the market's paths). They give bit-identical results to the JavaScript loops, faster; the
 * engines use them automatically when the module is built (`npm install` builds it).
 *
 * @module
 */
export { simulationEngine, setSimulationEngine, type SimulationEngine } from "./wasm-module";
