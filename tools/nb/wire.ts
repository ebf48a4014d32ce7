/**
 * The Jupyter wire format (https://jupyter-client.readthedocs.io/en/latest/messaging.html#the-wire-protocol):
 * [routing ids…, "<IDS|MSG>", hmac, header, parent_header, metadata, content, buffers…],
 * signed with HMAC-SHA256 over the four JSON frames.
 */
import { createHmac } from "node:crypto";
import type { JupyterMessage } from "@nteract/messaging";

const DELIMITER_TEXT = "<IDS|MSG>";
const DELIMITER = Buffer.from(DELIMITER_TEXT);

export interface EncodeMessageOptions {
  msg: JupyterMessage;
  /** The connection file's key; "" disables signing. */
  key: string;
}

export interface DecodeMessageOptions {
  frames: Buffer[];
  key: string;
  /** The channel the frames arrived on ("shell", "iopub", …), stored as `msg.channel`. */
  channel: string;
}

function sign(key: string, parts: string[]): string {
  if (!key) return "";
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part, "utf8");
  return hmac.digest("hex");
}

/** The frames of a request sent from a DEALER socket (no routing ids). */
export function encodeMessage({ msg, key }: EncodeMessageOptions): Buffer[] {
  const parts = [msg.header, msg.parent_header ?? {}, msg.metadata ?? {}, msg.content ?? {}].map((part) =>
    JSON.stringify(part),
  );
  const buffers = (msg.buffers ?? []).map((b) =>
    Buffer.isBuffer(b) ? b : ArrayBuffer.isView(b) ? Buffer.from(b.buffer, b.byteOffset, b.byteLength) : Buffer.from(b),
  );
  return [DELIMITER, Buffer.from(sign(key, parts)), ...parts.map((p) => Buffer.from(p, "utf8")), ...buffers];
}

/**
 * The message in `frames`, or null when they are not a Jupyter message signed with `key`
 * (e.g. a process that took over one of our ports after its kernel failed to bind it).
 */
export function decodeMessage({ frames, key, channel }: DecodeMessageOptions): JupyterMessage | null {
  const at = frames.findIndex((f) => f.length === DELIMITER.length && f.toString("latin1") === DELIMITER_TEXT);
  if (at < 0 || frames.length < at + 6) return null;
  const parts = frames.slice(at + 2, at + 6).map((f) => f.toString("utf8"));
  if (key && frames[at + 1].toString("latin1") !== sign(key, parts)) return null;
  try {
    const [header, parent_header, metadata, content] = parts.map((p) => JSON.parse(p));
    return { header, parent_header, metadata, content, channel, buffers: frames.slice(at + 6) };
  } catch {
    return null;
  }
}
