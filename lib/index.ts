/**
 * execution-tickets: the single source of truth for every formula and simulation used by the
 * notebooks. Each area lives in its own folder; this file only re-exports them.
 */
export * from "./model";
export * from "./random";
export * from "./rewards";
export * from "./scenarios";
export * from "./stats";
export * from "./sim";
export * from "./sweep";
export * from "./notebook";
export * from "./market";
export * from "./dynamics";
export * from "./wasm";
export * from "./io";
export * as validate from "./validate";
