import type { ExecutedNotebook } from "./read-notebook";

export interface NotebookInfoOptions {
  notebook: ExecutedNotebook;
}

/** Title and one-line summary as Markdown (they may hold $math$). */
export interface NotebookInfo {
  title: string;
  summary?: string;
}

/**
 * Title: metadata.title, else the first Markdown heading, else the file name.
 * Summary: metadata.summary, else the first paragraph after that heading (shortened).
 */
export function notebookInfo({ notebook }: NotebookInfoOptions): NotebookInfo {
  const meta = notebook.metadata;
  const metaTitle = typeof meta.title === "string" && meta.title.trim() ? meta.title.trim() : undefined;
  const metaSummary = typeof meta.summary === "string" && meta.summary.trim() ? meta.summary.trim() : undefined;
  const markdown = notebook.cells
    .filter((c) => c.cell_type === "markdown")
    .map((c) => c.source)
    .join("\n\n");
  const heading = markdown.match(/^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m)?.[1];
  return {
    title: metaTitle ?? heading ?? notebook.name,
    summary: metaSummary ?? firstParagraph(markdown),
  };
}

function firstParagraph(markdown: string): string | undefined {
  const paragraph = markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p && !/^(#|\$\$|\\\[|```|<|[-*+] |\d+\. |\||>)/.test(p));
  if (!paragraph) return undefined;
  const oneLine = paragraph.replace(/\s+/g, " ");
  return oneLine.length > 220 ? `${oneLine.slice(0, oneLine.lastIndexOf(" ", 217))} …` : oneLine;
}

export interface PlainTitleOptions {
  markdown: string;
}

/** Text for <title>: Markdown emphasis and math delimiters removed. */
export function plainTitle({ markdown }: PlainTitleOptions): string {
  return markdown
    .replace(/\$+|\\[()[\]]/g, "")
    .replace(/[*_`]/g, "")
    .trim();
}

export interface ExecutionFooterOptions {
  execution: unknown;
}

/**
 * The "executed when, with what" line from `metadata.execution` as the runner writes it
 * ({ status, started, seconds, kernel, parameters, timeout_seconds, error? }); undefined if absent.
 */
export function executionSummary({ execution }: ExecutionFooterOptions): string | undefined {
  if (!execution || typeof execution !== "object") return undefined;
  const e = execution as Record<string, unknown>;
  const parts: string[] = [];
  const started = typeof e.started === "string" ? new Date(e.started) : undefined;
  parts.push(started && !Number.isNaN(started.getTime()) ? `Executed ${formatDate(started)}` : "Executed");
  if (typeof e.seconds === "number") parts[0] += ` in ${e.seconds.toFixed(1)} s`;
  if (typeof e.kernel === "string") parts[0] += ` with kernel ${e.kernel}`;
  const params =
    e.parameters && typeof e.parameters === "object" ? Object.entries(e.parameters as Record<string, unknown>) : [];
  parts.push(
    params.length
      ? `parameters: ${params.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(", ")} (others at their defaults)`
      : "default parameters",
  );
  if (typeof e.status === "string" && e.status !== "ok") parts.push(`status: ${e.status}`);
  return `${parts.join("; ")}.`;
}

function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
