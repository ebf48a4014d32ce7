"use strict";
// Piscina worker entry for the benchmark, in plain JavaScript so that it loads in any worker thread:
// registers tsx's CommonJS hook when TypeScript is not loadable yet, then exports runChunkTasks.
if (!require.extensions[".ts"]) require("tsx/cjs/api").register();
module.exports = require("./chunk-task.ts");
