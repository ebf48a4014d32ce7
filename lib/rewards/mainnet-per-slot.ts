/**
 * The mainnet reward per slot (../../docs/derivations/calibration.md#per-slot): the model's R is the
 * reward of a slot, but the ephema sample holds one MEV-Boost payment per MEV-Boost block, and
 * 13.1 % of slots had none. Those slots are modelled as locally built blocks whose reward is the
 * payment body's lognormal scaled down by Rated's median ratio (MEV-Boost/local = 2.66); missed
 * slots are not separated (no figure for them in data/). A period's level multiplies every reward.
 */
import * as validate from "../validate";
import { calibrateMainnet, type MainnetCalibration } from "./calibrate-mainnet";
import { mainnetStatistics } from "./calibration-data";
import { LognormalReward } from "./lognormal";
import { MainnetReward } from "./mainnet";
import { MixtureReward } from "./mixture";

/** Input of {@link mainnetPerSlot}; everything optional. */
export interface MainnetPerSlotOptions {
  /** Tail mass of the payment law's calibration (default: "aubury-shape"). */
  tailMass?: number | "aubury-shape";
  /** Cap on a payment at level 1, ETH (default: the sample maximum 691.96); null for none. */
  cap?: number | null;
  /** Share of slots with a MEV-Boost payment (default: ephema payments/slots = 0.8687). */
  boostShare?: number;
  /** Median MEV-Boost payment over the median local block's reward (default: Rated's 2.66). */
  localRatio?: number;
  /** Level: every reward multiplied by it (default 1, the Merge → May 2024 level). */
  level?: number;
  /** A far-tail index replacing the calibrated one (sensitivity only: the law then no longer fits the sd). */
  alphaFar?: number;
}

/** The result of {@link mainnetPerSlot}. */
export interface MainnetPerSlot {
  /** The per-slot law: payment with probability boostShare, local block otherwise. */
  reward: MixtureReward;
  /** The payment law at this level. */
  payment: MainnetReward;
  /** The local-block law at this level. */
  local: LognormalReward;
  /** The calibration the payment law comes from (level 1). */
  calibration: MainnetCalibration;
}

/**
 * The per-slot mainnet law at a level.
 *
 * @example
 * mainnetPerSlot().reward.mean; // → 0.111864
 */
export function mainnetPerSlot(options: MainnetPerSlotOptions = {}): MainnetPerSlot {
  validate.knownKeys("mainnetPerSlot options", options ?? {}, [
    "tailMass",
    "cap",
    "boostShare",
    "localRatio",
    "level",
    "alphaFar",
  ]);
  const stats = mainnetStatistics();
  const {
    tailMass = "aubury-shape",
    boostShare = stats.ephema.count / stats.ephema.slots,
    localRatio = stats.rated.medianMevBoostToLocalRatio,
    level = 1,
  } = options ?? {};
  validate.inRange("boostShare", boostShare, 0, 1);
  validate.positive("localRatio", localRatio);
  validate.positive("level", level);
  const calibration = calibrateMainnet({ tailMass, cap: options?.cap });
  const o = calibration.options;
  const shift = Math.log(level);
  const payment = new MainnetReward({
    meanLog: o.meanLog + shift,
    sdLog: o.sdLog,
    tailMass: o.tailMass,
    alpha: o.alpha,
    threshold: o.threshold * level,
    knee: o.knee * level,
    alphaFar: options?.alphaFar === undefined ? o.alphaFar : validate.positive("alphaFar", options.alphaFar),
    cap: o.cap === undefined ? undefined : o.cap * level,
  });
  const local = new LognormalReward({ meanLog: o.meanLog - Math.log(localRatio) + shift, sdLog: o.sdLog });
  const components = [
    { weight: boostShare, model: payment, label: "MEV-Boost payment" },
    { weight: 1 - boostShare, model: local, label: "local block" },
  ].filter((c) => c.weight > 0);
  return { reward: new MixtureReward(components), payment, local, calibration };
}
