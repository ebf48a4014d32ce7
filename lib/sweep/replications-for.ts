/**
 * Sizing a sweep: how many replications a cell needs so that the confidence interval of its mean
 * is as narrow as the question requires. A cell mean over R replications has standard error s/√R
 * (s: the metric's standard deviation across replications), so the two-sided interval at level
 * 1 − α has half-width z·s/√R with z = Φ⁻¹(1 − α/2); solving for the half-width h gives
 * R = ⌈(z·s/h)²⌉. (For R ≳ 30 the Student-t quantile summarise uses is within 3 % of z.)
 */
import { normalQuantile } from "../stats/normal-distribution";
import * as validate from "../validate";

/** Input of {@link replicationsFor}. */
export interface ReplicationsForOptions {
  /** Standard deviation of the metric across replications (e.g. from a pilot run), > 0. */
  sd: number;
  /** The half-width the interval of a cell mean may have, > 0. */
  halfWidth: number;
  /** Confidence level, in (0, 1); default 0.95. */
  level?: number;
}

/**
 * Replications per cell for a confidence interval of the given half-width: ⌈(z·sd/halfWidth)²⌉, at least 2.
 *
 * @example
 * replicationsFor({ sd: 0.1, halfWidth: 0.01 }); // → 385
 */
export function replicationsFor(options: ReplicationsForOptions): number {
  validate.knownKeys("replicationsFor options", options ?? {}, ["sd", "halfWidth", "level"]);
  const sd = validate.positive("sd", options.sd);
  const halfWidth = validate.positive("halfWidth", options.halfWidth);
  const level = validate.inOpenRange("level", options.level ?? 0.95, 0, 1);
  const z = normalQuantile({ p: 1 - (1 - level) / 2 });
  const replications = Math.ceil(((z * sd) / halfWidth) ** 2);
  if (!Number.isSafeInteger(replications)) {
    throw new RangeError(
      `replicationsFor: sd / halfWidth = ${sd / halfWidth} asks for more replications than can be counted; widen halfWidth`,
    );
  }
  return Math.max(2, replications);
}
