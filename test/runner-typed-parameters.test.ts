/**
 * --param values are checked against the types the parameters cell declares, before any cell runs:
 * a wrong type, a prototype key or a non-finite number is refused naming the parameter, the expected
 * type and the value; every committed notebook's parameters get a type the check can use.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { cellTags, joinText, type Cell, type Notebook } from "../tools/nb/nbformat";
import { declaredParameterTypes, describe, parameterLiteral, typeProblem } from "../tools/nb/parameter-types";
import { injectParameters, parseParamArgs } from "../tools/nb/parameters";
import { listNotebooks } from "../tools/reproduce";
import { fixture, ROOT } from "./fixtures/runner/helpers";

const SOURCE = [
  "const n = 100; // tickets",
  "const d = 1e-4;",
  'const label = "fast";',
  "const on = true;",
  "const ns = [10, 100];",
  "const rate: number | null = null;",
  "const rates: number[] | null = null;",
  'const mode: "direct" | "conditional" = "direct";',
  "const grid = { n: [10], d: [0.01] };",
  "const seed = 7;",
].join("\n");
const cells = (): Cell[] => [
  { cell_type: "code", source: SOURCE, metadata: { tags: ["parameters"] }, outputs: [], execution_count: null },
  { cell_type: "code", source: "console.log(n + 1);", metadata: {}, outputs: [], execution_count: null },
];
const inject = (args: string[]) =>
  injectParameters({ path: "x.ipynb", cells: cells(), params: parseParamArgs({ args }) });

test("types come from annotations, else from the literal default", () => {
  const types = declaredParameterTypes({ source: SOURCE });
  const shown = Object.fromEntries([...types].map(([name, t]) => [name, describe(t.type)]));
  assert.deepEqual(shown, {
    n: "a number",
    d: "a number",
    label: "a string",
    on: "a boolean",
    ns: "an array of numbers",
    rate: "a number or null",
    rates: "an array of numbers or null",
    mode: '"direct" or "conditional"',
    grid: "an object { n: an array of numbers, d: an array of numbers }",
    seed: "a number",
  });
});

test("values of the declared type are injected as literals", () => {
  const out = inject([
    "n=1000",
    'label="exact"',
    "ns=[1,2,3]",
    "rate=0.03",
    "rate=null",
    "rates=[0.02]",
    'mode="conditional"',
    'grid={"n":[5],"d":[0.1]}',
  ]);
  const injected = joinText(out[1].source);
  assert.match(injected, /const n = 1000;/);
  assert.match(injected, /const mode = "conditional";/);
  assert.match(injected, /const rate = null;/, "the later --param wins");
  assert.ok(cellTags(out[1]).includes("injected-parameters"));
});

test("a wrong type is refused naming the parameter, the expected type, the value and the declaration", () => {
  const refused: [string, RegExp][] = [
    ['n="100"', /--param n="100": expected a number; the parameters cell declares `n = 100` \(a number\)/],
    ["label=5", /--param label=5: expected a string/],
    ["on=1", /--param on=1: expected a boolean/],
    ['ns=[10,"x"]', /--param ns=\[10,"x"\]: expected a number at \[1\]; .*\(an array of numbers\)/],
    ['rate="0.03"', /--param rate="0.03": expected a number or null/],
    ['mode="fastest"', /--param mode="fastest": expected "direct" or "conditional"/],
    ['grid={"n":[5],"dd":[0.1]}', /unknown key "dd"; expected an object/],
    ["n=1e400", /--param n=Infinity: Infinity is not a finite number/],
  ];
  for (const [arg, message] of refused) assert.throws(() => inject([arg]), message, arg);
});

test("prototype keys are refused anywhere in a value, whatever the declared type", () => {
  assert.throws(
    () => inject(['grid={"__proto__":{"polluted":1}}']),
    /the key "__proto__" is not allowed \(it would set a prototype\)/,
  );
  assert.equal(
    typeProblem({ a: [{ constructor: 1 }] }, { kind: "any" }),
    'the key "constructor" at .a[0] is not allowed (it would set a prototype)',
  );
  assert.equal(typeProblem(JSON.parse('{"prototype": 2}'), { kind: "any" })?.startsWith('the key "prototype"'), true);
});

test("any JSON string is injected safely, U+2028 and U+2029 included", () => {
  const text = 'line\u2028break\u2029 "quoted" </script> \\ back';
  const literal = parameterLiteral(text);
  assert.doesNotMatch(literal, /[\u2028\u2029]/);
  assert.equal(new Function(`return ${literal};`)(), text);
  const out = inject([`label=${JSON.stringify(text)}`]);
  assert.match(joinText(out[1].source), /\\u2028/);
});

test("every committed notebook's parameters get a checkable type (none falls back to any)", () => {
  for (const file of listNotebooks()) {
    const nb = JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8")) as Notebook;
    const params = nb.cells.find((c) => c.cell_type === "code" && cellTags(c).includes("parameters"));
    assert.ok(params, file);
    const loose = [...declaredParameterTypes({ source: joinText(params.source) })]
      .filter(([, t]) => JSON.stringify(t.type).includes('"any"'))
      .map(([name]) => name);
    assert.deepEqual(loose, [], `${file}: parameters whose type cannot be checked`);
  }
});

test("the CLI refuses a wrong type before starting a kernel: the notebook is INVALID, exit status 1", () => {
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "tools/nb/cli.ts"), "run", fixture("ok.ipynb"), "--param", 'n="100"'],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CI: "true" },
    },
  );
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^INVALID\s+0\.0 s\s+0 cells/m);
  assert.match(r.stderr + r.stdout, /--param n="100": expected a number/);
  assert.ok(performance.now() - started < 20_000);
});
