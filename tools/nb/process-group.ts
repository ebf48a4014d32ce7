/**
 * Kernels run in their own process group (spawned detached) so that killing the group also ends
 * anything the kernel started. This module remembers the live groups and kills them when this
 * process exits or is stopped by a signal (Ctrl-C), so no kernel outlives the runner.
 */

/** Live process groups (leader pid) with a synchronous clean-up of their temporary files. */
const liveGroups = new Map<number, () => void>();
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** Sends SIGKILL to a process group; quiet when it is already gone. */
export function killGroup({ pid }: { pid: number }): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // ESRCH: the group has already exited.
  }
}

function killAll(): void {
  for (const [pid, cleanUp] of liveGroups) {
    killGroup({ pid });
    try {
      cleanUp();
    } catch {
      // Best effort while exiting.
    }
  }
  liveGroups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  removeHandlers();
  // Keep the default meaning of the signal unless someone else handles it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installHandlers(): void {
  process.on("exit", killAll);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function removeHandlers(): void {
  process.off("exit", killAll);
  for (const s of SIGNALS) process.off(s, onSignal);
}

export interface TrackGroupOptions {
  /** Leader of the process group. */
  pid: number;
  /** Synchronous clean-up to run if this process exits before the group is untracked. */
  cleanUp: () => void;
}

/** Remembers a live kernel process group until untrackGroup. */
export function trackGroup({ pid, cleanUp }: TrackGroupOptions): void {
  if (liveGroups.size === 0) installHandlers();
  liveGroups.set(pid, cleanUp);
}

/** Forgets a process group that has been killed and cleaned up. */
export function untrackGroup({ pid }: { pid: number }): void {
  if (!liveGroups.delete(pid)) return;
  if (liveGroups.size === 0) removeHandlers();
}
