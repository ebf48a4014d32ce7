/** Bad input: every engine throws a RangeError naming the offending parameter. */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  sampleTicketValues,
  sampleTicketValuesChunk,
  sampleWaits,
  simulateNpv,
  simulateTicketPool,
  horizonForTolerance,
  truncationBound,
  planChunks,
  DiscountTable,
  mergeStates,
  mergeWaitCounts,
  mergeNpvResults,
  mergeTicketPoolResults,
} from "../lib/sim";
import { rewards } from "../lib/rewards";

const reward = rewards.exponential(1);

function rejects(name: string, run: () => unknown): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof RangeError, `expected a RangeError, got ${String(error)}`);
    assert.match(error.message, new RegExp(`^${name.replace(/[.[\]]/g, "\\$&")} must be`));
    return true;
  });
}

const BAD_COUNTS = [0, -1, 2.5, NaN, Infinity, "3"];

test("sampleTicketValues rejects bad n, d, samples, seed, estimator, lookahead, reward, chunkSize", () => {
  const ok = { n: 10, d: 0.05, reward, samples: 10, seed: 1 };
  for (const n of BAD_COUNTS) rejects("n", () => sampleTicketValues({ ...ok, n: n as number }));
  for (const d of [0, -0.1, NaN, Infinity]) rejects("d", () => sampleTicketValues({ ...ok, d }));
  for (const samples of BAD_COUNTS) rejects("samples", () => sampleTicketValues({ ...ok, samples: samples as number }));
  for (const seed of [NaN, "", Infinity, null])
    rejects("seed", () => sampleTicketValues({ ...ok, seed: seed as number }));
  rejects("estimator", () => sampleTicketValues({ ...ok, estimator: "plain" as "direct" }));
  for (const lookahead of [-1, 0.5, NaN]) rejects("lookahead", () => sampleTicketValues({ ...ok, lookahead }));
  for (const bad of [null, {}, { mean: NaN, sample: () => 1 }, { mean: -1, sample: () => 1 }]) {
    rejects("reward", () => sampleTicketValues({ ...ok, reward: bad as unknown as typeof reward }));
  }
  rejects("chunkSize", () => sampleTicketValues({ ...ok, chunkSize: 0 }));
  rejects("chunk.size", () => sampleTicketValuesChunk({ ...ok, chunk: { index: 0, size: 0 } }));
  rejects("chunk.index", () => sampleTicketValuesChunk({ ...ok, chunk: { index: -1, size: 5 } }));
});

test("sampleWaits rejects bad n, samples, bins, binWidth", () => {
  const ok = { n: 10, samples: 10, seed: 1 };
  for (const n of BAD_COUNTS) rejects("n", () => sampleWaits({ ...ok, n: n as number }));
  for (const samples of BAD_COUNTS) rejects("samples", () => sampleWaits({ ...ok, samples: samples as number }));
  rejects("bins", () => sampleWaits({ ...ok, bins: 0 }));
  rejects("binWidth", () => sampleWaits({ ...ok, binWidth: 1.5 }));
});

test("simulateNpv rejects bad d, paths, horizon, tolerance, checkpoints", () => {
  const ok = { d: 0.1, reward, paths: 2, seed: 1 };
  for (const d of [0, NaN, -1]) rejects("d", () => simulateNpv({ ...ok, d }));
  for (const paths of BAD_COUNTS) rejects("paths", () => simulateNpv({ ...ok, paths: paths as number }));
  for (const horizon of [0, 1.5, NaN]) rejects("horizon", () => simulateNpv({ ...ok, horizon }));
  for (const tolerance of [0, 1, -1, NaN]) rejects("tolerance", () => simulateNpv({ ...ok, tolerance }));
  rejects("checkpoints[1]", () => simulateNpv({ ...ok, horizon: 10, checkpoints: [2, 11] }));
  rejects("checkpoints[0]", () => simulateNpv({ ...ok, horizon: 10, checkpoints: [0] }));
});

test("simulateTicketPool rejects bad n, d, paths, share, horizon, tolerance, trackRuns, maxRunLength, reward", () => {
  const ok = { n: 10, d: 0.1, reward, paths: 2, seed: 1 };
  for (const n of [...BAD_COUNTS, 2 ** 31]) rejects("n", () => simulateTicketPool({ ...ok, n: n as number }));
  for (const d of [0, NaN, Infinity]) rejects("d", () => simulateTicketPool({ ...ok, d }));
  for (const paths of BAD_COUNTS) rejects("paths", () => simulateTicketPool({ ...ok, paths: paths as number }));
  for (const share of [-0.1, 1.5, NaN]) rejects("share", () => simulateTicketPool({ ...ok, share }));
  rejects("horizon", () => simulateTicketPool({ ...ok, horizon: 0 }));
  rejects("tolerance", () => simulateTicketPool({ ...ok, tolerance: 2 }));
  rejects("trackRuns", () => simulateTicketPool({ ...ok, trackRuns: "yes" as unknown as boolean }));
  rejects("maxRunLength", () => simulateTicketPool({ ...ok, trackRuns: true, maxRunLength: 0 }));
  rejects("reward", () => simulateTicketPool({ ...ok, reward: undefined as unknown as typeof reward }));
  rejects("seed", () => simulateTicketPool({ ...ok, seed: undefined as unknown as number }));
});

test("helpers reject bad input", () => {
  rejects("d", () => horizonForTolerance({ d: 0, tolerance: 0.1 }));
  rejects("tolerance", () => horizonForTolerance({ d: 0.1, tolerance: 0 }));
  rejects("horizon", () => truncationBound({ mu: 1, d: 0.1, horizon: 0 }));
  rejects("mu", () => truncationBound({ mu: -1, d: 0.1, horizon: 3 }));
  rejects("total", () => planChunks({ total: 0, chunkSize: 3 }));
  rejects("chunkSize", () => planChunks({ total: 3, chunkSize: 0.5 }));
  rejects("d", () => new DiscountTable({ d: NaN }));
});

test("merging helpers reject missing or empty chunk lists", () => {
  rejects("parts", () => mergeStates({ parts: undefined as unknown as [] }));
  rejects("parts", () => mergeWaitCounts({ parts: [] }));
  rejects("parts", () => mergeNpvResults({ parts: [] }));
  rejects("parts", () => mergeTicketPoolResults({ parts: null as unknown as [] }));
});
