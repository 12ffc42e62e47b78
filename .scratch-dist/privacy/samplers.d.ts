import { SecureRng } from '../random/secure.js';
import { type Fraction } from './rational.js';
/**
 * Refuse anything but a `SecureRng` at run time. The types already refuse a seeded `Rng` (a test proves it), but a
 * JavaScript caller or an `as any` could still hand one in, and reproducible noise is no noise (DESIGN.md rule 2).
 */
export declare function requireSecureRng(rng: unknown): asserts rng is SecureRng;
/** Bernoulli(num/den) exactly, for 0 ≤ num ≤ den (bigint or safe-integer numbers). */
export declare function bernoulliRational(num: bigint, den: bigint, rng: SecureRng): boolean;
/**
 * Bernoulli(exp(−γ)) exactly for a rational γ = num/den ≥ 0 (CKS 2020, Algorithm 1). Expected O(1) random bits
 * (the loop over ⌊γ⌋ stops at the first failure, which has probability 1 − 1/e each time).
 */
export declare function bernoulliExp(gamma: Fraction | number, rng: SecureRng): boolean;
/**
 * A sampler of the discrete Laplace distribution with scale `scale` = t/s > 0 (exact rational):
 * P(Y = y) = (e^{1/scale} − 1)/(e^{1/scale} + 1) · e^{−|y|/scale}, y ∈ ℤ. Adding it to an integer query of L1
 * sensitivity Δ gives (Δ/scale)-DP. CKS 2020, Algorithm 2; expected O(1) iterations.
 */
export declare class DiscreteLaplace {
    readonly scale: Fraction;
    private readonly sNum;
    private readonly tNum;
    private readonly numeric;
    constructor(scale: Fraction | number);
    /** One draw (a safe integer on the number path; very large scales fall back to BigInt internally). */
    sample(rng: SecureRng): number;
}
/** One draw of the discrete Laplace with scale t/s (see `DiscreteLaplace`). */
export declare function sampleDiscreteLaplace(scale: Fraction | number, rng: SecureRng): number;
/**
 * A sampler of the discrete Gaussian N_ℤ(0, σ²) for a rational σ² > 0 (note: σ² is the *scale parameter*; the
 * variance of N_ℤ(0, σ²) is ≤ σ², CKS Cor. 9). Adding it to an integer query of L2 sensitivity Δ gives
 * (Δ²/(2σ²))-zCDP (CKS 2020, Thm. 14). Expected iterations < 2 for σ ≥ 1 (CKS Thm. 4 / Sec. 5).
 */
export declare class DiscreteGaussian {
    readonly sigma2: Fraction;
    private readonly t;
    private readonly lap;
    private readonly aBig;
    private readonly tbBig;
    private readonly dBig;
    private readonly aNum;
    private readonly tbNum;
    private readonly dNum;
    private readonly numeric;
    constructor(sigma2: Fraction | number);
    /** One draw (a safe integer). */
    sample(rng: SecureRng): number;
    /** Fill `out` with independent draws. */
    fill(out: Float64Array | Int32Array | number[], rng: SecureRng): void;
    /** t = ⌊σ⌋ + 1, the proposal's scale (exposed for tests). */
    get proposalScale(): number;
}
/** One draw of N_ℤ(0, σ²) (see `DiscreteGaussian`). */
export declare function sampleDiscreteGaussian(sigma2: Fraction | number, rng: SecureRng): number;
