/**
 * Explorer figures of the follow-up literature's notebooks: JIT against ahead-of-time sale (16),
 * MEV-burn against tickets (17), proportional allocation (18) and randomised execution auctions
 * (19). Closed forms of the library only.
 */
import type { PlotlyFigure } from "../../figure";
import { PALETTE } from "../../theme";
import { jitBreakEvenBuilders, jitVersusAheadOfTime } from "../../../market/theory/jit-versus-ahead";
import { mevBurnVersusTickets } from "../../../market/theory/mev-burn";
import { slotAuctionChain } from "../../../market/theory/randomised-auction";
import { contestBestResponses, tullockEquilibrium } from "../../../market/theory/tullock-contest";
import { curve, num, type Values } from "./plot-helpers";

/** A list of numbers passed to an explorer as JSON text (explorer values are scalars or strings). */
function numbers(values: Values, name: string): number[] {
  const text = values[name];
  const list = typeof text === "string" ? (JSON.parse(text) as unknown) : undefined;
  if (!Array.isArray(list) || list.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
    throw new RangeError(`${name} must be a JSON list of finite numbers; received ${JSON.stringify(text)}`);
  }
  return list as number[];
}

/** A figure at the explorers' common size with a legend below the plot. */
function explorerFigure(
  data: PlotlyFigure["data"],
  xaxis: Record<string, unknown>,
  yaxis: Record<string, unknown>,
): PlotlyFigure {
  return {
    data,
    layout: { height: 380, margin: { t: 24, b: 110 }, xaxis, yaxis, legend: { orientation: "h", x: 0, y: -0.25 } },
  };
}

/**
 * 16: JIT revenue μ(H_k − 1) and 2μ(k−1)/(k+1) against the number of builders k, and the ahead-of-time
 * revenue at risk aversion γ with a lead of m slots at rate d, for both laws. Values: mu, gamma, lead,
 * d, kMax.
 *
 * @example
 * EXPLORER_FIGURES["jit-vs-aot"]({ mu: 1, gamma: 0, lead: 0, d: 0.001, kMax: 50 }).data[0].y[0]; // → 0.5
 */
export function jitVersusAheadFigure(values: Values): PlotlyFigure {
  const mu = num(values, "mu");
  const gamma = num(values, "gamma");
  const lead = num(values, "lead");
  const d = num(values, "d");
  const ks = Array.from({ length: Math.max(1, num(values, "kMax") - 1) }, (_, i) => i + 2);
  const laws = ["exponential", "uniform"] as const;
  const jit = laws.map((law, i) =>
    curve(
      ks,
      ks.map((k) => jitVersusAheadOfTime({ builders: k, mu, law }).jitRevenue),
      `JIT, ${law} values`,
      { color: PALETTE[i], width: 3 },
    ),
  );
  const ahead = laws.map((law, i) => {
    const revenue = jitVersusAheadOfTime({ builders: 2, mu, law, gamma, lead, d }).aheadOfTimeRevenue;
    const breakEven = jitBreakEvenBuilders({ mu, law, gamma, lead, d });
    return curve([ks[0], ks[ks.length - 1]], [revenue, revenue], `AOT, ${law}: JIT earns more from k = ${breakEven}`, {
      color: PALETTE[i],
      dash: "dash",
      width: 1.5,
    });
  });
  return explorerFigure(
    [...jit, ...ahead],
    { title: { text: "builders k (log scale)" }, type: "log" },
    { title: { text: "expected revenue (units of μ)" }, rangemode: "tozero" },
  );
}

/**
 * 17: MEV-burn's capture c₂(1−λ) against the late fraction λ and the tickets' capture at (n, d, r, γ),
 * with the boundary λ*. Values: mu, runnerUpSkill, n, d, r, gamma.
 *
 * @example
 * EXPLORER_FIGURES["burn-vs-tickets"]({ mu: 1, runnerUpSkill: 0.9, n: 1000, d: 0.0001, r: 0.0003, gamma: 0 }).data[1].y[0]; // → 0.761538
 */
export function burnVersusTicketsFigure(values: Values): PlotlyFigure {
  const at = (lateFraction: number) =>
    mevBurnVersusTickets({
      lateFraction,
      runnerUpSkill: num(values, "runnerUpSkill"),
      mu: num(values, "mu"),
      sigma2: num(values, "mu") ** 2,
      n: num(values, "n"),
      d: num(values, "d"),
      r: num(values, "r"),
      gamma: num(values, "gamma"),
    });
  const lambdas = Array.from({ length: 101 }, (_, i) => i / 100);
  const tickets = at(0);
  const star = tickets.boundaryLateFraction;
  const starText =
    star > 0 ? `MEV-burn captures more for λ < ${star.toPrecision(3)}` : "tickets capture more at every λ";
  return explorerFigure(
    [
      curve(
        lambdas,
        lambdas.map((l) => at(l).burnCapture),
        "MEV-burn c₂(1 − λ)",
        { color: PALETTE[0], width: 3 },
      ),
      curve([0, 1], [tickets.ticketCapture, tickets.ticketCapture], `tickets: ${starText}`, {
        color: PALETTE[1],
        dash: "dash",
        width: 2,
      }),
    ],
    { title: { text: "late fraction λ of the slot's MEV" }, range: [0, 1] },
    { title: { text: "capture (share of all MEV)" }, rangemode: "tozero" },
  );
}

/**
 * 18: each buyer's share of the blocks under a second-price auction, proportional allocation (α = 1)
 * and the contest of exponent α, with each mechanism's revenue in its name. Values: values (JSON list),
 * exponent.
 *
 * @example
 * EXPLORER_FIGURES["contest-shares"]({ values: "[2, 1]", exponent: 1 }).data[1].y[0]; // → 0.666667
 */
export function contestSharesFigure(values: Values): PlotlyFigure {
  const worth = numbers(values, "values");
  const alpha = num(values, "exponent");
  const top = worth.indexOf(Math.max(...worth));
  const runnerUp = Math.max(...worth.filter((_, i) => i !== top));
  const proportional = tullockEquilibrium({ values: worth });
  const contest = contestBestResponses({ values: worth, exponent: alpha });
  const buyers = worth.map((v, i) => `buyer ${i} (value ${v})`);
  const bar = (name: string, y: number[], color: string) => ({ type: "bar", name, x: buyers, y, marker: { color } });
  const fixed = (x: number) => x.toPrecision(3);
  return explorerFigure(
    [
      bar(
        `second price: revenue ${fixed(runnerUp)}`,
        worth.map((_, i) => (i === top ? 1 : 0)),
        PALETTE[2],
      ),
      bar(`proportional (α = 1): revenue ${fixed(proportional.revenue)}`, proportional.shares, PALETTE[1]),
      bar(`contest α = ${alpha}: revenue ${fixed(contest.revenue)}`, contest.shares, PALETTE[0]),
    ],
    { title: { text: "buyer" } },
    { title: { text: "share of blocks" }, range: [0, 1.05] },
  );
}

/**
 * 19: the dominant builder's long-run share of sold blocks against the multi-block bonus b, under
 * second price and under the threshold lottery at price τ. Values: means (JSON list), price, bonusMax.
 *
 * @example
 * EXPLORER_FIGURES["dominance-vs-bonus"]({ means: "[1.5, 1, 1, 1, 0.5]", price: 1, bonusMax: 5 }).data[1].y[0]; // → 0.310670
 */
export function dominanceVersusBonusFigure(values: Values): PlotlyFigure {
  const means = numbers(values, "means");
  const price = num(values, "price");
  const bonusMax = num(values, "bonusMax");
  const dominant = means.indexOf(Math.max(...means));
  const share = (mechanism: Parameters<typeof slotAuctionChain>[0]["mechanism"], bonus: number) => {
    const chain = slotAuctionChain({ means, bonus, mechanism });
    return chain.shares[dominant] / (1 - chain.unsold);
  };
  // Second price needs quadrature (tens of ms a point): 11 points; the lottery is exact: 51.
  const coarse = Array.from({ length: 11 }, (_, i) => (i * bonusMax) / 10);
  const fine = Array.from({ length: 51 }, (_, i) => (i * bonusMax) / 50);
  return explorerFigure(
    [
      curve(
        coarse,
        coarse.map((b) => share({ kind: "second-price" }, b)),
        "second price",
        { color: PALETTE[0], width: 3 },
      ),
      curve(
        fine,
        fine.map((b) => share({ kind: "threshold-lottery", price }, b)),
        `threshold lottery, τ = ${price}`,
        {
          color: PALETTE[1],
          dash: "dash",
          width: 2,
        },
      ),
      curve([0, bonusMax], [0.5, 0.5], "majority", { color: PALETTE[6], dash: "dot", width: 1 }),
    ],
    { title: { text: "bonus b for continuing a run (units of μ)" }, range: [0, bonusMax] },
    { title: { text: "dominant builder's share of sold blocks" }, range: [0, 1] },
  );
}
