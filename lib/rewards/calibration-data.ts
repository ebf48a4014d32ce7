/**
 * Typed access to the calibration data in data/ (see data/README.md): published MEV-Boost payment
 * statistics and discount rates, each number with its own provenance. Read from disk on first use
 * and checked, so a malformed edit fails loudly.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** Where a number comes from. */
export interface Provenance {
  /** Who published it, and where (page, notebook cell, report). */
  source: string;
  /** Address of the source (null for modelling choices that have none). */
  url: string | null;
  /** The period the data covers. */
  period: string;
  /** What exactly was measured (population, quantity, statistic). */
  measured: string;
  /** For derived numbers: the formula and inputs. */
  derivation?: string;
}

/** One published number. */
export interface PublishedStatistic {
  /** `${dataset}.${statistic}`, e.g. "ephema.median". */
  id: string;
  dataset: string;
  statistic: string;
  value: number;
  unit: string;
  /** True for numbers the source gives only roughly ("about 0.05 ETH"). */
  approximate?: boolean;
  provenance: Provenance;
}

/** The published statistics, by dataset. */
export interface MainnetStatistics {
  title: string;
  description: string;
  /** Every number with its provenance, in file order. */
  entries: PublishedStatistic[];
  /** ephema/MEVBoost-Analysis: MEV-Boost payments, Merge → 2024-05. */
  ephema: {
    mean: number;
    median: number;
    p25: number;
    p75: number;
    sd: number;
    max: number;
    skewness: number;
    kurtosis: number;
    mode: number;
    count: number;
    slots: number;
  };
  /** Aubury: maximum relay bid per slot, 30 days to 2026-02-26. */
  aubury: {
    mean: number;
    median: number;
    p90: number;
    p95: number;
    p99: number;
    p999: number;
    max: number;
    count: number;
    topBlocksShareOfValue: number;
    blocksAbove10EthShareOfValue: number;
  };
  /** Block Scholes: execution-layer rewards of all blocks, Merge → early 2024. */
  blockscholes: { elRewardMean: number; mevPaymentMean: number; elRewardP9999: number; zeroMevShare: number };
  /** Rated: median MEV-Boost block reward over the median locally built block's, Nov 2022. */
  rated: { medianMevBoostToLocalRatio: number };
  /** Pareto tail indices from ratios of Aubury quantiles. */
  tailIndex: { p90p95: number; p95p99: number; p99p999: number };
}

/** One discount rate with its per-slot equivalent. */
export interface DiscountRateEntry {
  id: string;
  /** "scenario" (a modelling choice) or "benchmark" (a quoted market rate). */
  kind: "scenario" | "benchmark";
  annualRate: number;
  /** (1 + annualRate)^(1/slotsPerYear) − 1. */
  perSlotRate: number;
  provenance: Provenance;
}

/** The discount-rate file. */
export interface DiscountRates {
  title: string;
  description: string;
  slotsPerYear: { value: number; provenance: Provenance };
  rates: DiscountRateEntry[];
}

/**
 * The repository's data/ folder (lib/rewards → ../../data).
 *
 * @example
 * DATA_DIRECTORY.endsWith("data"); // → true
 */
export const DATA_DIRECTORY = path.resolve(__dirname, "..", "..", "data");

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(DATA_DIRECTORY, file), "utf8"));
}

function checkProvenance(where: string, p: Provenance): void {
  for (const key of ["source", "period", "measured"] as const) {
    if (typeof p?.[key] !== "string" || p[key].length === 0) throw new Error(`${where}: provenance.${key} is missing`);
  }
  if (!(typeof p.url === "string" || p.url === null))
    throw new Error(`${where}: provenance.url must be a string or null`);
}

function pick<K extends string>(entries: PublishedStatistic[], dataset: string, keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of keys) {
    const entry = entries.find((e) => e.id === `${dataset}.${key}`);
    if (!entry) throw new Error(`data/mev-boost-payments.json: statistic ${dataset}.${key} is missing`);
    out[key] = entry.value;
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

let statisticsCache: MainnetStatistics | undefined;

/**
 * The published MEV-Boost payment statistics of data/mev-boost-payments.json, typed and checked.
 *
 * @example
 * mainnetStatistics().ephema.median; // → 0.0511
 */
export function mainnetStatistics(): MainnetStatistics {
  if (statisticsCache) return statisticsCache;
  const raw = readJson("mev-boost-payments.json") as {
    title: string;
    description: string;
    statistics: PublishedStatistic[];
  };
  const entries = raw.statistics;
  if (!Array.isArray(entries) || entries.length === 0) throw new Error("data/mev-boost-payments.json: no statistics");
  for (const e of entries) {
    if (e.id !== `${e.dataset}.${e.statistic}`)
      throw new Error(`data/mev-boost-payments.json: id ${e.id} ≠ dataset.statistic`);
    if (typeof e.value !== "number" || !Number.isFinite(e.value))
      throw new Error(`data/mev-boost-payments.json: ${e.id} has no finite value`);
    checkProvenance(`data/mev-boost-payments.json ${e.id}`, e.provenance);
  }
  statisticsCache = deepFreeze({
    title: raw.title,
    description: raw.description,
    entries,
    ephema: pick(entries, "ephema", [
      "mean",
      "median",
      "p25",
      "p75",
      "sd",
      "max",
      "skewness",
      "kurtosis",
      "mode",
      "count",
      "slots",
    ] as const),
    aubury: pick(entries, "aubury", [
      "mean",
      "median",
      "p90",
      "p95",
      "p99",
      "p999",
      "max",
      "count",
      "topBlocksShareOfValue",
      "blocksAbove10EthShareOfValue",
    ] as const),
    blockscholes: pick(entries, "blockscholes", [
      "elRewardMean",
      "mevPaymentMean",
      "elRewardP9999",
      "zeroMevShare",
    ] as const),
    rated: pick(entries, "rated", ["medianMevBoostToLocalRatio"] as const),
    tailIndex: pick(entries, "tailIndex", ["p90p95", "p95p99", "p99p999"] as const),
  });
  return statisticsCache;
}

let ratesCache: DiscountRates | undefined;

/**
 * The discount rates of data/discount-rates.json, typed and checked.
 *
 * @example
 * discountRates().slotsPerYear.value; // → 2628000
 */
export function discountRates(): DiscountRates {
  if (ratesCache) return ratesCache;
  const raw = readJson("discount-rates.json") as DiscountRates;
  checkProvenance("data/discount-rates.json slotsPerYear", raw.slotsPerYear?.provenance);
  for (const r of raw.rates ?? []) {
    checkProvenance(`data/discount-rates.json ${r.id}`, r.provenance);
    if (!(r.annualRate > 0 && r.perSlotRate > 0))
      throw new Error(`data/discount-rates.json ${r.id}: rates must be > 0`);
  }
  ratesCache = deepFreeze(raw);
  return raw;
}
