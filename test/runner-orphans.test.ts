/**
 * No orphan processes: a kernel exits when its runner dies however it dies (kill -9 is seen by no
 * handler), and a signal to an outer wrapper alone (as `kill <npm pid>` does) stops the runner and
 * its kernel, writes no executed notebook afterwards and removes the kernel's connection file.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { alive, codeNotebook, groupAlive, osTempDir, projectTempDir, ROOT } from "./fixtures/runner/helpers";

/** A notebook whose second cell runs for a minute. */
function sleepyNotebook(): string {
  return codeNotebook({
    dir: projectTempDir(),
    name: "sleepy.ipynb",
    sources: ['console.log("started");', "await new Promise((resolve) => setTimeout(resolve, 60_000));"],
  });
}

/** Pids of the processes whose parent is `pid`. */
function children(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

/** The kernel below `root` (any depth), once it runs its second cell. */
async function kernelBelow(root: number): Promise<{ pid: number; config: string }> {
  for (let i = 0; i < 300; i++) {
    const queue = [root];
    while (queue.length) {
      const pid = queue.shift() as number;
      const line = cmdline(pid);
      if (line.includes("kernel-launch.cjs")) {
        const config = line.split(" ")[line.split(" ").indexOf("--config-path") + 1];
        return { pid, config };
      }
      queue.push(...children(pid));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no kernel started");
}

async function gone(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !check();
}

test("kill -9 of the runner: its kernel exits within 5 s and removes its connection file", async () => {
  const out = osTempDir();
  const runner = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "tools/nb/cli.ts"), "run", sleepyNotebook(), "--out-dir", out],
    {
      cwd: ROOT,
      env: { ...process.env, CI: "true" },
      stdio: "ignore",
    },
  );
  const kernel = await kernelBelow(runner.pid as number);
  await new Promise((r) => setTimeout(r, 1500)); // the second cell is running
  runner.kill("SIGKILL");
  assert.ok(await gone(() => groupAlive(kernel.pid), 5000), "the kernel's process group is gone within 5 s");
  assert.ok(!fs.existsSync(kernel.config), "the connection file is removed");
  assert.deepEqual(fs.readdirSync(out), [], "nothing was written");
});

test("SIGTERM to an outer wrapper alone stops the runner and the kernel within 5 s; nothing is written", async () => {
  const out = osTempDir();
  // `sh -c "…; true"` forks (rather than execs) the runner, as npm's shell does.
  const command = `"${process.execPath}" --import tsx tools/nb/cli.ts run "${sleepyNotebook()}" --out-dir "${out}"; true`;
  const wrapper = spawn("sh", ["-c", command], { cwd: ROOT, env: { ...process.env, CI: "true" }, stdio: "ignore" });
  const kernel = await kernelBelow(wrapper.pid as number);
  const runner = children(wrapper.pid as number)[0];
  await new Promise((r) => setTimeout(r, 1500));
  process.kill(wrapper.pid as number, "SIGTERM"); // the wrapper only, not its process group
  assert.ok(await gone(() => alive(runner), 5000), "the runner stops within 5 s");
  assert.ok(await gone(() => groupAlive(kernel.pid), 5000), "the kernel's process group is gone");
  assert.ok(!fs.existsSync(kernel.config), "the connection file is removed");
  await new Promise((r) => setTimeout(r, 1000));
  assert.deepEqual(fs.readdirSync(out), [], "nothing was written afterwards");
});
