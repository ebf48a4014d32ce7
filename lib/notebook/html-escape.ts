export interface EscapeHtmlParams {
  text: string;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml({ text }: EscapeHtmlParams): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
