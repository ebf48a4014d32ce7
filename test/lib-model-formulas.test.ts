/**
 * `formulas`: each mathjs expression agrees with the library function of the same name on a grid of
 * inputs, its LaTeX renders with KaTeX, and importing lib/model does not load mathjs.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as model from "../lib/model";
import { formulas, type Formula, type FormulaName } from "../lib/model";

const mathjsLoaded = () => Object.keys(require.cache).some((file) => /[\\/]node_modules[\\/]mathjs[\\/]/.test(file));

test("importing lib/model does not load mathjs (it is loaded on first use of a formula)", () => {
  assert.equal(mathjsLoaded(), false);
  void formulas.ticketValue.latex;
  assert.equal(mathjsLoaded(), true);
});

/** Values tried for each variable; k depends on n. */
const GRID: Record<string, (scope: Record<string, number>) => number[]> = {
  mu: () => [0.05, 1, 3],
  sigma2: () => [0, 0.0025, 4],
  n: () => [1, 2, 7, 100, 1000],
  d: () => [1e-3, 0.01, 0.5],
  k: ({ n }) => [...new Set([0, 1, Math.floor(n / 2), n])],
  share: () => [0, 0.1, 0.37, 1],
  t: () => [1, 2, 5, 50],
  p: () => [0.1, 0.5, 0.9],
  m: () => [0, 1, 5],
  r: () => [1e-3, 0.02, 0.3],
  gamma: () => [0, 0.5, 2],
  mean: () => [-1, 0.3, 2],
  variance: () => [0, 0.7],
  members: () => [1, 2, 10],
  targetPremium: () => [0.01, 0.3],
  annualRate: () => [0, 0.03, 0.1],
  slotSeconds: () => [12, 6],
  leakage: () => [0.01, 0.1, 0.5],
  price: () => [0, 0.3, 1],
};

/** Grids that differ per formula: annualRate takes realistic per-slot rates (d = 0.5 overflows). */
const GRID_OVERRIDE: Partial<Record<FormulaName, typeof GRID>> = {
  annualRate: { d: () => [0, 1e-9, 1.5e-8, 1e-6] },
};

/** Every combination of the grid values of the formula's variables (in declaration order). */
function scopes(name: FormulaName, variables: readonly string[]): Array<Record<string, number>> {
  let result: Array<Record<string, number>> = [{}];
  for (const variable of variables) {
    const values = GRID_OVERRIDE[name]?.[variable] ?? GRID[variable];
    assert.ok(values, `no grid for variable ${variable}`);
    result = result.flatMap((scope) => values(scope).map((value) => ({ ...scope, [variable]: value })));
  }
  return result;
}

/** Where a function's domain is narrower than its expression's, or the two legitimately differ. */
const SKIP: Partial<Record<FormulaName, (scope: Record<string, number>) => boolean>> = {
  ticketCovariance: ({ n }) => n < 2, // a pair needs two tickets; the function throws
  pooledTicketVariance: ({ k }) => k < 1,
  leakageThreshold: ({ d, r, leakage }) => r * (1 - leakage) - d <= 1e-3 * r, // function: Infinity
};

/** The function each formula is checked against (its namesake, except the post's form of Obs. 5). */
const FUNCTION_OF: Partial<Record<FormulaName, string>> = { ticketVarianceAsInPost: "ticketVariance" };

/**
 * Tolerance relative to the size of the terms: the grid keeps every expression away from
 * cancellation except the post's form of Observation 5, whose terms are ≈ (σ²+μ²)/D2.
 */
function scale(name: FormulaName, scope: Record<string, number>, value: number): number {
  if (name === "ticketVarianceAsInPost")
    return (scope.sigma2 + scope.mu ** 2) / (1 + scope.n * scope.d * (2 + scope.d));
  if (name === "captureLeakage") return 1;
  return Math.abs(value);
}

const TOLERANCE = 1e-12;

for (const [name, formula] of Object.entries(formulas) as Array<[FormulaName, Formula]>) {
  test(`formulas.${name} agrees with ${FUNCTION_OF[name] ?? name}() on a grid`, () => {
    const fn = (model as unknown as Record<string, (p: Record<string, number>) => number>)[FUNCTION_OF[name] ?? name];
    assert.equal(typeof fn, "function", `no function for formula ${name}`);
    let checked = 0;
    for (const scope of scopes(name, formula.variables)) {
      if (SKIP[name]?.(scope)) continue;
      const expected = fn({ ...scope });
      const actual = formula.evaluate(scope);
      const tolerance = TOLERANCE * scale(name, scope, expected);
      assert.ok(
        Math.abs(actual - expected) <= tolerance,
        `${name}(${JSON.stringify(scope)}): expression ${actual} vs function ${expected}`,
      );
      checked += 1;
    }
    assert.ok(checked >= 2, `${name}: only ${checked} grid points`);
  });
}

test("every closed-form function has a formula (except the certainty-equivalent series and the quadratures)", () => {
  const functions = Object.entries(model)
    .filter(([, v]) => typeof v === "function")
    .map(([k]) => k)
    .filter(
      (k) =>
        ![
          "certaintyEquivalent",
          "certaintyEquivalentDetails",
          // Quadratures over a whole reward law, not closed forms (lib/model/cara-exact.ts):
          "caraCertaintyEquivalentOfReward",
          "poolSizeForCaraPremium",
          "expectedShortfall",
        ].includes(k),
    );
  for (const name of functions) assert.ok(name in formulas, `formulas.${name} is missing`);
});

test("every formula's LaTeX renders with KaTeX and uses the model's symbols", () => {
  const katex = require("katex") as { renderToString(tex: string, options: { throwOnError: boolean }): string };
  for (const formula of Object.values(formulas) as Formula[]) {
    assert.doesNotThrow(
      () => katex.renderToString(formula.equation, { throwOnError: true }),
      `${formula.name}: ${formula.equation}`,
    );
    assert.ok(formula.equation.startsWith(`${formula.symbol} = `));
    for (const raw of ["sigma2", "share", "\\mathrm{m}", "undefined", "\\cdot"]) {
      assert.ok(!formula.latex.includes(raw), `${formula.name} LaTeX contains ${raw}: ${formula.latex}`);
    }
    assert.ok(formula.description.length > 0);
  }
  assert.equal(formulas.ticketValue.latex, "\\frac{\\mu}{n d+1}");
  assert.equal(
    formulas.ticketVariance.latex,
    "\\frac{\\sigma^2 {\\left(n d+1\\right)}^{2}+{\\mu}^{2} n \\left(n-1\\right) {d}^{2}}{\\left(n {d}^{2}+2 n d+1\\right) {\\left(n d+1\\right)}^{2}}",
  );
});
