import type { Rng } from '../random/rng.js';
import { Activation, BatchNorm, Dense, type Layer } from './layers.js';
import { type BackwardOptions, type Ctx, type Mat, type Param } from './tensor.js';
/**
 * CTGAN's residual block (Xu et al. 2019): y = [ReLU(BN(x·W + b)) | x] — the new features concatenated before the
 * input, so each block widens the representation by `outputs`. Batch norm mixes the examples of a batch: no
 * per-example mode (not for DP-SGD).
 */
export declare class ResidualConcat implements Layer {
    readonly inputs: number;
    readonly outputs: number;
    readonly fc: Dense;
    readonly bn: BatchNorm;
    readonly relu: Activation;
    readonly params: readonly Param[];
    private y;
    private d1;
    private dx;
    constructor(inputs: number, outputs: number, rng: Rng, name?: string);
    forward(x: Mat, ctx: Ctx): Mat;
    backward(dy: Mat, ctx: Ctx, opts?: BackwardOptions): Mat | null;
    addSquaredNorms(): void;
    accumulateScaled(): void;
}
