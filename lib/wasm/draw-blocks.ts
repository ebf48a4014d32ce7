/**
 * Draws taken a block at a time, for slot loops that stay in JavaScript (the agent-based market):
 * a reward or a uniform per call of `next()`, the same numbers in the same order as calling the
 * model's `sample(stream)` (or `stream.next()`) there, drawn 1,024 at a time — by the WebAssembly
 * kernels when they draw that model, else by the model itself. The stream runs up to one block
 * ahead, so it must be the loop's own (nothing else may draw from it).
 */
import type { RandomStream } from "../random/random-stream";
import type { RewardModel } from "../rewards/reward-model";
import { wasmRewardKind } from "./reward-kind";
import { wasmModule } from "./wasm-module";

/** Draws per block (the kernels' BLOCK_CAPACITY). */
const BLOCK_SIZE = 1024;

/**
 * A sequence of draws served from a block that is refilled when used up.
 *
 * @example
 * const direct = rng(1, "r");
 * const blocks = rewardDraws(rewards.exponential(2), rng(1, "r"));
 * blocks.next() === rewards.exponential(2).sample(direct); // → true
 */
export class DrawBlock {
  private readonly values = new Float64Array(BLOCK_SIZE);
  private index = BLOCK_SIZE;
  constructor(private readonly fill: (out: Float64Array) => void) {}

  /** The next draw. */
  next(): number {
    if (this.index === BLOCK_SIZE) {
      this.fill(this.values);
      this.index = 0;
    }
    return this.values[this.index++];
  }
}

/** Rewards of `reward` drawn from `stream` (the loop's own stream), a block at a time. */
export function rewardDraws(reward: RewardModel, stream: RandomStream): DrawBlock {
  const wasm = wasmModule();
  const kind = wasm === null ? null : wasmRewardKind(reward);
  if (wasm === null || kind === null) {
    return new DrawBlock((out) => {
      for (let i = 0; i < BLOCK_SIZE; i++) out[i] = reward.sample(stream);
    });
  }
  const mu = reward.mean;
  return new DrawBlock((out) => {
    stream.saveState(wasm.state);
    wasm.exports.rewardBlock(BLOCK_SIZE, kind, mu);
    stream.loadState(wasm.state);
    out.set(wasm.block);
  });
}

/** Uniforms `stream.next()` (the loop's own stream), a block at a time. */
export function uniformDraws(stream: RandomStream): DrawBlock {
  const wasm = wasmModule();
  if (wasm === null) {
    return new DrawBlock((out) => {
      for (let i = 0; i < BLOCK_SIZE; i++) out[i] = stream.next();
    });
  }
  return new DrawBlock((out) => {
    stream.saveState(wasm.state);
    wasm.exports.uniformBlock(BLOCK_SIZE);
    stream.loadState(wasm.state);
    out.set(wasm.block);
  });
}
