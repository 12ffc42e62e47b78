import type { SecureRng } from '../random/secure.js';
import type { LedgerEntry, PrivacyLedger } from './ledger.js';
/**
 * DP mechanisms. Each one validates its input, *charges the ledger first* (the ledger throws — and nothing is
 * released — if the budget cannot pay), then draws exact noise from the `SecureRng`.
 *
 * Neighbouring relation (the whole library): two tables are neighbours when one is the other with one row added
 * or removed ("unbounded" DP). Under it a histogram / marginal of counts over any set of columns changes in
 * exactly one cell by exactly 1, so its L1 and L2 sensitivities are both 1. (Under replace-one-row neighbours
 * they would be 2 and √2; pass `sensitivity` accordingly if you use that relation.)
 *
 * Noise scales are rounded *up* to 20 significant bits before sampling (at most 1e-6 relative, always more
 * noise), and the ledger is charged the cost of the scale actually used, or the requested cost if that is larger.
 */
/** What a mechanism measures, for the ledger: a query name and the columns it reads (names only). */
export interface MeasurementInfo {
    readonly query: string;
    readonly columns: readonly string[];
}
/** The result of a noisy-count mechanism. */
export interface NoisyCounts {
    /** The noisy counts (integers, possibly negative). */
    readonly values: Float64Array;
    /** The noise scale actually used: σ (Gaussian, σ² is the discrete Gaussian's scale parameter) or b (Laplace). */
    readonly scale: number;
    /** The variance bound of each noisy cell (σ² for Gaussian; 2·b² upper bound for Laplace). */
    readonly variance: number;
    /** The ledger entry that paid for it. */
    readonly entry: LedgerEntry;
}
export interface GaussianOptions {
    /** zCDP cost to spend (σ² = Δ²/(2ρ)). Exactly one of `rho` and `sigma`. */
    readonly rho?: number;
    /** Noise scale σ (cost ρ = Δ²/(2σ²)). */
    readonly sigma?: number;
    /** L2 sensitivity of the count vector, default 1 (a histogram under add/remove-one-row). */
    readonly sensitivity?: number;
}
/**
 * Discrete Gaussian mechanism on an integer count vector (a histogram or marginal).
 *
 * Guarantee: (Δ²/(2σ²))-zCDP for a query of L2 sensitivity Δ under add/remove-one-row neighbours
 * (Canonne, Kamath & Steinke 2020, Thm. 14). Charges the ledger mechanism "discrete-gaussian", noiseScale σ.
 * Each cell gets independent N_ℤ(0, σ²) noise, drawn exactly (CKS Algorithm 3).
 * Runtime: O(cells), 0.5–3 million cells per second on one core (docs/privacy.md).
 *
 * Throws a LookalikeError: kind 'internal' for non-integer counts or bad options, 'privacy' when the ledger
 * cannot pay.
 */
export declare function gaussianMechanism(counts: ArrayLike<number>, opts: GaussianOptions, ledger: PrivacyLedger, what: MeasurementInfo, rng: SecureRng): NoisyCounts;
export interface LaplaceOptions {
    /** Pure-DP ε to spend (scale b = Δ/ε). Exactly one of `epsilon` and `scale`. */
    readonly epsilon?: number;
    /** Noise scale b (cost ε = Δ/b). */
    readonly scale?: number;
    /** L1 sensitivity of the count vector, default 1 (a histogram under add/remove-one-row). */
    readonly sensitivity?: number;
}
/**
 * Discrete Laplace (two-sided geometric) mechanism on an integer count vector.
 *
 * Guarantee: (Δ/b)-DP for a query of L1 sensitivity Δ under add/remove-one-row neighbours (Ghosh, Roughgarden &
 * Sundararajan 2009; CKS 2020 Sec. 2), hence ((Δ/b)²/2)-zCDP, which is what the ledger composes. Charges
 * mechanism "discrete-laplace", noiseScale b, with `epsilon` recorded. Runtime O(cells), exact (CKS Algorithm 2).
 */
export declare function laplaceMechanism(counts: ArrayLike<number>, opts: LaplaceOptions, ledger: PrivacyLedger, what: MeasurementInfo, rng: SecureRng): NoisyCounts;
export interface ExponentialOptions {
    /** ε of the selection. The ledger is charged ρ = ε²/8 (bounded range) and pure ε. */
    readonly epsilon: number;
    /** Sensitivity Δ of every score (|u(D, i) − u(D', i)| ≤ Δ for neighbours D, D'), default 1. */
    readonly sensitivity?: number;
}
/**
 * The exponential mechanism (McSherry & Talwar 2007): returns index i with probability proportional to
 * exp(ε·u_i / (2Δ)).
 *
 * Guarantee: ε-DP and ε-bounded-range, hence (ε²/8)-zCDP (Cesar & Rogers 2021, Lemma 3.2); the ledger records
 * mechanism "exponential", noiseScale 2Δ/ε, rho ε²/8, epsilon ε.
 * Exact: scores, ε and Δ are converted to exact fractions; we draw a candidate uniformly and accept it with
 * probability exp(−ε·(u_max − u_i)/(2Δ)) (CKS Algorithm 1), which yields exactly the stated distribution
 * (no Gumbel noise, no floating-point exponentials). Runtime: expected m / Σᵢ exp(−ε(u_max−u_i)/(2Δ)) ≤ m
 * trials of O(1) random bits, plus O(m) BigInt conversions.
 */
export declare function exponentialMechanism(scores: ArrayLike<number>, opts: ExponentialOptions, ledger: PrivacyLedger, what: MeasurementInfo, rng: SecureRng): number;
/**
 * The sampling kernel of the exponential mechanism, without accounting (exported for tests and for callers that
 * have already charged a composite step). i with probability ∝ exp(ε·u_i/(2Δ)), exactly.
 */
export declare function sampleExponential(scores: ArrayLike<number>, epsilon: number, sensitivity: number, rng: SecureRng): number;
/** The σ that a Gaussian measurement costing ρ uses (before rounding up to 20 bits): Δ/√(2ρ). */
export declare function sigmaForRho(rho: number, sensitivity?: number): number;
/** The ρ a Gaussian measurement with noise σ costs: Δ²/(2σ²). */
export declare function rhoForSigma(sigma: number, sensitivity?: number): number;
