/**
 * Engine versions of the ticket sampler (sampleTicketValues) and the market paths
 * (simulateTicketPool): which generator their chunk streams are. A version fixes the numbers a seed
 * gives; a new one is added when speed needs a different stream, and the old ones stay selectable so
 * that published numbers can be reproduced exactly.
 *
 * - 1: sfc32 (RandomStream). Each exponential draw takes two 32-bit steps. The default until
 *   2026-12-07.
 * - 2 (default): sfc64 (Sfc64Stream). The same samplers (ziggurat, geometric wait, uniform positions,
 *   reward models) on uniforms made from one 64-bit step: in the WebAssembly kernels ~1.2× faster
 *   for both. The two versions agree in distribution (test/lib-sim-engine-version.test.ts), not
 *   number for number.
 *
 * The agent-based market (lib/market) has one version.
 */
import { rng, type GeneratorStream, type PathElement } from "../random";
import { Sfc64Stream } from "../random/sfc64-stream";

/** A ticket sampler's engine version (see the module comment). */
export type EngineVersion = 1 | 2;

/** The version sampleTicketValues uses unless told otherwise. */
export const DEFAULT_ENGINE_VERSION: EngineVersion = 2;

const VERSIONS: readonly EngineVersion[] = [1, 2];

/** Checks an `engineVersion` option (undefined: the default). */
export function validateEngineVersion(value: unknown): EngineVersion {
  if (value === undefined) return DEFAULT_ENGINE_VERSION;
  if (!(VERSIONS as readonly unknown[]).includes(value)) {
    throw new RangeError(`engineVersion must be 1 or 2; received ${JSON.stringify(value) ?? String(value)}`);
  }
  return value as EngineVersion;
}

/**
 * The stream named (seed, ...path) in a version's generator.
 *
 * @example
 * versionStream(2, 1, ["chunk", 0]) instanceof Sfc64Stream; // → true
 */
export function versionStream(
  version: EngineVersion,
  seed: number | string,
  path: readonly PathElement[],
): GeneratorStream {
  return version === 1 ? rng(seed, ...path) : new Sfc64Stream(seed, path);
}
