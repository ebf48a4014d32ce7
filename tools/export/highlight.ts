import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import typescript from "highlight.js/lib/languages/typescript";
import { escapeHtml } from "../../lib/notebook/html-escape";

hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("json", json);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("python", python);
hljs.registerAliases(["ts", "javascript", "js", "tsx"], { languageName: "typescript" });
hljs.registerAliases(["sh", "shell", "console"], { languageName: "bash" });

export interface HighlightOptions {
  code: string;
  /** Language name or alias; unknown or missing → escaped plain text. */
  language?: string;
}

/** Highlights code at build time (highlight.js classes; the page inlines the matching CSS). */
export function highlightCode({ code, language }: HighlightOptions): string {
  if (language && hljs.getLanguage(language)) {
    return hljs.highlight(code, { language, ignoreIllegals: true }).value;
  }
  return escapeHtml({ text: code });
}
