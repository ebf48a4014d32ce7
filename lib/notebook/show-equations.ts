/**
 * Several closed forms shown as one aligned display, `symbol = latex` per line, the way every
 * notebook's "closed form, from the library" section prints the library's own formulas.
 */
import { showLatex } from "./show-latex";
import * as validate from "../validate";

/** What an equation needs: the left-hand side and the right-hand side in LaTeX (a library `Formula`). */
export interface EquationLike {
  readonly symbol: string;
  readonly latex: string;
}

/** Options of {@link alignedEquations}. */
export interface AlignedEquationsOptions {
  /** Vertical space between lines (a TeX length). Default "6pt". */
  spacing?: string;
}

/**
 * The LaTeX of an aligned block of equations.
 *
 * @example
 * alignedEquations([{ symbol: "a", latex: "1" }, { symbol: "b", latex: "2" }]); // → "$$\\begin{aligned}a &= 1 \\\\[6pt] b &= 2\\end{aligned}$$"
 */
export function alignedEquations(
  equations: readonly EquationLike[],
  { spacing = "6pt" }: AlignedEquationsOptions = {},
): string {
  if (!Array.isArray(equations) || equations.length === 0) {
    throw new RangeError("equations must be a non-empty array of { symbol, latex }");
  }
  if (!/^\d+(\.\d+)?(pt|em|ex|mm)$/.test(spacing)) {
    throw new RangeError(`spacing must be a TeX length such as "6pt"; received ${JSON.stringify(spacing)}`);
  }
  return `$$\\begin{aligned}${equations.map((e) => `${e.symbol} &= ${e.latex}`).join(` \\\\[${spacing}] `)}\\end{aligned}$$`;
}

/**
 * Shows closed forms as one aligned display.
 *
 * @example
 * showEquations([formulas.ticketValue, formulas.ticketVariance]);
 * showEquations(["issuedValue", "unissuedValue"].map((name) => formulas[name]), { spacing: "8pt" });
 */
export function showEquations(equations: readonly EquationLike[], options: AlignedEquationsOptions = {}): void {
  validate.knownKeys("showEquations options", options ?? {}, ["spacing"]);
  showLatex(alignedEquations(equations, options));
}
