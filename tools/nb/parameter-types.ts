/**
 * Typed `--param` values. The type of each parameter is read from its declaration in the notebook's
 * `parameters` cell: the annotation when there is one (`const rate: number | null = null;`,
 * `const kind: "fast" | "exact" = "fast";`), else the literal default (`const n = 100;` is a number,
 * `const ns = [10, 100];` an array of numbers). A value of another type is refused before any cell
 * runs, naming the parameter, the type it expects and the value given, as papermill does not.
 */
import ts from "typescript";

/** A parameter's type, as far as a `--param` JSON value can be checked against it. */
export type ParameterType =
  | { kind: "number" | "string" | "boolean" | "null" | "any" }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "array"; element: ParameterType }
  | { kind: "object"; fields: Record<string, ParameterType> }
  | { kind: "union"; options: ParameterType[] };

/** Keys that would set an object's prototype when the value is written into the notebook as a literal. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function union(options: ParameterType[]): ParameterType {
  const unique = options.filter((o, i) => options.findIndex((p) => describe(p) === describe(o)) === i);
  if (unique.some((o) => o.kind === "any")) return { kind: "any" };
  return unique.length === 1 ? unique[0] : { kind: "union", options: unique };
}

function fromTypeNode(node: ts.TypeNode): ParameterType {
  switch (node.kind) {
    case ts.SyntaxKind.NumberKeyword:
      return { kind: "number" };
    case ts.SyntaxKind.StringKeyword:
      return { kind: "string" };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: "boolean" };
    case ts.SyntaxKind.NullKeyword:
      return { kind: "null" };
  }
  if (ts.isParenthesizedTypeNode(node)) return fromTypeNode(node.type);
  if (ts.isLiteralTypeNode(node)) {
    const literal = node.literal;
    if (literal.kind === ts.SyntaxKind.NullKeyword) return { kind: "null" };
    if (literal.kind === ts.SyntaxKind.TrueKeyword) return { kind: "literal", value: true };
    if (literal.kind === ts.SyntaxKind.FalseKeyword) return { kind: "literal", value: false };
    if (ts.isStringLiteral(literal)) return { kind: "literal", value: literal.text };
    if (ts.isNumericLiteral(literal)) return { kind: "literal", value: Number(literal.text) };
    if (ts.isPrefixUnaryExpression(literal) && ts.isNumericLiteral(literal.operand)) {
      return { kind: "literal", value: -Number(literal.operand.text) };
    }
  }
  if (ts.isArrayTypeNode(node)) return { kind: "array", element: fromTypeNode(node.elementType) };
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return fromTypeNode(node.type);
  if (ts.isUnionTypeNode(node)) return union(node.types.map(fromTypeNode));
  if (ts.isTypeLiteralNode(node)) {
    const fields: Record<string, ParameterType> = {};
    for (const member of node.members) {
      if (!ts.isPropertySignature(member) || !member.type || !member.name) return { kind: "any" };
      fields[member.name.getText()] = fromTypeNode(member.type);
    }
    return { kind: "object", fields };
  }
  return { kind: "any" };
}

function fromExpression(node: ts.Expression): ParameterType {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    return fromExpression(node.expression);
  }
  if (ts.isNumericLiteral(node)) return { kind: "number" };
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) return { kind: "number" };
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: "string" };
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return { kind: "boolean" };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: "null" };
  if (ts.isArrayLiteralExpression(node)) {
    return {
      kind: "array",
      element: node.elements.length ? union(node.elements.map(fromExpression)) : { kind: "any" },
    };
  }
  if (ts.isObjectLiteralExpression(node)) {
    const fields: Record<string, ParameterType> = {};
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p)) return { kind: "any" };
      fields[p.name.getText().replace(/^["']|["']$/g, "")] = fromExpression(p.initializer);
    }
    return { kind: "object", fields };
  }
  return { kind: "any" };
}

/** Input of {@link declaredParameterTypes}. */
export interface DeclaredParameterTypesOptions {
  /** Source of the `parameters` cell. */
  source: string;
}

/** The type of every `const` the parameters cell declares, by name. */
export function declaredParameterTypes({
  source,
}: DeclaredParameterTypesOptions): Map<string, { type: ParameterType; text: string }> {
  const file = ts.createSourceFile("parameters.ts", source, ts.ScriptTarget.ES2022, true);
  const types = new Map<string, { type: ParameterType; text: string }>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name)) continue;
      const type = decl.type
        ? fromTypeNode(decl.type)
        : decl.initializer
          ? fromExpression(decl.initializer)
          : { kind: "any" as const };
      types.set(decl.name.text, { type, text: decl.getText() });
    }
  }
  return types;
}

/** A type as the error message says it: "a number", "an array of numbers", `"fast" or "exact"`. */
export function describe(type: ParameterType): string {
  switch (type.kind) {
    case "number":
    case "string":
    case "boolean":
      return `a ${type.kind}`;
    case "null":
      return "null";
    case "any":
      return "any JSON value";
    case "literal":
      return JSON.stringify(type.value);
    case "array":
      return `an array of ${describe(type.element).replace(/^an? /, "")}${/^an? /.test(describe(type.element)) ? "s" : ""}`;
    case "object":
      return `an object { ${Object.entries(type.fields)
        .map(([k, t]) => `${k}: ${describe(t)}`)
        .join(", ")} }`;
    case "union":
      return type.options.map(describe).join(" or ");
  }
}

/** Why `value` does not fit `type` (null when it fits); `where` names the place inside the value. */
export function typeProblem(value: unknown, type: ParameterType, where = ""): string | null {
  const at = where ? ` at ${where}` : "";
  if (typeof value === "number" && !Number.isFinite(value)) return `${value}${at} is not a finite number`;
  if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `the key "${key}"${at} is not allowed (it would set a prototype)`;
    }
  }
  switch (type.kind) {
    case "any":
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) {
          const p = typeProblem(v, type, `${where}[${i}]`);
          if (p) return p;
        }
      } else if (value !== null && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
          const p = typeProblem(v, type, `${where}.${k}`);
          if (p) return p;
        }
      }
      return null;
    case "number":
    case "string":
    case "boolean":
      return typeof value === type.kind ? null : `expected ${describe(type)}${at}`;
    case "null":
      return value === null ? null : `expected null${at}`;
    case "literal":
      return value === type.value ? null : `expected ${describe(type)}${at}`;
    case "array": {
      if (!Array.isArray(value)) return `expected ${describe(type)}${at}`;
      for (const [i, v] of value.entries()) {
        const p = typeProblem(v, type.element, `${where}[${i}]`);
        if (p) return p;
      }
      return null;
    }
    case "object": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return `expected ${describe(type)}${at}`;
      for (const key of Object.keys(value)) {
        if (!(key in type.fields)) return `unknown key "${key}"${at}; expected ${describe(type)}`;
      }
      for (const [key, fieldType] of Object.entries(type.fields)) {
        const p = typeProblem((value as Record<string, unknown>)[key], fieldType, `${where}.${key}`);
        if (p) return p;
      }
      return null;
    }
    case "union":
      return type.options.some((o) => typeProblem(value, o, where) === null) ? null : `expected ${describe(type)}${at}`;
  }
}

/** The value as a TypeScript literal: JSON, with U+2028 and U+2029 escaped (legal in JSON, not in older parsers). */
export function parameterLiteral(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
