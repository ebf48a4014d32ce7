import type MarkdownIt from "markdown-it";

type Md = MarkdownIt.MarkdownIt;
import type { MathRenderer } from "./math";

/**
 * markdown-it plugin: finds math before Markdown can mangle it (`_`, `*`, `\\` inside formulas)
 * and typesets it with KaTeX. Delimiters, as in Jupyter:
 *   inline  $…$  \(…\)          display  $$…$$  \[…\]  \begin{env}…\end{env} (as a block)
 * A single `$` only opens when followed by a non-space and closes when preceded by a non-space and
 * not followed by a digit, so "costs $5 and $10" stays text (and never spans a backtick). `\$` is a
 * literal dollar.
 */
export function markdownMath(md: Md, { math }: { math: MathRenderer }): void {
  md.inline.ruler.before("escape", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.renderer.rules.math_inline = (tokens, idx) => math.render({ tex: tokens[idx].content, display: false });
  md.renderer.rules.math_display = (tokens, idx) => math.render({ tex: tokens[idx].content, display: true });
  md.renderer.rules.math_block = (tokens, idx) =>
    `<div class="math-block">${math.render({ tex: tokens[idx].content, display: true })}</div>\n`;
}

function mathInline(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  let open: string;
  let close: string;
  let display: boolean;
  if (src.startsWith("$$", pos)) [open, close, display] = ["$$", "$$", true];
  else if (src[pos] === "$") [open, close, display] = ["$", "$", false];
  else if (src.startsWith("\\(", pos)) [open, close, display] = ["\\(", "\\)", false];
  else if (src.startsWith("\\[", pos)) [open, close, display] = ["\\[", "\\]", true];
  else return false;

  const start = pos + open.length;
  const end = open === "$" ? findSingleDollarClose(src, start) : findClose(src, start, close);
  if (end < 0 || end === start) return false;
  const content = src.slice(start, end);
  if (!silent) {
    const token = state.push(display ? "math_display" : "math_inline", "math", 0);
    token.markup = open;
    token.content = content.trim();
  }
  state.pos = end + close.length;
  return true;
}

/** Index of the next unescaped `close` at or after `from`, or -1. */
function findClose(src: string, from: number, close: string): number {
  for (let i = src.indexOf(close, from); i >= 0; i = src.indexOf(close, i + 1)) {
    if (close.startsWith("\\") || !isEscaped(src, i)) return i;
  }
  return -1;
}

function findSingleDollarClose(src: string, from: number): number {
  if (from >= src.length || /\s/.test(src[from])) return -1;
  // Formulas never hold backticks: stopping there keeps "$5 and `$x$`" from swallowing code.
  const tick = src.indexOf("`", from);
  const limit = tick < 0 ? src.length : tick;
  for (let i = src.indexOf("$", from); i >= 0 && i < limit; i = src.indexOf("$", i + 1)) {
    if (isEscaped(src, i)) continue;
    if (src[i + 1] === "$") return -1; // "$a$$" is not inline math; leave it to the user to fix
    if (/\s/.test(src[i - 1])) continue;
    if (/\d/.test(src[i + 1] ?? "")) continue;
    return i;
  }
  return -1;
}

/** True when the character at i is preceded by an odd number of backslashes. */
function isEscaped(src: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && src[j] === "\\"; j--) n++;
  return n % 2 === 1;
}

const BLOCK_OPENERS: Array<{ open: RegExp; close: (m: RegExpMatchArray) => string; keep: boolean }> = [
  { open: /^\$\$/, close: () => "$$", keep: false },
  { open: /^\\\[/, close: () => "\\]", keep: false },
  // Environments are kept whole: KaTeX typesets \begin{align}…\end{align} in display mode.
  { open: /^\\begin\{([a-zA-Z*]+)\}/, close: (m) => `\\end{${m[1]}}`, keep: true },
];

function mathBlock(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false; // indented code
  const lineText = (line: number) => state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  const first = lineText(startLine);
  for (const { open, close: closeOf, keep } of BLOCK_OPENERS) {
    const match = first.match(open);
    if (!match) continue;
    const close = closeOf(match);
    const rest = first.slice(match[0].length);
    let content: string;
    let last = startLine;
    const sameLine = rest.lastIndexOf(close);
    if (sameLine >= 0 && rest.slice(sameLine + close.length).trim() === "") {
      if (close === "$$" && sameLine === 0) return false;
      content = keep ? first.slice(0, match[0].length + sameLine + close.length) : rest.slice(0, sameLine);
    } else {
      if (rest.includes(close)) return false; // "$$x$$ text": inline math inside a paragraph
      const body = [keep ? first : rest];
      let found = false;
      for (let line = startLine + 1; line < endLine; line++) {
        const text = lineText(line);
        const at = text.lastIndexOf(close);
        if (at >= 0 && text.slice(at + close.length).trim() === "") {
          body.push(keep ? text : text.slice(0, at));
          last = line;
          found = true;
          break;
        }
        if (state.isEmpty(line) && !keep) break; // a blank line ends an unclosed $$
        body.push(text);
      }
      if (!found) return false;
      content = body.join("\n");
    }
    if (silent) return true;
    const token = state.push("math_block", "math", 0);
    token.block = true;
    token.content = content.trim();
    token.map = [startLine, last + 1];
    token.markup = match[0];
    state.line = last + 1;
    return true;
  }
  return false;
}
