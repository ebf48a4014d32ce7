import * as validate from "../validate";
export interface EscapeHtmlOptions {
  text: string;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(options: EscapeHtmlOptions): string {
  validate.knownKeys("escapeHtml options", options ?? {}, ["text"]);
  const { text } = options;
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
