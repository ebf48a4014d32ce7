/**
 * Keeps lib/.types/ (declaration files of lib/) up to date. The tslab kernel type-checks every
 * TypeScript source a notebook imports, on every cell; pointing lib's "types" at declaration files
 * instead (lib/package.json) cuts that to parsing them. `tsc -b` rebuilds only when a lib file
 * changed (well under a second when nothing did), so edits to lib still reach notebooks after a
 * kernel restart with no build step. Plain CommonJS: the kernel launcher runs it before tslab.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..", "..");
const LOCK = path.join(ROOT, "lib", ".types.lock");

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `tsc -b lib/tsconfig.json` under a lock so concurrent kernel starts never see half-written files. */
function ensureLibTypes({ quiet = true } = {}) {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      // A lock older than two minutes belongs to a process that died: take it over.
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > 120_000) fs.rmSync(LOCK, { recursive: true, force: true });
      } catch {}
      if (Date.now() > deadline) throw new Error(`lib types: lock ${LOCK} held for over 2 minutes`);
      sleep(100);
    }
  }
  try {
    const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
    const result = spawnSync(process.execPath, [tsc, "-b", path.join(ROOT, "lib", "tsconfig.json")], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    // Type errors in lib are the test suite's business (npm run typecheck); declarations are
    // still emitted, so only a missing index.d.ts is fatal here.
    if (!fs.existsSync(path.join(ROOT, "lib", ".types", "index.d.ts"))) {
      throw new Error(
        `lib types: tsc -b lib/tsconfig.json wrote no lib/.types/index.d.ts\n${result.stdout}${result.stderr}`,
      );
    }
    if (!quiet && result.status !== 0) process.stderr.write(result.stdout + result.stderr);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

module.exports = { ensureLibTypes };

if (require.main === module) {
  ensureLibTypes({ quiet: false });
  console.log("lib types up to date in lib/.types/");
}
