/**
 * Engine version 2 of the ticket sampler and the market paths (lib/sim/engine-version.ts): its generator, sfc64, against
 * numpy's SFC64 and a BigInt transcription of the step; version 1 still selectable and giving the
 * numbers it gave before version 2 existed; version 2's own numbers pinned (its definition); both
 * versions in agreement with the closed forms and with each other at 5 standard errors; chunked runs
 * equal to single ones; bad versions refused by name. (WebAssembly = JavaScript for both versions:
 * lib-wasm-engine.test.ts.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  sampleTicketValues,
  sampleTicketValuesChunk,
  summariseTicketValues,
  simulateTicketPool,
  simulateTicketPoolChunk,
  mergeTicketPoolResults,
  summariseTicketPool,
  type SampleTicketValuesOptions,
} from "../lib/sim";
import { mergeStates } from "../lib/sim/block-moments";
import { planChunks } from "../lib/sim/chunks";
import { Sfc64Stream } from "../lib/random";
import { rewards } from "../lib/rewards";
import { lookaheadTicketValue, lookaheadTicketVariance } from "../lib/model";

const MASK = (1n << 64n) - 1n;

/** The sfc64 step on BigInts, from the algorithm's definition (independent of the int32 halves). */
function bigIntSfc64(state: bigint[]): () => bigint {
  let [a, b, c, w] = state;
  return () => {
    const out = (a + b + w) & MASK;
    w = (w + 1n) & MASK;
    a = b ^ (b >> 11n);
    b = (c + (c << 3n)) & MASK;
    c = (((c << 24n) | (c >> 40n)) + out) & MASK;
    return out;
  };
}

function halves(word: bigint): [number, number] {
  return [Number(word >> 32n) | 0, Number(word & 0xffffffffn) | 0];
}

function fromState(words: bigint[]): Sfc64Stream {
  return new Sfc64Stream(0, [], words.flatMap(halves));
}

function output(stream: Sfc64Stream): bigint {
  stream.step();
  return (BigInt(stream.high) << 32n) | BigInt(stream.low);
}

test("sfc64 gives numpy's SFC64 outputs for the same state", () => {
  // numpy 2.4: SFC64 with state [0x0123456789abcdef, 0x0fedcba987654321, 0x1111111122222222, 1],
  // five random_raw() outputs.
  const stream = fromState([0x0123456789abcdefn, 0x0fedcba987654321n, 0x1111111122222222n, 1n]);
  const numpy = [
    1229782938247303441n,
    12215397898288423613n,
    14796426448577529993n,
    17747337635664132808n,
    3616679746116694615n,
  ];
  assert.deepEqual(
    numpy.map(() => output(stream)),
    numpy,
  );
});

test("sfc64 on int32 halves = sfc64 on BigInts, through every carry (counter wrapping its low half)", () => {
  const starts = [
    [0xffffffffffffffffn, 0xffffffffffffffffn, 0xffffffffffffffffn, 0xfffffffffffffff0n],
    [0x8000000080000000n, 0x7fffffff7fffffffn, 0xfffffffe00000001n, 0x00000000fffffff8n],
    [1n, 2n, 3n, 4n],
  ];
  for (const start of starts) {
    const reference = bigIntSfc64(start);
    const stream = fromState(start);
    for (let i = 0; i < 20_000; i++) assert.equal(output(stream), reference(), `step ${i} from ${start.join(", ")}`);
  }
});

test("Sfc64Stream.next is (k + 1/2)·2^−52 of the top 52 bits: inside (0, 1) at both ends", () => {
  // States whose next output is 0 and 2^64 − 1: a + b + w with a = b = 0 and w chosen.
  const low = fromState([0n, 0n, 5n, 0n]);
  assert.equal(low.next(), 0.5 * 2 ** -52);
  const high = fromState([0n, 0n, 5n, MASK]);
  assert.equal(high.next(), 1 - 2 ** -53);
  const seeded = new Sfc64Stream("s", ["a"]);
  for (let i = 0; i < 10_000; i++) {
    const u = seeded.next();
    assert.ok(u > 0 && u < 1);
  }
  // Seeding is a function of the name only, and names apart give streams apart.
  assert.equal(new Sfc64Stream("s", ["a"]).next(), new Sfc64Stream("s", ["a"]).next());
  assert.notEqual(new Sfc64Stream("s", ["a"]).next(), new Sfc64Stream("s", ["b"]).next());
});

const pinned = { n: 100, d: 0.01, reward: rewards.exponential(1), samples: 100_000, seed: 1, chunkSize: 30_000 };
const pinnedExtreme = {
  n: 1e9,
  d: 1e-9,
  reward: rewards.constant(2),
  samples: 50_000,
  seed: "x",
  estimator: "conditional" as const,
  lookahead: 2,
};

test("engine version 1 still gives the numbers it gave before version 2 existed (commit 6d4a595)", () => {
  const r = sampleTicketValues({ ...pinned, engineVersion: 1 });
  assert.deepEqual(r.state, {
    count: 100000,
    mean: 0.5000672397507417,
    m2: 41598.536016712416,
    m3: 73147.45266006661,
    m4: 243396.46248196965,
    min: 4.640774559171529e-8,
    max: 8.16048487058153,
  });
  const c = sampleTicketValues({ ...pinnedExtreme, engineVersion: 1 });
  assert.deepEqual([c.mean, c.variance], [1.0014002063928855, 0.332771483885441]);
});

test("engine version 2 is the default, and its numbers are pinned (a change of them is a new version)", () => {
  const r = sampleTicketValues(pinned);
  assert.deepEqual(r, sampleTicketValues({ ...pinned, engineVersion: 2 }));
  assert.deepEqual(r.state, {
    count: 100000,
    mean: 0.5022911022168883,
    m2: 42033.05413564622,
    m3: 76571.58668431059,
    m4: 273025.2494122636,
    min: 4.0690761846600933e-7,
    max: 12.22674114394447,
  });
  const c = sampleTicketValues(pinnedExtreme);
  assert.deepEqual([c.mean, c.variance], [0.9963328662509762, 0.33345711570138015]);
});

const agreementCases: [string, SampleTicketValuesOptions][] = [
  ["n = 100, d = 0.01, exponential", { n: 100, d: 0.01, reward: rewards.exponential(1), samples: 2_000_000, seed: 11 }],
  [
    "n = 20, d = 0.05, lookahead 4, conditional",
    {
      n: 20,
      d: 0.05,
      reward: rewards.exponential(2),
      samples: 2_000_000,
      seed: 12,
      estimator: "conditional",
      lookahead: 4,
    },
  ],
  [
    "n = 1e9, d = 1e-9 (exponents beyond the table)",
    { n: 1e9, d: 1e-9, reward: rewards.exponential(1), samples: 2_000_000, seed: 13 },
  ],
  ["n = 3, d = 0.5, constant", { n: 3, d: 0.5, reward: rewards.constant(1), samples: 2_000_000, seed: 14 }],
];

for (const [name, options] of agreementCases) {
  test(`engine versions 1 and 2 agree in distribution, ${name}: each with the closed forms, and with each other, at 5 s.e.`, () => {
    const { n, d, reward, lookahead = 0 } = options;
    const mean = lookaheadTicketValue({ mu: reward.mean, n, d, m: lookahead });
    const variance = lookaheadTicketVariance({ mu: reward.mean, sigma2: reward.variance, n, d, m: lookahead });
    const [one, two] = ([1, 2] as const).map((engineVersion) => sampleTicketValues({ ...options, engineVersion }));
    for (const r of [one, two]) {
      assert.ok(Math.abs(r.mean - mean) <= 5 * r.stderr, `mean ${r.mean} vs ${mean} (s.e. ${r.stderr})`);
      assert.ok(
        Math.abs(r.variance - variance) <= 5 * r.varianceStderr,
        `variance ${r.variance} vs ${variance} (s.e. ${r.varianceStderr})`,
      );
    }
    assert.notEqual(one.mean, two.mean, "the versions draw different numbers");
    assert.ok(Math.abs(one.mean - two.mean) <= 5 * Math.hypot(one.stderr, two.stderr));
    assert.ok(Math.abs(one.variance - two.variance) <= 5 * Math.hypot(one.varianceStderr, two.varianceStderr));
  });
}

test("engine version 2: chunks computed apart and pooled in chunk order give the single run, bit for bit", () => {
  const options = { n: 50, d: 0.02, reward: rewards.exponential(1), samples: 70_000, seed: "w", chunkSize: 20_000 };
  const chunks = planChunks({ total: options.samples, chunkSize: options.chunkSize, totalName: "samples" });
  // Odd chunks first, as a second worker would finish them.
  const order = [...chunks.filter((c) => c.index % 2 === 1), ...chunks.filter((c) => c.index % 2 === 0)];
  const states = new Map(order.map((chunk) => [chunk.index, sampleTicketValuesChunk({ ...options, chunk })]));
  const pooled = mergeStates({ parts: chunks.map((c) => states.get(c.index) ?? assert.fail("missing chunk")) });
  assert.deepEqual(summariseTicketValues({ state: pooled, reward: options.reward }), sampleTicketValues(options));
});

test("bad engine versions are refused by name", () => {
  for (const bad of [0, 3, "2", 1.5, null]) {
    assert.throws(
      () => sampleTicketValues({ ...pinned, samples: 10, engineVersion: bad as unknown as 1 }),
      /^RangeError: engineVersion must be 1 or 2; received /,
    );
  }
});

const market = {
  n: 50,
  d: 0.02,
  reward: rewards.exponential(1),
  paths: 300,
  seed: 1,
  share: 0.2,
  trackRuns: true,
  maxRunLength: 3,
};
const marketPinned = (r: ReturnType<typeof simulateTicketPool>) => [
  r.total.mean,
  r.issued.mean,
  r.unissued.mean,
  r.staticStake.mean,
  r.maintainedNet.mean,
  r.maintainedGross.mean,
  r.total.variance,
  r.runs?.atLeast[1].mean,
];

test("market paths: version 1 gives its numbers of before version 2, version 2 (the default) its pinned ones", () => {
  assert.deepEqual(
    marketPinned(simulateTicketPool({ ...market, engineVersion: 1 })),
    [
      50.71512314506115, 25.626298552553298, 25.08882459250786, 5.0747905648762766, 5.131086859756137,
      10.115826422531034, 25.745522172130816, 44.32666666666667,
    ],
  );
  assert.deepEqual(
    marketPinned(simulateTicketPool(market)),
    [
      50.55089519172736, 25.48529700057677, 25.065598191150592, 5.0776885157865115, 5.185904914778633,
      10.121102461897515, 23.727782103040983, 44.050000000000004,
    ],
  );
});

test("market paths: versions 1 and 2 agree in distribution with the closed forms and with each other at 5 s.e.", () => {
  const options = { n: 20, d: 0.05, reward: rewards.exponential(1), paths: 20_000, seed: 21, share: 0.25 };
  const [one, two] = ([1, 2] as const).map((engineVersion) => simulateTicketPool({ ...options, engineVersion }));
  const { n, d } = options;
  const k = one.k;
  // Observation 4: the tickets issued at time 0 earn nμ/(nd+1), k of them kμ/(nd+1); the whole stream μ/d
  // (each less at most the truncation bound beyond the horizon).
  const expected = { issued: n / (n * d + 1), staticStake: k / (n * d + 1), total: 1 / d };
  for (const r of [one, two]) {
    for (const [key, value] of Object.entries(expected) as [keyof typeof expected, number][]) {
      const s = r[key];
      assert.ok(
        Math.abs(s.mean - value) <= 5 * s.stderr + r.truncationBound,
        `${key}: ${s.mean} vs ${value} (s.e. ${s.stderr})`,
      );
    }
  }
  for (const key of ["total", "issued", "unissued", "staticStake", "maintainedNet", "maintainedGross"] as const) {
    assert.notEqual(one[key].mean, two[key].mean);
    assert.ok(Math.abs(one[key].mean - two[key].mean) <= 5 * Math.hypot(one[key].stderr, two[key].stderr), key);
    assert.ok(
      Math.abs(one[key].variance - two[key].variance) <=
        5 * Math.hypot(one[key].varianceStderr, two[key].varianceStderr),
      `${key} variance`,
    );
  }
});

test("market paths, version 2: chunks computed apart and pooled in chunk order give the single run", () => {
  const options = { ...market, paths: 150, chunkSize: 40 };
  const parts = [3, 1, 0, 2]
    .map((index) => ({
      index,
      part: simulateTicketPoolChunk({ ...options, chunk: { index, size: index < 3 ? 40 : 30 } }),
    }))
    .sort((a, b) => a.index - b.index)
    .map((c) => c.part);
  const whole = simulateTicketPool(options);
  assert.deepEqual(summariseTicketPool({ result: mergeTicketPoolResults({ parts }), options }), whole);
  assert.throws(
    () => simulateTicketPool({ ...market, engineVersion: 3 as unknown as 1 }),
    /engineVersion must be 1 or 2; received 3/,
  );
});
