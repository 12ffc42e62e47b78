import type { Rng } from '../random/rng.js';
import type { Gemm } from './kernel/gemm.js';
/**
 * A batch of rows: `rows × cols` float32 values, row-major. `data` may be longer than rows·cols (a reused buffer);
 * only the leading rows·cols values count.
 */
export interface Mat {
    readonly rows: number;
    readonly cols: number;
    readonly data: Float32Array;
}
export declare function mat(rows: number, cols: number, data?: Float32Array): Mat;
/**
 * A reusable output buffer: returns a Mat of the requested shape over `prev`'s storage when it is large enough.
 * Layers own their outputs and gradients this way: a result is valid until the layer's next call.
 */
export declare function reuse(prev: Mat | null, rows: number, cols: number): Mat;
/**
 * Copy `rows` rows of `width` values from src (row i at srcOff + i·srcStride) to dst (at dstOff + i·dstStride) —
 * a plain loop: no subarray views (a view per row was a garbage-collection cost in the training loops).
 */
export declare function copyRows(src: Float32Array, srcOff: number, srcStride: number, dst: Float32Array, dstOff: number, dstStride: number, rows: number, width: number): void;
/** A parameter (or a saved statistic such as a running mean): values, gradient and a version bumped on change. */
export declare class Param {
    readonly name: string;
    readonly shape: readonly number[];
    readonly value: Float32Array;
    /** Gradient of the loss (summed over the batch unless a layer says otherwise); empty for non-trainable state. */
    readonly grad: Float32Array;
    readonly trainable: boolean;
    /** Bumped whenever `value` changes (optimiser step, load) so packed copies are refreshed. */
    version: number;
    constructor(name: string, shape: readonly number[], trainable?: boolean, value?: Float32Array);
    get size(): number;
    zeroGrad(): void;
    /** Mark `value` as changed. */
    touch(): void;
}
/** What a forward or backward pass needs besides its input. */
export interface Ctx {
    readonly gemm: Gemm;
    /** Training mode: dropout active, batch norm on batch statistics (updating its running statistics). */
    readonly training: boolean;
    /** Randomness for dropout and Gumbel noise (training) — a seeded stream. */
    readonly rng: Rng;
}
/**
 * How a backward pass treats parameters: `sum` accumulates the gradient of the summed loss into `Param.grad`;
 * `none` skips parameter gradients (e.g. backpropagating a generator's loss through a frozen discriminator);
 * `per-example` records what each layer needs to compute per-example gradient norms and clipped sums later
 * (DP-SGD; see per-example.ts).
 */
export type ParamGradMode = 'sum' | 'none' | 'per-example';
export interface BackwardOptions {
    /** Compute the gradient with respect to the input (default true). */
    readonly inputGrad?: boolean;
    readonly params?: ParamGradMode;
}
/** A standard normal draw by the polar method, using only exact arithmetic and `math.log` (engine-independent). */
export declare function gaussian(rng: Rng): number;
/** The ziggurat's layer edges X[0..128] and densities F = f(X) (exported for the kernel's `normals`). */
export declare const ZIG_X: Float64Array<ArrayBuffer>;
export declare const ZIG_F: Float64Array<ArrayBuffer>;
/**
 * Fill `out[0, n)` with standard normal draws (the ziggurat: about one 32-bit word per draw, engine-independent).
 * The position within a layer has 24 random bits, finer than the float32 the values are stored in.
 */
export declare function fillGaussian(out: Float32Array, rng: Rng, n?: number): void;
