/**
 * Parameter validation shared by every public function. Each check throws a RangeError whose
 * message names the parameter, the value received and what is allowed, e.g.
 *   RangeError: n must be an integer with 1 ≤ n ≤ 2^53; received 2.5
 *
 * @module
 */

function show(value: unknown): string {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (value === Infinity) return "Infinity";
    if (value === -Infinity) return "-Infinity";
    return String(value);
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(name: string, allowed: string, value: unknown): never {
  throw new RangeError(`${name} must be ${allowed}; received ${show(value)}`);
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && !Number.isNaN(value);
}

/** A finite number (any sign). */
export function finite(name: string, value: unknown): number {
  if (!isNumber(value) || !Number.isFinite(value)) fail(name, "a finite number", value);
  return value;
}

/** A finite number > 0. */
export function positive(name: string, value: unknown): number {
  if (!isNumber(value) || !Number.isFinite(value) || value <= 0) fail(name, "a finite number > 0", value);
  return value;
}

/** A finite number ≥ 0. */
export function nonNegative(name: string, value: unknown): number {
  if (!isNumber(value) || !Number.isFinite(value) || value < 0) fail(name, "a finite number ≥ 0", value);
  return value;
}

/** A number in [lo, hi] (both finite). */
export function inRange(name: string, value: unknown, lo: number, hi: number): number {
  if (!isNumber(value) || value < lo || value > hi) fail(name, `a number in [${lo}, ${hi}]`, value);
  return value;
}

/** A number in the open interval (lo, hi). */
export function inOpenRange(name: string, value: unknown, lo: number, hi: number): number {
  if (!isNumber(value) || value <= lo || value >= hi) fail(name, `a number in (${lo}, ${hi})`, value);
  return value;
}

/** An integer in [lo, hi]; hi defaults to 2^53. */
export function integer(name: string, value: unknown, lo: number, hi = 2 ** 53): number {
  const hiText = hi === 2 ** 53 ? "2^53" : String(hi);
  if (!isNumber(value) || !Number.isInteger(value) || value < lo || value > hi) {
    fail(name, `an integer with ${lo} ≤ ${name} ≤ ${hiText}`, value);
  }
  return value;
}

/** The ticket count n: an integer 1 ≤ n ≤ 2^53. */
export function ticketCount(value: unknown, name = "n"): number {
  return integer(name, value, 1);
}

/** A per-slot discount rate d: finite and > 0. */
export function discountRate(value: unknown, name = "d"): number {
  return positive(name, value);
}

/** One of a fixed set of string options. */
export function oneOf<T extends string>(name: string, value: unknown, options: readonly T[]): T {
  if (typeof value !== "string" || !(options as readonly string[]).includes(value)) {
    fail(name, `one of ${options.map((o) => JSON.stringify(o)).join(", ")}`, value);
  }
  return value as T;
}

/** A non-empty array of finite numbers. */
export function finiteArray(name: string, value: unknown): number[] {
  if (!Array.isArray(value) || value.length === 0) fail(name, "a non-empty array of finite numbers", value);
  value.forEach((v, i) => finite(`${name}[${i}]`, v));
  return value as number[];
}

/** A seed: a finite number or a non-empty string. */
export function seed(value: unknown, name = "seed"): number | string {
  if (typeof value === "string" && value.length > 0) return value;
  if (isNumber(value) && Number.isFinite(value)) return value;
  return fail(name, "a finite number or a non-empty string", value);
}

/** Edit distance between two short strings (for "did you mean" suggestions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Refuses a key of `value` outside `allowed`, naming the closest allowed key:
 *   RangeError: overrides.sdd is not a known key; did you mean sd? (known: mu, sd, …)
 */
export function knownKeys(name: string, value: object, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const closest = [...allowed].sort((a, b) => editDistance(key, a) - editDistance(key, b))[0];
    const hint =
      closest !== undefined && editDistance(key, closest) <= Math.max(2, key.length / 3)
        ? `; did you mean ${closest}?`
        : "";
    throw new RangeError(`${name}.${key} is not a known key${hint} (known: ${allowed.join(", ")})`);
  }
}
