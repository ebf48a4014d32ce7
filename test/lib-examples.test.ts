/**
 * The TSDoc `@example`s of the library's public functions are tested, like doctests: every example
 * line that ends in `// → value` is evaluated with the library in scope and must give that value to
 * the digits shown; every other code line must run without throwing. The areas a forker meets first
 * (every area) must have an example on every public function and class.
 */
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import ts from "typescript";
import * as lib from "../lib";

const LIB = path.resolve(__dirname, "..", "lib");
/** Areas in which every exported function and class must carry an @example. */
const REQUIRED = [
  "model",
  "stats",
  "random",
  "rewards",
  "scenarios",
  "wasm",
  "sim",
  "dynamics",
  "market",
  "sweep",
  "notebook",
  "io",
];

interface PublicEntry {
  name: string;
  area: string;
  kind: "function" | "class" | "other";
  examples: string[];
}

function publicEntries(): PublicEntry[] {
  const index = path.join(LIB, "index.ts");
  const program = ts.createProgram([index], {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(index) as ts.SourceFile);
  assert.ok(moduleSymbol);
  return checker.getExportsOfModule(moduleSymbol).flatMap((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    const first = declarations[0];
    if (!first) return [];
    const kind = ts.isFunctionDeclaration(first) ? "function" : ts.isClassDeclaration(first) ? "class" : "other";
    const examples = declarations.flatMap((d) =>
      ts
        .getJSDocTags(d)
        .filter((t) => t.tagName.text === "example")
        .map((t) => (typeof t.comment === "string" ? t.comment : (ts.getTextOfJSDocComment(t.comment) ?? ""))),
    );
    const area = path.relative(LIB, first.getSourceFile().fileName).split(path.sep)[0].replace(/\.ts$/, "");
    return [
      { name: exported.getName(), area, kind, examples },
      ...namespaceMembers(checker, exported.getName(), first),
    ];
  });
}

/**
 * The functions gathered in an exported namespace object (`export const galaxyEra = Object.freeze({ simulate, … })`):
 * each shorthand member is a public function too, and its examples are tested like the others.
 */
function namespaceMembers(checker: ts.TypeChecker, owner: string, declaration: ts.Declaration): PublicEntry[] {
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer) return [];
  const init = declaration.initializer;
  const literal = ts.isCallExpression(init) && init.arguments.length === 1 ? init.arguments[0] : init;
  if (!ts.isObjectLiteralExpression(literal)) return [];
  return literal.properties.flatMap((property) => {
    if (!ts.isShorthandPropertyAssignment(property) && !ts.isPropertyAssignment(property)) return [];
    const value = ts.isShorthandPropertyAssignment(property)
      ? checker.getShorthandAssignmentValueSymbol(property)
      : checker.getSymbolAtLocation(property.initializer);
    if (!value) return [];
    const target = value.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(value) : value;
    const first = target.declarations?.[0];
    if (!first || !ts.isFunctionDeclaration(first)) return [];
    const examples = (target.declarations ?? []).flatMap((d) =>
      ts
        .getJSDocTags(d)
        .filter((t) => t.tagName.text === "example")
        .map((t) => (typeof t.comment === "string" ? t.comment : (ts.getTextOfJSDocComment(t.comment) ?? ""))),
    );
    const area = path.relative(LIB, first.getSourceFile().fileName).split(path.sep)[0].replace(/\.ts$/, "");
    return [{ name: `${owner}.${property.name.getText()}`, area, kind: "function" as const, examples }];
  });
}

const entries = publicEntries();
const scope = Object.keys(lib).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
const run = (code: string) => new Function("lib", `const { ${scope.join(", ")} } = lib;\n${code}`)(lib);

/** Whether `actual` shows as `shown`: a number to 6 significant digits (how examples print them), or JSON. */
function agrees(actual: unknown, shown: string): boolean {
  const number = Number(shown);
  if (/^-?Infinity$|^NaN$/.test(shown)) return Object.is(actual, number);
  if (shown !== "" && Number.isFinite(number) && typeof actual === "number") {
    return Math.abs(actual - number) <= 5e-6 * Math.abs(number) + 1e-300;
  }
  return JSON.stringify(actual) === shown;
}

test("every public function and class of the library has an @example", () => {
  const missing = entries
    .filter((e) => REQUIRED.includes(e.area) && e.kind !== "other" && e.examples.length === 0)
    .map((e) => `${e.area}: ${e.name}`);
  assert.deepEqual(missing, []);
});

test("every @example with a shown value computes that value, and every other example line runs", () => {
  let checked = 0;
  for (const entry of entries) {
    for (const example of entry.examples) {
      const code = example.replace(/^```\w*\n?|```$/gm, "");
      // Examples that display notebook output, await, or read and write files are checked for syntax only.
      if (
        /\b(show\w+|await|runSweep|write\w+|mergeShards|readManifest|SweepCache|resolveTask|toDataFrame|readPlan|mergePlan|planStatus|resubmitCommands|planLayout|projectRoot|shardProvenance|gitCommit|terminalProgress|notebookProgress)\b/.test(
          code,
        )
      ) {
        const out = ts.transpileModule(code, {
          reportDiagnostics: true,
          compilerOptions: { module: ts.ModuleKind.ESNext },
        });
        assert.deepEqual(
          out.diagnostics?.map((d) => d.messageText),
          [],
          `${entry.name}: example does not parse`,
        );
        continue;
      }
      const lines = code.split("\n");
      const setup: string[] = [];
      for (const line of lines) {
        const m = line.match(/^(.*?);?\s*\/\/\s*→\s*(.+?)\s*$/);
        if (m) {
          const actual = run(`${setup.join("\n")}\nreturn (${m[1]});`);
          assert.ok(
            agrees(actual, m[2]),
            `${entry.name}: ${m[1]} gives ${JSON.stringify(actual)}, the example shows ${m[2]}`,
          );
          checked++;
        } else if (line.trim()) setup.push(line);
      }
      run(setup.join("\n"));
    }
  }
  assert.ok(checked >= 50, `only ${checked} example values checked`);
});

test("the doctest check fails on a wrong value (negative control)", () => {
  assert.ok(agrees(49.7512, "49.7512"));
  assert.ok(!agrees(49.7512 * (1 + 2e-5), "49.7512"));
  assert.ok(!agrees(0.5 * (1 + 1e-5), "0.5"));
  assert.ok(!agrees("0.5", "0.5"), "a string is not the number it spells");
  assert.ok(agrees(Infinity, "Infinity") && !agrees(1e308, "Infinity") && !agrees(null, "Infinity"));
  assert.ok(agrees(0.5, "0.5"));
});
