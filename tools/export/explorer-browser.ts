/**
 * The exported page's explorers, in the reader's browser (bundled by esbuild with the library's
 * figure code; see explorer-bundle.ts). Each control change redraws its figure from the library at
 * the new values, themed as the notebook themes it, writes the view into the URL fragment
 * (`#n=500&d=0.02`, so a link opens that view) and updates the "reproduce" command. A figure with
 * a simulated part reruns it in a Web Worker (progress shown; the next move cancels it) with the
 * library's engine, so its points equal the notebook's for the same values and seed.
 */
// The pure modules only (the package index also holds Node-side display code).
import {
  controlParameter,
  controlValue,
  type ExplorerRecord,
  type RangeControl,
  shownValue,
} from "../../lib/notebook/explorer/explorer-spec";
import { EXPLORER_FIGURES } from "../../lib/notebook/explorer/figures";
import { EXPLORER_SIMULATIONS, type SimulatedPoint } from "../../lib/notebook/explorer/simulations";
import { withTheme } from "../../lib/notebook/theme";

declare const Plotly: { react(div: HTMLElement, data: unknown, layout: unknown, config: unknown): Promise<unknown> };
/** The simulation worker's source, inlined by explorer-bundle.ts. */
declare const __EXPLORER_WORKER__: string;

let workerUrl: string | undefined;
/** A new simulation worker (from one Blob URL for the page: file:// pages cannot load worker files). */
function newWorker(): Worker {
  workerUrl ??= URL.createObjectURL(new Blob([__EXPLORER_WORKER__], { type: "text/javascript" }));
  return new Worker(workerUrl);
}

type Values = Record<string, number | string>;

/** The fragment's state (`#a=1&b=x`), or none when the fragment is a plain anchor. */
function fragmentState(): Record<string, string> {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (!hash.includes("=")) return {};
  return Object.fromEntries(
    hash
      .split("&")
      .map((pair) => pair.split("=") as [string, string])
      .filter(([k, v]) => k && v !== undefined),
  );
}

function writeFragment(values: Values, names: string[]): void {
  const state = { ...fragmentState() };
  for (const name of names) state[name] = String(values[name]);
  const text = Object.entries(state)
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  history.replaceState(null, "", `#${text}`);
}

function readControl(input: HTMLInputElement | HTMLSelectElement, record: ExplorerRecord): number | string {
  // A value from a link is kept exactly (the slider can only show it to its step) until the reader moves it.
  if (input.dataset.exact !== undefined) return Number(input.dataset.exact);
  const control = record.controls.find((c) => c.name === input.name);
  if (!control || "choices" in control) return input.dataset.kind === "number" ? Number(input.value) : input.value;
  return controlValue(control as RangeControl, Number(input.value));
}

function setControl(input: HTMLInputElement | HTMLSelectElement, record: ExplorerRecord, text: string): void {
  const control = record.controls.find((c) => c.name === input.name);
  if (!control) return;
  if ("choices" in control) {
    if (control.choices.map(String).includes(text)) input.value = text;
    return;
  }
  const value = Number(text);
  if (!(value >= control.min && value <= control.max)) return; // a link with a value out of range keeps the notebook's
  input.value = String(control.scale === "log" ? Math.log10(value) : value);
  input.dataset.exact = String(control.integer ? Math.round(value) : value);
}

function start(form: HTMLFormElement): void {
  const domId = form.dataset.figure as string;
  const div = document.getElementById(domId) as HTMLElement;
  const record = JSON.parse(
    (document.getElementById(`${domId}-explorer`) as HTMLElement).textContent as string,
  ) as ExplorerRecord & { notebook: string };
  const draw = Object.hasOwn(EXPLORER_FIGURES, record.figure) ? EXPLORER_FIGURES[record.figure] : undefined;
  if (!draw) return;
  const inputs = Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input[name], select[name]"));
  const names = inputs.map((i) => i.name);
  const timeLabel = form.querySelector(".explorer-time") as HTMLElement;
  const command = form.parentElement?.querySelector("details.reproduce code") as HTMLElement | null;
  // The caption was written by the notebook at its own values: say when the figure shows others.
  const view = document.createElement("p");
  view.className = "explorer-view";
  view.hidden = true;
  form.parentElement?.querySelector("figcaption")?.before(view);
  // Simulated points run in a worker: progress shown, and a new move cancels the run in flight.
  const simulated = Object.hasOwn(EXPLORER_SIMULATIONS, record.figure);
  const progress = document.createElement("progress");
  progress.className = "explorer-progress";
  progress.hidden = true;
  form.append(progress);
  let worker: Worker | undefined;
  const simulate = (values: Values) => {
    worker?.terminate();
    div.dataset.simulation = "running";
    progress.hidden = false;
    progress.value = 0;
    const current = newWorker();
    worker = current;
    current.onmessage = (event: MessageEvent) => {
      const message = event.data as {
        type: string;
        done: number;
        total: number;
        points: SimulatedPoint[];
        ms: number;
        message: string;
      };
      if (message.type === "progress") {
        progress.max = message.total;
        progress.value = message.done;
        return;
      }
      current.terminate();
      if (worker === current) worker = undefined;
      progress.hidden = true;
      if (message.type === "error") {
        div.dataset.simulation = "failed";
        timeLabel.textContent = `simulation failed: ${message.message}`;
        return;
      }
      const figure = withTheme(draw(values, message.points));
      Plotly.react(div, figure.data, figure.layout ?? {}, figure.config ?? {});
      div.dataset.simulation = "done";
      div.dataset.simulationMs = message.ms.toFixed(1);
      timeLabel.textContent += `; simulated in ${message.ms.toFixed(0)} ms`;
    };
    current.postMessage({ figure: record.figure, values });
  };
  const redraw = (remember: boolean) => {
    const values: Values = { ...record.values };
    const shown: Values = {};
    for (const input of inputs) {
      const control = record.controls.find((c) => c.name === input.name);
      if (!control) continue;
      shown[input.name] = readControl(input, record);
      values[controlParameter(control)] = shown[input.name];
      const output = input.parentElement?.querySelector("output");
      if (output) output.textContent = shownValue(shown[input.name]);
    }
    // Recompute (the library's closed forms) and draw (plotly.js) are timed apart.
    const started = performance.now();
    const figure = withTheme(draw(values));
    const computed = performance.now();
    Plotly.react(div, figure.data, figure.layout ?? {}, figure.config ?? {});
    const drawn = performance.now();
    div.dataset.recomputeMs = (computed - started).toFixed(2);
    div.dataset.drawMs = (drawn - computed).toFixed(2);
    timeLabel.textContent = `recomputed in ${(computed - started).toFixed(1)} ms, drawn in ${(drawn - computed).toFixed(1)} ms`;
    if (simulated) simulate(values);
    if (command)
      command.textContent = `npm run nb -- run notebooks/${record.notebook}.ipynb ${names.map((n) => `--param ${n}=${shown[n]}`).join(" ")}`;
    if (remember) writeFragment(shown, names);
    const moved = record.controls.filter((c) => shown[c.name] !== record.values[controlParameter(c)]);
    view.hidden = moved.length === 0;
    view.textContent = `Shown at ${names.map((n) => `${n} = ${shownValue(shown[n])}`).join(", ")}; the caption describes the notebook's run.`;
  };
  for (const input of inputs) {
    input.addEventListener("input", () => {
      delete input.dataset.exact;
      redraw(true);
    });
  }
  const state = fragmentState();
  if (names.some((n) => n in state)) {
    for (const input of inputs) if (input.name in state) setControl(input, record, state[input.name]);
    redraw(false);
  }
}

for (const form of Array.from(document.querySelectorAll<HTMLFormElement>("form.explorer-controls"))) start(form);
