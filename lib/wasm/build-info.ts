/**
 * Where the WebAssembly module lives and how to tell whether it was built from the current
 * sources: the build writes, next to the module, a SHA-256 digest of the AssemblyScript sources and
 * the compiler flags; the loader refuses a module whose digest does not match (an edited kernel
 * with a stale binary would silently run the old code).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The AssemblyScript sources of the hot loops. */
export const WASM_SOURCE_DIR = join(__dirname, "assembly");
/** The module built from them (not in git: `npm install` or `npm run build:wasm` writes it). */
export const WASM_FILE = join(__dirname, "build", "hot-loops.wasm");
/** The digest of the sources and flags the module was built from. */
export const WASM_DIGEST_FILE = join(__dirname, "build", "hot-loops.sha256");

/** Compiler flags: full optimisation, no garbage collector (the kernels allocate nothing), no assertions. */
export const ASC_FLAGS = ["--optimizeLevel", "3", "--shrinkLevel", "0", "--runtime", "stub", "--noAssert"] as const;

/** SHA-256 over the sources (by name, in name order) and the flags. */
export function wasmSourceDigest(): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(WASM_SOURCE_DIR)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    hash.update(`${name}\0${readFileSync(join(WASM_SOURCE_DIR, name), "utf8")}\0`);
  }
  hash.update(ASC_FLAGS.join(" "));
  return hash.digest("hex");
}
