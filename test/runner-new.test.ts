/**
 * `npm run nb -- new <name>`: forking notebooks/template.ipynb (no kernel needed). Names and titles,
 * what the fork keeps and resets, refusing to overwrite, and the CLI's messages and exit codes.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  createNotebook,
  forkTemplate,
  NewNotebookError,
  notebookBaseName,
  NotebookNameError,
  SUMMARY_PLACEHOLDER,
  TEMPLATE_ONLY_TAG,
  TEMPLATE_PATH,
  titleFromName,
} from "../tools/nb/new-notebook";
import { main } from "../tools/nb/cli";
import { type Notebook, cellTags, joinText } from "../tools/nb/nbformat";
import { nbformat4Problem } from "../tools/nb/notebook-file";
import { INJECTED_TAG, PARAMETERS_TAG } from "../tools/nb/parameters";
import { osTempDir, ROOT } from "./fixtures/runner/helpers";

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;

function cli(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "tools/nb/cli.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "true" },
  });
}

/** A small template with a note, an H1, a parameters cell with stale outputs and an injected cell. */
function tinyTemplate(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 4,
    metadata: { kernelspec: { name: "execution-tickets" }, title: "Template", summary: "the template" },
    cells: [
      { cell_type: "markdown", id: "note", metadata: { tags: [TEMPLATE_ONLY_TAG] }, source: ["about the template"] },
      {
        cell_type: "markdown",
        id: "head",
        metadata: {},
        source: ["# Template · example\n", "\n", "Run `npm run nb -- run notebooks/template.ipynb`."],
      },
      {
        cell_type: "code",
        id: "params",
        metadata: { tags: [PARAMETERS_TAG] },
        source: ["const n = 1;"],
        outputs: [{ output_type: "stream", name: "stdout", text: "1" }],
        execution_count: 3,
      },
      {
        cell_type: "code",
        id: "inj",
        metadata: { tags: [INJECTED_TAG] },
        source: ["const n = 2;"],
        outputs: [],
        execution_count: 4,
      },
      { cell_type: "markdown", id: "end", metadata: {}, source: "Look at build/site/template.html." },
    ],
  };
}

test("titles are made from names: a leading number becomes 'NN ·', separators become spaces", () => {
  assert.equal(titleFromName({ name: "my-experiment" }), "My experiment");
  assert.equal(titleFromName({ name: "14-mev-burn" }), "14 · Mev burn");
  assert.equal(titleFromName({ name: "14_mev_burn_v2.ipynb" }), "14 · Mev burn v2");
  assert.equal(titleFromName({ name: "07" }), "07");
  assert.equal(titleFromName({ name: "3d-plots" }), "3d plots");
});

test("names must be plain file names (no folders, spaces or 'template')", () => {
  assert.equal(notebookBaseName({ name: "14-x.ipynb" }), "14-x");
  for (const bad of [
    "",
    " ",
    "../escape",
    "a/b",
    "a b",
    "-x",
    ".hidden",
    "template",
    "Template.ipynb",
    "x".repeat(101),
  ]) {
    assert.throws(() => notebookBaseName({ name: bad }), NotebookNameError, JSON.stringify(bad));
  }
  assert.throws(() => notebookBaseName({ name: "a/b" }), /name must be a file name .*received "a\/b"/);
});

test("a fork drops template-only and injected cells, clears outputs, renews ids and sets the title", () => {
  const template = tinyTemplate();
  const before = JSON.stringify(template);
  const fork = forkTemplate({ template, name: "15-new-idea" });
  assert.equal(JSON.stringify(template), before, "the template object is not modified");
  assert.equal(nbformat4Problem(fork), null);
  assert.equal(fork.nbformat_minor, 5, "cell ids need nbformat 4.5");
  assert.deepEqual(
    fork.cells.map((c) => cellTags(c)),
    [[], [PARAMETERS_TAG], []],
  );
  assert.equal(fork.metadata.title, "15 · New idea");
  assert.equal(fork.metadata.summary, SUMMARY_PLACEHOLDER);
  assert.deepEqual(fork.metadata.kernelspec, { name: "execution-tickets" });
  assert.match(
    joinText(fork.cells[0].source),
    /^# 15 · New idea\n\nRun `npm run nb -- run notebooks\/15-new-idea\.ipynb`\.$/,
  );
  assert.equal(joinText(fork.cells[2].source), "Look at build/site/15-new-idea.html.");
  const code = fork.cells[1];
  assert.ok(code.cell_type === "code");
  assert.deepEqual([code.outputs, code.execution_count], [[], null]);
  const ids = fork.cells.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
  for (const id of ids) assert.match(id ?? "", /^[0-9a-f]{8}$/);
  assert.ok(!ids.some((id) => template.cells.some((c) => c.id === id)), "no id is kept from the template");
});

test("ids stay unique even when the generator repeats itself; a template without H1 gets one", () => {
  const template = tinyTemplate();
  template.cells = template.cells.filter((c) => c.id !== "head");
  const fork = forkTemplate({ template, name: "x", newId: () => "same" });
  assert.equal(joinText(fork.cells[0].source), "# X");
  const ids = fork.cells.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
});

test("createNotebook forks the real template into a new, clean notebook", () => {
  const dir = osTempDir();
  const created = createNotebook({ name: "my-experiment", dir });
  assert.equal(created.path, path.join(dir, "my-experiment.ipynb"));
  assert.equal(created.title, "My experiment");
  const template = readJson(TEMPLATE_PATH);
  const fork = readJson(created.path);
  assert.equal(nbformat4Problem(fork), null);
  assert.equal(fork.metadata.title, "My experiment");
  assert.deepEqual(fork.metadata.kernelspec, template.metadata.kernelspec);
  const templateOnly = template.cells.filter((c) => cellTags(c).includes(TEMPLATE_ONLY_TAG)).length;
  assert.ok(templateOnly > 0, "the template has a note that forks leave out");
  assert.equal(fork.cells.length, template.cells.length - templateOnly);
  assert.equal(fork.cells.filter((c) => cellTags(c).includes(PARAMETERS_TAG)).length, 1, "keeps its parameters cell");
  const firstHeading = fork.cells.map((c) => joinText(c.source)).find((s) => /^# /m.test(s)) ?? "";
  assert.match(firstHeading, /^# My experiment$/m);
  const text = fork.cells.map((c) => joinText(c.source)).join("\n");
  assert.doesNotMatch(text, /notebooks\/template\.ipynb/, "commands point at the fork");
  assert.match(text, /npm run nb -- run notebooks\/my-experiment\.ipynb/);
  for (const cell of fork.cells) if (cell.cell_type === "code") assert.deepEqual(cell.outputs, []);
  assert.ok(fs.readFileSync(created.path, "utf8").endsWith("}\n"), "written as Jupyter writes notebooks");
});

test("createNotebook refuses to overwrite and leaves the existing file and folder as they were", () => {
  const dir = osTempDir();
  const file = path.join(dir, "taken.ipynb");
  fs.writeFileSync(file, "my precious work");
  assert.throws(
    () => createNotebook({ name: "taken", dir }),
    (err: Error) => {
      assert.ok(err instanceof NewNotebookError && !(err instanceof NotebookNameError));
      assert.match(
        err.message,
        /taken\.ipynb already exists; choose another name or remove that file first \(nothing was written\)/,
      );
      return true;
    },
  );
  assert.equal(fs.readFileSync(file, "utf8"), "my precious work");
  assert.deepEqual(fs.readdirSync(dir), ["taken.ipynb"], "no temporary file is left behind");
});

test("an unusable template is reported with its path", () => {
  const dir = osTempDir();
  const bad = path.join(dir, "bad.ipynb");
  fs.writeFileSync(bad, "{ not json");
  assert.throws(
    () => createNotebook({ name: "x", dir, template: bad }),
    /bad\.ipynb: malformed notebook, not valid JSON/,
  );
  assert.throws(
    () => createNotebook({ name: "x", dir, template: path.join(dir, "none.ipynb") }),
    /none\.ipynb: no such notebook/,
  );
  assert.deepEqual(fs.readdirSync(dir), ["bad.ipynb"]);
});

/** Runs the nb CLI in this process, capturing what it writes. */
async function inProcess(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: "", stderr: "" };
  const original = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string) => {
    out.stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => {
    out.stderr += chunk;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { status: await main({ argv }), ...out };
  } finally {
    process.stdout.write = original.stdout;
    process.stderr.write = original.stderr;
  }
}

test("the CLI creates (through tsx, as npm runs it), refuses to overwrite (exit 1), rejects bad usage (exit 2)", async () => {
  const dir = osTempDir();
  const made = cli(["new", "16-fork-test", "--dir", dir]);
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /created .*16-fork-test\.ipynb \(title "16 · Fork test"\) from notebooks\/template\.ipynb/);
  assert.ok(fs.existsSync(path.join(dir, "16-fork-test.ipynb")));
  const before = fs.readFileSync(path.join(dir, "16-fork-test.ipynb"), "utf8");

  const again = await inProcess(["new", "16-fork-test.ipynb", "--dir", dir]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /^nb new: .*16-fork-test\.ipynb already exists; choose another name/);
  assert.equal(fs.readFileSync(path.join(dir, "16-fork-test.ipynb"), "utf8"), before);

  const badName = await inProcess(["new", "../outside", "--dir", dir]);
  assert.equal(badName.status, 2);
  assert.match(badName.stderr, /nb new: name must be a file name/);
  const noName = await inProcess(["new", "--dir", dir]);
  assert.equal(noName.status, 2);
  assert.match(noName.stderr, /nb new: no name given\n\nUsage: npm run nb -- new <name>/);
  assert.equal((await inProcess(["new", "--bogus"])).status, 2);
  assert.equal((await inProcess(["new", "a", "b", "--dir", dir])).status, 2);
  assert.deepEqual(fs.readdirSync(dir), ["16-fork-test.ipynb"]);
  assert.match((await inProcess(["--help"])).stdout, /npm run nb -- new <name>/);
  assert.match((await inProcess(["new", "--help"])).stdout, /--template <file>/);
});
