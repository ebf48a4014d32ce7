/**
 * Output helpers: CSV text, per-group summaries (Student t intervals), the danfojs DataFrame and
 * the progress displays.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import {
  formatProgress,
  notebookProgress,
  runSweep,
  studentT975,
  summarise,
  terminalProgress,
  toCSV,
  toDataFrame,
  writeCSV,
} from "../lib/sweep";

const task = `${path.join(__dirname, "fixtures", "sweep", "mean-task.ts")}#seededMean`;

test("toCSV: union of columns, shortest round-trip numbers, quoting only when needed", () => {
  const csv = toCSV([
    { name: "plain", x: 0.1 + 0.2, ok: true },
    { name: 'a "quoted", value', x: 1e-8, ok: false, extra: null },
    { name: "", x: -Infinity, ok: true, extra: "line\nbreak" },
  ]);
  assert.equal(
    csv,
    'name,x,ok,extra\nplain,0.30000000000000004,true,\n"a ""quoted"", value",1e-8,false,\n"",-Infinity,true,"line\nbreak"\n',
  );
  assert.equal(toCSV([]), "");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sweep-csv-")), "sub", "rows.csv");
  writeCSV({ file, rows: [{ a: 1 }] });
  assert.equal(fs.readFileSync(file, "utf8"), "a\n1\n");
  fs.rmSync(path.dirname(path.dirname(file)), { recursive: true, force: true });
});

test("studentT975 matches the t table (6 significant digits) and tends to the normal 1.959964", () => {
  const table: Array<[number, number]> = [
    [1, 12.7062],
    [2, 4.30265],
    [3, 3.18245],
    [4, 2.77645],
    [5, 2.57058],
    [10, 2.22814],
    [19, 2.09302],
    [30, 2.04227],
    [120, 1.97993],
  ];
  for (const [df, q] of table) {
    // The table is rounded to 6 significant digits: that rounding is the tolerance.
    assert.ok(
      Math.abs(studentT975({ df }) - q) <= 0.5 * 10 ** (Math.floor(Math.log10(q)) - 5),
      `df = ${df}: ${studentT975({ df })}`,
    );
  }
  // Exact branch and expansion branch agree where they meet.
  const below = studentT975({ df: 10_000 });
  const above = studentT975({ df: 10_001 });
  assert.ok(below > above && below - above < 1e-7);
  assert.ok(Math.abs(studentT975({ df: 1e9 }) - 1.959963984540054) < 1e-8);
});

test("summarise: count, mean, sd, stderr and t interval per group, groups in first-appearance order", () => {
  const rows = [
    { m: "b", n: 1, y: 1 },
    { m: "b", n: 1, y: 2 },
    { m: "b", n: 1, y: 6 },
    { m: "a", n: 1, y: 5 },
  ];
  const out = summarise({ rows, by: ["m"], metrics: ["y", "n"] });
  assert.deepEqual(
    out.map((s) => `${s.m}:${s.metric}`),
    ["b:y", "b:n", "a:y", "a:n"],
  );
  const by = out[0];
  const sd = Math.sqrt(((1 - 3) ** 2 + (2 - 3) ** 2 + (6 - 3) ** 2) / 2);
  assert.equal(by.count, 3);
  assert.equal(by.mean, 3);
  assert.equal(by.sd, sd);
  assert.equal(by.stderr, sd / Math.sqrt(3));
  assert.equal(by.ci95High, by.mean + studentT975({ df: 2 }) * by.stderr);
  assert.equal(by.ci95Low, by.mean - studentT975({ df: 2 }) * by.stderr);
  assert.equal(out[1].sd, 0);
  assert.ok(Number.isNaN(out[2].stderr) && Number.isNaN(out[2].ci95Low), "one row: no spread estimate");
  assert.equal(summarise({ rows, by: [], metrics: ["y"] })[0].count, 4);
});

test("a seeded sweep's summary agrees with the exponential mean (within 5 standard errors)", async () => {
  const rows = await runSweep({ task, grid: { n: [200], mu: [1, 3] }, replications: 40, seed: 8, workers: 0 });
  for (const s of summarise({ rows, by: ["mu"], metrics: ["mean"] })) {
    const z = (s.mean - (s.mu as number)) / s.stderr;
    assert.ok(Math.abs(z) < 5, `mu = ${s.mu}: mean ${s.mean} ± ${s.stderr} (z = ${z})`);
    assert.ok(s.ci95Low < s.mean && s.mean < s.ci95High);
  }
});

test("toDataFrame: danfojs frame with the rows' columns and row count (danfojs loaded lazily, here only)", async () => {
  assert.equal(
    Object.keys(require.cache).some((f) => f.includes(`${path.sep}danfojs-node${path.sep}`)),
    false,
    "danfojs loaded before use",
  );
  const rows = await runSweep({ task, grid: { n: [10, 20], mu: [1] }, replications: 3, seed: 1, workers: 0 });
  const df = toDataFrame(rows);
  assert.deepEqual(df.columns, ["n", "mu", "replication", "mean", "first"]);
  assert.deepEqual(df.shape, [6, 5]);
  assert.deepEqual(
    df.column("mean").values,
    rows.map((r) => r.mean),
  );
  assert.deepEqual(toDataFrame([]).shape, [0, 0]);
});

/** A stand-in for process.stderr that records writes. */
function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return {
    writes,
    stream: { isTTY, columns: 100, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream,
  };
}

const at = (done: number, cached = 0) => ({ done, total: 10, cached, elapsed: done * 100 });

test("formatProgress renders bar, percentage, counts, cache hits and time left", () => {
  assert.equal(
    formatProgress({ progress: at(4, 2), label: "sweep", width: 10 }),
    "sweep ████░░░░░░ 40% 4/10 (2 cached) 0.4 s, ~1.2 s left",
  );
  assert.equal(formatProgress({ progress: at(10), label: "x", width: 0 }), "x 100% 10/10 1.0 s");
});

test("terminalProgress: redraws on a TTY; one final line when not a TTY or under CI", () => {
  const tty = fakeStream(true);
  const bar = terminalProgress({ stream: tty.stream, ci: false });
  bar.update(at(0));
  bar.update(at(10));
  bar.finish();
  assert.equal(tty.writes.length, 3);
  assert.ok(tty.writes.every((w) => w.startsWith("\r\x1b[2K")) && tty.writes[2].endsWith("\n"));

  for (const [isTTY, ci] of [
    [false, false],
    [true, true],
  ] as const) {
    const quiet = fakeStream(isTTY);
    const sink = terminalProgress({ stream: quiet.stream, ci });
    for (let done = 0; done <= 10; done++) sink.update(at(done));
    sink.finish();
    assert.deepEqual(quiet.writes, ["sweep 100% 10/10 1.0 s\n"]);
  }
});

test("notebookProgress: no-op in plain Node; inside tslab, updates one display in place", () => {
  const plain = notebookProgress();
  plain.update(at(5));
  plain.finish();

  // A stand-in tslab package: the kernel's jupyter module (with an active display writer) in
  // require's cache, and a public module whose newDisplay() writes through it.
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fake-tslab-")), "tslab", "dist");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "jupyter.js"), "exports.lastWriteDisplayData = null;\n");
  fs.writeFileSync(
    path.join(dir, "public.js"),
    `const jupyter = require("./jupyter.js"); let next = 0;
     exports.newDisplay = () => { const id = "d" + next++; let update = false;
       return { text: (s) => { jupyter.lastWriteDisplayData({ data: { "text/plain": s }, transient: { display_id: id } }, update); update = true; } }; };`,
  );
  const writes: Array<{ text: string; id: string; update: boolean }> = [];
  const jupyter = require(path.join(dir, "jupyter.js")) as { lastWriteDisplayData: unknown };
  jupyter.lastWriteDisplayData = (
    d: { data: Record<string, string>; transient: { display_id: string } },
    update: boolean,
  ) => writes.push({ text: d.data["text/plain"], id: d.transient.display_id, update });
  try {
    const progress = notebookProgress({ interval: 60_000 });
    progress.update(at(1));
    progress.update(at(2)); // throttled
    progress.update(at(10)); // final state always shown
    assert.deepEqual(
      writes.map((w) => [w.id, w.update]),
      [
        ["d0", false],
        ["d0", true],
      ],
    );
    assert.match(writes[1].text, /^sweep █+ 100% 10\/10 1\.0 s$/);
  } finally {
    for (const file of ["jupyter.js", "public.js"]) delete require.cache[path.join(dir, file)];
    fs.rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true });
  }
});
