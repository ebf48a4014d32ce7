export interface EscapeHtmlOptions {
  text: string;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml({ text }: EscapeHtmlOptions): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
