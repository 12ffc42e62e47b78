import type { SecureRng } from '../random/secure.js';
import type { LedgerEntry, PrivacyLedger, SubsampledGaussianParams } from './ledger.js';
import { LatticeGaussian, type NoiseEngine } from './lattice-gaussian.js';
/**
 * The data-touching half of DP-SGD (Abadi et al. 2016) as building blocks any trainer can call: Poisson batches
 * from the SecureRng, per-example clipping onto a lattice, and the noisy sum. docs/privacy.md ("DP-SGD") states
 * the guarantee and its proof; in short, one step releases
 *
 *     round_γ(S) + γ·K,     S = Σ_{i ∈ batch} clip_C(g_i),     K ~ the lattice Gaussian (`LatticeGaussian`)
 *
 * which is, up to a certified pointwise factor, a post-processing of the continuous Gaussian mechanism
 * round_γ(S) + N(0, σ²I) with σ = γτ. Under add/remove-one-row neighbours its L2 sensitivity is Δ = C plus the
 * lattice rounding (γ√d, when S is not already on the lattice) plus the caller's floating-point slack. The step is
 * therefore the Poisson-subsampled Gaussian mechanism with noise multiplier z = σ/Δ, which the RDP and PRV
 * accountants (rdp.ts, prv.ts) account for, and which the ledger records as mechanism "subsampled-gaussian".
 */
/** The DP-SGD noise's lattice Gaussian: levels above the base, and log2 of the level base. */
export declare const DPSGD_LEVELS = 2;
export declare const DPSGD_LEVEL_BITS = 7;
/** Options of the DP-SGD noise. */
export interface DpSgdNoiseOptions {
    /** Wanted noise multiplier z: noise standard deviation / sensitivity. The noise used is never smaller. */
    readonly noiseMultiplier: number;
    /** Clipping norm C: every example's contribution has L2 norm ≤ C. */
    readonly clipNorm: number;
    /** Number of noisy coordinates per step (the number of trained parameters). */
    readonly dimension: number;
    /**
     * `true` when the caller sums lattice-valued contributions exactly (`clipToLattice` + integer sums): no
     * rounding term in the sensitivity. `false` (default) when the sum is computed in floating point and rounded to
     * the lattice by `privatize`.
     */
    readonly latticeSums?: boolean;
    /**
     * Relative slack the caller adds to C for floating-point error in computing each contribution and the sum
     * (e.g. float32 GEMMs): the sensitivity used is C·(1 + floatSlack). Default 0 (exact lattice sums need none).
     */
    readonly floatSlack?: number;
}
/**
 * The DP-SGD noise for one configuration: the lattice step γ (a power of two), the lattice Gaussian sampler, and
 * the effective σ, Δ and z. Build once per training run; `privatize` once per step.
 */
export declare class DpSgdNoise {
    readonly gamma: number;
    /** σ = γτ: standard deviation of the continuous Gaussian the noise stands for (gradient units). */
    readonly sigma: number;
    /** Δ: L2 sensitivity of one step's (rounded) sum. */
    readonly sensitivity: number;
    /** z = σ/Δ (≥ the requested noise multiplier). */
    readonly noiseMultiplier: number;
    readonly clipNorm: number;
    readonly dimension: number;
    readonly latticeSums: boolean;
    readonly sampler: LatticeGaussian;
    private readonly ints;
    constructor(opts: DpSgdNoiseOptions);
    /**
     * Clip one example's gradient to L2 norm C and truncate it toward zero onto the lattice γℤ^d: writes the
     * lattice coordinates (integers) into `out`. Truncation never increases any |coordinate|, so the result's norm
     * is ≤ the clipped norm ≤ C; the clipping factor is shrunk by a relative margin covering the floating-point error
     * of the norm (d·u) and of the scaling. Returns the example's norm before clipping (private: it must not leave the
     * DP code path).
     */
    clipToLattice(grad: ArrayLike<number>, out: Float64Array): number;
    /**
     * One noisy step: out_i = γ·(x_i + K_i) with x_i = sum_i (lattice units) when `latticeSums`, else
     * x_i = round(sum_i/γ) (sum in gradient units). `out` may be `sum` itself. The noise K comes from the SecureRng
     * (`engine`: see `LatticeGaussian.fillInt`; the wasm kernel and the TypeScript give the same values on the same
     * words).
     */
    privatize(sum: ArrayLike<number>, rng: SecureRng, out: Float64Array | Float32Array, engine?: NoiseEngine): void;
    /** The accountant's view of `steps` steps at sampling rate q (q as sampled: see `dyadicRate`). */
    params(samplingRate: number, steps: number): SubsampledGaussianParams;
}
/** The ledger entry of a DP-SGD run (mechanism "subsampled-gaussian"; its cost is recomputed from the parameters). */
export declare function subsampledGaussianEntry(params: SubsampledGaussianParams, what: {
    readonly query: string;
    readonly columns: readonly string[];
}): LedgerEntry;
/**
 * The sampling rate actually used for a requested q: ⌈q·2^32⌉/2^32, so that each row's inclusion is one exact
 * comparison of a uniform 32-bit word (P = k/2^32 exactly). Never below q; the accountant is given this value.
 */
export declare function dyadicRate(q: number): number;
/**
 * A Poisson batch: each of the n rows independently with probability `q` (a multiple of 2^-32, see `dyadicRate`),
 * from the SecureRng. Returns the selected row indices in increasing order (a view of `scratch` when given).
 * The batch size is Binomial(n, q) and varies from step to step, as the accountant assumes.
 */
export declare function poissonBatch(n: number, q: number, rng: SecureRng, scratch?: Int32Array): Int32Array;
export interface DpSgdPlanOptions {
    /** Sampling rate as it will be sampled (see `dyadicRate`). */
    readonly samplingRate: number;
    /** Number of noisy steps (e.g. ⌈epochs / q⌉). */
    readonly steps: number;
    /** Noisy coordinates per step (enters only the sampler's negligible slack). */
    readonly coordinates: number;
    /** Largest noise multiplier considered (the plan is refused beyond it); default 100. */
    readonly maxNoiseMultiplier?: number;
    /** δ the run's entry sets aside (e.g. a batch cap's), default 0. */
    readonly delta?: number;
    /** Epochs the steps stand for (only to name them in an error message). */
    readonly epochs?: number;
}
/**
 * The smallest noise multiplier z (to ~0.1 %, rounded up) such that `steps` DP-SGD steps at `samplingRate` still fit
 * in what `ledger` has left — composed exactly as the ledger will compose them (the smaller of the RDP and PRV
 * bounds, compose.ts). The RDP bound brackets z cheaply; a secant search on the PRV-composed ε refines it, and the
 * answer is checked against the ledger before it is returned. Throws a LookalikeError (kind 'privacy') naming ε, δ, the
 * epochs (when given), steps and sampling rate and what to change when even `maxNoiseMultiplier` does not fit,
 * when the budget is already spent, or when an accountant cannot evaluate the plan (never a bare RangeError).
 */
export declare function planNoiseMultiplier(ledger: PrivacyLedger, opts: DpSgdPlanOptions): number;
