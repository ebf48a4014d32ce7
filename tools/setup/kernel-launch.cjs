/**
 * The project kernel's entry point (kernelspec argv): checks that our tslab patch is applied,
 * brings lib's declaration files up to date, then starts tslab with the arguments Jupyter passed
 * ("kernel --config-path <file>").
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { ensureLibTypes } = require("./lib-types.cjs");

const tslabDist = path.join(path.resolve(__dirname, "..", ".."), "node_modules", "tslab", "dist");
// patches/tslab+1.0.22.patch makes `{ rows }` work across cells and keeps every output message of a
// burst; without it notebooks fail with "rows is not defined" or lose output, so refuse to start.
const patched =
  fs.readFileSync(path.join(tslabDist, "converter.js"), "utf8").includes("isShorthandPropertyAssignment(node)") &&
  fs.readFileSync(path.join(tslabDist, "jupyter.js"), "utf8").includes("sendChains");
if (!patched) {
  console.error(
    "execution-tickets kernel: tslab is not patched (patches/tslab+1.0.22.patch); run `npm install` in the project",
  );
  process.exit(1);
}
// A kernel whose runner (or Jupyter) is gone has no one to answer: exit, and remove the connection
// file the runner can no longer remove (its folder too, when it is the runner's nb-kernel-* folder).
const { watchAncestors } = require("./watch-ancestors.cjs");
watchAncestors(() => {
  const config = process.argv[process.argv.indexOf("--config-path") + 1];
  if (config && process.argv.includes("--config-path")) {
    const dir = path.dirname(config);
    fs.rmSync(path.basename(dir).startsWith("nb-kernel-") ? dir : config, { recursive: true, force: true });
  }
  process.exit(0);
});
ensureLibTypes();
require(path.join(tslabDist, "main.js")).main();
