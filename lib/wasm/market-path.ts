/**
 * The market's path loop in WebAssembly: simulatePath of lib/sim/ticket-pool.ts, slot for slot and draw
 * for draw, so every path's present values are bit-identical. Used by simulateTicketPool when the
 * kernels are built, the reward model is one they draw (see reward-kind.ts) and the n stamp bytes
 * fit in their memory.
 */
import type { GeneratorStream } from "../random/generator-stream";
import type { RewardModel } from "../rewards/reward-model";
import { PositionSampler } from "../random/position-sampler";
import { wasmModule, type WasmModule } from "./wasm-module";
import { wasmInt } from "./narrow";
import { wasmRewardKind } from "./reward-kind";

/**
 * Largest n whose stamp bytes live in the module's memory (64 MiB). A WebAssembly memory never
 * shrinks, so a larger market runs the JavaScript loop, whose stamps are garbage-collected.
 */
const MAX_WASM_POSITIONS = 2 ** 26;

/** Input of {@link WasmMarketPaths.create}: the path's model, as the engine's plan has it. */
export interface WasmMarketPathsOptions {
  n: number;
  d: number;
  /** The holder's positions 0..k−1. */
  k: number;
  reward: RewardModel;
  /** Fair replacement price paid by the maintained holder. */
  price: number;
  horizon: number;
  /** Longest run length counted (0: runs not tracked). */
  maxRun: number;
}

/** Runs a market's paths in the WebAssembly module (create one per chunk; `stamps`, then `path` per path). */
export class WasmMarketPaths {
  /** The position method (32-bit Lemire or 52-bit) and its rejection threshold, as the JavaScript loop draws. */
  private readonly positions: PositionSampler;

  private constructor(
    private readonly wasm: WasmModule,
    private readonly rewardKind: number,
    private readonly options: WasmMarketPathsOptions,
  ) {
    this.positions = new PositionSampler(options.n);
  }

  /** A kernel for these options, or null when the JavaScript loop must run. */
  static create(options: WasmMarketPathsOptions): WasmMarketPaths | null {
    const rewardKind = wasmRewardKind(options.reward);
    if (rewardKind === null || options.n > MAX_WASM_POSITIONS) return null;
    const wasm = wasmModule();
    return wasm === null ? null : new WasmMarketPaths(wasm, rewardKind, options);
  }

  /**
   * The stamp bytes of a chunk's positions, all 0 (the JavaScript engine's fresh Uint8Array), or
   * null when the memory cannot grow to n bytes (the caller then runs the JavaScript loop).
   */
  stamps(): Uint8Array | null {
    const stamps = this.wasm.reserveStamps(wasmInt({ name: "n", value: this.options.n }));
    stamps?.fill(0);
    return stamps;
  }

  /**
   * One path from `stream` (which then continues after it) with stamp value `epoch`: writes the six
   * present values into `sums` and the run counts (runs of length ≥ m, m = 1..maxRun) into `runCounts`.
   */
  path(stream: GeneratorStream, epoch: number, sums: Float64Array, runCounts: Float64Array): void {
    const { wasm } = this;
    const { n, d, k, reward, price, horizon, maxRun } = this.options;
    const exports = wasm.exports;
    wasm.runCounts.fill(0, 0, maxRun);
    const wide = wasm.shareStream(stream);
    const { small, threshold } = this.positions;
    exports.marketPath(
      wasmInt({ name: "n", value: n }),
      small ? 1 : 0,
      wasmInt({ name: "threshold", value: threshold, max: 2 ** 32 - 1 }),
      wasmInt({ name: "k", value: k }),
      this.rewardKind,
      reward.mean,
      price,
      wasmInt({ name: "horizon", value: horizon }),
      -Math.log1p(d),
      wasmInt({ name: "epoch", value: epoch, max: 255 }),
      wasmInt({ name: "maxRun", value: maxRun }),
      wide,
    );
    wasm.resumeStream(stream);
    sums.set(wasm.pathSums);
    runCounts.set(wasm.runCounts.subarray(0, maxRun));
  }
}
