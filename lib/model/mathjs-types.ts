/**
 * The few mathjs types the formulas use, declared here instead of `import type … from "mathjs"`:
 * the tslab kernel type-checks everything a notebook imports, and mathjs's own declarations are
 * large and slow to check (seconds at every kernel start), while formulas.ts needs five members.
 */
export interface TexOptions {
  parenthesis?: "keep" | "auto" | "all";
  handler?: (node: MathNode, options: TexOptions) => string | undefined;
}

export interface EvalFunction {
  evaluate(scope?: Record<string, unknown>): unknown;
}

export interface MathNode {
  readonly type: string;
  toTex(options?: TexOptions): string;
  compile(): EvalFunction;
}

export interface SymbolNode extends MathNode {
  readonly name: string;
}

export interface OperatorNode extends MathNode {
  readonly fn: string;
  readonly op: string;
  readonly args: MathNode[];
}

export interface ParenthesisNode extends MathNode {
  readonly content: MathNode;
}

/** The part of the mathjs namespace that formulas.ts calls. */
export interface MathJsSubset {
  parse(expression: string): MathNode;
}
