/**
 * Issue 19, item 3, for the exporter and the sweep: the exporter's Chromium exits when the exporter
 * dies however it dies (kill -9 runs no handler; Chromium is driven over a pipe and quits when the pipe
 * closes), and a signal to the sweep CLI stops it within 5 s with nothing written (its workers are
 * threads of the process, so they cannot outlive it).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { chromiumGate } from "./fixtures/export/chromium-gate";
import { executedFixture } from "./fixtures/export/executed-notebook";
import { alive, osTempDir, ROOT } from "./fixtures/runner/helpers";

const chromium = chromiumGate();

/** Every process below `root`, any depth. */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const e of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      parentOf.set(Number(e), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

const cmdline = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
};

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

test("kill -9 of the exporter while it renders figures: its Chromium exits within 5 s", {
  skip: chromium.skip,
}, async () => {
  const dir = osTempDir();
  const input = path.join(dir, "in");
  fs.mkdirSync(input);
  // Several copies, so that figure rendering is still going when the exporter is killed.
  for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(input, `f${i}.ipynb`), JSON.stringify(executedFixture()));
  const exporter = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(ROOT, "tools/export/cli.ts"),
      "--in",
      input,
      "--out",
      path.join(dir, "site"),
      "--figures",
      path.join(dir, "figures"),
      "--no-api",
    ],
    { cwd: ROOT, env: { ...process.env, CI: "true", CHROMIUM_PATH: chromium.executable() }, stdio: "ignore" },
  );
  let browsers: number[] = [];
  const started = await until(() => {
    browsers = descendants(exporter.pid as number).filter((p) => /chrom/i.test(cmdline(p)));
    return browsers.length > 0;
  }, 60_000);
  assert.ok(started, "the exporter started Chromium");
  exporter.kill("SIGKILL");
  assert.ok(
    await until(() => browsers.every((p) => !alive(p)), 5000),
    `Chromium processes left: ${browsers.filter(alive)}`,
  );
});

test("SIGTERM to the sweep CLI stops it within 5 s, with its worker threads, and writes no CSV", async () => {
  const dir = osTempDir();
  const out = path.join(dir, "rows.csv");
  const sweep = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(ROOT, "tools/sweep-cli.ts"),
      "run",
      "--task",
      "test/fixtures/sweep/mean-task.ts#slowItem",
      "--grid",
      JSON.stringify({ n: Array.from({ length: 200 }, (_, i) => i + 1), delayMs: [200] }),
      "--reps",
      "4",
      "--seed",
      "1",
      "--workers",
      "2",
      "--out",
      out,
    ],
    { cwd: ROOT, env: { ...process.env, CI: "true", INIT_CWD: ROOT }, stdio: "ignore" },
  );
  await new Promise((r) => setTimeout(r, 3000));
  assert.ok(alive(sweep.pid as number), "the sweep is still running");
  const below = descendants(sweep.pid as number); // tsx's esbuild service, if any
  sweep.kill("SIGTERM");
  assert.ok(await until(() => !alive(sweep.pid as number), 5000), "the sweep CLI stops within 5 s");
  assert.ok(await until(() => below.every((p) => !alive(p)), 5000), `processes left: ${below.filter(alive)}`);
  await new Promise((r) => setTimeout(r, 1000));
  assert.ok(!fs.existsSync(out), "no CSV written");
});
