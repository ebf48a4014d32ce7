/**
 * The simulated parts of explorers: seeded Monte Carlo runs split into chunks (the unit of
 * progress and of cancelling in the reader's browser, where they run in a Web Worker). Each is
 * the library's own engine at fixed chunk sizes, so the page's numbers equal the notebook's for the
 * same values and seed, bit for bit, whether the notebook ran the WebAssembly or the JavaScript loops.
 */
import { ExponentialReward } from "../../rewards/simple-models";
import { mergeStates } from "../../sim/block-moments";
import { planChunks } from "../../sim/chunks";
import { sampleTicketValuesChunk, summariseTicketValues } from "../../sim/ticket-values";
import { simulateAgentMarket } from "../../market/simulate";
import { RunningStats, type RunningStatsState } from "../../stats";
import { marketCaptureCells, marketCaptureRun } from "./market-capture-runs";

type Values = Record<string, number | string>;

/** A simulated point: estimate and standard error at `x` (of the series named, when a figure has several). */
export interface SimulatedPoint {
  series?: string;
  x: number;
  mean: number;
  stderr: number;
  samples: number;
}

/** One unit of work: `size` items from `start` (samples or replications), of one point when a figure has several. */
export interface ExplorerChunk {
  index: number;
  start: number;
  size: number;
  series?: string;
  x?: number;
}

/** A chunked simulation. */
export interface ExplorerSimulation {
  /** The chunks of a run at these values (their sizes are part of the result's definition). */
  chunks(values: Values): ExplorerChunk[];
  chunk(values: Values, chunk: ExplorerChunk): RunningStatsState;
  /** The points, from every chunk's state (in the order of `chunks`). */
  finish(values: Values, states: RunningStatsState[]): SimulatedPoint[];
}

/** Samples per chunk of the ticket-value simulation: a progress step of well under a second. */
const TICKET_CHUNK = 1 << 15;

const ticketRun = (values: Values) => ({
  n: Number(values.n),
  d: Number(values.d),
  reward: new ExponentialReward(Number(values.mu)),
  seed: `${values.seed}/figure/n=${values.n}`,
});

/** Every explorer simulation, by the name of the figure it adds points to. */
export const EXPLORER_SIMULATIONS: Readonly<Record<string, ExplorerSimulation>> = {
  /** 02: the simulated mean value of a ticket at the chosen n (values n, d, mu, samples, seed), as notebook 02's figure 1 draws it. */
  "ticket-value": {
    chunks: (values) => planChunks({ total: Number(values.samples), chunkSize: TICKET_CHUNK, totalName: "samples" }),
    chunk: (values, chunk) => sampleTicketValuesChunk({ ...ticketRun(values), chunk }),
    finish(values, states) {
      const summary = summariseTicketValues({
        state: mergeStates({ parts: states }),
        reward: ticketRun(values).reward,
      });
      return [{ x: Number(values.n), mean: summary.mean, stderr: summary.stderr, samples: summary.count }];
    },
  },
  /**
   * 11: the capture of every mechanism at each n, mean and standard error over `replications` market
   * runs (values mu, d, tolerance, buyerCount, rMaxFactor, priceFactor, replications, nMax, seed); one
   * chunk per (mechanism, n) cell.
   */
  "market-capture": {
    chunks: (values) =>
      marketCaptureCells(values).map((cell, index) => ({
        index,
        start: 0,
        size: Number(values.replications),
        series: cell.mechanism,
        x: cell.n,
      })),
    chunk(values, chunk) {
      const captures = new RunningStats();
      for (let r = chunk.start; r < chunk.start + chunk.size; r++) {
        const run = marketCaptureRun(values, chunk.series as string, chunk.x as number, r);
        captures.push(simulateAgentMarket(run).metrics.capture);
      }
      return captures.state();
    },
    finish: (values, states) =>
      marketCaptureCells(values).map((cell, i) => {
        const estimate = RunningStats.fromState(states[i]).estimate();
        return {
          series: cell.mechanism,
          x: cell.n,
          mean: estimate.mean,
          stderr: estimate.stderr,
          samples: estimate.count,
        };
      }),
  },
};

/**
 * Runs an explorer's simulation whole (in the notebook; the page's worker runs the same chunks).
 *
 * @example
 * runExplorerSimulation("ticket-value", { n: 100, d: 0.01, mu: 1, samples: 4000, seed: 202 })?.[0].samples; // → 4000
 */
export function runExplorerSimulation(figure: string, values: Values): SimulatedPoint[] | undefined {
  const simulation = EXPLORER_SIMULATIONS[figure];
  if (!simulation) return undefined;
  return simulation.finish(
    values,
    simulation.chunks(values).map((chunk) => simulation.chunk(values, chunk)),
  );
}
