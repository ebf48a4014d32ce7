/**
 * Committed notebooks carry no outputs and no execution counts, declare their title, summary and
 * the project kernel, and have a `parameters` cell of `const name = literal;` lines. Their code is
 * plain TypeScript (no `{ x: x }` workaround, which the patched kernel no longer needs) and retypes
 * no realistic constant: those come from lib/scenarios.
 */
import * as fs from "node:fs";
import { test } from "node:test";
import assert from "node:assert/strict";
import { cellTags, joinText, type Notebook } from "../tools/nb/nbformat";
import { nbformat4Problem } from "../tools/nb/notebook-file";
import { PARAMETERS_TAG } from "../tools/nb/parameters";
import { KERNEL_NAME } from "../tools/nb/kernelspec";
import { listNotebooks } from "../tools/reproduce";

const notebooks = listNotebooks();

test("notebooks/ holds notebooks to check", {
  skip: notebooks.length === 0 && "no .ipynb files in notebooks/ yet",
}, () => {
  assert.ok(notebooks.length > 0);
});

/** `const name = value;` with an optional type and trailing comment; or a comment or blank line. */
/** Numbers that only ever appear as realistic calibration constants (μ, sd, cap, slots per year). */
const REALISTIC_LITERAL = /(?<![\w.])(0\.12(46|54|58)|0\.1096|0\.1099|1\.446|691\.96|692|2_?628_?000)(?![\w.]|\d)/;

const PARAMETER_LINE = /^\s*(\/\/.*)?$|^const [A-Za-z_$][\w$]*(\s*:\s*[^=]+)?\s*=\s*.+;\s*(\/\/.*)?$/;

for (const notebook of notebooks) {
  test(`${notebook} is committed clean, with title, summary, kernel and parameters cell`, () => {
    const nb = JSON.parse(fs.readFileSync(notebook, "utf8")) as Notebook;
    assert.equal(nbformat4Problem(nb), null);
    nb.cells.forEach((cell, i) => {
      if (cell.cell_type !== "code") return;
      assert.deepEqual(cell.outputs, [], `cell ${i + 1} has outputs: clear them before committing`);
      assert.equal(cell.execution_count, null, `cell ${i + 1} has an execution count: clear outputs before committing`);
      assert.ok(!cellTags(cell).includes("injected-parameters"), `cell ${i + 1} is an injected-parameters cell`);
    });
    assert.equal(nb.metadata.execution, undefined, "metadata.execution (a runner record) must not be committed");
    const { title, summary, kernelspec } = nb.metadata;
    assert.ok(typeof title === "string" && title.trim(), "metadata.title is missing");
    assert.ok(typeof summary === "string" && summary.trim(), "metadata.summary is missing");
    assert.ok(!summary.includes("\n"), "metadata.summary must be one line");
    assert.equal(kernelspec?.name, KERNEL_NAME);
    const params = nb.cells.filter((c) => c.cell_type === "code" && cellTags(c).includes(PARAMETERS_TAG));
    assert.equal(params.length, 1, `exactly one code cell tagged "${PARAMETERS_TAG}"`);
    for (const line of joinText(params[0].source).split("\n")) {
      assert.match(line, PARAMETER_LINE, "the parameters cell holds only `const name = literal;` lines");
    }
  });

  test(`${notebook} writes plain TypeScript in cells of at most 40 lines and takes realistic constants from a scenario`, () => {
    const nb = JSON.parse(fs.readFileSync(notebook, "utf8")) as Notebook;
    nb.cells.forEach((cell, i) => {
      if (cell.cell_type !== "code") return;
      const code = joinText(cell.source);
      const workaround = code.match(/(?<=[{,(]\s*)([A-Za-z_$][\w$]*): \1(?=\s*[,})])/);
      assert.equal(
        workaround,
        null,
        `cell ${i + 1}: "${workaround?.[0]}" is the old tslab workaround; write the shorthand`,
      );
      const lines = code.split("\n").length;
      if (!cellTags(cell).includes(PARAMETERS_TAG)) {
        assert.ok(lines <= 40, `cell ${i + 1} has ${lines} lines: split it into steps, or move the code into lib/`);
      }
      const literal = code.match(REALISTIC_LITERAL);
      assert.equal(literal, null, `cell ${i + 1}: ${literal?.[0]} is a realistic constant; take it from useScenario()`);
    });
  });
}

test("the realistic-constant check catches what it should (negative controls)", () => {
  for (const bad of [
    "const mu = 0.1246;",
    "rewards.mainnet({ cap: 692 })",
    "cap: 691.96",
    "const sd = 1.446;",
    "2628000",
    "2_628_000",
  ]) {
    assert.match(bad, REALISTIC_LITERAL, bad);
  }
  for (const fine of ["const d = 0.05;", "x: 0.12460", "const n = 6920;", "1.4460e3"]) {
    assert.doesNotMatch(fine, REALISTIC_LITERAL, fine);
  }
});

/** Issue 22: each notebook cites, with arXiv IDs or ethresear.ch thread numbers, where its results come from. */
const REQUIRED_SOURCES: Record<string, string[]> = {
  "01-npv-of-rewards": ["18894", "arXiv:2404.04262"],
  "02-ticket-value": ["18894", "arXiv:2404.04262"],
  "03-value-capture": ["18894", "arXiv:2404.04262"],
  "04-choosing-n": ["18894", "arXiv:2404.04262"],
  "05-ticket-variance": ["18894", "arXiv:2404.04262"],
  "06-mainnet-calibration": ["arXiv:2501.12827"],
  "08-risk-and-capital-cost": ["arXiv:2408.11255"],
  "10-lookahead-and-execution-auctions": ["arXiv:2408.03116", "19894"],
  "11-pricing-mechanisms": ["arXiv:2408.11255", "arXiv:2501.16090", "19764", "17944"],
  "12-heterogeneous-buyers": ["arXiv:2408.11255", "arXiv:2408.03116", "20938"],
  "13-multi-block-mev": ["arXiv:2501.16090"],
  "15-galaxy-era": ["arXiv:2501.16090", "18894"],
  "16-jit-vs-ahead-of-time": ["arXiv:2408.03116", "19894", "20938"],
  "17-mev-burn-vs-tickets": ["15590", "arXiv:2408.11255", "17944"],
  "18-proportional-allocation": ["19764", "arXiv:2408.11255"],
  "19-randomised-execution-auctions": ["20938", "19894", "arXiv:2501.12827"],
};

for (const [name, ids] of Object.entries(REQUIRED_SOURCES)) {
  test(`${name} cites its sources in a Sources section`, () => {
    const file = notebooks.find((f) => f.endsWith(`${name}.ipynb`));
    assert.ok(file, `notebooks/${name}.ipynb exists`);
    const nb = JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
    const sources = nb.cells.map((c) => joinText(c.source)).find((s) => s.startsWith("## Sources"));
    assert.ok(sources, "a markdown cell starting with ## Sources");
    for (const id of ids) assert.ok(sources.includes(id), `the Sources cell cites ${id}`);
  });
}

/**
 * Issue 22: an agreement check that cannot tell the right formula from a plausible wrong one proves
 * nothing. Every notebook check names the alternative it must exclude (`alternative:` — `check` then
 * fails unless the estimate is ≥ 5 standard errors from it), or its cell says why there is none.
 */
for (const notebook of notebooks) {
  test(`${notebook}: every agreement check names its plausible alternative, or its cell says why none`, () => {
    const nb = JSON.parse(fs.readFileSync(notebook, "utf8")) as Notebook;
    nb.cells.forEach((cell, i) => {
      if (cell.cell_type !== "code") return;
      const text = joinText(cell.source);
      const checks = (text.match(/\bcheck\(\{/g) ?? []).length;
      const alternatives = (text.match(/\balternative:/g) ?? []).length;
      if (checks > alternatives) {
        assert.match(
          text,
          /\/\/ no plausible alternative\b/,
          `cell ${i + 1}: ${checks - alternatives} check(s) without an alternative and no "// no plausible alternative: why" comment`,
        );
      }
    });
  });
}

/**
 * Issue 16: every agreement check backs a claim in the ledger, so notebooks show checks through
 * showClaim (claim text, reference, checks), never through a bare showCheck.
 */
for (const notebook of notebooks) {
  test(`${notebook}: checks are shown as claims (showClaim), not as bare check tables`, () => {
    const nb = JSON.parse(fs.readFileSync(notebook, "utf8")) as Notebook;
    nb.cells.forEach((cell, i) => {
      if (cell.cell_type !== "code") return;
      assert.doesNotMatch(
        joinText(cell.source),
        /\bshowCheck\(/,
        `cell ${i + 1} calls showCheck: use showClaim({ id, text, reference, checks })`,
      );
    });
  });
}

/**
 * Issue 20: prose never contradicts a `--param` run. A Markdown cell that states a parameter's value
 * as "name = value" (outside code) states the default run's value; it must say so ("by default …"),
 * or the sentence must be generated from the parameters (showMarkdown, or the figure helper's caption).
 */
const NUMBER_PARAMETER = /^const ([A-Za-z_$][\w$]*)(?:\s*:\s*[^=]+)?\s*=\s*(-?[\d.]+(?:e-?\d+)?);/;

/** The "name = value" statements of a Markdown text that are not marked as the default. */
function statedParameterValues(markdown: string, parameters: Map<string, string>): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`]*`/g, "``");
  const found: string[] = [];
  for (const [name, value] of parameters) {
    const pattern = new RegExp(
      `(?<![\\w\\\\])${name.replace(/\$/g, "\\$")}\\s*=\\s*${value.replace(/\./g, "\\.")}(?![\\w.])`,
      "g",
    );
    for (const match of prose.matchAll(pattern)) {
      const start = Math.max(prose.lastIndexOf(". ", match.index), prose.lastIndexOf("\n\n", match.index));
      const endAt = prose.slice(match.index).search(/\.\s|\n\n/);
      const sentence = prose.slice(start + 1, endAt < 0 ? undefined : match.index + endAt);
      if (!/default/i.test(sentence)) found.push(match[0]);
    }
  }
  return found;
}

test("the stated-value check finds values stated as the run's and lets the defaults be named (controls)", () => {
  const parameters = new Map([
    ["n", "50"],
    ["d", "0.01"],
  ]);
  assert.deepEqual(statedParameterValues("A market with $n = 50$ and $d = 0.01$.", parameters), ["n = 50", "d = 0.01"]);
  assert.deepEqual(statedParameterValues("By default $n = 50$. Other: $n = 500$, `d = 0.01`.", parameters), []);
  assert.deepEqual(statedParameterValues("At $d = 0.015$ and n = 5.", parameters), []);
});

for (const notebook of notebooks) {
  test(`${notebook}: Markdown states no parameter's value as the run's (generate it, or say "by default")`, () => {
    const nb = JSON.parse(fs.readFileSync(notebook, "utf8")) as Notebook;
    const parameters = new Map<string, string>();
    for (const cell of nb.cells.filter((c) => c.cell_type === "code" && cellTags(c).includes(PARAMETERS_TAG))) {
      for (const line of joinText(cell.source).split("\n")) {
        const m = line.match(NUMBER_PARAMETER);
        if (m) parameters.set(m[1], m[2]);
      }
    }
    const stated = nb.cells.flatMap((cell, i) =>
      cell.cell_type === "markdown"
        ? statedParameterValues(joinText(cell.source), parameters).map((s) => `cell ${i + 1}: "${s}"`)
        : [],
    );
    assert.deepEqual(
      stated,
      [],
      "state these from the parameters (showMarkdown with the values, or the figure's caption), or say they are the defaults",
    );
  });
}
