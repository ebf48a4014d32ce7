/**
 * The parameter values a notebook ran with: its `parameters` cell's literals, overridden by the
 * runner's `injected-parameters` cell (a `--param` run). Read with TypeScript's parser, never
 * evaluated: a value that is not a plain literal (a number, string, boolean, null or a list of
 * them) is recorded as its source text.
 */
import ts from "typescript";
import type { ExecutedNotebook } from "./read-notebook";

/** A parameter value: a JSON literal, or the source text of anything else. */
export type ParameterValue = number | string | boolean | null | ParameterValue[] | { source: string };

function literal(node: ts.Expression, file: ts.SourceFile): ParameterValue {
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand)
  ) {
    return -Number(node.operand.text);
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => literal(e, file));
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literal(node.expression, file);
  return { source: node.getText(file) };
}

/** `const name = value;` declarations of one cell, in order. */
function declarations(source: string): [string, ParameterValue][] {
  const file = ts.createSourceFile("parameters.ts", source, ts.ScriptTarget.ES2022, true);
  const out: [string, ParameterValue][] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer) out.push([d.name.text, literal(d.initializer, file)]);
    }
  }
  return out;
}

/** Input of {@link runParameters}. */
export interface RunParametersOptions {
  notebook: ExecutedNotebook;
}

/**
 * Every parameter of the run, by name (the parameters cell's order), with `--param` overrides.
 *
 * @example
 * runParameters({ notebook }); // → { n: 100, d: 0.01, seed: 202 }
 */
export function runParameters({ notebook }: RunParametersOptions): Record<string, ParameterValue> {
  const tagged = (tag: string) =>
    notebook.cells.filter(
      (c) => c.cell_type === "code" && Array.isArray(c.metadata.tags) && c.metadata.tags.includes(tag),
    );
  const values: Record<string, ParameterValue> = {};
  for (const cell of [...tagged("parameters"), ...tagged("injected-parameters")]) {
    for (const [name, value] of declarations(cell.source)) values[name] = value;
  }
  return values;
}
