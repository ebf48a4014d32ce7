/**
 * The one place that touches tslab's internals. tslab's public `display` API sends one mime type
 * per output; a single output carrying several mime types (interactive figure + PNG fallback +
 * text) needs the kernel's own writer, which tslab keeps in `require("tslab/dist/jupyter")
 * .lastWriteDisplayData` (set for each executed cell; verified with tslab 1.0.22). If a tslab
 * upgrade moves it, every display helper fails here with one clear message.
 */
import * as validate from "../validate";

/** A Jupyter display_data payload: mime type → data, plus per-mime metadata. */
export interface DisplayBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: Record<string, unknown>;
}

type TslabWriter = (bundle: DisplayBundle, update: boolean) => void;

const TSLAB_INTERNAL_MODULE = "tslab/dist/jupyter";

export interface WriteDisplayDataOptions {
  bundle: DisplayBundle;
}

export interface CurrentDisplayWriterOptions {
  /** Module loader, replaceable in tests; default Node's require. */
  load?: (id: string) => unknown;
}

/**
 * Returns tslab's writer for the cell running now. Capture it synchronously at the start of an
 * async helper, so output goes to the cell that asked for it even if it arrives later.
 * Throws outside a tslab kernel and when tslab's internals have changed.
 */
export function currentDisplayWriter({
  load = require,
}: CurrentDisplayWriterOptions = {}): (bundle: DisplayBundle) => void {
  let mod: unknown;
  try {
    mod = load(TSLAB_INTERNAL_MODULE);
  } catch (err) {
    throw new Error(
      `display helpers need tslab's internal module "${TSLAB_INTERNAL_MODULE}", which failed to load ` +
        `(tslab missing or its internals changed; written for tslab 1.0.22): ${(err as Error).message}`,
    );
  }
  if (!mod || typeof mod !== "object" || !("lastWriteDisplayData" in mod)) {
    throw new Error(
      `tslab's internals changed: "${TSLAB_INTERNAL_MODULE}" no longer exports lastWriteDisplayData ` +
        `(written for tslab 1.0.22); update lib/notebook/display-writer.ts`,
    );
  }
  const writer = (mod as { lastWriteDisplayData: unknown }).lastWriteDisplayData;
  if (writer === null || writer === undefined) {
    throw new Error("no Jupyter kernel: display helpers only work inside a cell run by the tslab kernel");
  }
  if (typeof writer !== "function") {
    throw new Error(
      `tslab's internals changed: "${TSLAB_INTERNAL_MODULE}".lastWriteDisplayData is a ${typeof writer}, ` +
        `not a function (written for tslab 1.0.22); update lib/notebook/display-writer.ts`,
    );
  }
  const write = writer as TslabWriter;
  return (bundle) => write(bundle, false);
}

/**
 * Sends one display_data message (one output, any number of mime types) to the running cell.
 * Throws outside a tslab kernel and when tslab's internals have changed.
 *
 * @example
 * writeDisplayData({ bundle: markdownBundle({ markdown: "*hello*" }) });
 */
export function writeDisplayData(options: WriteDisplayDataOptions): void {
  validate.knownKeys("writeDisplayData options", options ?? {}, ["bundle"]);
  const { bundle } = options;
  currentDisplayWriter()(bundle);
}
