/**
 * lib/wasm: the WebAssembly versions of the hot loops (the ticket sampler's blocks, the market's
 * paths, the agent-based market's slots). They give bit-identical results to the JavaScript loops,
 * faster; the engines use them automatically when the module is built (`npm install` builds it).
 *
 * @module
 */
export { simulationEngine, setSimulationEngine, type SimulationEngine } from "./wasm-module";
