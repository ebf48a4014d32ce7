/**
 * The Node options worker threads start with: the parent's, minus tsx's own loader flags.
 *
 * Workers inherit execArgv, so under `tsx` or `node --import tsx` every worker would start tsx's
 * ESM loader, whose module-hooks thread costs ~0.3 s of start-up per worker on this machine.
 * Tasks are loaded with require() (the project is CommonJS), so worker-entry.cjs registers tsx's
 * much cheaper CommonJS hook instead. NODE_OPTIONS (the tslab kernel's "--require tsx/cjs") still
 * applies to workers and already is that hook.
 */
import * as validate from "../validate";

const LOADER_FLAGS = new Set(["--require", "-r", "--import", "--loader", "--experimental-loader"]);
const TSX = /(^|[\\/])tsx([\\/]|$)/;

/** Input of {@link workerExecArgv}. */
export interface WorkerExecArgvOptions {
  execArgv: readonly string[];
}

/** execArgv for workers, or undefined (inherit unchanged) when there is no tsx flag to drop. */
export function workerExecArgv(options: WorkerExecArgvOptions): string[] | undefined {
  validate.knownKeys("workerExecArgv options", options ?? {}, ["execArgv"]);
  const { execArgv } = options;
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (LOADER_FLAGS.has(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : execArgv[i + 1];
      if (value !== undefined && TSX.test(value)) {
        if (eq < 0) i++;
        continue;
      }
    }
    kept.push(arg);
  }
  return kept.length === execArgv.length ? undefined : kept;
}
