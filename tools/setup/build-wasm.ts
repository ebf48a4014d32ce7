/**
 * `npm run build:wasm` (also run by `npm install`, `npm test` and `npm run bench`): compiles the
 * AssemblyScript hot loops in lib/wasm/assembly into lib/wasm/build/hot-loops.wasm with the
 * AssemblyScript compiler from node_modules (no download). Skips the work when the module was
 * built from the current sources; writes to temporary files and renames, so a failed or
 * interrupted build never leaves a half-written module. `--force` rebuilds anyway.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { ASC_FLAGS, WASM_DIGEST_FILE, WASM_FILE, WASM_SOURCE_DIR, wasmSourceDigest } from "../../lib/wasm/build-info";

function upToDate(digest: string): boolean {
  return (
    existsSync(WASM_FILE) && existsSync(WASM_DIGEST_FILE) && readFileSync(WASM_DIGEST_FILE, "utf8").trim() === digest
  );
}

function main(force: boolean): void {
  const digest = wasmSourceDigest();
  if (!force && upToDate(digest)) {
    console.log(`WebAssembly hot loops up to date (${WASM_FILE})`);
    return;
  }
  const asc = join(dirname(require.resolve("assemblyscript/package.json")), "bin", "asc.js");
  mkdirSync(dirname(WASM_FILE), { recursive: true });
  const temporary = `${WASM_FILE}.${process.pid}.tmp`;
  const started = Date.now();
  const result = spawnSync(process.execPath, [asc, join(WASM_SOURCE_DIR, "index.ts"), "-o", temporary, ...ASC_FLAGS], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  if (result.status !== 0 || !existsSync(temporary)) {
    rmSync(temporary, { force: true });
    throw new Error(
      `build:wasm: the AssemblyScript compiler failed (exit ${result.status})\n${result.stdout}${result.stderr}`,
    );
  }
  if (result.stderr.trim() !== "") process.stderr.write(result.stderr);
  // The module first, then its digest: a crash in between leaves a mismatch, i.e. a rebuild.
  renameSync(temporary, WASM_FILE);
  writeFileSync(`${WASM_DIGEST_FILE}.tmp`, `${digest}\n`);
  renameSync(`${WASM_DIGEST_FILE}.tmp`, WASM_DIGEST_FILE);
  console.log(`WebAssembly hot loops built in ${((Date.now() - started) / 1000).toFixed(1)} s (${WASM_FILE})`);
}

try {
  main(process.argv.includes("--force"));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
