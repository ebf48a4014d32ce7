/**
 * Reproducibility: the same seed gives the same output; a run split into chunks (computed in any
 * order, e.g. by different workers) and pooled in chunk order equals the single-process run
 * exactly; different seeds give different output.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  planChunks,
  mergeStates,
  sampleTicketValues,
  sampleTicketValuesChunk,
  summariseTicketValues,
  sampleWaits,
  sampleWaitsChunk,
  mergeWaitCounts,
  simulateNpv,
  simulateNpvChunk,
  mergeNpvResults,
  simulateTicketPool,
  simulateTicketPoolChunk,
  mergeTicketPoolResults,
  summariseTicketPool,
} from "../lib/sim";
import { rewards } from "../lib/rewards";

const reward = rewards.exponential(1);

/** Computes chunks the way two workers would (odd ones first, out of order), then restores chunk order. */
function asTwoWorkers<T>(count: number, compute: (index: number) => T): T[] {
  const results = new Array<T>(count);
  for (let i = count - 1; i >= 0; i -= 2) results[i] = compute(i); // "worker B", backwards
  for (let i = count - 2; i >= 0; i -= 2) results[i] = compute(i); // "worker A"
  return results;
}

for (const estimator of ["direct", "conditional"] as const) {
  test(`ticket values (${estimator}): same seed same output; chunks merged in order = single run; seeds differ`, () => {
    const base = { n: 30, d: 0.03, reward, seed: 42, estimator, lookahead: 2 };
    const single = sampleTicketValues({ ...base, samples: 10_000, chunkSize: 1500 });
    assert.deepEqual(sampleTicketValues({ ...base, samples: 10_000, chunkSize: 1500 }), single);
    const chunks = planChunks({ total: 10_000, chunkSize: 1500 });
    assert.equal(chunks.length, 7);
    const states = asTwoWorkers(chunks.length, (i) => sampleTicketValuesChunk({ ...base, chunk: chunks[i] }));
    assert.deepEqual(summariseTicketValues({ state: mergeStates({ parts: states }), reward, estimator }), single);
    const other = sampleTicketValues({ ...base, seed: 43, samples: 10_000, chunkSize: 1500 });
    assert.notEqual(other.mean, single.mean);
  });
}

test("ticket values: the default chunking is part of the definition (other chunk sizes differ only by sampling)", () => {
  const base = { n: 30, d: 0.03, reward, seed: 1, samples: 4000 };
  const a = sampleTicketValues({ ...base, chunkSize: 1000 });
  const b = sampleTicketValues({ ...base, chunkSize: 2000 });
  assert.equal(a.count, b.count);
  assert.notEqual(a.mean, b.mean); // chunks 1..3 draw from different streams
});

test("waits: chunks merged in order = single run", () => {
  const base = { n: 7, seed: "w", bins: 20 };
  const single = sampleWaits({ ...base, samples: 5000, chunkSize: 1000 });
  assert.deepEqual(sampleWaits({ ...base, samples: 5000, chunkSize: 1000 }), single);
  const chunks = planChunks({ total: 5000, chunkSize: 1000 });
  const parts = asTwoWorkers(chunks.length, (i) => sampleWaitsChunk({ ...base, chunk: chunks[i] }));
  const merged = mergeWaitCounts({ parts });
  assert.deepEqual(merged.counts, single.counts);
  assert.equal(merged.overflow, single.overflow);
  assert.deepEqual(merged.state, single.state);
  assert.notDeepEqual(sampleWaits({ ...base, seed: "v", samples: 5000, chunkSize: 1000 }).counts, single.counts);
});

test("NPV: chunks merged in order = single run", () => {
  const base = { d: 0.1, reward, seed: 5, checkpoints: [3, 30] };
  const single = simulateNpv({ ...base, paths: 50, chunkSize: 8 });
  assert.deepEqual(simulateNpv({ ...base, paths: 50, chunkSize: 8 }), single);
  const chunks = planChunks({ total: 50, chunkSize: 8 });
  const parts = asTwoWorkers(chunks.length, (i) => simulateNpvChunk({ ...base, chunk: chunks[i] }));
  assert.deepEqual(mergeNpvResults({ parts }), single.result);
  assert.notEqual(simulateNpv({ ...base, seed: 6, paths: 50, chunkSize: 8 }).npv.mean, single.npv.mean);
});

test("market: chunks merged in order = single run (with runs tracked)", () => {
  const base = { n: 12, d: 0.05, reward, seed: "m", share: 0.25, trackRuns: true, maxRunLength: 4 };
  const single = simulateTicketPool({ ...base, paths: 40, chunkSize: 6 });
  assert.deepEqual(simulateTicketPool({ ...base, paths: 40, chunkSize: 6 }), single);
  const chunks = planChunks({ total: 40, chunkSize: 6 });
  const parts = asTwoWorkers(chunks.length, (i) => simulateTicketPoolChunk({ ...base, chunk: chunks[i] }));
  assert.deepEqual(summariseTicketPool({ result: mergeTicketPoolResults({ parts }), options: base }), single);
  assert.notEqual(simulateTicketPool({ ...base, seed: "n", paths: 40, chunkSize: 6 }).total.mean, single.total.mean);
});

test("market: the stamp array is reset correctly across more than 255 paths in one chunk", () => {
  // With one chunk of 600 paths the per-path stamps wrap twice; the issued value must stay right:
  // at n = 1 the original ticket always wins slot 1, so issued = R_1/(1+d) and unissued the rest.
  const m = simulateTicketPool({
    n: 1,
    d: 0.5,
    reward: rewards.constant(1),
    paths: 600,
    seed: 1,
    chunkSize: 600,
    horizon: 3,
  });
  assert.equal(m.issued.mean, 1 / 1.5);
  assert.equal(m.issued.variance, 0);
  assert.ok(Math.abs(m.unissued.mean - (1 / 1.5 ** 2 + 1 / 1.5 ** 3)) < 1e-15);
});
