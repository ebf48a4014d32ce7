import katex from "katex";
import { escapeHtml } from "../../lib/notebook/html-escape";

/** One formula KaTeX could not typeset. */
export interface MathError {
  tex: string;
  message: string;
}

export interface MathRendererOptions {
  /** Shared `\newcommand`/`\gdef` macros, so a definition in one cell holds in later ones. */
  macros?: Record<string, string>;
}

/**
 * Checks TeX at build time and writes it for the page to typeset; records failures instead of
 * throwing.
 */
export interface MathRenderer {
  render(params: { tex: string; display: boolean }): string;
  readonly errors: MathError[];
  /** How many formulas were typeset (the page needs KaTeX's CSS only if > 0). */
  readonly count: number;
}

/**
 * A KaTeX renderer for one page. Each formula is typeset here once, to find every error at build
 * time, but the page carries only its TeX: `<span class="math-tex">` (with `data-display` for display
 * math), which the page's math script (`MATH_SCRIPT`) typesets with the same KaTeX and options, in
 * document order so that a macro defined in one formula holds in the later ones. KaTeX's HTML is
 * several times the size of its TeX (it was about half of every page's weight). A formula that fails
 * is shown as its source (class katex-error) and listed in `errors` for the exporter to report.
 */
export function createMathRenderer({ macros = {} }: MathRendererOptions = {}): MathRenderer {
  const errors: MathError[] = [];
  let count = 0;
  return {
    errors,
    get count() {
      return count;
    },
    render({ tex, display }) {
      count++;
      const options = {
        displayMode: display,
        output: "htmlAndMathml" as const,
        macros,
        strict: "ignore" as const,
        trust: false,
      };
      try {
        katex.renderToString(tex, { ...options, throwOnError: true });
        return `<span class="math-tex"${display ? ' data-display="true"' : ""}>${escapeHtml({ text: tex })}</span>`;
      } catch (err) {
        const message = (err as Error).message;
        errors.push({ tex, message });
        // KaTeX's own fallback draws unknown macros as plain red text; mark every failure the same
        // findable way (class katex-error, as KaTeX uses for parse errors).
        return `<span class="katex-error" title="${escapeHtml({ text: message })}">${escapeHtml({ text: tex })}</span>`;
      }
    },
  };
}
