/**
 * Issue 19, item 6: long engine work shows progress. Every engine reports once per chunk (chunks done of
 * all, seconds elapsed) in the sweep's progress shape, and the numbers do not depend on being watched.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rewards } from "../lib/rewards";
import { sampleTicketValues, simulateNpv, simulateTicketPool, sampleWaits, type EngineProgress } from "../lib/sim";

const reward = rewards.exponential(1);

test("each engine reports its chunks in order, and watching does not change the numbers", () => {
  const runs: [string, (on?: (p: EngineProgress) => void) => unknown, number][] = [
    [
      "sampleTicketValues",
      (on) => sampleTicketValues({ n: 20, d: 0.05, reward, samples: 10_000, chunkSize: 1000, seed: 3, onProgress: on }),
      10,
    ],
    [
      "simulateNpv",
      (on) => simulateNpv({ d: 0.2, reward, paths: 400, chunkSize: 100, seed: 3, tolerance: 1e-3, onProgress: on }),
      4,
    ],
    [
      "simulateTicketPool",
      (on) =>
        simulateTicketPool({
          n: 5,
          d: 0.2,
          reward,
          paths: 300,
          chunkSize: 100,
          seed: 3,
          tolerance: 1e-3,
          onProgress: on,
        }),
      3,
    ],
    ["sampleWaits", (on) => sampleWaits({ n: 10, samples: 5000, chunkSize: 1000, seed: 3, onProgress: on }), 5],
  ];
  for (const [name, run, chunks] of runs) {
    const seen: EngineProgress[] = [];
    const watched = run((p) => seen.push(p));
    assert.deepEqual(
      seen.map((p) => [p.done, p.total, p.cached]),
      Array.from({ length: chunks }, (_, i) => [i + 1, chunks, 0]),
      name,
    );
    assert.ok(
      seen.every((p, i) => p.elapsed >= 0 && (i === 0 || p.elapsed >= seen[i - 1].elapsed)),
      name,
    );
    assert.deepEqual(watched, run(), `${name}: the same numbers with and without progress`);
  }
  assert.throws(
    () => sampleTicketValues({ n: 20, d: 0.05, reward, samples: 10, seed: 1, onProgress: 5 as never }),
    /onProgress must be a function; received 5/,
  );
});
