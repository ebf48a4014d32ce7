/**
 * The calibrated mainnet payment law (../../docs/derivations/calibration.md#broken-tail): a lognormal
 * body fitted to the published quartiles and a Pareto tail broken at a knee, fitted so that the law
 * the data came from reproduces the sample mean, the sample standard deviation and the sample maximum.
 *
 * Why not one tail index: with a single Pareto tail above the body, the α that reproduces the mean
 * (≈ 1.1 at w = 5 %) predicts about 30 payments above the observed maximum of 691.96 ETH, so the
 * sample maximum rejects it (P ≈ 1e-13), and the α the maximum allows (≈ 1.5) gives a mean 30 % too
 * low. A tail that is heavy near the body and lighter far out satisfies both.
 *
 * Method, for a tail mass w:
 * 1. body: s = ln(P75/P25)/(2·Φ⁻¹(¾)), m = ln(median); u = the body's (1 − w)-quantile;
 * 2. far index α_far: the maximum-likelihood estimate from the sample maximum M of N payments,
 *    whose log-likelihood is ln(λ α_far/M) − λ with λ = N·P(R > M) (the largest of N, Poisson limit);
 * 3. near index α: the law, truncated at M (no payment in the sample exceeds it), has the sample mean;
 * 4. knee k: the same truncated law has the sample standard deviation;
 * steps 2–3 are iterated to a fixed point inside a bisection on k.
 * w itself is either given or chosen to reproduce the three Aubury quantile ratios (the tail's
 * shape, from another period and measure) by least squares on their logarithms.
 * Intervals: α_far from the likelihood ratio of the maximum (95 %, χ²₁), α from the mean's
 * standard error (±1.96 SE), each with the other parameters held.
 */
import { findRoot, minimiseOnInterval } from "../stats/find-root";
import { normalQuantile } from "../stats/normal-distribution";
import * as validate from "../validate";
import { BrokenPareto } from "./broken-pareto";
import { mainnetStatistics, type MainnetStatistics } from "./calibration-data";
import { fitRow, type FitRow } from "./fit-mainnet";
import { NORMAL_Q75 } from "./lognormal";
import { MainnetReward } from "./mainnet";

/** Input of {@link calibrateMainnet}; everything optional. */
export interface CalibrateMainnetOptions {
  /** The published statistics (default: data/mev-boost-payments.json). */
  statistics?: MainnetStatistics;
  /** Tail mass w in [0.01, 0.3], or "aubury-shape" (default): the w that best reproduces Aubury's quantile ratios. */
  tailMass?: number | "aubury-shape";
  /** Cap of the returned law, ETH (default: the sample maximum); null for an uncapped law. */
  cap?: number | null;
}

/** The parameters of a calibrated payment law, ready for `rewards.mainnet(...)`. */
export interface CalibratedMainnetOptions {
  meanLog: number;
  sdLog: number;
  tailMass: number;
  alpha: number;
  knee: number;
  alphaFar: number;
  threshold: number;
  cap?: number;
}

/** The result of {@link calibrateMainnet}. */
export interface MainnetCalibration {
  /** The payment law (one MEV-Boost payment), capped as asked. */
  model: MainnetReward;
  options: CalibratedMainnetOptions;
  /** 95 % intervals: α from the mean's standard error, α_far from the maximum's likelihood ratio. */
  intervals: { alpha: [number, number]; alphaFar: [number, number] };
  /** The uncapped law's verdict on the sample maximum M. */
  maximum: { observed: number; expectedAbove: number; probabilityAtMost: number; medianOfMaximum: number };
  /** Fitted against published statistics; `usedInFit` says which were fitted. */
  table: FitRow[];
  /** The steps, in words, with the numbers. */
  method: string[];
}

const LR_95 = 3.841458820694124 / 2;
const Z_975 = 1.959963984540054;

interface Data {
  meanLog: number;
  sdLog: number;
  count: number;
  max: number;
  mean: number;
  sd: number;
}

interface TailFit {
  alpha: number;
  knee: number;
  alphaFar: number;
}

function law(data: Data, w: number, t: TailFit, cap: number | undefined): MainnetReward {
  return new MainnetReward({ meanLog: data.meanLog, sdLog: data.sdLog, tailMass: w, ...t, cap });
}

/** λ = N·P(R > M) under the uncapped law. */
function expectedAbove(data: Data, w: number, t: TailFit): number {
  const threshold = Math.exp(data.meanLog + data.sdLog * normalQuantile({ p: 1 - w }));
  const tail = new BrokenPareto({ alpha: t.alpha, scale: threshold, knee: t.knee, alphaFar: t.alphaFar });
  return data.count * w * tail.untruncatedSurvival(data.max);
}

/** Log-likelihood of the sample maximum (up to a constant): ln(λ·α_far) − λ. */
function maximumLogLikelihood(data: Data, w: number, t: TailFit): number {
  const lambda = expectedAbove(data, w, t);
  return Math.log(lambda * t.alphaFar) - lambda;
}

function farIndex(data: Data, w: number, alpha: number, knee: number): number {
  const logSpan = Math.log(data.max / knee);
  return findRoot({
    name: "maximum-likelihood α_far",
    lo: 0.05,
    hi: 50,
    tolerance: 1e-13,
    f: (alphaFar) => 1 / alphaFar - (1 - expectedAbove(data, w, { alpha, knee, alphaFar })) * logSpan,
  });
}

function nearIndex(data: Data, w: number, knee: number, alphaFar: number, targetMean: number): number {
  return findRoot({
    name: `α giving the mean ${targetMean}`,
    lo: 0.05,
    hi: 10,
    tolerance: 1e-13,
    f: (alpha) => law(data, w, { alpha, knee, alphaFar }, data.max).mean - targetMean,
  });
}

/** α and α_far for a knee, by fixed-point iteration. */
function indicesForKnee(data: Data, w: number, knee: number): TailFit {
  let alpha = 1.1;
  let alphaFar = 2.5;
  for (let i = 0; i < 100; i++) {
    alphaFar = farIndex(data, w, alpha, knee);
    const next = nearIndex(data, w, knee, alphaFar, data.mean);
    const done = Math.abs(next - alpha) < 1e-10;
    alpha = next;
    if (done) break;
  }
  return { alpha, knee, alphaFar };
}

function tailForMass(data: Data, w: number): TailFit {
  const threshold = Math.exp(data.meanLog + data.sdLog * normalQuantile({ p: 1 - w }));
  const sdAt = (logKnee: number): number => {
    try {
      return law(data, w, indicesForKnee(data, w, Math.exp(logKnee)), data.max).variance ** 0.5 - data.sd;
    } catch {
      return Number.NaN;
    }
  };
  // Some knees leave no α that reaches the mean: scan a grid for a bracket of solvable knees.
  const lo = Math.log(threshold * 2);
  const hi = Math.log(data.max / 2);
  const grid = Array.from({ length: 13 }, (_, i) => lo + ((hi - lo) * i) / 12);
  const values = grid.map(sdAt);
  const i = values.findIndex(
    (v, j) => j > 0 && Math.sign(v) !== Math.sign(values[j - 1]) && !Number.isNaN(v + values[j - 1]),
  );
  if (i < 0) {
    throw new RangeError(
      `tailMass: no knee between ${Math.exp(lo).toPrecision(3)} and ${data.max / 2} ETH gives the sd ${data.sd} at w = ${w}`,
    );
  }
  const logKnee = findRoot({
    name: `knee giving the sd ${data.sd} at tail mass ${w}`,
    lo: grid[i - 1],
    hi: grid[i],
    f: sdAt,
    tolerance: 1e-11,
  });
  return indicesForKnee(data, w, Math.exp(logKnee));
}

/** Aubury's three quantile ratios (P95/P90, P99/P95, P99.9/P99) of a law. */
function shapeRatios(model: MainnetReward): number[] {
  const q = (p: number) => model.quantile(p);
  return [q(0.95) / q(0.9), q(0.99) / q(0.95), q(0.999) / q(0.99)];
}

const memo = new WeakMap<MainnetStatistics, Map<string, MainnetCalibration>>();

/**
 * Calibrates the mainnet payment law to the published statistics (module comment: the method).
 * Deterministic and memoised per statistics object.
 *
 * @example
 * calibrateMainnet({ tailMass: 0.05 }).options.alphaFar; // → 2.60761
 */
export function calibrateMainnet(options: CalibrateMainnetOptions = {}): MainnetCalibration {
  validate.knownKeys("calibrateMainnet options", options ?? {}, ["statistics", "tailMass", "cap"]);
  const stats = options?.statistics ?? mainnetStatistics();
  const tailMassOption = options?.tailMass ?? "aubury-shape";
  if (tailMassOption !== "aubury-shape") validate.inRange("tailMass", tailMassOption, 0.01, 0.3);
  const cap = options?.cap === undefined ? stats.ephema.max : options.cap;
  if (cap !== null) validate.positive("cap", cap);
  const key = `${tailMassOption}|${cap}`;
  const cached = memo.get(stats)?.get(key);
  if (cached) return cached;

  const { p25, p75, median, count, max, mean, sd } = stats.ephema;
  const data: Data = {
    meanLog: Math.log(validate.positive("statistics.ephema.median", median)),
    sdLog: Math.log(p75 / p25) / (2 * NORMAL_Q75),
    count: validate.integer("statistics.ephema.count", count, 1),
    max: validate.positive("statistics.ephema.max", max),
    mean: validate.positive("statistics.ephema.mean", mean),
    sd: validate.positive("statistics.ephema.sd", sd),
  };
  const published = [
    stats.aubury.p95 / stats.aubury.p90,
    stats.aubury.p99 / stats.aubury.p95,
    stats.aubury.p999 / stats.aubury.p99,
  ];
  const shapeLoss = (w: number): number =>
    shapeRatios(law(data, w, tailForMass(data, w), data.max)).reduce(
      (s, r, i) => s + Math.log(r / published[i]) ** 2,
      0,
    );
  const w =
    tailMassOption === "aubury-shape"
      ? minimiseOnInterval({ f: shapeLoss, lo: 0.02, hi: 0.2, tolerance: 1e-4 })
      : tailMassOption;
  const tail = tailForMass(data, w);
  const model = law(data, w, tail, cap ?? undefined);
  const fitted = law(data, w, tail, data.max);

  const se = fitted.variance ** 0.5 / Math.sqrt(data.count);
  const alphaAt = (target: number) => nearIndex(data, w, tail.knee, tail.alphaFar, target);
  const alphaInterval: [number, number] = [alphaAt(data.mean + Z_975 * se), alphaAt(data.mean - Z_975 * se)];
  const best = maximumLogLikelihood(data, w, tail);
  const drop = (alphaFar: number) => maximumLogLikelihood(data, w, { ...tail, alphaFar }) - best + LR_95;
  const alphaFarInterval: [number, number] = [
    findRoot({ name: "lower end of the α_far interval", lo: 0.05, hi: tail.alphaFar, f: drop }),
    findRoot({ name: "upper end of the α_far interval", lo: tail.alphaFar, hi: 50, f: drop }),
  ];
  const lambda = expectedAbove(data, w, tail);
  const uncapped = law(data, w, tail, undefined);
  // Median of the largest of N: the x with N·P(R > x) = ln 2.
  const medianOfMaximum = uncapped.quantile(1 - Math.LN2 / data.count);

  const row = fitRow;
  const q = (p: number) => fitted.quantile(p);
  const shape = shapeRatios(fitted);
  const byShape = tailMassOption === "aubury-shape";
  const table: FitRow[] = [
    row("P25", p25, q(0.25), "ephema.p25", true),
    row("median", median, q(0.5), "ephema.median", true),
    row("P75", p75, q(0.75), "ephema.p75", true),
    row("mean (law truncated at the maximum)", mean, fitted.mean, "ephema.mean", true),
    row("sd (law truncated at the maximum)", sd, fitted.variance ** 0.5, "ephema.sd", true),
    row("median of the largest of N (uncapped law)", max, medianOfMaximum, "ephema.max, ephema.count", true),
    row("P95/P90 (tail shape)", published[0], shape[0], "aubury.p95/aubury.p90", byShape),
    row("P99/P95 (tail shape)", published[1], shape[1], "aubury.p99/aubury.p95", byShape),
    row("P99.9/P99 (tail shape)", published[2], shape[2], "aubury.p999/aubury.p99", byShape),
    row(
      "P99.99 (EL reward, all blocks)",
      stats.blockscholes.elRewardP9999,
      q(0.9999),
      "blockscholes.elRewardP9999",
      false,
    ),
  ];
  const f = (x: number, digits = 4) => x.toPrecision(digits);
  const method = [
    `body: s = ln(P75/P25)/(2·0.6745) = ${f(data.sdLog)}, m = ln(median) = ${f(data.meanLog)}`,
    byShape
      ? `tail mass: w = ${f(w, 3)}, the w whose fitted law best reproduces Aubury's P95/P90, P99/P95, P99.9/P99 (least squares on logs)`
      : `tail mass: w = ${w} (given); threshold u = body quantile at 1 − w = ${f(fitted.threshold)} ETH`,
    `far index: α_far = ${f(tail.alphaFar)} maximises the likelihood of the maximum ${max} ETH among ${count} payments (95 %: ${f(alphaFarInterval[0], 3)}–${f(alphaFarInterval[1], 3)})`,
    `near index: α = ${f(tail.alpha)} gives the sample mean ${mean} ETH (95 % from its SE ${f(se, 2)}: ${f(alphaInterval[0], 3)}–${f(alphaInterval[1], 3)})`,
    `knee: k = ${f(tail.knee)} ETH gives the sample sd ${sd} ETH`,
    `the uncapped law expects ${f(lambda, 3)} payments above the maximum: P(max ≤ ${max}) = ${f(Math.exp(-lambda), 3)}`,
    cap === null ? "no cap on the returned law" : `the returned law is capped at ${cap} ETH`,
  ];
  const result: MainnetCalibration = {
    model,
    options: {
      meanLog: data.meanLog,
      sdLog: data.sdLog,
      tailMass: w,
      ...tail,
      threshold: fitted.threshold,
      ...(cap === null ? {} : { cap }),
    },
    intervals: { alpha: alphaInterval, alphaFar: alphaFarInterval },
    maximum: { observed: max, expectedAbove: lambda, probabilityAtMost: Math.exp(-lambda), medianOfMaximum },
    table,
    method,
  };
  if (!memo.has(stats)) memo.set(stats, new Map());
  memo.get(stats)?.set(key, result);
  return result;
}
