/**
 * Atomic, durable file writes (one implementation for lib and tools).
 *
 * @module
 */
export { writeFileAtomic, type WriteFileAtomicOptions } from "./write-file-atomic";
