/**
 * The block samplers the engines use: RandomStream.fill / fillU32 (must equal the single-draw
 * sequences), fillExponential (same distribution as the single ziggurat, including its rare edge
 * cases), PositionSampler.fill (exactly uniform, rejections redrawn) and fillRewards.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rng, fillExponential, type Rng } from "../lib/random";
import { rewards, fillRewards, type RewardModel } from "../lib/rewards";
import { PositionSampler } from "../lib/sim/position-sampler";
import { RunningStats, check, assertAgreement, chiSquare, chiSquareCritical, kolmogorovSmirnov } from "../lib/stats";

const R = 7.69711747013104972; // where the exponential ziggurat's tail begins

function assertChiSquare(label: string, observed: ArrayLike<number>, expected: ArrayLike<number>): void {
  const { statistic, degreesOfFreedom } = chiSquare({ observed, expected });
  const critical = chiSquareCritical({ degreesOfFreedom, alpha: 1e-6 });
  assert.ok(statistic < critical, `${label}: chi-square ${statistic.toFixed(1)} ≥ critical ${critical.toFixed(1)} (df ${degreesOfFreedom})`);
}

function binomialCheck(label: string, count: number, trials: number, p: number) {
  return check({ label, estimate: count / trials, stderr: Math.sqrt((p * (1 - p)) / trials), expected: p });
}

test("RandomStream.fill and fillU32 give exactly the numbers of next() and nextU32(), from any count", () => {
  for (const count of [0, 1, 7, 4096, 5000]) {
    const a = rng(11, "block", count);
    const b = rng(11, "block", count);
    const filled = a.fill(new Float64Array(count + 3), count);
    assert.deepEqual(Array.from(filled.subarray(0, count)), Array.from({ length: count }, () => b.next()));
    assert.deepEqual(Array.from(filled.subarray(count)), [0, 0, 0], "fill writes only out[0..count)");
    assert.equal(a.next(), b.next(), "the stream continues where the single draws would");
    const words = a.fillU32(new Uint32Array(count), count);
    assert.deepEqual(Array.from(words), Array.from({ length: count }, () => b.nextU32()));
    assert.equal(a.nextU32(), b.nextU32());
  }
});

test("fillExponential: moments, 256-bin chi-square, KS, tail and edge masses (5σ, fixed seed)", () => {
  const s = rng(21, "fill-exponential");
  const block = new Float64Array(10_000); // not a multiple of the 4096 sub-block: the last one is partial
  const stats = new RunningStats();
  const counts = new Float64Array(256);
  let beyondR = 0;
  let beyond10 = 0;
  const draws = 4_000_000;
  for (let done = 0; done < draws; done += block.length) {
    fillExponential(s, block);
    for (const x of block) {
      stats.push(x);
      counts[Math.min(255, Math.floor(-Math.expm1(-x) * 256))]++; // equiprobable bins via the cdf
      if (x > R) beyondR++;
      if (x > 10) beyond10++;
    }
  }
  assertAgreement([
    check({ label: "fillExponential: mean", estimate: stats.mean, stderr: stats.stderr, expected: 1 }),
    check({ label: "fillExponential: variance", estimate: stats.variance, stderr: stats.varianceStderr, expected: 1 }),
    binomialCheck("fillExponential: P(E > r), the tail branch", beyondR, draws, Math.exp(-R)),
    binomialCheck("fillExponential: P(E > 10)", beyond10, draws, Math.exp(-10)),
  ]);
  assertChiSquare("fillExponential, 256 equiprobable bins", counts, new Float64Array(256).fill(draws / 256));
  const sample = new Float64Array(100_000);
  fillExponential(rng(22, "ks"), sample);
  const ks = kolmogorovSmirnov({ values: sample, cdf: (x) => -Math.expm1(-x) });
  assert.ok(ks.scaled < 2.5, `KS √N·D = ${ks.scaled} (p = ${ks.pValue})`); // P(K > 2.5) ≈ 7e-6
});

test("fillExponential: scale, count < length, determinism, and a generic Rng without fill()", () => {
  const a = new Float64Array(6000);
  const b = new Float64Array(6000);
  fillExponential(rng(5, "x"), a, 5000, 2.5);
  fillExponential(rng(5, "x"), b, 5000, 1);
  assert.deepEqual(Array.from(a.subarray(0, 5000)), Array.from(b.subarray(0, 5000), (x) => x * 2.5));
  assert.ok(a.subarray(5000).every((x) => x === 0), "only out[0..count) is written");
  // An Rng that is not a RandomStream (only next()): same values as from the stream it wraps.
  const inner = rng(5, "x");
  const plain: Rng = { next: () => inner.next() };
  const c = new Float64Array(5000);
  fillExponential(plain, c, 5000, 1);
  assert.deepEqual(Array.from(c), Array.from(b.subarray(0, 5000)));
  // Scaled rewards: mean μ, variance μ² (5σ).
  const stats = new RunningStats();
  const block = new Float64Array(4096);
  const s = rng(6, "scaled");
  for (let i = 0; i < 100; i++) {
    fillExponential(s, block, block.length, 0.25);
    for (const x of block) stats.push(x);
  }
  assertAgreement([
    check({ label: "0.25·Exp(1): mean", estimate: stats.mean, stderr: stats.stderr, expected: 0.25 }),
    check({ label: "0.25·Exp(1): variance", estimate: stats.variance, stderr: stats.varianceStderr, expected: 0.0625 }),
  ]);
});

test("PositionSampler.fill: exactly uniform on [0, n) for small and large n, rejections redrawn", () => {
  // n = 10: chi-square over the 10 positions.
  const out = new Int32Array(3000);
  const small = new PositionSampler(10);
  const s = rng(31, "positions");
  const counts = new Float64Array(10);
  const draws = 600_000;
  for (let done = 0; done < draws; done += out.length) {
    small.fill(s, out, out.length);
    for (const j of out) counts[j]++;
  }
  assertChiSquare("positions, n = 10", counts, new Float64Array(10).fill(draws / 10));

  // n = 2^21 − 1: 2^32 mod n = 2048, so ~5e-7 of the 32-bit draws are rejected and redrawn; the
  // positions stay in range and their mean is (n − 1)/2 (5σ).
  const n = 2 ** 21 - 1;
  const big = new PositionSampler(n);
  const stats = new RunningStats();
  const t = rng(32, "positions");
  const block = new Int32Array(8192);
  for (let i = 0; i < 200; i++) {
    big.fill(t, block, block.length);
    for (const j of block) {
      assert.ok(j >= 0 && j < n);
      stats.push(j);
    }
  }
  const sd = Math.sqrt((n * n - 1) / 12);
  assertAgreement(check({ label: "positions, n = 2^21 − 1: mean", estimate: stats.mean, stderr: sd / Math.sqrt(stats.count), expected: (n - 1) / 2 }));

  // The redraw path, against a reference: n = 2^20 + 1 rejects draws with low part below
  // 2^32 mod n = 1,044,481 (probability 2.4e-4), so a block of 65,536 draws has ~16 rejections.
  const m = 2 ** 20 + 1;
  const threshold = 2 ** 32 % m;
  const source = rng(35, "rejections");
  const reference = source.clone();
  const drawn = new Int32Array(65_536);
  new PositionSampler(m).fill(source, drawn, drawn.length);
  const raw = Array.from(reference.fillU32(new Float64Array(drawn.length)));
  const rejectedAt = raw.flatMap((u, i) => ((u * m) % 2 ** 32 < threshold ? [i] : []));
  assert.ok(rejectedAt.length > 0, "the block contains rejected draws");
  const single = new PositionSampler(m);
  const expected = raw.map((u) => Math.floor((u * m) / 2 ** 32));
  for (const i of rejectedAt) expected[i] = single.draw(reference);
  assert.deepEqual(Array.from(drawn), expected);
  assert.equal(source.nextU32(), reference.nextU32(), "both consumed the same draws");

  // n above 2^21 takes the 52-bit path: in range, mean (n − 1)/2.
  const huge = new PositionSampler(2 ** 31 - 1);
  const u = rng(33, "positions");
  const hugeStats = new RunningStats();
  for (let i = 0; i < 50; i++) {
    huge.fill(u, block, block.length);
    for (const j of block) {
      assert.ok(Number.isInteger(j) && j >= 0 && j < 2 ** 31 - 1);
      hugeStats.push(j);
    }
  }
  const hugeSd = (2 ** 31 - 1) / Math.sqrt(12);
  assertAgreement(
    check({ label: "positions, n = 2^31 − 1: mean", estimate: hugeStats.mean, stderr: hugeSd / Math.sqrt(hugeStats.count), expected: (2 ** 31 - 2) / 2 }),
  );
  // Blocks larger than the initial scratch grow it.
  const large = new Int32Array(5000);
  small.fill(rng(34), large, large.length);
  assert.ok(large.every((j) => j >= 0 && j < 10));
});

test("fillRewards: a model's own fill, else sample() in a loop (a user's model needs only sample)", () => {
  const custom: RewardModel = {
    name: "two-point",
    mean: 1.5,
    variance: 0.25,
    secondMoment: 2.5,
    params: { family: "two-point" },
    sample: (r) => (r.next() < 0.5 ? 1 : 2),
  };
  const a = new Float64Array(10);
  fillRewards(custom, rng(41), a, 8);
  const s = rng(41);
  assert.deepEqual(Array.from(a.subarray(0, 8)), Array.from({ length: 8 }, () => custom.sample(s)));
  assert.deepEqual(Array.from(a.subarray(8)), [0, 0]);

  const constant = new Float64Array(5);
  fillRewards(rewards.constant(0.3), rng(42), constant, 5);
  assert.deepEqual(Array.from(constant), [0.3, 0.3, 0.3, 0.3, 0.3]);

  // Exponential and a scaled model through their block fills: mean and variance (5σ).
  const cases: [string, RewardModel][] = [
    ["exponential(0.12)", rewards.exponential(0.12)],
    ["3×gamma(2, 0.5)", rewards.scaled(rewards.gamma(2, 0.5), 3)],
  ];
  const results = cases.flatMap(([label, model]) => {
    const stats = new RunningStats();
    const block = new Float64Array(4096);
    const stream = rng(43, label);
    for (let i = 0; i < 100; i++) {
      fillRewards(model, stream, block, block.length);
      for (const x of block) stats.push(x);
    }
    return [
      check({ label: `${label}: mean`, estimate: stats.mean, stderr: stats.stderr, expected: model.mean }),
      check({ label: `${label}: variance`, estimate: stats.variance, stderr: stats.varianceStderr, expected: model.variance }),
    ];
  });
  assertAgreement(results);
});

test("block samplers: a bad count, scale or output array is a RangeError naming it", () => {
  const out = new Float64Array(4);
  const s = rng(51);
  for (const count of [-1, 5, 1.5, NaN]) {
    assert.throws(() => s.fill(out, count), /^RangeError: count must be an integer in \[0, 4\]/);
    assert.throws(() => s.fillU32(out, count), /^RangeError: count must be an integer in \[0, 4\]/);
    assert.throws(() => fillExponential(s, out, count), /^RangeError: count must be/);
    assert.throws(() => fillRewards(rewards.exponential(1), s, out, count), /^RangeError: count must be/);
  }
  for (const scale of [-1, NaN, Infinity]) assert.throws(() => fillExponential(s, out, 4, scale), /^RangeError: scale must be/);
  assert.throws(() => fillExponential(s, [0, 0] as unknown as Float64Array), /^RangeError: out must be a Float64Array/);
});
