/**
 * The runner's command line at its edges: timeouts beyond Node's timer range, an output folder that
 * is the sources' folder, an output path that is a file, and relative paths typed in a subfolder
 * (npm runs scripts in the project root and passes the user's folder as INIT_CWD).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { outputDirProblem, userPath } from "../tools/nb/cli-paths";
import { availableParallelism } from "node:os";
import { MAX_TIMEOUT_SECONDS, parseJobs } from "../tools/nb/cli";
import { fixture, projectTempDir, ROOT } from "./fixtures/runner/helpers";

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "tools/nb/cli.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "true", INIT_CWD: "", ...env },
  });

test("a timeout beyond Node's 2^31 − 1 ms is refused, naming the flag and the range", () => {
  assert.equal(MAX_TIMEOUT_SECONDS, 2147483);
  const r = cli(["run", fixture("ok.ipynb"), "--timeout", "1e9"]);
  assert.equal(r.status, 2);
  assert.match(
    r.stderr,
    /--timeout must be at most 2147483 seconds \(Node's timers hold 2\^31 − 1 ms, about 24\.8 days\); received 1e9/,
  );
});

test("--out-dir equal to a source notebook's folder is refused without --inplace", () => {
  const r = cli(["run", fixture("ok.ipynb"), "--out-dir", path.dirname(fixture("ok.ipynb"))]);
  assert.equal(r.status, 2);
  assert.match(
    r.stderr,
    /--out-dir test\/fixtures\/runner is the folder of test\/fixtures\/runner\/ok\.ipynb: the executed copy would overwrite the source; pass --inplace/,
  );
});

test("an output path that is a file is refused before any work, naming --out-dir", () => {
  const file = path.join(projectTempDir(), "not-a-folder");
  fs.writeFileSync(file, "x");
  const r = cli(["run", fixture("ok.ipynb"), "--out-dir", file]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--out-dir: .*not-a-folder exists and is not a folder/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  assert.match(outputDirProblem(path.join(file, "below")) ?? "", /is a file, so .* cannot be created/);
  assert.equal(outputDirProblem(path.join(path.dirname(file), "new", "deeper")), null);
});

test("relative paths typed in a subfolder resolve against that folder (INIT_CWD), not the project root", () => {
  const out = projectTempDir();
  const sub = path.join(ROOT, "test");
  assert.equal(userPath("fixtures/runner/ok.ipynb", { INIT_CWD: sub }), path.join(ROOT, fixture("ok.ipynb")));
  const r = cli(["run", "fixtures/runner/ok.ipynb", "--out-dir", path.relative(sub, out)], { INIT_CWD: sub });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(fs.existsSync(path.join(out, "ok.ipynb")), "the executed copy is where the user pointed");
});

test("the sweep CLI writes --out where the user pointed from a subfolder, and refuses a folder as --out", () => {
  const sweep = (args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "tools/sweep-cli.ts"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CI: "true", ...env },
    });
  const out = projectTempDir();
  const sub = path.join(ROOT, "test");
  const common = [
    "--task",
    "test/fixtures/sweep/mean-task.ts#seededMean",
    "--grid",
    '{"n":[1,2]}',
    "--reps",
    "2",
    "--seed",
    "1",
    "--workers",
    "0",
  ];
  // From test/, the task is typed relative to test/ too.
  const fromSub = ["--task", "fixtures/sweep/mean-task.ts#seededMean", ...common.slice(2)];
  const ok = sweep(["run", ...fromSub, "--out", path.join(path.relative(sub, out), "mine.csv")], { INIT_CWD: sub });
  assert.equal(ok.status, 0, ok.stderr);
  assert.ok(fs.existsSync(path.join(out, "mine.csv")), "written where the user pointed");
  const fromRoot = sweep(["run", ...common, "--out", path.join(out, "root.csv")], { INIT_CWD: ROOT });
  assert.equal(fromRoot.status, 0, fromRoot.stderr);
  assert.equal(
    fs.readFileSync(path.join(out, "root.csv"), "utf8"),
    fs.readFileSync(path.join(out, "mine.csv"), "utf8"),
    "the same task typed from two folders gives the same rows",
  );
  const missing = sweep(["run", ...common, "--out", path.join(out, "x.csv")], { INIT_CWD: sub });
  assert.equal(missing.status, 2);
  assert.match(
    missing.stderr,
    /--task: module test\/fixtures\/sweep\/mean-task\.ts not found \(looked for .*test\/test\/fixtures/,
  );
  const folder = sweep(["run", ...common, "--out", out], { INIT_CWD: ROOT });
  assert.equal(folder.status, 2);
  assert.match(folder.stderr, /--out: .* is a folder; give a CSV file name/);
});

test("--jobs must be an integer from 1 to 64 (default: the cores this process may use); --force and --no-cache exclude each other", () => {
  assert.equal(parseJobs(undefined), availableParallelism());
  assert.equal(parseJobs("2"), 2);
  for (const bad of ["0", "65", "1.5", "", "two"]) {
    assert.throws(() => parseJobs(bad), /--jobs must be an integer from 1 to 64/);
  }
  const r = cli(["run", fixture("ok.ipynb"), "--jobs", "0"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--jobs must be an integer from 1 to 64; received "0"/);
  const both = cli(["run", fixture("ok.ipynb"), "--force", "--no-cache"]);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /--force and --no-cache exclude each other/);
});
