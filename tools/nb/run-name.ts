/**
 * Names of parameterised runs. A run with `--param` writes its executed notebook (and so its page
 * and figure files) as `<notebook>.p-<hash>.ipynb`, the hash a short SHA-256 of its parameters, so
 * the default run's copy stays intact and every distinct parameter set has a stable name of its own.
 */
import { createHash } from "node:crypto";

/** The suffix marking a parameterised run: ".p-" and 8 hex digits. */
const SUFFIX = /\.p-([0-9a-f]{8})$/;

/** The parameters as canonical JSON: keys sorted, so `--param a=1 --param b=2` and `b=2 a=1` agree. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The executed copy's name for a run: the notebook's name, plus `.p-<hash>` when it has parameters.
 *
 * @example
 * parameterRunName({ name: "02-ticket-value", params: {} }); // → "02-ticket-value"
 */
export function parameterRunName({ name, params }: { name: string; params: Record<string, unknown> }): string {
  if (Object.keys(params).length === 0) return name;
  return `${name}.p-${createHash("sha256").update(canonical(params)).digest("hex").slice(0, 8)}`;
}

/**
 * The notebook a run's name belongs to, and whether it is a parameterised run.
 *
 * @example
 * splitRunName("02-ticket-value.p-1a2b3c4d"); // → { notebook: "02-ticket-value", parameterised: true }
 */
export function splitRunName(name: string): { notebook: string; parameterised: boolean } {
  const match = name.match(SUFFIX);
  return match
    ? { notebook: name.slice(0, match.index), parameterised: true }
    : { notebook: name, parameterised: false };
}
