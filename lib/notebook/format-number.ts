import * as validate from "../validate";
export interface FormatNumberOptions {
  value: number;
  /** Significant digits for non-integers (default 4). */
  digits?: number;
}

/**
 * Formats a number for tables: integers exactly (grouped by thousands from 10,000 on), ordinary
 * magnitudes with `digits` significant digits, very small or large ones in exponent form
 * ("1.5e-8"), non-finite values as NaN / ∞ / -∞. Trailing zeros are dropped.
 *
 * @example
 * formatNumber({ value: 1.4924e-8 }); // → "1.492e-8"
 * formatNumber({ value: 2628000 }); // → "2,628,000"
 */
export function formatNumber(options: FormatNumberOptions): string {
  validate.knownKeys("formatNumber options", options ?? {}, ["value", "digits"]);
  const { value, digits = 4 } = options;
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "-∞";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) && magnitude < 1e15) {
    return magnitude >= 1e4 ? value.toLocaleString("en-US", { maximumFractionDigits: 0 }) : String(value);
  }
  if (magnitude >= 1e-3 && magnitude < 1e6) {
    const integerDigits = Math.max(1, Math.floor(Math.log10(magnitude)) + 1);
    if (integerDigits >= digits) {
      return value.toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 0 });
    }
    return trimZeros(value.toPrecision(digits));
  }
  const [mantissa, exponent] = value.toExponential(Math.max(0, digits - 1)).split("e");
  return `${trimZeros(mantissa)}e${exponent.replace("+", "")}`;
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
