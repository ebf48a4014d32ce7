import type { Parameters } from "./parameters";

/**
 * ok: every code cell ran; failed: a cell reported an error; timeout: a cell exceeded its limit;
 * crashed: the kernel died or could not start; invalid: the notebook could not be run as given
 * (missing, malformed, unknown kernel, bad parameters); skipped: not run because of --fail-fast.
 */
export type NotebookStatus = "ok" | "failed" | "timeout" | "crashed" | "invalid" | "skipped";

/** What happened to one notebook. */
export interface NotebookResult {
  /** The notebook path as given. */
  path: string;
  status: NotebookStatus;
  /** Wall-clock seconds, kernel start included. */
  seconds: number;
  /** Code cells of the source notebook (an injected parameters cell is not counted). */
  cells: { executed: number; total: number };
  /** The one message saying what went wrong (notebook, cell, error text); absent when ok. */
  error?: string;
  /** 1-based number of the failing code cell, counting code cells only, as in `error`. */
  failedCell?: number;
  /** Everything the cells wrote to stderr ("" when nothing). */
  stderr: string;
  /** Where the executed copy was written (absent when nothing was written). */
  output?: string;
  /** Parameters injected for this run ({} when none). */
  parameters: Parameters;
  /** Kernel that ran it (absent when none was started). */
  kernel?: { name: string; pid?: number };
  /** With the execution cache: whether the outputs came from it, or why the notebook ran. */
  cache?: { hit: boolean; reason: string };
}

/** True unless the result is ok. */
export function isFailure(result: NotebookResult): boolean {
  return result.status !== "ok";
}
