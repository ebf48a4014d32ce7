/**
 * Failures of a planned sweep, by cause, so the command line can exit with distinct codes and a
 * scheduler's retry policy (Slurm `--requeue`, Kubernetes `podFailurePolicy`) can tell a task that
 * threw (retrying gives the same error) from an infrastructure failure (retrying may help):
 *
 *   1  SweepTaskError            the task threw for some item (the message names it)
 *   3  SweepInfrastructureError  the plan is missing, damaged or made for other code; a folder is not writable
 *   4  IncompleteSweepError      merge found missing or failed shards (the message says how to resubmit them)
 *
 * (2 is a command-line mistake, exit 0 success.)
 */

/**
 * The task threw: deterministic for a seed, so retrying the shard gives the same error.
 *
 * @example
 * new SweepTaskError("task at {\"n\":10} replication 0 failed: boom").exitCode; // → 1
 */
export class SweepTaskError extends Error {
  readonly exitCode = 1;
}

/**
 * The shard could not run or could not write its result; the task itself was not at fault.
 *
 * @example
 * new SweepInfrastructureError("cannot read the sweep plan").exitCode; // → 3
 */
export class SweepInfrastructureError extends Error {
  readonly exitCode = 3;
}

/**
 * Some shards of the plan have no valid result yet.
 *
 * @example
 * new IncompleteSweepError("2 of 4 shards are not done", [1, 3]).shards; // → [1,3]
 */
export class IncompleteSweepError extends Error {
  readonly exitCode = 4;
  constructor(
    message: string,
    /** The shard numbers to run again. */
    readonly shards: number[],
  ) {
    super(message);
  }
}
