/**
 * lib/market: an agent-based Execution Tickets market with time discounting — heterogeneous buyers,
 * five primary-sale mechanisms, an optional secondary market, lookahead and a multi-block bonus —
 * plus the closed forms and small simulators the market notebooks check it against.
 *
 * @module
 */
export {
  homogeneousBuyers,
  tieredBuyers,
  customBuyers,
  EPHEMA_TIERS,
  type Buyer,
  type BuyerTier,
  type ValueRange,
  type HomogeneousBuyersOptions,
  type TieredBuyersOptions,
  type CustomBuyersOptions,
} from "./buyers";
export type { BonusKind, MultiBlockBonus, BonusValuation } from "./bonus";
export { bonusBidFactor } from "./bonus";
export { buyerValuation, type BuyerValuationOptions } from "./valuation";
export {
  herfindahl,
  largestShare,
  nakamotoCoefficient,
  type HoldingsOptions,
  type NakamotoOptions,
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
export { simulateAgentMarket, type AgentMarketOptions, type AgentMarketResult, type MarketBonus } from "./simulate";
export {
  marketTask,
  marketTaskRef,
  marketParamsFromTask,
  type MarketTaskOptions,
  type MarketTaskContext,
} from "./task";
export { competitiveCapture, type CompetitiveCaptureOptions, type CompetitiveCaptureResult } from "./theory/capture";
export { winnerCrossover, type WinnerCrossoverOptions } from "./theory/winner-crossover";
export { paiResnick, type PaiResnickOptions, type PaiResnickResult } from "./theory/pai-resnick";
export {
  jitVersusAheadOfTime,
  jitBreakEvenBuilders,
  commonValueSale,
  slotValueCertaintyEquivalent,
  type SlotValueLaw,
  type SlotValueCertaintyEquivalentOptions,
  type JitVersusAheadOfTimeOptions,
  type JitVersusAheadOfTimeResult,
  type JitBreakEvenOptions,
  type CommonValueSaleOptions,
  type CommonValueSaleResult,
} from "./theory/jit-versus-ahead";
export {
  independentValuesAuction,
  type IndependentValuesAuctionOptions,
  type IndependentValuesAuctionResult,
} from "./theory/independent-values-auction";
export {
  tullockEquilibrium,
  contestBestResponses,
  type TullockEquilibriumOptions,
  type ContestEquilibrium,
  type ContestBestResponsesOptions,
  type ContestBestResponsesResult,
} from "./theory/tullock-contest";
export {
  mevBurnVersusTickets,
  type MevAccrual,
  type MevBurnVersusTicketsOptions,
  type MevBurnVersusTicketsResult,
} from "./theory/mev-burn";
export {
  slotAuctionChain,
  centralisationBonus,
  lotteryRevenue,
  type CentralisationBonusOptions,
  type LotteryRevenueOptions,
  type SlotAuctionMechanism,
  type SlotAuctionChainOptions,
  type SlotAuctionChainResult,
} from "./theory/randomised-auction";
export {
  expectedRuns,
  expectedRunsOfLength,
  type ExpectedRunsOptions,
  type ExpectedRunsOfLengthOptions,
} from "./theory/runs";
export {
  shareValueWithBonus,
  marginalShareValue,
  centralisationThreshold,
  type ShareValueWithBonusOptions,
  type CentralisationThresholdOptions,
  type CentralisationThresholdResult,
} from "./theory/multi-block";
export { simulatePaiResnick, type SimulatePaiResnickOptions, type SimulatePaiResnickResult } from "./sim/pai-resnick";
export { simulateRuns, type SimulateRunsOptions, type SimulateRunsResult } from "./sim/runs";
export {
  simulateSlotAuctions,
  type SimulateSlotAuctionsOptions,
  type SimulateSlotAuctionsResult,
} from "./sim/slot-auctions";
export { simulateProportionalLottery, type SimulateProportionalLotteryOptions } from "./sim/proportional-lottery";
export { simulateMevBurn, type SimulateMevBurnOptions, type SimulateMevBurnResult } from "./sim/mev-burn";
export {
  simulateSlotAuctionChain,
  type SimulateSlotAuctionChainOptions,
  type SimulateSlotAuctionChainResult,
} from "./sim/slot-auction-chain";
export {
  simulateShareWithBonus,
  type SimulateShareWithBonusOptions,
} from "./sim/share-with-bonus";
export {
  galaxyEra,
  type GalaxyAgent,
  type AuctionRoundOptions,
  type AuctionOutcome,
  type GalaxyEraParams,
  type GalaxyEraAssumptions,
  type GalaxyMechanism,
  type BiddingStrategy,
  type ResolvedGalaxyEraParams,
  type GalaxyEraObjectives,
  type GalaxyEraRun,
  type GalaxyEraSimulateOptions,
  type GalaxyEraResult,
  type ValuationContext,
  type PairedDifference,
  type SensitivityRow,
  type ExpectedShadedValueOptions,
} from "./galaxy-era";
