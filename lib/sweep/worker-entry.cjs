"use strict";
// Worker-thread bootstrap, in plain JavaScript so that it loads in any worker. Under the tslab
// kernel NODE_OPTIONS="--require tsx/cjs" has already made .ts loadable here; otherwise (tsx's
// ESM loader flags are dropped for workers, see worker-exec-argv.ts, or tsx was registered
// in-process only) register tsx's CommonJS hook for this thread.
if (!require.extensions[".ts"]) require("tsx/cjs/api").register();
module.exports = require("./worker.ts");
