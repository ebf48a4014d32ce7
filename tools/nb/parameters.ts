/**
 * Papermill-style parameters: a code cell tagged `parameters` holds defaults as
 * `const name = literal;` lines; a run may override them with a cell tagged
 * `injected-parameters`, inserted right after it (tslab lets a later cell redeclare a const).
 */
import { type Cell, type CodeCell, cellTags, joinText, splitLines } from "./nbformat";
import { NotebookInputError } from "./notebook-file";
import { declaredParameterTypes, describe, parameterLiteral, typeProblem } from "./parameter-types";

export const PARAMETERS_TAG = "parameters";
export const INJECTED_TAG = "injected-parameters";

/** Parameter values by name, each a JSON value. */
export type Parameters = Record<string, unknown>;

/** A `--param` argument that cannot be used (bad syntax or a value that is not JSON). */
export class ParameterSyntaxError extends Error {
  override name = "ParameterSyntaxError";
}

export interface ParseParamArgsOptions {
  /** The `name=value` strings given with `--param`, in order (a later one wins). */
  args: string[];
}

/**
 * Parses `--param name=value` arguments. Values are JSON: `n=1000`, `d=1e-4`, `on=true`,
 * `label='"fast"'` (strings must be quoted JSON). Throws ParameterSyntaxError otherwise.
 */
export function parseParamArgs({ args }: ParseParamArgsOptions): Parameters {
  const params: Parameters = {};
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq <= 0) throw new ParameterSyntaxError(`--param ${arg}: expected name=value, e.g. --param n=1000`);
    const name = arg.slice(0, eq).trim();
    const raw = arg.slice(eq + 1);
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
      throw new ParameterSyntaxError(`--param ${arg}: "${name}" is not a valid TypeScript identifier`);
    }
    try {
      params[name] = JSON.parse(raw);
    } catch {
      throw new ParameterSyntaxError(
        `--param ${arg}: the value ${JSON.stringify(raw)} is not JSON; numbers and true/false/null are ` +
          `written as is, strings must be quoted JSON, e.g. --param ${name}='"${raw}"'`,
      );
    }
  }
  return params;
}

export interface DeclaredParametersOptions {
  /** Source of the `parameters` cell. */
  source: string;
}

/** Names declared by `const|let|var name … = …` lines of a parameters cell. */
export function declaredParameters({ source }: DeclaredParametersOptions): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*[:=]/gm)) {
    names.push(match[1]);
  }
  return names;
}

export interface InjectParametersOptions {
  /** Notebook path, for messages. */
  path: string;
  /** The notebook's cells (not modified). */
  cells: Cell[];
  /** Values to inject; empty means "only drop a stale injected cell". */
  params: Parameters;
}

/**
 * Returns the cells to execute: any earlier `injected-parameters` cell is dropped (as papermill
 * does), and when `params` is not empty a new injected cell follows the `parameters` cell.
 * Throws NotebookInputError when there is no parameters cell or a name is not declared in it.
 */
export function injectParameters({ path, cells, params }: InjectParametersOptions): Cell[] {
  const kept = cells.filter((c) => !cellTags(c).includes(INJECTED_TAG));
  const names = Object.keys(params);
  if (names.length === 0) return kept;
  const at = kept.findIndex((c) => c.cell_type === "code" && cellTags(c).includes(PARAMETERS_TAG));
  if (at < 0) {
    throw new NotebookInputError(`${path}: --param given but the notebook has no code cell tagged "${PARAMETERS_TAG}"`);
  }
  const declared = declaredParameters({ source: joinText(kept[at].source) });
  const unknown = names.filter((n) => !declared.includes(n));
  if (unknown.length) {
    const list = declared.length ? declared.join(", ") : "none";
    throw new NotebookInputError(
      `${path}: unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; ` +
        `the parameters cell declares: ${list}`,
    );
  }
  const types = declaredParameterTypes({ source: joinText(kept[at].source) });
  for (const name of names) {
    const declared = types.get(name);
    const problem = typeProblem(params[name], declared?.type ?? { kind: "any" });
    if (problem) {
      throw new NotebookInputError(
        `${path}: --param ${name}=${typeof params[name] === "number" ? String(params[name]) : parameterLiteral(params[name])}: ${problem}` +
          (declared ? `; the parameters cell declares \`${declared.text}\` (${describe(declared.type)})` : ""),
      );
    }
  }
  const code = names.map((n) => `const ${n} = ${parameterLiteral(params[n])};`).join("\n");
  const injected: CodeCell = {
    cell_type: "code",
    id: INJECTED_TAG,
    metadata: { tags: [INJECTED_TAG] },
    source: splitLines(`// Injected by the notebook runner (--param)\n${code}`),
    outputs: [],
    execution_count: null,
  };
  return [...kept.slice(0, at + 1), injected, ...kept.slice(at + 1)];
}
