/**
 * Parameter grids: validation, the canonical cell order and the canonical cell key.
 */
import type { Grid, ParamValue, Params } from "./types";
import * as validate from "../validate";

/** Column name reserved for the replication number in result rows. */
export const REPLICATION_COLUMN = "replication";

function describe(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function isParamValue(value: unknown): value is ParamValue {
  return (
    (typeof value === "number" && Number.isFinite(value)) || typeof value === "string" || typeof value === "boolean"
  );
}

/** Input of {@link validateGrid}. */
export interface ValidateGridOptions {
  grid: unknown;
}

/**
 * Checks a grid and returns it. Throws a RangeError naming the offending parameter when the grid
 * is not a non-empty object whose values are non-empty arrays of distinct finite numbers,
 * strings or booleans.
 *
 * @example
 * Object.keys(validateGrid({ grid: { n: [10, 100], d: [0.01] } })).join(", "); // → "n, d"
 */
export function validateGrid(options: ValidateGridOptions): Grid {
  validate.knownKeys("validateGrid options", options ?? {}, ["grid"]);
  const { grid } = options;
  if (grid === null || typeof grid !== "object" || Array.isArray(grid) || Object.keys(grid).length === 0) {
    throw new RangeError(
      `grid must be an object with at least one parameter, e.g. {"n":[10,100]}; received ${describe(grid)}`,
    );
  }
  for (const [name, values] of Object.entries(grid)) {
    if (name === REPLICATION_COLUMN) {
      throw new RangeError(`grid.${name} must not be used: "${REPLICATION_COLUMN}" is a reserved column name`);
    }
    if (!Array.isArray(values) || values.length === 0) {
      throw new RangeError(
        `grid.${name} must be a non-empty array of finite numbers, strings or booleans; received ${describe(values)}`,
      );
    }
    values.forEach((value, i) => {
      if (!isParamValue(value)) {
        throw new RangeError(
          `grid.${name}[${i}] must be a finite number, a string or a boolean; received ${describe(value)}`,
        );
      }
    });
    // Repeated values would make identical cells with identical streams: duplicated, not new, results.
    if (new Set(values).size !== values.length) {
      throw new RangeError(`grid.${name} must not repeat a value; received ${describe(values)}`);
    }
  }
  return grid as Grid;
}

/** Input of {@link gridCells}. */
export interface GridCellsOptions {
  grid: Grid;
}

/**
 * The grid's cells in canonical order: the cartesian product with the first parameter outermost
 * and the last innermost, each parameter's values in the order given.
 *
 * @example
 * gridCells({ grid: { n: [10, 100], d: [0.01, 0.02] } }).length; // → 4
 */
export function gridCells(options: GridCellsOptions): Params[] {
  validate.knownKeys("gridCells options", options ?? {}, ["grid"]);
  const { grid } = options;
  let cells: Params[] = [{}];
  for (const [name, values] of Object.entries(grid)) {
    const next: Params[] = [];
    for (const cell of cells) for (const value of values) next.push({ ...cell, [name]: value });
    cells = next;
  }
  return cells;
}

/** Input of {@link cellKey}. */
export interface CellKeyOptions {
  params: Params;
}

/**
 * A cell's canonical key: JSON of its parameters with keys sorted. It names the cell's random
 * streams, so a cell keeps its results when other values are added to the grid or the grid's
 * keys are listed in another order.
 *
 * @example
 * cellKey({ params: { n: 10, d: 0.01 } }); // → "{\"d\":0.01,\"n\":10}"
 */
export function cellKey(options: CellKeyOptions): string {
  validate.knownKeys("cellKey options", options ?? {}, ["params"]);
  const { params } = options;
  const sorted: Params = {};
  for (const name of Object.keys(params).sort()) sorted[name] = params[name];
  return JSON.stringify(sorted);
}
