/**
 * The closed forms of lib/dynamics as LaTeX, so notebook 07 prints the very formulas the functions
 * evaluate (lib/model's `formulas` holds the baseline model; these are the extensions with memory).
 * Notation: p = 1/n, q = 1 − p, x = 1/(1+d); regimes a = P(calm→storm), b = P(storm→calm),
 * λ = 1 − a − b, π = a/(a+b); γ(u) = Cov(R_t, R_{t+u}), ρ(u) = γ(u)/γ(0).
 */

/** One closed form of lib/dynamics. */
export interface DynamicsFormula {
  /** The library function that evaluates it. */
  readonly name: string;
  /** One line saying what it is. */
  readonly description: string;
  /** LaTeX of the left-hand side. */
  readonly symbol: string;
  /** LaTeX of the right-hand side. */
  readonly latex: string;
  /** `symbol = latex`. */
  readonly equation: string;
}

function formula(name: string, description: string, symbol: string, latex: string): DynamicsFormula {
  return Object.freeze({ name, description, symbol, latex, equation: `${symbol} = ${latex}` });
}

/**
 * The closed forms of notebook 07, keyed like the functions that compute them.
 *
 * @example
 * dynamicsFormulas.npvVarianceInflation.description; // → "variance inflation of the NPV against i.i.d. rewards"
 */
export const dynamicsFormulas = Object.freeze({
  processTicketValue: formula(
    "processTicketValue",
    "E[V] given the process's state S_0 at purchase (any reward process)",
    String.raw`\mathbb{E}[V \mid S_0]`,
    String.raw`\sum_{t\ge1} p\,q^{t-1}x^t\,\mathbb{E}[R_t \mid S_0] = \frac{\mu}{nd+1} + \sum_{t\ge1} p\,q^{t-1}x^t\big(\mathbb{E}[R_t \mid S_0]-\mu\big)`,
  ),
  regimeTicketValue: formula(
    "processTicketValue",
    "E[V] given the regime i at purchase (calm/storm regimes)",
    String.raw`\mathbb{E}[V \mid S_0 = i]`,
    String.raw`\frac{\mu}{nd+1} + \frac{(\mu_i-\mu)\,\lambda}{n(1+d)-(n-1)\lambda}`,
  ),
  stormPremium: formula(
    "stormCalmTicketValues",
    "a ticket bought in a storm minus one bought in calm",
    String.raw`\mathbb{E}[V \mid \text{storm}] - \mathbb{E}[V \mid \text{calm}]`,
    String.raw`\frac{(\mu_{\text{storm}}-\mu_{\text{calm}})\,\lambda}{n(a+b+d)+\lambda}`,
  ),
  processTicketSecondMoment: formula(
    "processTicketMoments",
    "E[V²] given the state (stationary start: Observation 5 unchanged)",
    String.raw`\mathbb{E}[V^2 \mid S_0]`,
    String.raw`\frac{\mathbb{E}[R^2]}{nd^2+2nd+1} + \sum_{t\ge1} p\,q^{t-1}x^{2t}\big(\mathbb{E}[R_t^2 \mid S_0]-\mathbb{E}[R^2]\big)`,
  ),
  processNpvVariance: formula(
    "processNpvVariance",
    "variance of the NPV of all rewards, stationary start",
    String.raw`\operatorname{Var}(\mathrm{NPV})`,
    String.raw`\frac{\gamma(0) + 2\sum_{u\ge1}\gamma(u)\,x^u}{d(2+d)}`,
  ),
  npvVarianceInflation: formula(
    "npvVarianceInflation",
    "variance inflation of the NPV against i.i.d. rewards",
    String.raw`\mathrm{VIF}_{\mathrm{NPV}}`,
    String.raw`1 + 2\sum_{u\ge1}\rho(u)\,x^u \;\underset{d\to0}{\longrightarrow}\; 1 + 2\sum_{u\ge1}\rho(u)`,
  ),
  regimeNpvVarianceInflation: formula(
    "npvVarianceInflation",
    "the same for calm/storm regimes, in closed form",
    String.raw`\mathrm{VIF}_{\mathrm{NPV}}`,
    String.raw`1 + \frac{2\,\pi(1-\pi)(\mu_{\text{storm}}-\mu_{\text{calm}})^2}{\sigma^2}\cdot\frac{\lambda}{1+d-\lambda}`,
  ),
  processTicketCovariance: formula(
    "processTicketCovariance",
    "covariance of two distinct tickets under correlated rewards",
    String.raw`\operatorname{Cov}(V_i,V_j)`,
    String.raw`-\frac{\mu^2 n d^2}{(nd+1)^2(nd^2+2nd+2)} + \frac{2}{nd^2+2nd+2}\sum_{u\ge1}\frac{1}{n}q^{u-1}x^u\,\gamma(u)`,
  ),
  markovTicketValue: formula(
    "markovTicketValue",
    "ticket value v_i under rate regimes (a linear system, one equation per regime)",
    String.raw`(n d_i + 1)\,v_i + (n-1)\sum_{j\ne i} P_{ij}\,(v_i - v_j)`,
    String.raw`\sum_j P_{ij}\,\mu_j`,
  ),
  markovNpv: formula(
    "markovNpv",
    "NPV of all rewards w_i under rate regimes",
    String.raw`d_i\,w_i + \sum_{j\ne i} P_{ij}\,(w_i - w_j)`,
    String.raw`\sum_j P_{ij}\,\mu_j`,
  ),
});

/** Names of {@link dynamicsFormulas}. */
export type DynamicsFormulaName = keyof typeof dynamicsFormulas;
