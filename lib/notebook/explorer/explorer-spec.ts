/**
 * Explorers: a figure of a notebook that a reader of the exported page may recompute at other
 * parameter values, without a kernel. The notebook declares which of its parameters-cell values
 * move (range, step, log scale, or choices) and which library figure they drive; the page gets one
 * `<input>` or `<select>` per parameter, named as in the parameters cell, and redraws the figure in
 * the browser with the same library code (bundled by the exporter), so the reader's figure is the
 * notebook's figure.
 */

/** MIME type of an explorer's record in a figure output. */
export const EXPLORER_MIME = "application/vnd.execution-tickets.explorer+json";

/** A number the reader moves along a range. */
export interface RangeControl {
  /** The parameter's name in the notebook's parameters cell (the page's input is named so). */
  name: string;
  /** The figure's parameter it sets, when named otherwise (default: `name`). */
  parameter?: string;
  label?: string;
  min: number;
  max: number;
  /** Step of the slider (in the value's units; for a log scale, in decades). Default: 1/100 of the range. */
  step?: number;
  /** "log": the slider moves the base-10 logarithm (min and max must be positive). */
  scale?: "linear" | "log";
  /** Round to a whole number (ticket counts). */
  integer?: boolean;
}

/** A value the reader picks from a list. */
export interface ChoiceControl {
  name: string;
  parameter?: string;
  label?: string;
  choices: readonly (string | number)[];
}

export type ExplorerControl = RangeControl | ChoiceControl;

/** What the exported page needs to rebuild an explorer (the output's EXPLORER_MIME record). */
export interface ExplorerRecord {
  /** The library figure it draws (a key of EXPLORER_FIGURES). */
  figure: string;
  controls: ExplorerControl[];
  /** The values the notebook ran with (every parameter the figure takes). */
  values: Record<string, number | string>;
}

/**
 * The figure's parameter a control sets.
 *
 * @example
 * controlParameter({ name: "tableShare", parameter: "share", min: 0.001, max: 1 }); // → "share"
 */
export function controlParameter(control: ExplorerControl): string {
  return control.parameter ?? control.name;
}

/**
 * The value a control's slider position stands for: 10^x on a log scale, rounded for integers.
 *
 * @example
 * controlValue({ name: "n", min: 1, max: 1e5, scale: "log", integer: true }, 3.5); // → 3162
 */
export function controlValue(control: RangeControl, position: number): number {
  const raw = control.scale === "log" ? 10 ** position : position;
  return control.integer ? Math.round(raw) : raw;
}

/**
 * The slider position of a value (the inverse of {@link controlValue}).
 *
 * @example
 * controlPosition({ name: "d", min: 1e-4, max: 0.5, scale: "log" }, 0.001); // → -3
 */
export function controlPosition(control: RangeControl, value: number): number {
  return control.scale === "log" ? Math.log10(value) : value;
}

/**
 * Checks a control and that `value` lies in it; RangeError naming the parameter otherwise.
 *
 * @example
 * checkControl({ name: "d", min: 1e-4, max: 0.5, scale: "log" }, 0.01); // no error; 0.9 would throw
 */
export function checkControl(control: ExplorerControl, value: unknown): void {
  const where = `controls.${control.name}`;
  if ("choices" in control) {
    if (!Array.isArray(control.choices) || control.choices.length === 0)
      throw new RangeError(`${where}.choices must be a non-empty list`);
    if (!control.choices.includes(value as string | number)) {
      throw new RangeError(
        `${control.name} is ${JSON.stringify(value)}, not one of ${where}.choices (${control.choices.join(", ")})`,
      );
    }
    return;
  }
  const { min, max, scale = "linear" } = control;
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
    throw new RangeError(`${where} must have finite min < max; received min ${min}, max ${max}`);
  }
  if (scale === "log" && !(min > 0)) throw new RangeError(`${where}: a log scale needs min > 0; received ${min}`);
  if (typeof value !== "number" || !(value >= min && value <= max)) {
    throw new RangeError(`${control.name} is ${JSON.stringify(value)}, outside ${where} [${min}, ${max}]`);
  }
}

/**
 * A control's value as its label shows it: 4 significant digits (the value used stays exact).
 *
 * @example
 * shownValue(0.00707945784384138); // → "0.007079"
 */
export function shownValue(value: number | string): string {
  return typeof value === "number" ? String(Number(value.toPrecision(4))) : value;
}
