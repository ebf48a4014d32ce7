/**
 * Turns iopub messages into nbformat 4.5 outputs, the way Jupyter clients store them:
 * consecutive stream messages of the same name are merged, update_display_data rewrites the
 * output carrying that display_id (in any cell), clear_output honours `wait`.
 */
import type { JupyterMessage } from "@nteract/messaging";
import { isJsonMime, type MimeBundle, type Output, splitLines } from "./nbformat";

type DisplayOutput = Extract<Output, { output_type: "display_data" | "execute_result" }>;

/** Jupyter stores text mime types as lists of lines; JSON mime types stay JSON. */
function storedBundle(data: MimeBundle): MimeBundle {
  const out: MimeBundle = {};
  for (const [mime, value] of Object.entries(data)) {
    const splittable = mime.startsWith("text/") || mime === "application/javascript" || mime === "image/svg+xml";
    out[mime] = typeof value === "string" && splittable && !isJsonMime(mime) ? splitLines(value) : value;
  }
  return out;
}

/** Display ids seen so far in one notebook run, each with the outputs it names. */
export class DisplayRegistry {
  private readonly byId = new Map<string, DisplayOutput[]>();

  /** Remembers that `output` carries `displayId`. */
  add({ displayId, output }: { displayId: string; output: DisplayOutput }): void {
    const list = this.byId.get(displayId) ?? [];
    list.push(output);
    this.byId.set(displayId, list);
  }

  /** Replaces data and metadata of every output carrying `displayId`. */
  update({
    displayId,
    data,
    metadata,
  }: {
    displayId: string;
    data: MimeBundle;
    metadata: Record<string, unknown>;
  }): void {
    for (const output of this.byId.get(displayId) ?? []) {
      output.data = storedBundle(data);
      output.metadata = metadata;
    }
  }
}

export interface CellOutputsOptions {
  /** Shared by all cells of a notebook, so updates reach outputs of earlier cells. */
  displays: DisplayRegistry;
}

/** Collects the outputs of one cell from its iopub messages. */
export class CellOutputs {
  readonly outputs: Output[] = [];
  /** Everything the cell wrote to stderr, in order. */
  stderr = "";
  private readonly displays: DisplayRegistry;
  /** Raw text of the last stream output, so merging does not re-split on every message. */
  private streamText = "";
  private clearOnNextOutput = false;

  constructor({ displays }: CellOutputsOptions) {
    this.displays = displays;
  }

  /** Feeds one iopub message (other message types are ignored). */
  handle(msg: JupyterMessage): void {
    // biome-ignore lint/suspicious/noExplicitAny: iopub content differs per msg_type; each case reads its own fields
    const c = msg.content as Record<string, any>;
    switch (msg.header.msg_type) {
      case "stream":
        this.addStream(c.name === "stderr" ? "stderr" : "stdout", String(c.text ?? ""));
        break;
      case "display_data":
      case "execute_result": {
        const output: DisplayOutput =
          msg.header.msg_type === "display_data"
            ? { output_type: "display_data", data: storedBundle(c.data ?? {}), metadata: c.metadata ?? {} }
            : {
                output_type: "execute_result",
                execution_count: typeof c.execution_count === "number" ? c.execution_count : null,
                data: storedBundle(c.data ?? {}),
                metadata: c.metadata ?? {},
              };
        this.push(output);
        const displayId = c.transient?.display_id;
        if (typeof displayId === "string") this.displays.add({ displayId, output });
        break;
      }
      case "update_display_data": {
        const displayId = c.transient?.display_id;
        if (typeof displayId === "string") {
          this.displays.update({ displayId, data: c.data ?? {}, metadata: c.metadata ?? {} });
        }
        break;
      }
      case "error":
        this.push({
          output_type: "error",
          ename: String(c.ename ?? "Error"),
          evalue: String(c.evalue ?? ""),
          traceback: Array.isArray(c.traceback) ? c.traceback.map(String) : [],
        });
        break;
      case "clear_output":
        if (c.wait) this.clearOnNextOutput = true;
        else this.clear();
        break;
    }
  }

  /** Text of the `error` outputs (standard kernels) — tslab reports errors on stderr instead. */
  errorText(): string {
    return this.outputs
      .filter((o): o is Extract<Output, { output_type: "error" }> => o.output_type === "error")
      .map((o) => (o.traceback.length ? o.traceback.join("\n") : `${o.ename}: ${o.evalue}`))
      .join("\n");
  }

  private clear(): void {
    this.outputs.length = 0;
    this.streamText = "";
    this.clearOnNextOutput = false;
  }

  private push(output: Output): void {
    if (this.clearOnNextOutput) this.clear();
    this.outputs.push(output);
  }

  private addStream(name: "stdout" | "stderr", text: string): void {
    if (name === "stderr") this.stderr += text;
    if (this.clearOnNextOutput) this.clear();
    const last = this.outputs[this.outputs.length - 1];
    if (last?.output_type === "stream" && last.name === name) {
      // Appending to one string is amortised O(1); splitting into lines waits for finish(), since
      // re-splitting on every message made a burst of 20,000 lines quadratic (minutes).
      this.streamText += text;
      last.text = this.streamText;
      return;
    }
    this.streamText = text;
    this.outputs.push({ output_type: "stream", name, text });
  }

  /** Splits stream texts into lines, the way Jupyter stores them; call once the cell is done. */
  finish(): void {
    for (const output of this.outputs) {
      if (output.output_type === "stream" && typeof output.text === "string") output.text = splitLines(output.text);
    }
  }
}
