/**
 * The scripts of exported pages (plain ES5, no dependencies): drawing the figures from their JSON,
 * and the page's controls (show or hide all code). Shared as assets, or inlined in a
 * self-contained page.
 */

/** Draws every figure container from its JSON (one plotly.js for the page). */
export const DRAW_FIGURES = `(function () {
  var containers = document.querySelectorAll("div.plotly-figure");
  for (var i = 0; i < containers.length; i++) {
    var div = containers[i];
    var figure = JSON.parse(document.getElementById(div.id + "-json").textContent);
    Plotly.newPlot(div, figure.data, figure.layout || {}, figure.config || {});
  }
})();
`;

/** "Show all code" / "Hide all code": opens or closes every folded code cell. */
export const PAGE_SCRIPT = `(function () {
  var buttons = document.querySelectorAll("button[data-code]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function (event) {
      var open = event.currentTarget.getAttribute("data-code") === "show";
      var cells = document.querySelectorAll("details.code-input");
      for (var j = 0; j < cells.length; j++) cells[j].open = open;
    });
  }
})();
`;

/**
 * Typesets every `span.math-tex` with KaTeX (loaded before it), in document order with one macro
 * table, with the options the exporter checked each formula with: HTML for the eye and MathML for
 * screen readers; `trust: false`, so no TeX can make links, classes or styles.
 */
export const MATH_SCRIPT = `(function () {
  if (typeof katex === "undefined") return;
  var macros = {};
  var spans = document.querySelectorAll("span.math-tex");
  for (var i = 0; i < spans.length; i++) {
    var span = spans[i];
    try {
      katex.render(span.textContent, span, {
        displayMode: span.getAttribute("data-display") === "true",
        output: "htmlAndMathml",
        macros: macros,
        strict: "ignore",
        trust: false,
        throwOnError: true,
      });
    } catch (error) {
      span.className = "katex-error";
      span.title = String(error && error.message);
    }
  }
})();
`;
