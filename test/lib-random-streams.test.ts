import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rng, streams, spawn, RandomStream, StreamTree, canonicalKey } from "../lib/random";
import { check, assertAgreement } from "../lib/stats";

const draw = (s: RandomStream, k: number) => Array.from({ length: k }, () => s.next());

test("same (seed, path) gives the same sequence; different seeds or paths give different ones", () => {
  assert.deepEqual(draw(rng(42, "sweep", 3, "rep", 0), 50), draw(rng(42, "sweep", 3, "rep", 0), 50));
  const base = draw(rng(42, "sweep", 3), 5);
  for (const other of [
    rng(43, "sweep", 3),
    rng("42", "sweep", 3),
    rng(42, "sweep", "3"),
    rng(42, "sweep", 4),
    rng(42, "sweep"),
    rng(42, "sweep", 3, 0),
  ]) {
    assert.notDeepEqual(draw(other, 5), base);
  }
  // JSON canonical keys: ("a,b") is not ("a", "b"), and −0 names the same stream as 0.
  assert.notDeepEqual(draw(rng(1, "a,b"), 3), draw(rng(1, "a", "b"), 3));
  assert.deepEqual(draw(rng(1, -0), 3), draw(rng(1, 0), 3));
  assert.equal(canonicalKey(7, ["x", 2]), '["execution-tickets/rng/v1",7,"x",2]');
});

test("the sequences are frozen across versions and processes (golden values)", () => {
  // If this fails, every seeded result in the project changes: only update deliberately.
  const root = rng(42);
  assert.deepEqual([root.next(), root.next(), root.nextU32()], [0.524329257775341, 0.23707517295796576, 1766495677]);
  const named = rng("golden", "path", 1);
  assert.deepEqual(
    [named.next(), named.next32(), named.nextU32()],
    [0.5274012634551869, 0.07671153906267136, 1311568659],
  );
  assert.deepEqual(draw(new RandomStream(42, []), 2), [0.524329257775341, 0.23707517295796576]);
  const code =
    'const { rng } = require("./lib/random"); const s = rng(42, "sweep", 3); process.stdout.write(JSON.stringify([s.next(), s.next(), s.nextU32()]));';
  const fromChild = JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "-e", code], { cwd: `${__dirname}/..`, encoding: "utf8" }),
  );
  const here = rng(42, "sweep", 3);
  assert.deepEqual(fromChild, [here.next(), here.next(), here.nextU32()]);
});

test("streams(), StreamTree.child(), spawn() and RandomStream.spawn() name the same streams", () => {
  const direct = draw(rng(9, "a", 1, "b"), 4);
  assert.deepEqual(draw(streams(9).rng("a", 1, "b"), 4), direct);
  assert.deepEqual(draw(streams(9).child("a").child(1).rng("b"), 4), direct);
  assert.deepEqual(draw(spawn(streams(9).child("a", 1), "b"), 4), direct);
  const parent = rng(9, "a", 1);
  draw(parent, 100); // a child does not depend on what its parent has drawn
  assert.deepEqual(draw(parent.spawn("b"), 4), direct);
  assert.deepEqual(draw(spawn(parent, "b"), 4), direct);
  assert.deepEqual(parent.spawn("b").path, ["a", 1, "b"]);
  assert.ok(streams(9) instanceof StreamTree);
});

test("long paths (key above 256 bytes) are hashed first and stay distinct", () => {
  const long = "x".repeat(300);
  assert.deepEqual(draw(rng(1, long), 3), draw(rng(1, long), 3));
  assert.notDeepEqual(draw(rng(1, long), 3), draw(rng(1, `${long}y`), 3));
  assert.notDeepEqual(draw(rng(1, "α"), 3), draw(rng(1, "±"), 3)); // non-ASCII names keep all their bits
});

test("next() is in the open interval (0, 1); nextU32 is a 32-bit unsigned integer; clone continues identically", () => {
  const s = rng(5, "range");
  let min = 1;
  let max = 0;
  for (let i = 0; i < 200_000; i++) {
    const u = s.next();
    if (u < min) min = u;
    if (u > max) max = u;
    const w = s.next32();
    assert.ok(w > 0 && w < 1);
  }
  assert.ok(min > 0 && max < 1);
  const k = s.nextU32();
  assert.ok(Number.isInteger(k) && k >= 0 && k < 2 ** 32);
  const copy = s.clone();
  assert.deepEqual(draw(copy, 10), draw(s, 10));
  assert.deepEqual(Array.from(rng(3).fill(new Float64Array(4))), draw(rng(3), 4));
});

test("uniforms have mean 1/2 and variance 1/12; sibling streams are uncorrelated", () => {
  const n = 400_000;
  const a = rng(2024, "child", 0);
  const b = rng(2024, "child", 1);
  let sa = 0;
  let saa = 0;
  let sab = 0;
  let lag = 0;
  let previous = 0.5;
  for (let i = 0; i < n; i++) {
    const x = a.next() - 0.5;
    const y = b.next() - 0.5;
    sa += x;
    saa += x * x;
    sab += x * y;
    lag += x * previous;
    previous = x;
  }
  // Var(U) = 1/12, Var((U − 1/2)²) = 1/180, Var(XY) = Var(X)Var(Y) = 1/144 for independent X, Y.
  assertAgreement([
    check({ label: "mean of U − 1/2", estimate: sa / n, stderr: Math.sqrt(1 / 12 / n), expected: 0 }),
    check({ label: "E[(U − 1/2)²]", estimate: saa / n, stderr: Math.sqrt(1 / 180 / n), expected: 1 / 12 }),
    check({ label: "E[XY], sibling streams", estimate: sab / n, stderr: Math.sqrt(1 / 144 / n), expected: 0 }),
    check({ label: "lag-1 E[X_t X_{t−1}]", estimate: lag / n, stderr: Math.sqrt(1 / 144 / n), expected: 0 }),
  ]);
  // Many streams with adjacent indices: the first draws are uniform (a bad seed hash would cluster).
  let first = 0;
  const m = 4_000;
  for (let i = 0; i < m; i++) first += rng(7, "rep", i).next();
  assertAgreement(
    check({
      label: "mean first draw over 4 000 streams",
      estimate: first / m,
      stderr: Math.sqrt(1 / 12 / m),
      expected: 0.5,
    }),
  );
});

test("bad seeds and path elements throw RangeError naming them", () => {
  assert.throws(() => rng(NaN), /seed must be/);
  assert.throws(() => rng(""), /seed must be/);
  assert.throws(() => rng(Infinity), /seed must be/);
  assert.throws(() => rng(1, NaN as unknown as number), /path\[0\] must be/);
  assert.throws(() => rng(1, "ok", {} as unknown as string), /path\[1\] must be/);
  assert.throws(() => streams(undefined as unknown as number), /seed must be/);
  assert.throws(() => spawn({} as unknown as RandomStream, "x"), /parent must be/);
  assert.throws(() => spawn(streams(1)), /names must be/);
  assert.throws(() => rng(1).spawn(Infinity), /path\[0\] must be/);
});
