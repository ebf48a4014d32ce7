/**
 * Every closed form of the model as a mathjs expression, so a notebook can print the formula it
 * computes (`formulas.ticketValue.equation` → LaTeX) and evaluate it (`formulas.ticketValue.evaluate
 * ({ mu, n, d })`) from one definition. test/lib-model-formulas.test.ts checks on a grid of inputs
 * that each expression agrees with the library function of the same name.
 *
 * The variables are the parameter names of the matching function (mu, sigma2, n, d, k, share, …).
 * The expressions are the textbook forms; the functions evaluate algebraically identical forms chosen
 * for floating point (log1p/expm1, no cancelling differences), so at extreme inputs (d ≈ 1e-9) trust
 * the function and use the expression for display. `ticketVarianceAsInPost` is the post's own form of
 * Observation 5, for display only (it cancels catastrophically for small d).
 *
 * mathjs is large, so it is loaded on first use of `node`, `latex`, `equation` or `evaluate`, never
 * by merely importing the library.
 */
import type * as MathJs from "./mathjs-types";
import * as validate from "../validate";

/** One closed form as a mathjs expression. */
export interface Formula<V extends string = string> {
  /** Key in {@link formulas}; the library function of that name computes the same quantity. */
  readonly name: string;
  /** One line saying what it is and where it comes from. */
  readonly description: string;
  /** LaTeX of the left-hand side, e.g. "\\mathbb{E}[V]". */
  readonly symbol: string;
  /** The variables, named like the function's parameters. */
  readonly variables: readonly V[];
  /** The expression in mathjs syntax. */
  readonly expression: string;
  /** The parsed expression (loads mathjs). */
  readonly node: MathJs.MathNode;
  /** LaTeX of the right-hand side: mathjs `toTex` with this module's symbol names, or a hand-tuned override. */
  readonly latex: string;
  /** `symbol = latex`, ready for display. */
  readonly equation: string;
  /** Evaluates the expression in double precision; every variable must be a finite number. */
  evaluate(scope: Readonly<Record<V, number>>): number;
  /**
   * The formula's own variables taken from a larger scope: the argument of its library function, which
   * refuses keys it does not know. `ticketValue(formulas.ticketValue.pick(at))`.
   */
  pick(scope: Readonly<Record<string, unknown>>): Record<V, number>;
}

interface FormulaSpec<V extends string> {
  description: string;
  symbol: string;
  variables: readonly V[];
  expression: string;
  /** Hand-tuned LaTeX where mathjs' rendering is hard to read (a function: computed on first use). */
  latex?: string | (() => string);
}

let mathjsModule: MathJs.MathJsSubset | undefined;
function mathjs(): MathJs.MathJsSubset {
  // The single-file bundle of the same mathjs build: it loads in a fraction of the time of the
  // package's many-module CommonJS entry (≈0.3 s against several seconds on a busy 2-core machine).
  mathjsModule ??= require("mathjs/lib/browser/math.js") as MathJs.MathJsSubset;
  return mathjsModule;
}

/** How each variable is typeset. */
const TEX_SYMBOLS: Readonly<Record<string, string>> = {
  mu: "\\mu",
  sigma2: "\\sigma^2",
  gamma: "\\gamma",
  share: "P",
  mean: "\\mathbb{E}[X]",
  variance: "\\operatorname{Var}(X)",
  members: "m",
  targetPremium: "\\bar{\\pi}",
  annualRate: "r_{\\mathrm{yr}}",
  slotSeconds: "s",
  leakage: "L",
  price: "c",
};

type TexOptions = MathJs.TexOptions;

function unwrapParentheses(node: MathJs.MathNode): MathJs.MathNode {
  let inner = node;
  while (inner.type === "ParenthesisNode") inner = (inner as MathJs.ParenthesisNode).content;
  return inner;
}

/** mathjs toTex handler: our symbol names, and products written as juxtaposition (n d, not n·d). */
function texHandler(node: MathJs.MathNode, options: TexOptions): string | undefined {
  if (node.type === "SymbolNode") {
    const name = (node as MathJs.SymbolNode).name;
    return TEX_SYMBOLS[name] ?? name;
  }
  if (node.type === "OperatorNode") {
    const op = node as MathJs.OperatorNode;
    if (op.fn === "multiply" && op.args.length === 2) {
      const [left, right] = op.args.map((arg, i) => {
        const inner = unwrapParentheses(arg);
        const tex = inner.toTex(options);
        const isSum =
          inner.type === "OperatorNode" && ["add", "subtract"].includes((inner as MathJs.OperatorNode).fn as string);
        const isNegative =
          i === 1 && inner.type === "OperatorNode" && (inner as MathJs.OperatorNode).fn === "unaryMinus";
        return isSum || isNegative ? `\\left(${tex}\\right)` : tex;
      });
      const separator = /[0-9]$/.test(left) && /^[0-9]/.test(right) ? "\\cdot " : " ";
      return `${left}${separator}${right}`;
    }
  }
  return undefined;
}

function defineFormula<const V extends string>(name: string, spec: FormulaSpec<V>): Formula<V> {
  let node: MathJs.MathNode | undefined;
  let compiled: MathJs.EvalFunction | undefined;
  let latex: string | undefined;
  const formula: Formula<V> = {
    name,
    description: spec.description,
    symbol: spec.symbol,
    variables: spec.variables,
    expression: spec.expression,
    get node() {
      node ??= mathjs().parse(spec.expression);
      return node;
    },
    get latex() {
      latex ??=
        typeof spec.latex === "function"
          ? spec.latex()
          : (spec.latex ?? formula.node.toTex({ parenthesis: "auto", handler: texHandler }));
      return latex;
    },
    get equation() {
      return `${spec.symbol} = ${formula.latex}`;
    },
    evaluate(scope) {
      const values: Record<string, number> = {};
      for (const variable of spec.variables) {
        values[variable] = validate.finite(variable, (scope as Record<string, unknown>)[variable]);
      }
      compiled ??= formula.node.compile();
      const result: unknown = compiled.evaluate(values);
      if (typeof result !== "number") throw new TypeError(`formula ${name} did not evaluate to a number`);
      return result;
    },
    pick(scope) {
      const picked: Record<string, number> = {};
      for (const variable of spec.variables) {
        if (variable in scope) picked[variable] = (scope as Record<string, number>)[variable];
      }
      return picked as Record<V, number>;
    },
  };
  return formula;
}

const D2 = "(n*d^2 + 2*n*d + 1)";
const D3 = "(n*d^2 + 2*n*d + 2)";
/** k·Var(V) + k(k−1)·Cov(V_i,V_j) over the common denominator (every term ≥ 0). */
const holdingVarianceOf = (k: string) =>
  `${k}*sigma2/${D2} + ${k}*mu^2*n*d^2*((n - ${k})*${D2} + (n - 1))/((n*d + 1)^2*${D2}*${D3})`;
/** mathjs' LaTeX of an expression, with this module's symbols. */
const toTex = (expression: string) => mathjs().parse(expression).toTex({ parenthesis: "auto", handler: texHandler });
const ticketVarianceExpression = `(sigma2*(n*d + 1)^2 + mu^2*n*(n - 1)*d^2)/(${D2}*(n*d + 1)^2)`;

/** All closed forms, keyed by the name of the library function that computes each. */
export const formulas = {
  npvOfRewards: defineFormula("npvOfRewards", {
    description: "Observation 1: present value of all future rewards",
    symbol: "\\mathrm{NPV}_R",
    variables: ["mu", "d"],
    expression: "mu/d",
  }),
  npvVariance: defineFormula("npvVariance", {
    description: "Variance of the present value of all future rewards",
    symbol: "\\operatorname{Var}(\\mathrm{NPV}_R)",
    variables: ["sigma2", "d"],
    expression: "sigma2/(d*(2 + d))",
  }),
  ticketValue: defineFormula("ticketValue", {
    description: "Observation 2: expected present value of one ticket",
    symbol: "\\mathbb{E}[V]",
    variables: ["mu", "n", "d"],
    expression: "mu/(n*d + 1)",
  }),
  issuedValue: defineFormula("issuedValue", {
    description: "Observation 3: value of the n tickets issued at time 0",
    symbol: "\\mathbb{E}[V_{\\mathrm{issued}}]",
    variables: ["mu", "n", "d"],
    expression: "n*mu/(n*d + 1)",
  }),
  unissuedValue: defineFormula("unissuedValue", {
    description: "Observation 3: value of all tickets minted after time 0",
    symbol: "\\mathbb{E}[V_{\\mathrm{unissued}}]",
    variables: ["mu", "n", "d"],
    expression: "mu/(d*(n*d + 1))",
  }),
  issuedShare: defineFormula("issuedShare", {
    description: "Observation 3: share of mu/d captured by the initial sale",
    symbol: "\\frac{\\mathbb{E}[V_{\\mathrm{issued}}]}{\\mu/d}",
    variables: ["n", "d"],
    expression: "n*d/(n*d + 1)",
  }),
  expectedWait: defineFormula("expectedWait", {
    description: "Observation 4(b): expected slots until a ticket wins",
    symbol: "\\mathbb{E}[T]",
    variables: ["n"],
    expression: "n",
  }),
  waitVariance: defineFormula("waitVariance", {
    description: "Variance of the win slot T ~ Geometric(1/n)",
    symbol: "\\operatorname{Var}(T)",
    variables: ["n"],
    expression: "n*(n - 1)",
  }),
  waitPmf: defineFormula("waitPmf", {
    description: "P(T = t), t ≥ 1",
    symbol: "P(T = t)",
    variables: ["n", "t"],
    expression: "(1/n)*(1 - 1/n)^(t - 1)",
    latex: "\\frac{1}{n}\\left(1-\\frac{1}{n}\\right)^{t-1}",
  }),
  waitCdf: defineFormula("waitCdf", {
    description: "P(T ≤ t), t ≥ 1",
    symbol: "P(T \\le t)",
    variables: ["n", "t"],
    expression: "1 - (1 - 1/n)^t",
    latex: "1-\\left(1-\\frac{1}{n}\\right)^{t}",
  }),
  waitQuantile: defineFormula("waitQuantile", {
    description: "Smallest t with P(T ≤ t) ≥ p",
    symbol: "t_p",
    variables: ["n", "p"],
    expression: "max(1, ceil(log(1 - p)/log(1 - 1/n)))",
    latex: "\\max\\left(1,\\left\\lceil\\frac{\\ln(1-p)}{\\ln(1-1/n)}\\right\\rceil\\right)",
  }),
  stakeValue: defineFormula("stakeValue", {
    description: "Observation 4(d), static holding of k = Pn tickets",
    symbol: "V_P",
    variables: ["mu", "n", "d", "share"],
    expression: "share*n*mu/(n*d + 1)",
  }),
  stakeVariance: defineFormula("stakeVariance", {
    description: "Variance of a static holding of k = Pn tickets: k Var(V) + k(k-1) Cov",
    symbol: "\\operatorname{Var}(V_P)",
    variables: ["mu", "sigma2", "n", "d", "share"],
    expression: holdingVarianceOf("(share*n)"),
    latex: () => `${toTex(holdingVarianceOf("k"))},\\quad k = P n`,
  }),
  maintainedStakeValue: defineFormula("maintainedStakeValue", {
    description: "Share P kept by buying replacements at the fair price: net value",
    symbol: "V_P^{\\mathrm{net}}",
    variables: ["mu", "n", "d", "share"],
    expression: "share*n*mu/(n*d + 1)",
  }),
  maintainedStakeVariance: defineFormula("maintainedStakeVariance", {
    description: "Variance of the maintained share, net of fair-price replacements (mu - c = mu nd/(nd+1))",
    symbol: "\\operatorname{Var}(V_P^{\\mathrm{net}})",
    variables: ["mu", "sigma2", "n", "d", "share"],
    expression: "(share*sigma2 + share*(1 - share)*(mu*n*d/(n*d + 1))^2)/(d*(2 + d))",
  }),
  grossStakeStream: defineFormula("grossStakeStream", {
    description: "Gross reward stream of a constant share P",
    symbol: "V_P^{\\mathrm{gross}}",
    variables: ["mu", "d", "share"],
    expression: "share*mu/d",
  }),
  grossStakeVariance: defineFormula("grossStakeVariance", {
    description: "Variance of the gross reward stream of a constant share P",
    symbol: "\\operatorname{Var}(V_P^{\\mathrm{gross}})",
    variables: ["mu", "sigma2", "d", "share"],
    expression: "(share*sigma2 + share*(1 - share)*mu^2)/(d*(2 + d))",
  }),
  ticketSecondMoment: defineFormula("ticketSecondMoment", {
    description: "Second moment of one ticket's present value",
    symbol: "\\mathbb{E}[V^2]",
    variables: ["mu", "sigma2", "n", "d"],
    expression: `(sigma2 + mu^2)/${D2}`,
  }),
  ticketVariance: defineFormula("ticketVariance", {
    description: "Observation 5: variance of one ticket's present value (cancellation-free form)",
    symbol: "\\operatorname{Var}(V)",
    variables: ["mu", "sigma2", "n", "d"],
    expression: ticketVarianceExpression,
  }),
  ticketVarianceAsInPost: defineFormula("ticketVarianceAsInPost", {
    description: "Observation 5 as written in the post (identical; cancels for small d, display only)",
    symbol: "\\operatorname{Var}(V)",
    variables: ["mu", "sigma2", "n", "d"],
    expression: `(sigma2 + mu^2)/${D2} - mu^2/(n^2*d^2 + 2*n*d + 1)`,
  }),
  ticketCovariance: defineFormula("ticketCovariance", {
    description: "Covariance of two distinct tickets (n ≥ 2)",
    symbol: "\\operatorname{Cov}(V_i, V_j)",
    variables: ["mu", "n", "d"],
    expression: `-(mu^2*n*d^2/((n*d + 1)^2*${D3}))`,
  }),
  holdingValue: defineFormula("holdingValue", {
    description: "Value of a static holding of k tickets",
    symbol: "\\mathbb{E}[V_k]",
    variables: ["mu", "n", "d", "k"],
    expression: "k*mu/(n*d + 1)",
  }),
  holdingVariance: defineFormula("holdingVariance", {
    description: "Variance of a static holding of k tickets: k Var(V) + k(k-1) Cov",
    symbol: "\\operatorname{Var}(V_k)",
    variables: ["mu", "sigma2", "n", "d", "k"],
    expression: holdingVarianceOf("k"),
  }),
  perSlotRate: defineFormula("perSlotRate", {
    description: "Per-slot rate from an annual rate (365-day year)",
    symbol: "d",
    variables: ["annualRate", "slotSeconds"],
    expression: "expm1(log1p(annualRate)*slotSeconds/31536000)",
    latex: "\\left(1+r_{\\mathrm{yr}}\\right)^{s/31\\,536\\,000}-1",
  }),
  annualRate: defineFormula("annualRate", {
    description: "Annual rate from a per-slot rate (365-day year)",
    symbol: "r_{\\mathrm{yr}}",
    variables: ["d", "slotSeconds"],
    expression: "expm1(31536000/slotSeconds*log1p(d))",
    latex: "\\left(1+d\\right)^{31\\,536\\,000/s}-1",
  }),
  capitalCostTicketPrice: defineFormula("capitalCostTicketPrice", {
    description: "Price of a ticket to a buyer with per-slot cost of capital r",
    symbol: "c_r",
    variables: ["mu", "n", "r"],
    expression: "mu/(1 + n*r)",
  }),
  captureRatio: defineFormula("captureRatio", {
    description: "Share of mu/d the protocol captures when buyers discount at r",
    symbol: "\\chi",
    variables: ["n", "d", "r"],
    expression: "(1 + n*d)/(1 + n*r)",
  }),
  captureLeakage: defineFormula("captureLeakage", {
    description: "Leakage 1 - chi to buyers with cost of capital r",
    symbol: "1-\\chi",
    variables: ["n", "d", "r"],
    expression: "n*(r - d)/(1 + n*r)",
  }),
  leakageThreshold: defineFormula("leakageThreshold", {
    description: "Ticket count beyond which the leakage exceeds L (when r(1-L) > d)",
    symbol: "n^{*}",
    variables: ["d", "r", "leakage"],
    expression: "leakage/(r*(1 - leakage) - d)",
  }),
  protocolCapture: defineFormula("protocolCapture", {
    description: "Share of mu/d the protocol captures when every ticket sells at price c",
    symbol: "\\chi",
    variables: ["price", "mu", "n", "d"],
    expression: "price*(n*d + 1)/mu",
  }),
  meanVarianceCertaintyEquivalent: defineFormula("meanVarianceCertaintyEquivalent", {
    description: "Mean-variance certainty equivalent",
    symbol: "\\mathrm{CE}",
    variables: ["mean", "variance", "gamma"],
    expression: "mean - gamma/2*variance",
  }),
  poolRiskPremium: defineFormula("poolRiskPremium", {
    description: "Total risk premium of m CARA members sharing a payoff",
    symbol: "\\pi_m",
    variables: ["variance", "gamma", "members"],
    expression: "gamma*variance/(2*members)",
  }),
  poolSizeForPremium: defineFormula("poolSizeForPremium", {
    description: "Smallest pool with total risk premium at most the target",
    symbol: "m^{*}",
    variables: ["variance", "gamma", "targetPremium"],
    expression: "max(1, ceil(gamma*variance/(2*targetPremium)))",
  }),
  pooledTicketVariance: defineFormula("pooledTicketVariance", {
    description: "Variance per ticket of a k-ticket pool",
    symbol: "\\operatorname{Var}\\left(\\tfrac{1}{k}V_k\\right)",
    variables: ["mu", "sigma2", "n", "d", "k"],
    expression: `(${holdingVarianceOf("k")})/k^2`,
    latex: () => `\\frac{1}{k^2}\\left(${toTex(holdingVarianceOf("k"))}\\right)`,
  }),
  lookaheadTicketValue: defineFormula("lookaheadTicketValue", {
    description: "Ticket whose holder proposes m slots after the draw",
    symbol: "\\mathbb{E}[V_m]",
    variables: ["mu", "n", "d", "m"],
    expression: "mu*(1 + d)^(-m)/(n*d + 1)",
  }),
  lookaheadTicketVariance: defineFormula("lookaheadTicketVariance", {
    description: "Variance of a lookahead-m ticket",
    symbol: "\\operatorname{Var}(V_m)",
    variables: ["mu", "sigma2", "n", "d", "m"],
    expression: `(1 + d)^(-2*m)*${ticketVarianceExpression}`,
  }),
  executionAuctionValue: defineFormula("executionAuctionValue", {
    description: "Right to the block of slot m, sold at time 0",
    symbol: "\\mathbb{E}[V_{\\mathrm{EA}}]",
    variables: ["mu", "d", "m"],
    expression: "mu*(1 + d)^(-m)",
  }),
  executionAuctionVariance: defineFormula("executionAuctionVariance", {
    description: "Variance of the slot-m right (no timing risk)",
    symbol: "\\operatorname{Var}(V_{\\mathrm{EA}})",
    variables: ["sigma2", "d", "m"],
    expression: "sigma2*(1 + d)^(-2*m)",
  }),
} as const;

/** Names of the formulas in {@link formulas}. */
export type FormulaName = keyof typeof formulas;
