/**
 * Sharding: N separate CLI processes, merged, equal the single-machine CSV byte for byte; merging
 * refuses shards that do not make up one sweep.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { manifestPath, mergeShards, runSweep, toCSV, writeSweep, type Grid, type Shard } from "../lib/sweep";

const exec = promisify(execFile);
const root = path.join(__dirname, "..");
const cli = path.join(root, "tools", "sweep-cli.ts");
const taskArg = "test/fixtures/sweep/mean-task.ts#seededMean";
const task = path.join(root, taskArg);
const grid: Grid = { n: [10, 100, 1000], mu: [1, 2.5] };
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "sweep-shards-"));

/** The CLI in its own process; tsx's CommonJS hook starts faster than `npm run sweep`'s tsx CLI. */
function sweepCli(args: string[]) {
  return exec(process.execPath, ["--require", "tsx/cjs", cli, ...args], {
    cwd: root,
    env: { ...process.env, CI: "true" },
  });
}

test("3 shards run as 3 CLI processes, merged by the CLI, equal the single-machine CSV byte for byte", async () => {
  const dir = tmp();
  const common = ["run", "--task", taskArg, "--grid", JSON.stringify(grid), "--reps", "5", "--seed", "2024"];
  const single = path.join(dir, "single.csv");
  const shards = [0, 1, 2].map((i) => path.join(dir, `shard-${i}.csv`));
  // Like an array job: the shards run at the same time, each in its own process.
  await Promise.all([
    sweepCli([...common, "--workers", "0", "--out", single]),
    ...shards.map((out, i) => sweepCli([...common, "--workers", "1", "--shard", `${i}/3`, "--out", out])),
  ]);
  const merged = path.join(dir, "merged.csv");
  const { stderr } = await sweepCli(["merge", shards[2], shards[0], shards[1], "--out", merged]);
  assert.match(stderr, /merged 3 shards \(30 rows\)/);

  // Compare the bytes as latin1 text: one char per byte, so equal strings mean equal bytes.
  const singleBytes = fs.readFileSync(single, "latin1");
  assert.equal(fs.readFileSync(merged, "latin1"), singleBytes, "merged CSV differs from the single-machine CSV");
  assert.equal(singleBytes.split("\n").length, 32); // header + 30 rows + final newline
  // And the CLI's CSV is exactly the API's rows.
  const rows = await runSweep({ task, grid, replications: 5, seed: 2024, workers: 0 });
  assert.equal(fs.readFileSync(single, "utf8"), toCSV(rows));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes the shards of a small sweep through the API; returns the CSV paths. */
async function writeShards(
  dir: string,
  options: { seed: number; count: number; replications?: number; grid?: Grid; prefix?: string },
) {
  const files: string[] = [];
  for (let index = 0; index < options.count; index++) {
    const shard: Shard = { index, count: options.count };
    const spec = {
      task,
      grid: options.grid ?? grid,
      replications: options.replications ?? 2,
      seed: options.seed,
      shard,
    };
    const rows = await runSweep({ ...spec, workers: 0 });
    const file = path.join(dir, `${options.prefix ?? "s"}-${index}.csv`);
    writeSweep({ file, rows, ...spec });
    files.push(file);
  }
  return files;
}

test("merging shards that include an empty shard still equals the whole sweep", async () => {
  const dir = tmp();
  const small: Grid = { n: [10, 100] };
  const files = await writeShards(dir, { seed: 1, count: 3, replications: 1, grid: { ...small, mu: [1] } });
  assert.equal(fs.readFileSync(files[2], "utf8"), "n,mu,replication\n");
  const whole = await runSweep({ task, grid: { ...small, mu: [1] }, replications: 1, seed: 1, workers: 0 });
  assert.equal(mergeShards({ files }).csv, toCSV(whole));
  fs.rmSync(dir, { recursive: true, force: true });
});

test("merge refuses missing, duplicated, foreign, edited and unsharded inputs", async () => {
  const dir = tmp();
  const files = await writeShards(dir, { seed: 1, count: 3 });
  const otherSeed = await writeShards(dir, { seed: 2, count: 3, prefix: "seed2" });
  const otherGrid = await writeShards(dir, { seed: 1, count: 3, grid: { n: [10], mu: [1] }, prefix: "grid" });
  const otherCount = await writeShards(dir, { seed: 1, count: 2, prefix: "two" });

  assert.equal(mergeShards({ files }).manifest.rows, 12);
  assert.throws(() => mergeShards({ files: [files[0], files[2]] }), /missing shard\(s\) 1\/3 of 3/);
  assert.throws(() => mergeShards({ files: [...files, files[1]] }), /shard 1\/3 given twice/);
  assert.throws(
    () => mergeShards({ files: [files[0], files[1], otherSeed[2]] }),
    /different sweeps: seed is 1 in .*s-0\.csv but 2 in .*seed2-2\.csv/,
  );
  assert.throws(() => mergeShards({ files: [files[0], files[1], otherGrid[2]] }), /different sweeps: grid is/);
  assert.throws(
    () => mergeShards({ files: [files[0], files[1], otherCount[1]] }),
    /different sweeps: shard count is 3 .* but 2/,
  );
  assert.throws(() => mergeShards({ files: [] }), /^RangeError: files must be a non-empty array/);

  fs.appendFileSync(files[1], "10,1,9,0,0\n");
  assert.throws(() => mergeShards({ files }), /s-1\.csv does not match its manifest/);

  const whole = path.join(dir, "whole.csv");
  writeSweep({
    file: whole,
    rows: await runSweep({ task, grid, replications: 2, seed: 1, workers: 0 }),
    task,
    grid,
    replications: 2,
    seed: 1,
  });
  assert.throws(() => mergeShards({ files: [whole] }), /is a complete sweep, not a shard/);
  fs.rmSync(manifestPath({ csvFile: files[0] }));
  assert.throws(() => mergeShards({ files }), /s-0\.csv: cannot read its manifest .*s-0\.manifest\.json/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the CLI rejects bad arguments with exit status 2, naming the flag and what it allows", async () => {
  const base = ["run", "--task", taskArg, "--grid", JSON.stringify(grid), "--seed", "1"];
  const cases: Array<[string[], RegExp]> = [
    [
      [...base, "--reps", "2", "--shard", "3/3"],
      /--shard must be "<index>\/<count>" with 0 ≤ index < count, e\.g\. "0\/4"; received "3\/3"/,
    ],
    [[...base, "--reps", "0"], /--reps must be an integer from 1 to/],
    [
      ["run", "--task", taskArg, "--grid", '{"n":5}', "--reps", "1", "--seed", "1"],
      /grid\.n must be a non-empty array/,
    ],
  ];
  await Promise.all(
    cases.map(async ([args, pattern]) => {
      await assert.rejects(sweepCli(args), (err: { code?: number; stderr?: string }) => {
        assert.equal(err.code, 2);
        assert.match(err.stderr ?? "", pattern);
        assert.match(err.stderr ?? "", /usage:/);
        return true;
      });
    }),
  );
});
