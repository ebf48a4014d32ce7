/**
 * Converting between an annual discount rate r and the per-slot rate d of the model, with annual
 * compounding over a 365-day year of slots: (1 + d)^{slotsPerYear} = 1 + r.
 * Both directions go through log1p/expm1: d ≈ 1.5e-8 would lose half its digits if 1 + d were formed.
 */
import * as validate from "../validate";

/** Seconds in a 365-day year. */
export const SECONDS_PER_YEAR = 365 * 24 * 60 * 60;
/** Ethereum's slot length in seconds. */
export const SLOT_SECONDS = 12;
/** Slots in a 365-day year of 12-second slots: 2,628,000. */
export const SLOTS_PER_YEAR = SECONDS_PER_YEAR / SLOT_SECONDS;

/** Object form of {@link perSlotRate}'s input. */
export interface PerSlotRateOptions {
  /** Annual discount rate r ≥ 0 (0.04 = 4 %/yr). */
  annualRate: number;
  /** Slot length in seconds (> 0; default 12). */
  slotSeconds?: number;
}

/** Object form of {@link annualRate}'s input. */
export interface AnnualRateOptions {
  /** Per-slot discount rate d ≥ 0. */
  d: number;
  /** Slot length in seconds (> 0; default 12). */
  slotSeconds?: number;
}

function slotsPerYear(slotSeconds: unknown): number {
  return SECONDS_PER_YEAR / validate.positive("slotSeconds", slotSeconds);
}

/**
 * The per-slot rate d = (1 + r)^{1/S} − 1 with S = 31,536,000/slotSeconds slots per year, computed as
 * expm1(log1p(r)/S). Example: 4 %/yr → d = 1.4924e-8 per 12-second slot.
 * Accepts `perSlotRate(r, slotSeconds = 12)` (the contract's positional form) or
 * `perSlotRate({ annualRate, slotSeconds })`.
 *
 * @example
 * perSlotRate(0.04); // → 1.49242e-8
 * perSlotRate({ annualRate: 0.04, slotSeconds: 12 }); // → 1.49242e-8
 */
export function perSlotRate(annualRate: number, slotSeconds?: number): number;
export function perSlotRate(params: PerSlotRateOptions): number;
export function perSlotRate(arg: number | PerSlotRateOptions, slotSecondsArg?: number): number {
  const params: PerSlotRateOptions =
    typeof arg === "object" && arg !== null ? arg : { annualRate: arg, slotSeconds: slotSecondsArg };
  validate.knownKeys("perSlotRate options", params, ["annualRate", "slotSeconds"]);
  const r = validate.nonNegative("annualRate", params.annualRate);
  const slots = slotsPerYear(params.slotSeconds === undefined ? SLOT_SECONDS : params.slotSeconds);
  return Math.expm1(Math.log1p(r) / slots);
}

/**
 * The inverse of {@link perSlotRate}: r = (1 + d)^S − 1 = expm1(S·log1p(d)), S slots per year.
 * (Infinity when the annual rate overflows, e.g. d = 1 per slot.)
 * Accepts `annualRate(d, slotSeconds = 12)` or `annualRate({ d, slotSeconds })`.
 *
 * @example
 * annualRate(perSlotRate(0.04)); // → 0.04
 */
export function annualRate(d: number, slotSeconds?: number): number;
export function annualRate(params: AnnualRateOptions): number;
export function annualRate(arg: number | AnnualRateOptions, slotSecondsArg?: number): number {
  const params: AnnualRateOptions =
    typeof arg === "object" && arg !== null ? arg : { d: arg, slotSeconds: slotSecondsArg };
  validate.knownKeys("annualRate options", params, ["d", "slotSeconds"]);
  const d = validate.nonNegative("d", params.d);
  const slots = slotsPerYear(params.slotSeconds === undefined ? SLOT_SECONDS : params.slotSeconds);
  return Math.expm1(slots * Math.log1p(d));
}
