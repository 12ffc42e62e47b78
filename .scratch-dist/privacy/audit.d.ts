import type { SecureRng } from '../random/secure.js';
/**
 * Empirical privacy auditing: a *lower* bound on the ε of a mechanism from repeated runs on two neighbouring
 * inputs (without / with one canary row), to catch an implementation whose claim its code does not back.
 *
 * For any event E and (ε, δ)-DP mechanism M, P[M(D') ∈ E] ≤ e^ε·P[M(D) ∈ E] + δ and the same with D and D'
 * swapped. With E = {score ≥ t} and one-sided Clopper–Pearson bounds on the two rates, ε ≥ ln((p₁⁻ − δ)/p₀⁺)
 * holds with confidence 1 − α (Jagielski, Ullman & Oprea 2020; Nasr et al. 2021). The threshold (and direction) is
 * chosen on one half of the runs and the bound computed on the other half, so the choice does not bias it.
 * If the implementation keeps its claim, the bound exceeds the claimed ε with probability ≤ α.
 */
/** One-sided (1 − α) Clopper–Pearson bounds for k successes in n trials. */
export declare function clopperPearsonBounds(k: number, n: number, alpha: number): {
    lower: number;
    upper: number;
};
export interface AuditBound {
    /** The (1 − α)-confidence lower bound on ε (0 when nothing can be shown). */
    readonly epsilonLower: number;
    /** The chosen threshold and direction ("with" runs score higher, or lower). */
    readonly threshold: number;
    readonly direction: 'higher' | 'lower';
}
/**
 * ε lower bound from scores of runs without (`out`) and with (`in`) the canary. Runs are split in halves by index
 * parity: the even runs choose the threshold and direction that maximise the point estimate, the odd runs give
 * the Clopper–Pearson bound (both one-sided bounds at α/2).
 */
export declare function auditEpsilonLowerBound(out: ArrayLike<number>, inn: ArrayLike<number>, { delta, alpha }: {
    delta: number;
    alpha: number;
}): AuditBound;
export interface LogisticAuditOptions {
    /** Noise multiplier claimed (the ε claim is computed from it). */
    readonly noiseMultiplier: number;
    /**
     * Noise multiplier actually used (default: the claimed one). Set it lower to check that the audit catches a
     * broken configuration (e.g. noiseMultiplier / 10).
     */
    readonly usedNoiseMultiplier?: number;
    /** Sampling rate q, steps T, clipping norm C, learning rate. */
    readonly samplingRate: number;
    readonly steps: number;
    readonly clipNorm?: number;
    readonly learningRate?: number;
    /** Rows besides the canary, and their features (≥ 2; the canary gets its own extra feature). */
    readonly rows?: number;
    readonly features?: number;
    /** Runs with and without the canary (each). */
    readonly runs: number;
    readonly delta: number;
    /** Confidence: the bound exceeds a kept claim with probability ≤ alpha. */
    readonly alpha: number;
}
export interface LogisticAuditResult {
    /** The ε the accountant claims for the claimed noise multiplier (min of RDP and PRV). */
    readonly epsilonClaimed: number;
    readonly epsilonLower: number;
    readonly bound: AuditBound;
}
/**
 * Audit the DP-SGD building blocks (Poisson batches, lattice clipping, lattice Gaussian noise) and the accountant
 * on logistic regression: a synthetic table of `rows` rows, plus one canary whose feature lives in its own
 * coordinate (every other row has 0 there), trained `runs` times without and `runs` times with the canary. The
 * auditor sees every step's noisy gradient sum — the white-box threat model of the accountant — and scores a run
 * by the log-likelihood ratio Σ_t log(1 − q + q·exp((2·r_t·g_t − g_t²)/(2σ²))) of the canary coordinate r_t, with
 * g_t the canary's clipped gradient there (computable from the public model state). This is the most powerful
 * test for one step, so a correct implementation yields bounds close to, and never (with prob. ≥ 1 − α) above,
 * the claim.
 */
export declare function auditDpSgdLogistic(opts: LogisticAuditOptions, rng: SecureRng): LogisticAuditResult;
