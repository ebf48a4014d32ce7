// Preloaded (NODE_OPTIONS --require) into kernels that the headless runner starts; see
// tools/nb/headless-env.ts. tslab type-checks cells with a TypeScript watch program whose timer
// hook holds ONE pending timer and throws "Unexpected pending rebuildTimer" when a second one is
// scheduled. A file-system event during a run (lib/.types rebuilt by another kernel's start,
// a folder created under node_modules by `npm install`) schedules such a timer, and every later
// cell of that kernel fails. A headless run executes the sources as they were when it started,
// so the watchers are switched off there: files are read, never watched.
"use strict";
const path = require("node:path");
const { isMainThread } = require("node:worker_threads");

// Only in the tslab kernel process itself ("… kernel --config-path <file>"), not in processes or
// worker threads that a notebook starts (they inherit NODE_OPTIONS).
const isTslabKernel = isMainThread && process.argv.includes("kernel") && process.argv.includes("--config-path");

if (isTslabKernel) {
  try {
    const tslabDir = path.dirname(require.resolve("tslab/package.json", { paths: [__dirname, process.cwd()] }));
    const ts = require(require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir] }));
    const unwatched = () => ({ close() {} });
    ts.sys.watchFile = unwatched;
    ts.sys.watchDirectory = unwatched;
  } catch {
    // Not the tslab this was written for: leave the kernel as it is.
  }
}
