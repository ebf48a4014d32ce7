/**
 * npm run nb -- new <name> [--dir <folder>] [--template <file>]
 *
 * Forks notebooks/template.ipynb into notebooks/<name>.ipynb: fresh cell ids, a title made from
 * the name (metadata and H1), no outputs, the template's own note (cells tagged "template-only")
 * left out. Never overwrites: an existing notebook of that name is an error and nothing is written.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "./kernelspec";
import { type Cell, type Notebook, cellTags, joinText, splitLines } from "./nbformat";
import { NotebookInputError, readNotebook } from "./notebook-file";
import { INJECTED_TAG } from "./parameters";
import { serializeNotebook } from "./serialize";

/** Folder that new notebooks go to by default. */
export const NOTEBOOKS_DIR = path.join(PROJECT_ROOT, "notebooks");
/** The template that `new` copies by default. */
export const TEMPLATE_PATH = path.join(NOTEBOOKS_DIR, "template.ipynb");
/** Cells with this tag explain the template itself and are left out of a fork. */
export const TEMPLATE_ONLY_TAG = "template-only";
/** metadata.summary of a fresh fork, a reminder to write one (the export index shows it). */
export const SUMMARY_PLACEHOLDER =
  "TODO: one line saying what this notebook shows (metadata.summary, shown in the export index)";

export const NEW_USAGE = `Usage: npm run nb -- new <name> [--dir <folder>] [--template <file>]

Copies notebooks/template.ipynb to notebooks/<name>.ipynb with fresh cell ids and a title made
from the name ("14-mev-burn" → "14 · Mev burn"), ready to edit. Refuses to overwrite.

Options:
  --dir <folder>     where to create it (default notebooks/)
  --template <file>  the notebook to copy (default notebooks/template.ipynb)
  -h, --help         show this help`;

/** The notebook was not created: a name that cannot be used, or a file that already exists. */
export class NewNotebookError extends Error {
  override name = "NewNotebookError";
}

/** A name that cannot be used as a notebook name (a usage error). */
export class NotebookNameError extends NewNotebookError {
  override name = "NotebookNameError";
}

export interface NotebookNameOptions {
  /** The name as typed, with or without ".ipynb", e.g. "14-my-experiment". */
  name: string;
}

/**
 * The base name (without ".ipynb") of a new notebook; throws NotebookNameError unless it is a
 * plain file name of letters, digits, "-", "_" and ".", starting with a letter or digit.
 */
export function notebookBaseName({ name }: NotebookNameOptions): string {
  const base = typeof name === "string" ? name.trim().replace(/\.ipynb$/i, "") : "";
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(base)) {
    throw new NotebookNameError(
      `name must be a file name of letters, digits, "-", "_" or "." (no folders or spaces), starting ` +
        `with a letter or digit, e.g. "14-my-experiment"; received ${JSON.stringify(name)}`,
    );
  }
  if (base.toLowerCase() === "template") {
    throw new NotebookNameError(
      `name must not be "template" (that is the notebook being copied); received ${JSON.stringify(name)}`,
    );
  }
  return base;
}

/** A title from a notebook name: "14-mev-burn_v2" → "14 · Mev burn v2", "my-experiment" → "My experiment". */
export function titleFromName({ name }: NotebookNameOptions): string {
  const base = notebookBaseName({ name });
  const [, number, rest] = /^(\d+)(?:[-_.]+(.*))?$/.exec(base) ?? [undefined, undefined, base];
  const words = (rest ?? "")
    .split(/[-_.]+/)
    .filter(Boolean)
    .join(" ");
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  if (number === undefined) return text;
  return text ? `${number} · ${text}` : number;
}

export interface ForkTemplateOptions {
  /** The template notebook (not modified). */
  template: Notebook;
  /** Name of the new notebook (see {@link notebookBaseName}). */
  name: string;
  /** Cell id generator (default: 8 random hex digits); ids are made unique regardless. */
  newId?: () => string;
}

const randomId = () => randomBytes(4).toString("hex");

/** Points the template's own paths (notebooks/template.ipynb, build/site/template.html) at the fork. */
function retarget(text: string, base: string): string {
  return text.replace(/(notebooks\/|build\/site\/)template\.(ipynb|html)\b/g, `$1${base}.$2`);
}

/** Replaces the first Markdown H1 of the notebook with `# <title>`, or adds one at the top. */
function setHeading(cells: Cell[], title: string): Cell[] {
  for (const cell of cells) {
    if (cell.cell_type !== "markdown") continue;
    const lines = splitLines(joinText(cell.source));
    const at = lines.findIndex((line) => /^# /.test(line));
    if (at < 0) continue;
    lines[at] = `# ${title}${lines[at].endsWith("\n") ? "\n" : ""}`;
    cell.source = lines;
    return cells;
  }
  return [{ cell_type: "markdown", metadata: {}, source: [`# ${title}`] }, ...cells];
}

/**
 * The fork of a template as a new notebook (pure; nothing is written): template-only and injected
 * parameter cells dropped, outputs and execution counts cleared, fresh unique cell ids, the H1 and
 * metadata.title set from the name, metadata.summary reset to a placeholder.
 */
export function forkTemplate({ template, name, newId = randomId }: ForkTemplateOptions): Notebook {
  const base = notebookBaseName({ name });
  const title = titleFromName({ name: base });
  const copy = JSON.parse(JSON.stringify(template)) as Notebook;
  const kept = copy.cells.filter(
    (c) => !cellTags(c).includes(TEMPLATE_ONLY_TAG) && !cellTags(c).includes(INJECTED_TAG),
  );
  const used = new Set<string>(template.cells.map((c) => c.id).filter((id): id is string => typeof id === "string"));
  const cells = setHeading(kept, title).map((cell) => {
    let id = newId();
    while (used.has(id)) id = randomId();
    used.add(id);
    const source = splitLines(retarget(joinText(cell.source), base));
    if (cell.cell_type === "code") return { ...cell, id, source, outputs: [], execution_count: null };
    return { ...cell, id, source };
  });
  return {
    ...copy,
    nbformat: 4,
    nbformat_minor: Math.max(5, copy.nbformat_minor), // cell ids need nbformat 4.5
    metadata: { ...copy.metadata, title, summary: SUMMARY_PLACEHOLDER },
    cells,
  };
}

export interface CreateNotebookOptions {
  /** Name of the new notebook, e.g. "14-my-experiment" (".ipynb" optional). */
  name: string;
  /** Folder to create it in (default notebooks/ of the project). */
  dir?: string;
  /** Template notebook to copy (default notebooks/template.ipynb). */
  template?: string;
}

export interface CreatedNotebook {
  /** Absolute path of the new notebook. */
  path: string;
  title: string;
}

function alreadyExists(file: string): NewNotebookError {
  return new NewNotebookError(
    `${path.relative(process.cwd(), file) || file} already exists; choose another name or remove that file first (nothing was written)`,
  );
}

/**
 * Writes `data` to `file` only if `file` does not exist, atomically: a complete temporary file is
 * hard-linked to the target name (link fails if the name is taken, so a concurrent writer cannot
 * be overwritten either), then the temporary name is removed.
 */
function writeNewFile(file: string, data: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  fs.writeFileSync(tmp, data);
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") throw alreadyExists(file);
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Creates `<dir>/<name>.ipynb` from the template (see {@link forkTemplate}). Throws
 * NotebookNameError for a bad name, NewNotebookError for an existing file, NotebookInputError for an unusable template.
 */
export function createNotebook({
  name,
  dir = NOTEBOOKS_DIR,
  template = TEMPLATE_PATH,
}: CreateNotebookOptions): CreatedNotebook {
  const base = notebookBaseName({ name });
  const file = path.resolve(dir, `${base}.ipynb`);
  if (fs.existsSync(file)) throw alreadyExists(file);
  const source = readNotebook({ path: template });
  const notebook = forkTemplate({ template: source, name: base });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeNewFile(file, serializeNotebook({ notebook }));
  return { path: file, title: notebook.metadata.title ?? base };
}

export interface NewCommandOptions {
  /** Arguments after "new". */
  argv: string[];
}

/** The `new` subcommand; returns the exit status (0 created, 1 not created, 2 bad usage). */
export function newCommand({ argv }: NewCommandOptions): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { dir: { type: "string" }, template: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (err) {
    process.stderr.write(`nb new: ${(err as Error).message}\n\n${NEW_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${NEW_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    const problem = positionals.length === 0 ? "no name given" : `one name expected, got ${positionals.length}`;
    process.stderr.write(`nb new: ${problem}\n\n${NEW_USAGE}\n`);
    return 2;
  }
  try {
    const created = createNotebook({ name: positionals[0], dir: values.dir, template: values.template });
    const shown = path.relative(process.cwd(), created.path) || created.path;
    process.stdout.write(
      `created ${shown} (title "${created.title}") from ${path.relative(process.cwd(), values.template ?? TEMPLATE_PATH)}\n` +
        `next: open it with npm run lab, replace the TODOs, and run it with npm run nb -- run ${shown}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof NotebookNameError) {
      process.stderr.write(`nb new: ${err.message}\n`);
      return 2;
    }
    if (err instanceof NewNotebookError || err instanceof NotebookInputError) {
      process.stderr.write(`nb new: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
