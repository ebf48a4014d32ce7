/**
 * The WebAssembly hot loops (lib/wasm) against the JavaScript ones they replace: the module is
 * built from the current sources and loads; every result of the ticket sampler and the market
 * engine is bit-identical on both engines (deepStrictEqual on the whole summaries, so a single
 * differing draw, ulp or stream state fails), over the code paths the kernels branch on: both
 * estimators (in both engine versions: sfc32 and sfc64 streams), constant and exponential rewards, lookahead, n = 1, exponents beyond the 2^24-entry
 * table, Lemire positions and 52-bit positions, run tracking, several blocks and chunks, and
 * enough draws that the ziggurat's rare wedge and tail paths are taken. A negative control shows
 * the comparison notices a one-bit change. Reward models the kernels do not draw, and very large
 * markets, fall back to JavaScript; bad engine names are refused.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import {
  sampleTicketValues,
  simulateTicketPool,
  type SampleTicketValuesOptions,
  type SimulateTicketPoolOptions,
} from "../lib/sim";
import { rewards, ExponentialReward } from "../lib/rewards";
import { rng, exponential, Sfc64Stream, type Rng } from "../lib/random";
import { EXPONENTIAL_TABLES } from "../lib/random/ziggurat-tables";
import { simulationEngine, setSimulationEngine, type SimulationEngine } from "../lib/wasm";
import { wasmModule } from "../lib/wasm/wasm-module";
import { WASM_DIGEST_FILE, wasmSourceDigest } from "../lib/wasm/build-info";
import { WasmTicketBlocks } from "../lib/wasm/ticket-block";
import { WasmMarketPaths } from "../lib/wasm/market-path";
import { DiscountTable } from "../lib/model/discount-table";

/** Runs `compute` on one engine, then restores the default. */
function on<T>(engine: SimulationEngine, compute: () => T): T {
  setSimulationEngine(engine);
  try {
    assert.equal(simulationEngine(), engine);
    return compute();
  } finally {
    setSimulationEngine("auto");
  }
}

test("the WebAssembly module is built from the current sources and is the default engine", () => {
  assert.equal(readFileSync(WASM_DIGEST_FILE, "utf8").trim(), wasmSourceDigest());
  setSimulationEngine("auto");
  assert.equal(simulationEngine(), "wasm");
});

const ticketCases: [string, SampleTicketValuesOptions][] = [
  [
    "direct, exponential, 3 chunks of 3 blocks",
    { n: 100, d: 0.01, reward: rewards.exponential(1), samples: 30_000, chunkSize: 10_000, seed: 1 },
  ],
  [
    "conditional, lookahead 3",
    {
      n: 20,
      d: 0.05,
      reward: rewards.exponential(2),
      samples: 20_000,
      seed: "c",
      estimator: "conditional",
      lookahead: 3,
    },
  ],
  ["direct, constant reward", { n: 7, d: 0.2, reward: rewards.constant(3), samples: 9_000, seed: 2 }],
  ["n = 1 (T = 1 always)", { n: 1, d: 0.01, reward: rewards.exponential(1), samples: 5_000, seed: 3 }],
  [
    "n = 1e9, d = 1e-9: exponents beyond the table (Math.exp path)",
    { n: 1e9, d: 1e-9, reward: rewards.exponential(1), samples: 20_000, seed: 4 },
  ],
  [
    "conditional, n = 2^40",
    { n: 2 ** 40, d: 1e-6, reward: rewards.exponential(1), samples: 10_000, seed: 5, estimator: "conditional" },
  ],
  [
    "n = 1e9, constant reward (Math.exp in the loop)",
    { n: 1e9, d: 1e-9, reward: rewards.constant(2), samples: 5_000, seed: 6 },
  ],
  // Just below the kernel's OFTEN_BEYOND_TABLE: the loop returns to its driver for the ~1.5 % of
  // samples whose exponent passes 2^24 (E > 4.19), ~300 of 20,000, in each reward kind.
  [
    "n = 4e6: exponents beyond the table returned to the driver, exponential reward",
    { n: 4e6, d: 1e-7, reward: rewards.exponential(1), samples: 20_000, seed: 7 },
  ],
  ["n = 4e6, constant reward", { n: 4e6, d: 1e-7, reward: rewards.constant(2), samples: 20_000, seed: 8 }],
  [
    "n = 4e6, conditional",
    { n: 4e6, d: 1e-7, reward: rewards.exponential(1), samples: 20_000, seed: 9, estimator: "conditional" },
  ],
  // 400k exponential draws: about 180 tail and 4,000 wedge cases of the ziggurat.
  [
    "direct, 200k samples (ziggurat edge paths)",
    { n: 50, d: 0.001, reward: rewards.exponential(0.5), samples: 200_000, seed: "edges" },
  ],
];

for (const engineVersion of [1, 2] as const) {
  for (const [name, options] of ticketCases) {
    test(`ticket sampler (engine version ${engineVersion}), ${name}: WebAssembly = JavaScript, bit for bit`, () => {
      const js = on("js", () => sampleTicketValues({ ...options, engineVersion }));
      const wasm = on("wasm", () => sampleTicketValues({ ...options, engineVersion }));
      assert.deepStrictEqual(wasm, js);
    });
  }
}

const marketCases: [string, SimulateTicketPoolOptions][] = [
  ["n = 100, exponential, the bench's model", { n: 100, d: 0.01, reward: rewards.exponential(1), paths: 300, seed: 1 }],
  [
    "runs tracked, 2 chunks",
    {
      n: 10,
      d: 0.02,
      reward: rewards.exponential(1),
      paths: 100,
      chunkSize: 50,
      seed: 2,
      share: 0.3,
      trackRuns: true,
      maxRunLength: 6,
    },
  ],
  [
    "n = 3e6: 52-bit positions, constant reward, runs",
    { n: 3_000_000, d: 0.002, reward: rewards.constant(2), paths: 6, seed: 3, share: 0.5, trackRuns: true },
  ],
  [
    "n = 3e6: 52-bit positions, exponential reward, runs",
    { n: 3_000_000, d: 0.002, reward: rewards.exponential(1), paths: 4, seed: 7, share: 0.5, trackRuns: true },
  ],
  [
    "n = 3e6: 52-bit positions, exponential reward",
    { n: 3_000_000, d: 0.002, reward: rewards.exponential(2), paths: 4, seed: 8, share: 0.3 },
  ],
  ["n = 1, share 1", { n: 1, d: 0.05, reward: rewards.exponential(1), paths: 40, seed: 4, share: 1 }],
  [
    "share 0, 600 paths in one chunk (stamp epochs wrap past 255)",
    { n: 5, d: 0.1, reward: rewards.exponential(1), paths: 600, chunkSize: 600, seed: 5, share: 0 },
  ],
  [
    "a fixed horizon",
    { n: 40, d: 0.001, reward: rewards.exponential(3), paths: 20, seed: 6, horizon: 5000, trackRuns: true },
  ],
];

for (const engineVersion of [1, 2] as const) {
  for (const [name, options] of marketCases) {
    test(`market (engine version ${engineVersion}), ${name}: WebAssembly = JavaScript, bit for bit`, () => {
      const js = on("js", () => simulateTicketPool({ ...options, engineVersion }));
      const wasm = on("wasm", () => simulateTicketPool({ ...options, engineVersion }));
      assert.deepStrictEqual(wasm, js);
    });
  }
}

// Each version's quick path reads its own copy of the layer edges (version 2's scaled by 2^−44).
for (const [engineVersion, global] of [
  [1, "ZIGGURAT_X"],
  [2, "ZIGGURAT44_X"],
] as const) {
  test(`negative control (engine version ${engineVersion}): one flipped bit in the kernels' ziggurat table changes the results`, () => {
    const wasm = on("wasm", () => wasmModule());
    assert.ok(wasm !== null);
    const table = new Float64Array(wasm.exports.memory.buffer, wasm.exports[global].value as number, 257);
    const options = { ...ticketCases[0][1], engineVersion };
    const js = on("js", () => sampleTicketValues(options));
    const saved = table[200];
    const bits = new BigUint64Array(table.buffer, table.byteOffset + 200 * 8, 1);
    // Mantissa bit 20 of layer 200's edge: a relative change of 2^−32 in 1/256 of the draws (the
    // last bit would mostly vanish in the rounding of the power sums).
    bits[0] ^= 1n << 20n;
    try {
      assert.notDeepStrictEqual(
        on("wasm", () => sampleTicketValues(options)),
        js,
      );
    } finally {
      table[200] = saved;
    }
    assert.deepStrictEqual(
      on("wasm", () => sampleTicketValues(options)),
      js,
    );
  });
}

/** lib/random's ziggurat, counting its edge cases: the tail beyond r and the wedge tests. */
function countingExponential(stream: Rng, counts: { tail: number; wedge: number }): number {
  const { r, x, f, ratio } = EXPONENTIAL_TABLES;
  const scaled = stream.next() * 256;
  const layer = scaled | 0;
  const position = scaled - layer;
  if (position < ratio[layer]) return position * x[layer];
  if (layer === 0) {
    counts.tail++;
    return r + countingExponential(stream, counts);
  }
  counts.wedge++;
  const at = position * x[layer];
  if (f[layer] + stream.next() * (f[layer + 1] - f[layer]) < Math.exp(-at)) return at;
  return countingExponential(stream, counts);
}

for (const engineVersion of [1, 2] as const) {
  test(`the ziggurat's tail and wedge paths are taken in the case that claims them (engine version ${engineVersion})`, () => {
    const counts = { tail: 0, wedge: 0 };
    // The case's only chunk, in the version's generator.
    const stream = () => (engineVersion === 1 ? rng("edges", "chunk", 0) : new Sfc64Stream("edges", ["chunk", 0]));
    const replay = stream();
    const check = stream();
    for (let i = 0; i < 400_000; i++) {
      // Two exponentials per sample (T's and the reward's), drawn as the library draws them.
      assert.equal(countingExponential(replay, counts), exponential(check));
    }
    assert.ok(counts.tail >= 50, `tail cases: ${counts.tail}`);
    assert.ok(counts.wedge >= 1000, `wedge cases: ${counts.wedge}`);
  });
}

test("reward models the kernels do not draw run in JavaScript (and give the same numbers)", () => {
  const table = new DiscountTable({ d: 0.01, offset: 1 });
  const common = { estimator: "direct" as const, table, scale: 10, shift: 0 };
  assert.equal(WasmTicketBlocks.create({ ...common, reward: rewards.gamma(2, 0.5) }), null);
  class Doubled extends ExponentialReward {
    override sample(r: Parameters<ExponentialReward["sample"]>[0]): number {
      return 2 * super.sample(r);
    }
  }
  assert.equal(WasmTicketBlocks.create({ ...common, reward: new Doubled(1) }), null);
  assert.notEqual(WasmTicketBlocks.create({ ...common, reward: rewards.exponential(1) }), null);
  assert.notEqual(
    WasmTicketBlocks.create({ ...common, estimator: "conditional", reward: rewards.gamma(2, 0.5) }),
    null,
  );
  const market = { n: 10, d: 0.01, k: 1, price: 0.5, horizon: 100, maxRun: 0 };
  assert.equal(WasmMarketPaths.create({ ...market, reward: rewards.lognormal({ meanLog: 0, sdLog: 1 }) }), null);
  // Markets above 2^26 positions keep their stamps in JavaScript (a WebAssembly memory never shrinks).
  assert.notEqual(WasmMarketPaths.create({ ...market, n: 2 ** 26, reward: rewards.exponential(1) }), null);
  assert.equal(WasmMarketPaths.create({ ...market, n: 2 ** 26 + 1, reward: rewards.exponential(1) }), null);
  const options = { n: 10, d: 0.05, reward: new Doubled(1), paths: 50, seed: 9 };
  assert.deepStrictEqual(
    on("wasm", () => simulateTicketPool(options)),
    on("js", () => simulateTicketPool(options)),
  );
});

test("bad engine names are refused, naming the parameter or variable", () => {
  for (const bad of ["WASM", "", "native", undefined, 1]) {
    assert.throws(
      () => setSimulationEngine(bad as SimulationEngine),
      (e: unknown) => e instanceof RangeError && /^engine must be "wasm", "js" or "auto"; received /.test(e.message),
    );
  }
  const child = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      'require("./lib/sim").sampleTicketValues({ n: 10, d: 0.1, reward: require("./lib/rewards").rewards.exponential(1), samples: 10, seed: 1 })',
    ],
    {
      encoding: "utf8",
      env: { ...process.env, ET_ENGINE: "fast" },
    },
  );
  assert.notEqual(child.status, 0);
  assert.match(child.stderr, /ET_ENGINE must be "wasm", "js" or "auto" \(or unset\); received "fast"/);
});

test("no integer reaches a WebAssembly kernel wrapped: out-of-range arguments are refused by name (issue 19, item 6)", async () => {
  const { wasmInt } = await import("../lib/wasm/narrow");
  const { WasmMarketPaths } = await import("../lib/wasm/market-path");
  assert.equal(wasmInt({ name: "horizon", value: 2 ** 31 - 1 }), 2 ** 31 - 1);
  for (const bad of [2 ** 31, 2 ** 32 + 5, -1, 1.5, Number.NaN]) {
    assert.throws(
      () => wasmInt({ name: "horizon", value: bad }),
      /horizon must be an integer in \[0, 2147483647\] .*it would wrap/,
    );
  }
  assert.throws(() => wasmInt({ name: "epoch", value: 256, max: 255 }), /epoch must be an integer in \[0, 255\]/);
  const paths = WasmMarketPaths.create({
    n: 10,
    d: 0.01,
    k: 2,
    reward: rewards.exponential(1),
    price: 0.9,
    horizon: 2 ** 32 + 5,
    maxRun: 0,
  });
  assert.ok(paths, "the kernel is available for this model");
  const stream = rng(1);
  assert.throws(
    () => paths?.path(stream, 1, new Float64Array(6), new Float64Array(1)),
    /horizon must be an integer in \[0, 2147483647\] to reach the WebAssembly kernel; received 4294967301/,
  );
});
