/**
 * What a kernel's own stdout/stderr says about a start that went wrong. tslab reports failures
 * of its server set-up only by printing them ("UnhandledPromiseRejection: …") and stays alive:
 * - a port taken by another process between our probe and its bind ("Address already in use"),
 *   after which the kernel never answers;
 * - zeromq 6's "Socket is blocked by a bind or unbind operation": tslab starts its shell loop
 *   before binding its five sockets concurrently, so a request that arrives while the iopub bind
 *   is still pending makes its "busy" status publish throw; that request gets no reply (and if
 *   the shell socket's own bind is pending, tslab's shell loop dies and nothing is answered).
 */

export interface StartupOutputOptions {
  /** The kernel's stdout and stderr so far. */
  output: string;
}

/** True when the kernel reports that one of its ports is already taken. */
export function reportsPortInUse({ output }: StartupOutputOptions): boolean {
  return /EADDRINUSE|Address already in use/i.test(output);
}

/** True when the kernel printed an unhandled error (its server may no longer answer). */
export function reportsUnhandledError({ output }: StartupOutputOptions): boolean {
  return /UnhandledPromiseRejection|UncaughtException|Unhandled ?Rejection/i.test(output);
}
