/**
 * Building blocks shared by the explorers' figures: reading a value, the n and log grids, a line
 * trace and the common figure over n (pure: bundled for the browser).
 */
import type { PlotlyFigure } from "../../figure";

/** The values an explorer passes to its figure (the parameters-cell names). */
export type Values = Record<string, number | string>;

/** A finite number from the values; RangeError naming it otherwise. */
export const num = (values: Values, name: string): number => {
  const v = values[name];
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new RangeError(`${name} must be a finite number; received ${JSON.stringify(v)}`);
  return v;
};

/** n on a log grid from 1 to `max` (integers, no repeats). */
export function nGrid(max: number, points = 160): number[] {
  const out = new Set<number>();
  for (let i = 0; i < points; i++) out.add(Math.max(1, Math.round(max ** (i / (points - 1)))));
  return [...out];
}

/** A log grid of `points` values from `lo` to `hi`. */
export function logGrid(lo: number, hi: number, points = 160): number[] {
  return Array.from({ length: points }, (_, i) => lo * (hi / lo) ** (i / (points - 1)));
}

/** A line trace. */
export function curve(x: number[], y: number[], name: string, line: Record<string, unknown>): Record<string, unknown> {
  return { type: "scatter", mode: "lines", x, y, name, line };
}

/** A figure over n (log axis) at the explorers' common size. */
export function overN(
  data: PlotlyFigure["data"],
  yTitle: string,
  yLog: boolean,
  legend: Record<string, unknown>,
): PlotlyFigure {
  return {
    data,
    layout: {
      height: 360,
      margin: { t: 24 },
      xaxis: { title: { text: "tickets outstanding n (log scale)" }, type: "log" },
      // "D2": a narrow log axis is labelled at 2 and 5 between decades, not at every digit (which crowd).
      yaxis: yLog
        ? { title: { text: yTitle }, type: "log", dtick: "D2" }
        : { title: { text: yTitle }, rangemode: "tozero" },
      legend,
    },
  };
}
