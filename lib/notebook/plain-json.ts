import * as validate from "../validate";
export interface PlainJsonOptions {
  value: unknown;
}

/**
 * A deep copy of `value` that survives JSON.stringify unchanged: typed arrays become arrays
 * (JSON.stringify would turn a Float64Array into an object keyed "0", "1", …), non-finite numbers
 * become null (JSON has no NaN; Plotly treats null as a gap), functions and undefined are dropped.
 */
export function toPlainJson(options: PlainJsonOptions): unknown {
  validate.knownKeys("toPlainJson options", options ?? {}, ["value"]);
  const { value } = options;
  if (value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "object") return undefined;
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>, (v) => toPlainJson({ value: v }));
  }
  if (Array.isArray(value)) {
    return value.map((v) => {
      const plain = toPlainJson({ value: v });
      return plain === undefined ? null : plain;
    });
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const plain = toPlainJson({ value: v });
    if (plain !== undefined) out[key] = plain;
  }
  return out;
}
