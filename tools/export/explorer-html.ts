/**
 * An explorer's controls in the exported page, built from the record a notebook output carries.
 * The record is untrusted (it comes from the notebook file): the figure must be one the library
 * bundle knows, names must be identifiers, numbers finite; everything shown is escaped, and the
 * record reaches the page's script only as JSON inside a script element of type application/json.
 */
import { escapeHtml } from "../../lib/notebook/html-escape";
import {
  checkControl,
  controlParameter,
  controlPosition,
  shownValue,
  EXPLORER_FIGURES,
  type ExplorerControl,
  type ExplorerRecord,
} from "../../lib/notebook/explorer";
import { jsonForScript } from "./render-outputs";

const esc = (text: string) => escapeHtml({ text });
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The record, checked; undefined (the figure then renders as a plain figure) when it is not valid. */
export function parseExplorerRecord(value: unknown): ExplorerRecord | undefined {
  try {
    const record = value as ExplorerRecord;
    if (!record || typeof record.figure !== "string" || !Object.hasOwn(EXPLORER_FIGURES, record.figure))
      return undefined;
    if (!Array.isArray(record.controls) || record.controls.length === 0 || typeof record.values !== "object")
      return undefined;
    for (const [name, v] of Object.entries(record.values)) {
      if (!IDENTIFIER.test(name) || !(typeof v === "string" || (typeof v === "number" && Number.isFinite(v))))
        return undefined;
    }
    for (const control of record.controls) {
      if (!IDENTIFIER.test(control.name)) return undefined;
      if (!IDENTIFIER.test(controlParameter(control))) return undefined;
      checkControl(control, record.values[controlParameter(control)]);
    }
    return { figure: record.figure, controls: record.controls, values: record.values };
  } catch {
    return undefined;
  }
}

function controlHtml(control: ExplorerControl, value: number | string): string {
  const label = esc(control.label ?? control.name);
  if ("choices" in control) {
    const options = control.choices.map(
      (c) => `<option value="${esc(String(c))}"${c === value ? " selected" : ""}>${esc(String(c))}</option>`,
    );
    return `<label>${label} <select name="${esc(control.name)}" data-kind="${typeof control.choices[0] === "number" ? "number" : "string"}">${options.join("")}</select></label>`;
  }
  const log = control.scale === "log";
  const lo = controlPosition(control, control.min);
  const hi = controlPosition(control, control.max);
  const step = control.step ?? (hi - lo) / 100;
  return [
    `<label>${label} <input type="range" name="${esc(control.name)}" min="${lo}" max="${hi}" step="${step}" value="${controlPosition(control, value as number)}"`,
    `${log ? ' data-scale="log"' : ""}${control.integer ? ' data-integer="1"' : ""}>`,
    ` <output>${esc(shownValue(value))}</output></label>`,
  ].join("");
}

/** The `--param` arguments that rerun the notebook at the shown values. */
export function reproduceCommand(notebook: string, record: ExplorerRecord): string {
  const params = record.controls.map((c) => `--param ${c.name}=${record.values[controlParameter(c)]}`);
  return `npm run nb -- run notebooks/${notebook}.ipynb ${params.join(" ")}`;
}

/** Controls, the record for the page's script, and the "reproduce this" command, for figure `domId`. */
export function explorerHtml({
  domId,
  record,
  notebook,
}: {
  domId: string;
  record: ExplorerRecord;
  notebook: string;
}): string {
  return [
    `<form class="explorer-controls" data-figure="${esc(domId)}" aria-label="Redraw this figure at other values">`,
    ...record.controls.map((c) => controlHtml(c, record.values[controlParameter(c)])),
    `<span class="explorer-time" aria-live="polite"></span>`,
    `</form>`,
    `<script type="application/json" id="${esc(domId)}-explorer">${jsonForScript({ ...record, notebook })}</script>`,
    `<details class="reproduce"><summary>Reproduce this view</summary><pre class="code"><code>${esc(reproduceCommand(notebook, record))}</code></pre></details>`,
  ].join("\n");
}
