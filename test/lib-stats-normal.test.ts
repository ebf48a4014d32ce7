import { test } from "node:test";
import assert from "node:assert/strict";
import { normalCdf, normalSurvival, normalPdf, normalQuantile } from "../lib/stats";

// Reference values of Φ (from high-precision tables, e.g. Abramowitz & Stegun / mpmath).
const REFERENCE: Array<[number, number]> = [
  [-10, 7.619853024160527e-24],
  [-5, 2.866515718791939e-7],
  [-3, 1.3498980316300946e-3],
  [-1.959963984540054, 0.025],
  [-1, 0.15865525393145707],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [2.5, 0.9937903346742238],
  [3.5, 0.9997673709209645],
];

function closeRelative(label: string, actual: number, expected: number, relative: number): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${label}: ${actual} vs ${expected}`);
}

test("Φ matches reference values to ~1e-13 relative, in both tails", () => {
  for (const [x, p] of REFERENCE) closeRelative(`Φ(${x})`, normalCdf({ x }), p, 2e-13);
  closeRelative("Q(5)", normalSurvival({ x: 5 }), 2.866515718791939e-7, 2e-13);
  assert.equal(normalCdf({ x: -Infinity }), 0);
  assert.equal(normalCdf({ x: Infinity }), 1);
  assert.ok(Number.isNaN(normalCdf({ x: NaN })));
  closeRelative("φ(0)", normalPdf({ x: 0 }), 1 / Math.sqrt(2 * Math.PI), 1e-15);
});

test("Φ agrees with Simpson integration of φ and is continuous at the series/fraction switch (|x| = 3)", () => {
  for (const x of [-4, -2.2, -0.3, 1.7, 2.999, 3.001]) {
    const steps = 20_000;
    const a = -12;
    const h = (x - a) / steps;
    let sum = normalPdf({ x: a }) + normalPdf({ x });
    for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * normalPdf({ x: a + i * h });
    closeRelative(`Φ(${x}) vs ∫φ`, normalCdf({ x }), (sum * h) / 3, 1e-11);
  }
  const left = normalCdf({ x: 3 - 1e-12 });
  const right = normalCdf({ x: 3 + 1e-12 });
  assert.ok(right >= left && right - left < 1e-14);
});

test("Φ⁻¹ inverts Φ to near machine precision and hits known quantiles", () => {
  closeRelative("Φ⁻¹(0.975)", normalQuantile({ p: 0.975 }), 1.959963984540054, 1e-14);
  closeRelative("Φ⁻¹(0.75)", normalQuantile({ p: 0.75 }), 0.6744897501960817, 1e-14);
  closeRelative("Φ⁻¹(0.95)", normalQuantile({ p: 0.95 }), 1.6448536269514722, 1e-14);
  closeRelative("Φ⁻¹(1e-10)", normalQuantile({ p: 1e-10 }), -6.361340902404056, 1e-13);
  for (const x of [-30, -8, -3.1, -1, -0.01, 0.3, 2, 5]) {
    closeRelative(`Φ⁻¹(Φ(${x}))`, normalQuantile({ p: normalCdf({ x }) }), x, x > 4 ? 1e-7 : 1e-12);
  }
  assert.equal(normalQuantile({ p: 0.5 }), 0);
  assert.equal(normalQuantile({ p: 0 }), -Infinity);
  assert.equal(normalQuantile({ p: 1 }), Infinity);
  assert.throws(() => normalQuantile({ p: 1.5 }), /p must be/);
  assert.throws(() => normalQuantile({ p: NaN }), /p must be/);
});
