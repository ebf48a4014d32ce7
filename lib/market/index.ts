/**
 * lib/market: an agent-based Execution Tickets market with time discounting — heterogeneous buyers,
 * five primary-sale mechanisms, an optional secondary market, lookahead and a multi-block bonus —
 * plus the closed forms and small simulators the market notebooks check it against.
 */
export {
  homogeneousBuyers,
  tieredBuyers,
  customBuyers,
  EPHEMA_TIERS,
  type Buyer,
  type BuyerTier,
  type ValueRange,
  type HomogeneousBuyersParams,
  type TieredBuyersParams,
  type CustomBuyersParams,
} from "./buyers";
export type { BonusKind, MultiBlockBonus } from "./bonus";
export { buyerValuation, type BuyerValuationParams } from "./valuation";
export {
  herfindahl,
  largestShare,
  nakamotoCoefficient,
  type HoldingsParams,
  type NakamotoParams,
} from "./concentration";
export {
  MECHANISM_KINDS,
  DEFAULT_PRICE_FACTOR,
  type MechanismKind,
  type MechanismSpec,
  type FixedPriceSpec,
  type FirstPriceSpec,
  type SecondPriceSpec,
  type Eip1559Spec,
  type BondingCurveSpec,
} from "./mechanisms";
export type { SecondaryMarketSpec } from "./secondary-market";
export type { MarketMetrics, PerBuyerResult, MarketTrace } from "./metrics";
export { simulateTicketMarket, type TicketMarketParams, type TicketMarketResult, type MarketBonus } from "./simulate";
export { marketTask, marketTaskRef, marketParamsFromTask, type MarketTaskParams, type MarketTaskContext } from "./task";
export { competitiveCapture, type CompetitiveCaptureParams, type CompetitiveCaptureResult } from "./theory/capture";
export { paiResnick, type PaiResnickParams, type PaiResnickResult } from "./theory/pai-resnick";
export {
  expectedRuns,
  expectedRunsOfLength,
  type ExpectedRunsParams,
  type ExpectedRunsOfLengthParams,
} from "./theory/runs";
export {
  shareValueWithBonus,
  marginalShareValue,
  centralisationThreshold,
  type ShareValueWithBonusParams,
  type CentralisationThresholdParams,
  type CentralisationThresholdResult,
} from "./theory/multi-block";
export { simulatePaiResnick, type SimulatePaiResnickParams, type SimulatePaiResnickResult } from "./sim/pai-resnick";
export { simulateRuns, type SimulateRunsParams, type SimulateRunsResult } from "./sim/runs";
export {
  simulateShareWithBonus,
  type SimulateShareWithBonusParams,
} from "./sim/share-with-bonus";
