/**
 * Every command in README.md's shell blocks is run by a test: here, as written or with smaller
 * parameters (and into a temporary folder instead of build/), or by the named test that runs the
 * same code at full size. A command added to README.md without an entry below fails the first test,
 * so the front door never shows a command nobody ran.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { findExecutable } from "../tools/nb/which";
import { osTempDir, ROOT } from "./fixtures/runner/helpers";

/** The commands of README.md's ```sh blocks, continuation lines joined, comments dropped. */
function readmeCommands(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const commands: string[] = [];
  for (const block of readme.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    let pending = "";
    for (const raw of block[1].split("\n")) {
      const line = raw.replace(/\s+#.*$/, "").trim();
      if (line === "" || line.startsWith("#")) continue;
      if (line.endsWith("\\")) {
        pending += `${line.slice(0, -1).trim()} `;
        continue;
      }
      commands.push(`${pending}${line}`);
      pending = "";
    }
  }
  return commands;
}

/** How each README command is run: a smaller run here, or the test that runs it at full size. */
type How = { here: string } | { coveredBy: string; why: string };

const HOW: Record<string, How> = {
  "npm install && npm run reproduce": {
    coveredBy: "test/notebooks-execute.test.ts",
    why: "reproduce is runNotebooks over every notebook plus the exporter; that test runs both over every notebook (CI's npm ci is the install)",
  },
  "npm test": { coveredBy: ".ci/run", why: "CI runs it on a fresh clone" },
  "npm run nb -- run notebooks/02-ticket-value.ipynb": {
    here: "runs notebook 02 as written (into a temporary folder)",
  },
  "npm run nb -- run notebooks/*.ipynb --fail-fast --timeout 120": {
    coveredBy: "test/notebooks-execute.test.ts",
    why: "every notebook through the same runner; --fail-fast and --timeout have their own runner tests",
  },
  "npm run nb -- run notebooks/02-ticket-value.ipynb --param nMax=3000 --param figureSamples=2000": {
    here: "runs notebook 02 with both parameters, as written",
  },
  "npm run reproduce -- --jobs 2": { coveredBy: "test/notebooks-execute.test.ts", why: "two kernels at once" },
  "npm run reproduce -- --force": { coveredBy: "test/runner-cache.test.ts", why: "--force re-executes (cache test)" },
  "npm run reproduce -- --no-cache": { coveredBy: "test/runner-cache.test.ts", why: "no cache read or written" },
  "npm run reproduce -- --watch": {
    coveredBy: "test/runner-watch.test.ts",
    why: "the watch loop, with real file events",
  },
  'npm run sweep -- plan --task lib/market/task.ts#marketTask --grid \'{"mechanism":["fixed-price","first-price","second-price","eip1559","bonding-curve"],"n":[10,100,1000],"d":[0.01,0.001]}\' --reps 200 --seed 42 --shards 100 --dir build/sweeps/market --cpus-per-task 1 --mem 1G --time 00:30:00':
    { here: "plans the same task and grid with 2 replications in 3 shards, into a temporary folder" },
  "bash build/sweeps/market/slurm/submit.sh": {
    coveredBy: "test/sweep-schedulers.test.ts",
    why: "submit.sh on a one-node Slurm cluster started by that test",
  },
  "bash build/sweeps/market/parallel.sh": { here: "runs the small plan's parallel.sh (GNU parallel)" },
  "bash build/sweeps/market/k8s/submit.sh": {
    coveredBy: "test/sweep-plan.test.ts",
    why: "no Kubernetes cluster can run here; that test checks the manifests submit.sh applies",
  },
  "npm run sweep -- status --dir build/sweeps/market": { here: "status of the small plan" },
  "npm run sweep -- merge --dir build/sweeps/market": { here: "merges the small plan" },
};

test("every command in README.md's shell blocks is run by a test (an entry here says where)", () => {
  const commands = readmeCommands().filter((c) => /^(npm|npx|node|bash) /.test(c));
  assert.ok(commands.length >= 10, `found ${commands.length} commands; did the README's code blocks move?`);
  const missing = commands.filter((c) => !(c in HOW));
  assert.deepEqual(missing, [], "README commands with no test (add an entry to HOW and run them)");
  const stale = Object.keys(HOW).filter((c) => !commands.includes(c));
  assert.deepEqual(stale, [], "entries for commands README.md no longer shows");
  for (const [command, how] of Object.entries(HOW)) {
    if ("coveredBy" in how)
      assert.ok(fs.existsSync(path.join(ROOT, how.coveredBy)), `${command}: ${how.coveredBy} exists`);
  }
});

/** Runs an npm script as README writes it, with extra arguments, and returns its output. */
function npm(args: string[], timeout = 300_000): string {
  const run = spawnSync("npm", ["run", "--silent", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout,
    env: { ...process.env, CI: "true" },
  });
  assert.equal(run.status, 0, `npm run ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

test("README: notebook 02 as written, and with its two --param values (a run of its own name)", () => {
  const out = osTempDir();
  const plain = npm(["nb", "--", "run", "notebooks/02-ticket-value.ipynb", "--out-dir", out, "--no-cache"]);
  assert.match(plain, /^ok +[\d.]+ s .*02-ticket-value\.ipynb/m);
  const param = npm([
    "nb",
    "--",
    "run",
    "notebooks/02-ticket-value.ipynb",
    "--param",
    "nMax=3000",
    "--param",
    "figureSamples=2000",
    "--out-dir",
    out,
    "--no-cache",
  ]);
  assert.match(param, /^ok +[\d.]+ s .*02-ticket-value\.ipynb/m);
  const names = fs.readdirSync(out).sort();
  assert.equal(names.length, 2, names.join(", "));
  assert.match(names[1], /^02-ticket-value\.p-[0-9a-f]{8}\.ipynb$/);
});

test("README: the planned sweep (same task and grid, 2 replications, 3 shards) through GNU parallel, status and merge", {
  skip: findExecutable({ name: "parallel" })
    ? false
    : "GNU parallel is not installed (Debian: apt-get install parallel)",
}, () => {
  const dir = path.join(osTempDir(), "market");
  const grid =
    '{"mechanism":["fixed-price","first-price","second-price","eip1559","bonding-curve"],"n":[10,100,1000],"d":[0.01,0.001]}';
  npm(
    [
      "sweep",
      "--",
      "plan",
      "--task",
      "lib/market/task.ts#marketTask",
      "--grid",
      grid,
      "--reps",
      "2",
      "--seed",
      "42",
    ].concat(["--shards", "3", "--dir", dir, "--cpus-per-task", "1", "--mem", "1G", "--time", "00:30:00"]),
  );
  const run = spawnSync("bash", [path.join(dir, "parallel.sh")], { cwd: ROOT, encoding: "utf8", timeout: 600_000 });
  assert.equal(run.status, 0, `parallel.sh failed:\n${run.stdout}\n${run.stderr}`);
  assert.match(npm(["sweep", "--", "status", "--dir", dir]), /^3 of 3 shards done$/m);
  npm(["sweep", "--", "merge", "--dir", dir]);
  const rows = fs.readFileSync(path.join(dir, "merged.csv"), "utf8").trim().split("\n");
  assert.equal(rows.length, 1 + 5 * 3 * 2 * 2, "a header and one row per mechanism × n × d × replication");
});
