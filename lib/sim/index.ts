/**
 * lib/sim: seeded Monte Carlo engines of the Execution Tickets model. Every engine streams its
 * statistics (memory flat in samples/paths) and is split into chunks whose random streams are
 * rng(seed, "chunk", i) (the ticket sampler's: the same names in its engine version's generator,
 * see engine-version.ts); chunk results pooled in chunk order give exactly the single-process result,
 * so work can be spread over worker threads without changing any number.
 *
 * @module
 */
export {
  sampleTicketValues,
  sampleTicketValuesChunk,
  summariseTicketValues,
  DEFAULT_TICKET_CHUNK_SIZE,
  type TicketEstimator,
  type TicketModelOptions,
  type SampleTicketValuesOptions,
  type SampleTicketValuesChunkOptions,
  type SummariseTicketValuesOptions,
  type TicketValueSummary,
} from "./ticket-values";
export { DEFAULT_ENGINE_VERSION, type EngineVersion } from "./engine-version";
export {
  sampleWaits,
  sampleWaitsChunk,
  mergeWaitCounts,
  type MergeWaitCountsOptions,
  DEFAULT_WAIT_CHUNK_SIZE,
  type WaitModelOptions,
  type SampleWaitsOptions,
  type SampleWaitsChunkOptions,
  type WaitCounts,
  type WaitHistogram,
} from "./waits";
export {
  simulateNpv,
  simulateNpvChunk,
  mergeNpvResults,
  type MergeNpvResultsOptions,
  DEFAULT_NPV_CHUNK_SIZE,
  type NpvModelOptions,
  type SimulateNpvOptions,
  type SimulateNpvChunkOptions,
  type NpvChunkResult,
  type NpvResult,
} from "./npv";
export {
  simulateTicketPool,
  simulateTicketPoolChunk,
  mergeTicketPoolResults,
  type MergeTicketPoolResultsOptions,
  summariseTicketPool,
  DEFAULT_MARKET_CHUNK_SIZE,
  DEFAULT_MARKET_SHARE,
  DEFAULT_MAX_RUN_LENGTH,
  type MarketModelOptions,
  type SimulateTicketPoolOptions,
  type SimulateTicketPoolChunkOptions,
  type SummariseTicketPoolOptions,
  type TicketPoolChunkResult,
  type TicketPoolResult,
} from "./ticket-pool";
export { planChunks, type Chunk, type PlanChunksOptions } from "./chunks";
export { mergeStates, stateFromPowerSums, type MergeStatesOptions, type PowerSums } from "./block-moments";
export { summariseState, type SampleSummary } from "./summary";
export {
  horizonForTolerance,
  truncationBound,
  type HorizonForToleranceOptions,
  type TruncationBoundOptions,
} from "./horizon";
export {
  DEFAULT_TRUNCATION_TOLERANCE,
  DEFAULT_WORK_BUDGET,
  MAX_HORIZON,
  resolveHorizon,
  checkWorkBudget,
  type HorizonOptions,
  type CheckWorkBudgetOptions,
} from "./slot-horizon";
export { DiscountTable, type DiscountTableOptions } from "../model/discount-table";
export { withProgress, type EngineProgress, type OnEngineProgress } from "./progress";
