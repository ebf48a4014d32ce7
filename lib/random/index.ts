/**
 * lib/random: seeded, named random streams (numpy SeedSequence-style) and samplers.
 * Generator: sfc32 seeded by hashing (seed, path) with seedrandom's ARC4 (see seed-derivation.ts).
 *
 * @module
 */
export type { Rng } from "./rng";
export { RandomStream } from "./random-stream";
export { Sfc64Stream } from "./sfc64-stream";
export type { GeneratorStream } from "./generator-stream";
export { rng, streams, spawn, StreamTree } from "./streams";
export { canonicalKey, type PathElement } from "./seed-derivation";
export { exponential, exponentialByInversion } from "./exponential";
export { normal, normalByPolar, normalTail } from "./normal";
export { gamma, gammaConstants, gammaWith, type GammaConstants } from "./gamma";
export { lognormal } from "./lognormal";
export { pareto } from "./pareto";
export { geometric, GeometricSampler, type GeometricSamplerOptions } from "./geometric";
export { AliasTable, uniformIndex, type AliasTableOptions } from "./alias-table";
