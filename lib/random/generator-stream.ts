/**
 * A chunk stream of either generator: sfc32 (RandomStream, engine version 1) or sfc64 (Sfc64Stream,
 * version 2). The engines draw from it through Rng; the WebAssembly kernels take its state in the
 * generator's own layout (lib/wasm/wasm-module.ts, `shareStream`).
 */
import type { RandomStream } from "./random-stream";
import type { Sfc64Stream } from "./sfc64-stream";

/** A stream of engine version 1 (sfc32) or 2 (sfc64). */
export type GeneratorStream = RandomStream | Sfc64Stream;
