/**
 * Orphan guard, like ipykernel's parent poller but for the whole chain of ancestors: npm → sh →
 * tsx → our program, or runner → kernel. When any ancestor dies (a signal to the npm wrapper alone,
 * or kill -9 of the runner, which no handler sees), `onOrphaned` runs, so nothing keeps working
 * and writing after the command the user started is gone. Linux reads /proc; elsewhere only the
 * parent is watched. The timer is unref'd: it never keeps a process alive.
 */
"use strict";
const fs = require("node:fs");

/** The parent pid of `pid` from /proc, or null when it cannot be read. */
function parentOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** True while `pid` runs (a zombie counts as gone). */
function alive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

/** This process's ancestors, nearest first, up to (not including) pid 1. */
function ancestors() {
  const chain = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < 64) {
    chain.push(pid);
    const next = parentOf(pid);
    if (next === null) break;
    pid = next;
  }
  return chain;
}

/**
 * Calls `onOrphaned(deadPid)` once when an ancestor that was alive at the start has died
 * (checked every `intervalMs`, default 500). Returns a function that stops watching.
 */
function watchAncestors(onOrphaned, { intervalMs = 500 } = {}) {
  const watched = ancestors();
  if (watched.length === 0) return () => {};
  const timer = setInterval(() => {
    const dead = watched.find((pid) => !alive(pid));
    if (dead === undefined && process.ppid === watched[0]) return;
    clearInterval(timer);
    onOrphaned(dead ?? watched[0]);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

module.exports = { watchAncestors, ancestors };
