/**
 * Atomic, durable file writes (one implementation for lib and tools).
 *
 * @module
 */
export { writeFileAtomic, type WriteFileAtomicOptions } from "./write-file-atomic";
export { canonicalJson } from "./canonical-json";
export { taskSourceHash, type TaskSourceHash, type TaskSourceHashOptions } from "./source-hash";
