/**
 * The ticket sampler's block loop in WebAssembly: the same draws, in the same order, from the same
 * stream as directBlock / conditionalBlock in lib/sim/ticket-values.ts, so the power sums are
 * bit-identical. Used by sampleTicketValues when the kernels are built and the reward model is
 * one they draw (see reward-kind.ts).
 */
import type { GeneratorStream } from "../random/generator-stream";
import type { RewardModel } from "../rewards/reward-model";
import type { DiscountTable } from "../model/discount-table";
import { wasmInt } from "./narrow";
import { wasmModule, type WasmModule } from "./wasm-module";
import { WASM_REWARD, wasmRewardKind } from "./reward-kind";

/** Input of {@link WasmTicketBlocks.create}. */
export interface WasmTicketBlocksOptions {
  /** The reward model (ignored by the conditional estimator, which draws no reward). */
  reward: RewardModel;
  estimator: "direct" | "conditional";
  /** Discount factors x^(T+L), T − 1 = ⌊E·scale⌋ counted from 0. */
  table: DiscountTable;
  /** 1/(−log1p(−1/n)), as in GeometricSampler. */
  scale: number;
  /** Subtracted from every value before the power sums. */
  shift: number;
}

/** Runs a ticket sampler's blocks in the WebAssembly module (create one per run, `begin` per chunk). */
export class WasmTicketBlocks {
  private constructor(
    private readonly wasm: WasmModule,
    private readonly rewardKind: number,
    private readonly options: WasmTicketBlocksOptions,
  ) {}

  /** A kernel for these options, or null when the JavaScript loop must run (see wasm-module.ts). */
  static create(options: WasmTicketBlocksOptions): WasmTicketBlocks | null {
    const rewardKind = options.estimator === "conditional" ? WASM_REWARD.none : wasmRewardKind(options.reward);
    if (rewardKind === null) return null;
    const wasm = wasmModule();
    return wasm === null ? null : new WasmTicketBlocks(wasm, rewardKind, options);
  }

  /** Copies the discount table into the kernels' memory: once per chunk, before its blocks. */
  begin(): void {
    const { table } = this.options;
    this.wasm.discountLow.set(table.low);
    this.wasm.discountHigh.set(table.high);
    this.wasm.exports.setDiscount(table.logFactor, table.offset);
  }

  /**
   * One block of `count` samples drawn from `stream` (which then continues after them): its power
   * sums.
   */
  block(stream: GeneratorStream, count: number): Float64Array {
    const { wasm } = this;
    const { reward, scale, shift } = this.options;
    const wide = wasm.shareStream(stream);
    wasm.exports.ticketBlock(
      wasmInt({ name: "count", value: count }),
      this.rewardKind,
      reward.mean,
      scale,
      shift,
      wide,
    );
    wasm.resumeStream(stream);
    return wasm.sums;
  }
}
