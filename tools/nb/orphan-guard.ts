/**
 * For the command-line tools: stop as if interrupted (SIGTERM, so the process-group handlers kill
 * the kernels and remove their files) when the command the user started is gone, e.g. a signal to
 * the npm wrapper alone, which npm does not always pass on. See tools/setup/watch-ancestors.cjs.
 */
const { watchAncestors } = require("../setup/watch-ancestors.cjs") as {
  watchAncestors: (onOrphaned: (deadPid: number) => void, options?: { intervalMs?: number }) => () => void;
};

/** Installs the guard; returns a function that removes it. */
export function stopWhenOrphaned(): () => void {
  return watchAncestors(() => process.kill(process.pid, "SIGTERM"));
}
