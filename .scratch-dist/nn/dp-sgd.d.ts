import { DpSgdNoise } from '../privacy/dpsgd.js';
import type { SubsampledGaussianParams } from '../privacy/ledger.js';
import type { SecureRng } from '../random/secure.js';
import { type PerExampleModule } from './per-example.js';
import type { Ctx, Param } from './tensor.js';
export interface DpSgdOptions {
    /** Noise multiplier z to use (from `planNoiseMultiplier`); the noise used is never smaller. */
    readonly noiseMultiplier: number;
    /** Clipping norm C of each example's gradient over all the modules. */
    readonly clipNorm: number;
    /** Sampling rate q (a multiple of 2^-32: `dyadicRate`). */
    readonly samplingRate: number;
    /** The divisor of the noisy sum: q times the (public or DP) row count. */
    readonly expectedBatch: number;
    /** B_max: the largest batch processed (see the module comment). */
    readonly batchCap: number;
    /** Rows per float32 chunk, default 32. */
    readonly chunk?: number;
}
/** The float relative slack of the clipped sum (module comment), for a chunk size and batch cap. */
export declare function clippedSumFloatSlack(chunk: number, batchCap: number): number;
/**
 * B_max for a sampling rate q and an upper bound N⁺ on the row count: q·N⁺ + 14√(q·N⁺) + 14, so that
 * P(Binomial(N, q) > B_max) ≤ e^{−60} for every N ≤ N⁺ (Chernoff).
 */
export declare function batchCapFor(samplingRate: number, rowsUpper: number): number;
/**
 * The clipped sum Σᵢ min(1, C/‖gᵢ‖)·gᵢ over `rows`, computed as `DpSgd` does (and as its sensitivity bound assumes):
 * chunks of at most `chunk` rows, each chunk's float32 clipped sum (ghost norms, `clipPerExample`) added into the
 * float64 `out` (zeroed first; laid out parameter after parameter). `run(chunk, ctx)` does the forward and the
 * per-example backward of a summed loss over exactly those rows.
 */
export declare function clippedSum(modules: readonly PerExampleModule[], params: readonly Param[], rows: Int32Array, run: (chunk: Int32Array, ctx: Ctx) => void, ctx: Ctx, chunk: number, clipNorm: number, out: Float64Array): void;
export declare class DpSgd {
    readonly noise: DpSgdNoise;
    readonly params: readonly Param[];
    readonly floatSlack: number;
    readonly samplingRate: number;
    readonly batchCap: number;
    readonly expectedBatch: number;
    private readonly chunk;
    private readonly modules;
    private readonly sum;
    private readonly noisy;
    private scratch;
    private steps;
    private capped;
    /**
     * @param modules the networks whose parameters are trained on private rows (their per-example gradients are
     *   clipped jointly: the norm is over all of them).
     */
    constructor(modules: readonly PerExampleModule[], opts: DpSgdOptions);
    /**
     * One DP-SGD step over `rows` private rows: draws a Poisson batch, calls `run(chunk, ctx)` for chunks of at most
     * `chunk` row indices — `run` must do a forward and a backward with `{ params: 'per-example' }` of a loss that is
     * a SUM of per-example terms over exactly those rows — clips, sums, adds noise, and leaves the noisy *mean*
     * gradient (noisy sum / expectedBatch) in every parameter's `grad`, ready for the optimiser. Returns the batch size
     * (private: for progress only, never for anything released).
     */
    step(rows: number, run: (chunk: Int32Array, ctx: Ctx) => void, ctx: Ctx, rng: SecureRng): number;
    /** Steps taken so far, and how many of them cut an oversized batch (expected: none). */
    get stepsTaken(): number;
    get cappedSteps(): number;
    /** The ledger's view of the steps taken (the noise multiplier actually used, Δ with the float slack). */
    ledgerParams(): SubsampledGaussianParams;
}
