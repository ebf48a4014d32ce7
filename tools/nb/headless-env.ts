/**
 * The environment of a kernel started by the headless runner: the kernelspec's env over this
 * process's, plus a preload that keeps file-system events from breaking a tslab run
 * (tools/nb/tslab-no-watch.js; it does nothing in other processes). The kernelspec that
 * JupyterLab and nbconvert use is not changed.
 */
import * as path from "node:path";
import { requireOption } from "./kernelspec";

const NO_WATCH_PRELOAD = path.join(__dirname, "tslab-no-watch.js");

export interface HeadlessEnvOptions {
  /** The kernelspec's env. */
  env: Record<string, string>;
}

/** process.env, the kernelspec's env over it, and the no-watch preload added to NODE_OPTIONS. */
export function headlessKernelEnv({ env }: HeadlessEnvOptions): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  merged.NODE_OPTIONS = [merged.NODE_OPTIONS, requireOption({ file: NO_WATCH_PRELOAD })].filter(Boolean).join(" ");
  return merged;
}
