import type { Ctx, Param } from './tensor.js';
/** Something with per-example gradient support: a Layer, a Sequential, an Embedding. */
export interface PerExampleModule {
    readonly params: readonly Param[];
    addSquaredNorms(acc: Float64Array): void;
    accumulateScaled(scale: Float32Array, ctx: Ctx): void;
}
export interface ClipResult {
    /** Each example's gradient norm before clipping (over all modules given). */
    readonly norms: Float64Array;
    /** The factor each example's gradient was multiplied by: min(1, C/‖g_i‖). */
    readonly scales: Float32Array;
}
/**
 * The DP-SGD step's data-touching half (Abadi et al. 2016): after a backward with `params: 'per-example'` over a
 * batch of `rows` examples (loss a *sum* of per-example terms), compute each example's gradient norm across
 * `modules` (ghost norms — no per-example gradient is materialised), scale example i by min(1, clipNorm/‖g_i‖),
 * and add the clipped sum Σ_i s_i·g_i into the parameters' `grad` (which the caller zeroed). The result's norms
 * are private: they must not leave the DP code path.
 *
 * What comes next is the caller's (issue 12): add Gaussian noise of scale σ·clipNorm from a SecureRng to each
 * summed gradient, divide by the expected batch size, then the optimiser step.
 */
export declare function clipPerExample(modules: readonly PerExampleModule[], rows: number, clipNorm: number, ctx: Ctx): ClipResult;
