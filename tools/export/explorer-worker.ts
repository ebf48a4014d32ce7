/**
 * The explorers' Web Worker: runs a simulation's chunks for the page, reporting after each chunk,
 * then its result. The page cancels a run by terminating the worker (on the next control move).
 */
import { EXPLORER_SIMULATIONS } from "../../lib/notebook/explorer/simulations";

type Job = { figure: string; values: Record<string, number | string> };

self.onmessage = (event: MessageEvent<Job>) => {
  const { figure, values } = event.data;
  const simulation = Object.hasOwn(EXPLORER_SIMULATIONS, figure) ? EXPLORER_SIMULATIONS[figure] : undefined;
  if (!simulation) return;
  try {
    const chunks = simulation.chunks(values);
    const started = performance.now();
    const states = chunks.map((chunk, i) => {
      const state = simulation.chunk(values, chunk);
      self.postMessage({ type: "progress", done: i + 1, total: chunks.length });
      return state;
    });
    self.postMessage({ type: "result", points: simulation.finish(values, states), ms: performance.now() - started });
  } catch (err) {
    self.postMessage({ type: "error", message: (err as Error).message });
  }
};
