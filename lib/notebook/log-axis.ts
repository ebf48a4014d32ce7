/**
 * Log-scale helpers for plots over the number of tickets n, which spans many decades: an evenly
 * log-spaced grid of integers and decade tick labels (10⁰, 10¹, …) with an optional second line.
 */
import * as validate from "../validate";

/** Input of {@link logIntegerGrid}. */
export interface LogIntegerGridOptions {
  /** Smallest value of the grid (finite, ≥ 1, ≤ max; default 1). */
  min?: number;
  /** Largest value of the grid (finite, ≥ 1). */
  max: number;
  /** Grid points from 1 to max before rounding merges the first few (integer ≥ 1). */
  points: number;
}

/**
 * The distinct integers round(min·(max/min)^(i/points)), i = 0..points, in increasing order: min,
 * …, max evenly spaced on a log axis (the first decade has fewer points, since rounding merges them).
 *
 * @example logIntegerGrid({ max: 1000, points: 6 }) // [1, 3, 10, 32, 100, 316, 1000]
 */
export function logIntegerGrid(options: LogIntegerGridOptions): number[] {
  validate.knownKeys("logIntegerGrid options", options ?? {}, ["min", "max", "points"]);
  const { min = 1, max, points } = options;
  validate.inRange("max", max, 1, Number.MAX_VALUE);
  validate.inRange("min", min, 1, max);
  validate.integer("points", points, 1, 1e7);
  const ratio = max / min;
  const grid: number[] = [];
  for (let i = 0; i <= points; i++) {
    const n = Math.round(min * ratio ** (i / points));
    if (grid.length === 0 || n !== grid[grid.length - 1]) grid.push(n);
  }
  return grid;
}

/** Input of {@link decadeTicks}. */
export interface DecadeTicksOptions {
  /** Largest value on the axis (finite, ≥ 1): ticks at 10^0 … 10^k with 10^k ≤ max. */
  max: number;
  /** Optional second line under each label, e.g. the expected wait at n = 10^k. */
  secondLine?: (value: number) => string;
}

/**
 * Plotly `tickvals` and `ticktext` for a log axis: one tick per decade, labelled 10⁰, 10¹, ….
 *
 * @example
 * decadeTicks({ max: 1000 }).tickvals.join(","); // → "1,10,100,1000"
 */
export function decadeTicks({ max, secondLine }: DecadeTicksOptions): { tickvals: number[]; ticktext: string[] } {
  validate.inRange("max", max, 1, Number.MAX_VALUE);
  if (secondLine !== undefined && typeof secondLine !== "function") {
    throw new RangeError(`secondLine must be a function (value) => string; received ${String(secondLine)}`);
  }
  const top = Math.floor(Math.log10(max) + 1e-9); // 1e-9: log10(1000) may land just below 3
  const tickvals = Array.from({ length: top + 1 }, (_, k) => 10 ** k);
  const ticktext = tickvals.map((value, k) => {
    const label = `10${superscript(k)}`;
    return secondLine === undefined ? label : `${label}<br>${secondLine(value)}`;
  });
  return { tickvals, ticktext };
}

/** k in superscript digits, e.g. 12 → "¹²". */
function superscript(k: number): string {
  return String(k)
    .split("")
    .map((digit) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(digit)])
    .join("");
}
