/**
 * Ticket buyers and buyer-population generators for the agent-based market.
 *
 * A buyer is described by four numbers (../../docs/derivations/extensions.md#the-agent-based-markets-parts):
 * - alpha: extraction skill, the share α of a block's reward R the buyer captures when it proposes;
 * - r: its cost of capital per slot (it discounts at r, the protocol at the social rate d);
 * - gamma: mean–variance risk aversion γ (a ticket is worth E − (γ/2)·Var);
 * - budget: the cash it starts with (Infinity = unconstrained); rewards received are added to it.
 */
import { rng } from "../random";
import * as validate from "../validate";

/** One ticket buyer (plain data, JSON-able except for an Infinity budget). */
export interface Buyer {
  /** Extraction skill α in [0, 1]: the share of R the buyer captures from a block it proposes. */
  alpha: number;
  /** Cost of capital per slot, r > 0 (the buyer values future rewards at (1+r)^(−t)). */
  r: number;
  /** Mean–variance risk aversion γ ≥ 0 (0 = risk-neutral). */
  gamma: number;
  /** Starting cash ≥ 0; Infinity means no budget constraint. */
  budget: number;
  /** Optional label, e.g. the tier ("top", "middle", "tail"). */
  label?: string;
}

/** A closed interval [lo, hi] from which a parameter is drawn uniformly. */
export type ValueRange = readonly [number, number];

/** Checks one buyer; `name` prefixes the parameter names in error messages. */
export function validateBuyer(buyer: unknown, name = "buyer"): Buyer {
  if (buyer === null || typeof buyer !== "object") {
    throw new RangeError(`${name} must be an object {alpha, r, gamma, budget}; received ${String(buyer)}`);
  }
  const b = buyer as Buyer;
  validate.inRange(`${name}.alpha`, b.alpha, 0, 1);
  validate.positive(`${name}.r`, b.r);
  validate.nonNegative(`${name}.gamma`, b.gamma);
  if (!(b.budget === Infinity)) validate.nonNegative(`${name}.budget`, b.budget);
  return b;
}

/** Checks a non-empty list of buyers (names the offending index, e.g. "buyers[3].alpha"). */
export function validateBuyers(buyers: unknown, name = "buyers"): readonly Buyer[] {
  if (!Array.isArray(buyers) || buyers.length === 0) {
    throw new RangeError(`${name} must be a non-empty array of buyers; received ${JSON.stringify(buyers)}`);
  }
  buyers.forEach((b, i) => validateBuyer(b, `${name}[${i}]`));
  return buyers as readonly Buyer[];
}

/** Input of {@link homogeneousBuyers}. */
export interface HomogeneousBuyersOptions {
  /** Number of buyers (integer ≥ 1). */
  count: number;
  /** Common extraction skill α in [0, 1]; default 1. */
  alpha?: number;
  /** Common cost of capital per slot r > 0. */
  r: number;
  /** Common risk aversion γ ≥ 0; default 0. */
  gamma?: number;
  /** Common budget ≥ 0; default Infinity. */
  budget?: number;
}

/**
 * `count` identical buyers. Identical valuations tie; the market breaks ties uniformly at random.
 *
 * @example
 * homogeneousBuyers({ count: 3, r: 0.01 }).length; // → 3
 */
export function homogeneousBuyers(options: HomogeneousBuyersOptions): Buyer[] {
  validate.knownKeys("homogeneousBuyers options", options ?? {}, ["count", "alpha", "r", "gamma", "budget"]);
  const { count, alpha = 1, r, gamma = 0, budget = Infinity } = options;
  validate.integer("count", count, 1, 1e6);
  const buyer = validateBuyer({ alpha, r, gamma, budget }, "buyer");
  return Array.from({ length: count }, () => ({ ...buyer, label: "homogeneous" }));
}

/** One tier of a tiered population. */
export interface BuyerTier {
  /** Tier name, copied to each buyer's label. */
  label: string;
  /** Fraction of the buyers in this tier (fractions are normalised to sum to 1). */
  share: number;
  /** Range of α, drawn uniformly. */
  alpha: ValueRange;
  /** Range of starting funds, drawn uniformly, in units of `budgetUnit`. */
  funds: ValueRange;
}

/**
 * The tiers of the ephema/ET-Simulation agents (../../docs/derivations/extensions.md#the-agent-based-markets-parts): top 20 %, middle 40 %,
 * tail 40 %, MEV capture U(.85,.95), U(.75,.85), U(.6,.75), funds U(400,1000), U(300,700), U(200,500)
 * (in units where ephema's mean MEV per slot is 30).
 *
 * @example
 * EPHEMA_TIERS.map((t) => t.share).join(", "); // → "0.2, 0.4, 0.4"
 */
export const EPHEMA_TIERS: readonly BuyerTier[] = Object.freeze([
  { label: "top", share: 0.2, alpha: [0.85, 0.95] as const, funds: [400, 1000] as const },
  { label: "middle", share: 0.4, alpha: [0.75, 0.85] as const, funds: [300, 700] as const },
  { label: "tail", share: 0.4, alpha: [0.6, 0.75] as const, funds: [200, 500] as const },
]);

/** Input of {@link tieredBuyers}. */
export interface TieredBuyersOptions {
  /** Number of buyers (integer ≥ 1); split over tiers by largest remainder (10 → 2/4/4). */
  count: number;
  /** Seed of the population; draws come from rng(seed, "buyers", "tiered"). */
  seed: number | string;
  /** Cost of capital: one value for all, or a range drawn uniformly per buyer. */
  r: number | ValueRange;
  /** Risk aversion: one value or a range; default 0. */
  gamma?: number | ValueRange;
  /**
   * Multiplier turning tier funds into budgets. Default Infinity (no budget constraint); ephema's
   * funds correspond to budgetUnit = μ/30 (its mean MEV per slot was 30 units).
   */
  budgetUnit?: number;
  /** Tiers; default {@link EPHEMA_TIERS}. */
  tiers?: readonly BuyerTier[];
}

function checkRange(name: string, value: number | ValueRange, check: (n: string, v: number) => number): void {
  if (typeof value === "number") {
    check(name, value);
    return;
  }
  if (!Array.isArray(value) || value.length !== 2) {
    throw new RangeError(`${name} must be a number or a range [lo, hi]; received ${JSON.stringify(value)}`);
  }
  check(`${name}[0]`, value[0]);
  check(`${name}[1]`, value[1]);
  if (value[1] < value[0])
    throw new RangeError(`${name} must be a range with lo ≤ hi; received ${JSON.stringify(value)}`);
}

function draw(value: number | ValueRange, u: () => number): number {
  return typeof value === "number" ? value : value[0] + (value[1] - value[0]) * u();
}

/** Buyers per tier by the largest-remainder rule, so the counts sum to `count`. */
function tierCounts(count: number, shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (s / total) * count);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let left = count - counts.reduce((a, b) => a + b, 0), j = 0; left > 0; left--, j++) counts[order[j][1]]++;
  return counts;
}

/**
 * An ephema-like tiered population (by default top 20 % / middle 40 % / tail 40 % with capture
 * U(.85,.95) / U(.75,.85) / U(.6,.75)). Buyers are listed tier by tier; per buyer the draws are, in
 * order, α, funds, r (if a range), γ (if a range), all from rng(seed, "buyers", "tiered").
 *
 * @example
 * tieredBuyers({ count: 10, seed: 1, r: 0.01 }).length; // → 10
 */
export function tieredBuyers(options: TieredBuyersOptions): Buyer[] {
  validate.knownKeys("tieredBuyers options", options ?? {}, ["count", "seed", "r", "gamma", "budgetUnit", "tiers"]);
  const { count, seed, r, gamma = 0, budgetUnit = Infinity, tiers = EPHEMA_TIERS } = options;
  validate.integer("count", count, 1, 1e6);
  validate.seed(seed);
  checkRange("r", r, validate.positive);
  checkRange("gamma", gamma, validate.nonNegative);
  if (budgetUnit !== Infinity) validate.positive("budgetUnit", budgetUnit);
  if (!Array.isArray(tiers) || tiers.length === 0) {
    throw new RangeError(`tiers must be a non-empty array of tiers; received ${JSON.stringify(tiers)}`);
  }
  tiers.forEach((t, i) => {
    validate.positive(`tiers[${i}].share`, t?.share);
    checkRange(`tiers[${i}].alpha`, t.alpha, (n, v) => validate.inRange(n, v, 0, 1));
    checkRange(`tiers[${i}].funds`, t.funds, validate.nonNegative);
  });
  const stream = rng(seed, "buyers", "tiered");
  const u = () => stream.next();
  const counts = tierCounts(
    count,
    tiers.map((t) => t.share),
  );
  const out: Buyer[] = [];
  tiers.forEach((tier, i) => {
    for (let j = 0; j < counts[i]; j++) {
      const alpha = draw(tier.alpha, u);
      const funds = draw(tier.funds, u);
      out.push({
        alpha,
        r: draw(r, u),
        gamma: draw(gamma, u),
        budget: budgetUnit === Infinity ? Infinity : funds * budgetUnit,
        label: tier.label,
      });
    }
  });
  return out;
}

/** Input of {@link customBuyers}. */
export interface CustomBuyersOptions {
  /** The buyers, each {alpha, r, gamma?, budget?}; gamma defaults to 0 and budget to Infinity. */
  buyers: ReadonlyArray<Partial<Buyer> & Pick<Buyer, "alpha" | "r">>;
}

/**
 * A population given buyer by buyer (validated; missing gamma → 0, missing budget → Infinity).
 *
 * @example
 * customBuyers({ buyers: [{ alpha: 0.9, r: 0.01 }, { alpha: 0.8, r: 0.02 }] })[1].alpha; // → 0.8
 */
export function customBuyers(options: CustomBuyersOptions): Buyer[] {
  validate.knownKeys("customBuyers options", options ?? {}, ["buyers"]);
  const { buyers } = options;
  if (!Array.isArray(buyers) || buyers.length === 0) {
    throw new RangeError(`buyers must be a non-empty array of buyers; received ${JSON.stringify(buyers)}`);
  }
  return buyers.map((b, i) => validateBuyer({ gamma: 0, budget: Infinity, ...b }, `buyers[${i}]`));
}
