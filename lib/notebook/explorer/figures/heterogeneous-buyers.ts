/**
 * Explorer figure of notebook 12: a skilled builder with dear capital against an investor with
 * cheap capital, each one's value of a ticket relative to the fair price, and where the winner
 * changes. Closed forms of the library only.
 */
import type { PlotlyFigure } from "../../figure";
import { PALETTE } from "../../theme";
import { customBuyers } from "../../../market/buyers";
import { winnerCrossover } from "../../../market/theory/winner-crossover";
import { buyerValuation } from "../../../market/valuation";
import { ticketValue } from "../../../model/ticket-value";
import { curve, nGrid, num, type Values } from "./plot-helpers";

/**
 * 12: the builder's and the investor's valuations of a ticket over μ/(1+nd) against n, with the
 * crossover n from which the investor wins (exponential rewards of mean μ). Values: mu, d,
 * builderAlpha, builderRFactor, investorAlpha, investorRFactor (rates in units of d).
 *
 * @example
 * EXPLORER_FIGURES["builder-investor"]({ mu: 1, d: 0.001, builderAlpha: 0.95, builderRFactor: 3, investorAlpha: 0.85, investorRFactor: 1 }).data[2].x[0]; // → 63
 */
export function builderInvestorFigure(values: Values): PlotlyFigure {
  const mu = num(values, "mu");
  const d = num(values, "d");
  const buyers = customBuyers({
    buyers: [
      { alpha: num(values, "builderAlpha"), r: num(values, "builderRFactor") * d, label: "builder" },
      { alpha: num(values, "investorAlpha"), r: num(values, "investorRFactor") * d, label: "investor" },
    ],
  });
  const sigma2 = mu * mu;
  const crossing = winnerCrossover({ buyers, mu, sigma2, d });
  const grid = nGrid(Math.max(1e4, Number.isFinite(crossing) ? Math.min(1e11, 100 * crossing) : 0), 160);
  const relative = (buyer: (typeof buyers)[number]) =>
    grid.map((n) => buyerValuation({ buyer, mu, sigma2, pool: n }) / ticketValue({ mu, n, d }));
  const found = Number.isFinite(crossing);
  // With two buyers, the winner from the crossover on is the one who loses at n = 1.
  const firstWins =
    buyerValuation({ buyer: buyers[0], mu, sigma2, pool: 1 }) >=
    buyerValuation({ buyer: buyers[1], mu, sigma2, pool: 1 });
  const [early, late] = firstWins ? [buyers[0], buyers[1]] : [buyers[1], buyers[0]];
  return {
    data: [
      ...buyers.map((b, j) =>
        curve(grid, relative(b), `${b.label}: α = ${b.alpha}, r = ${(b.r / d).toPrecision(3)}d`, {
          color: PALETTE[j === 0 ? 3 : 2],
          width: 2.5,
        }),
      ),
      found
        ? curve([crossing, crossing], [0, 1], `crossover: the ${late.label} wins from n = ${crossing}`, {
            color: PALETTE[6],
            dash: "dot",
            width: 1.5,
          })
        : curve([], [], `the ${early.label} wins at every n up to 10⁹`, { color: PALETTE[6], dash: "dot", width: 1.5 }),
    ],
    layout: {
      height: 380,
      margin: { t: 24 },
      xaxis: { type: "log", title: { text: "tickets outstanding n (log scale)" } },
      yaxis: { title: { text: "buyer's value of a ticket / fair price μ/(1+nd)" }, range: [0, 1.05] },
      legend: { x: 0.01, y: 0.02, yanchor: "bottom" },
    },
  };
}
