/**
 * How every headline ETH figure moves with the calibration's uncertain choices: the tail mass w, the
 * far-tail index (its interval's ends), the cap and the period (issue 22). One row per variant of the
 * per-slot law; the figures are the closed forms at one n and one discount rate.
 */
import { mainnetPerSlot, type MainnetPerSlotOptions } from "../rewards";
import {
  caraCertaintyEquivalentOfReward,
  issuedValue,
  npvOfRewards,
  poolSizeForCaraPremium,
  ticketValue,
  ticketVariance,
} from "../model";
import * as validate from "../validate";
import { level2026 } from "./mainnet";

/** Input of {@link headlineSensitivity}. */
export interface HeadlineSensitivityOptions {
  /** Tickets outstanding n of the per-ticket figures. */
  n: number;
  /** Per-slot discount rate d. */
  d: number;
  /** Absolute risk aversion γ (per ETH) of the CARA figures. */
  gamma: number;
  /** Tail masses to try besides the calibrated one (default 2 %, 5 %, 10 %). */
  tailMasses?: number[];
  /** Caps to try besides the sample maximum, ETH; null for none (default [null, 10_000]). */
  caps?: (number | null)[];
}

/** One row of {@link headlineSensitivity} (a type alias: a plain table row). */
export type HeadlineSensitivityRow = {
  variant: string;
  "μ per slot (ETH)": number;
  "sd per slot (ETH)": number;
  "μ/d (ETH)": number;
  "E[V] (ETH)": number;
  "issued value (ETH)": number;
  "Var(V) (ETH²)": number;
  "CARA capture CE/μ": number;
  "pool for a 1 % premium (members)": number;
};

/**
 * The headline figures for the calibrated law and each variant.
 *
 * @example
 * headlineSensitivity({ n: 10_000, d: 1.4924e-8, gamma: 1 })[0]["μ per slot (ETH)"]; // → 0.111864
 */
export function headlineSensitivity({
  n,
  d,
  gamma,
  tailMasses = [0.02, 0.05, 0.1],
  caps = [null, 10_000],
}: HeadlineSensitivityOptions): HeadlineSensitivityRow[] {
  validate.ticketCount(n);
  validate.discountRate(d);
  validate.positive("gamma", gamma);
  const base = mainnetPerSlot();
  const [lo, hi] = base.calibration.intervals.alphaFar;
  const w = base.calibration.options.tailMass;
  const variants: { variant: string; options: MainnetPerSlotOptions }[] = [
    { variant: `calibrated (w = ${w.toFixed(3)}, cap ${base.calibration.maximum.observed} ETH, 2022–24)`, options: {} },
    ...tailMasses.map((t) => ({ variant: `w = ${t} (refitted)`, options: { tailMass: t } })),
    { variant: `α_far = ${lo.toFixed(2)} (95 % low end)`, options: { alphaFar: lo } },
    { variant: `α_far = ${hi.toFixed(2)} (95 % high end)`, options: { alphaFar: hi } },
    ...caps.map((c) => ({ variant: c === null ? "no cap" : `cap ${c} ETH`, options: { cap: c } })),
    { variant: "level of early 2026", options: { level: level2026() } },
  ];
  return variants.map(({ variant, options }) => {
    const law = mainnetPerSlot(options).reward;
    const mu = law.mean;
    const sigma2 = law.variance;
    return {
      variant,
      "μ per slot (ETH)": mu,
      "sd per slot (ETH)": Math.sqrt(sigma2),
      "μ/d (ETH)": npvOfRewards({ mu, d }),
      "E[V] (ETH)": ticketValue({ mu, n, d }),
      "issued value (ETH)": issuedValue({ mu, n, d }),
      "Var(V) (ETH²)": ticketVariance({ mu, sigma2, n, d }),
      "CARA capture CE/μ": caraCertaintyEquivalentOfReward({ law, gamma }) / mu,
      "pool for a 1 % premium (members)": poolSizeForCaraPremium({ law, gamma, targetPremium: 0.01 }),
    };
  });
}
