/**
 * replicationsFor: the closed form R = ⌈(z·s/h)²⌉ against exact values, and against simulation:
 * intervals mean ± h over R normal draws must cover the true mean at the stated level.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { normal, rng } from "../lib/random";
import { replicationsFor } from "../lib/sweep";

test("replicationsFor is ⌈(z·s/h)²⌉: exact values at z(0.95) = 1.959964, z(0.99) = 2.575829", () => {
  assert.equal(replicationsFor({ sd: 0.1, halfWidth: 0.01 }), Math.ceil(1.959963984540054 ** 2 * 100));
  assert.equal(replicationsFor({ sd: 1, halfWidth: 0.1, level: 0.99 }), Math.ceil(2.5758293035489 ** 2 * 100));
  assert.equal(replicationsFor({ sd: 1, halfWidth: 10 }), 2, "never fewer than 2 (a standard deviation needs two)");
  // Halving the half-width quadruples the replications (up to the ceiling).
  const r1 = replicationsFor({ sd: 3, halfWidth: 0.2 });
  const r2 = replicationsFor({ sd: 3, halfWidth: 0.1 });
  assert.ok(Math.abs(r2 - 4 * r1) <= 4, `${r2} vs 4 × ${r1}`);
});

test("intervals of half-width h over R = replicationsFor(s, h) draws cover the mean 95 % of the time (simulation)", () => {
  const sd = 2;
  const halfWidth = 0.1;
  const R = replicationsFor({ sd, halfWidth });
  const pilots = 2000;
  const stream = rng(2026, "replications-for");
  let covered = 0;
  for (let k = 0; k < pilots; k++) {
    let sum = 0;
    for (let i = 0; i < R; i++) sum += sd * normal(stream);
    if (Math.abs(sum / R) <= halfWidth) covered++;
  }
  const coverage = covered / pilots;
  // The ceiling makes the interval a hair wider than needed (coverage ≈ 0.9501 at this R).
  const se = Math.sqrt((0.95 * 0.05) / pilots);
  assert.ok(Math.abs(coverage - 0.95) <= 4.5 * se, `coverage ${coverage} vs 0.95 ± ${4.5 * se}`);
  // The alternatives (no square: R = z·s/h; or z = 1) would give coverage near 0.27 and 0.68, far outside this band.
});

test("replicationsFor refuses bad input, naming the parameter", () => {
  assert.throws(() => replicationsFor({ sd: 0, halfWidth: 0.1 }), /sd/);
  assert.throws(() => replicationsFor({ sd: 1, halfWidth: -1 }), /halfWidth/);
  assert.throws(() => replicationsFor({ sd: 1, halfWidth: 0.1, level: 1 }), /level/);
  assert.throws(() => replicationsFor({ sd: 1e200, halfWidth: 1e-200 }), /more replications than can be counted/);
  assert.throws(() => replicationsFor({ sd: 1, halfWidth: 0.1, levle: 0.9 } as never), /levle is not a known key/);
});
