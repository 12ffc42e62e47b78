import type { Rng } from '../../random/rng.js';
/**
 * The modes of a numeric column: a mixture of Gaussians, weights summing to 1. Mode-specific normalisation
 * encodes a value x by a mode k (drawn from its posterior) and α = (x − μ_k)/(4σ_k) — Xu et al. 2019 (CTGAN).
 */
export interface Modes {
    readonly weights: readonly number[];
    readonly means: readonly number[];
    readonly stds: readonly number[];
}
export interface GmmOptions {
    /** Components to start from (default 10, as CTGAN). */
    readonly maxComponents?: number;
    /** Components whose weight ends below this are dropped (default 0.005, as CTGAN). */
    readonly weightThreshold?: number;
    /** Dirichlet-process concentration of the stick-breaking prior (default 0.001, as CTGAN). */
    readonly concentration?: number;
    /** At most this many values are used for the fit (a seeded subsample; default 20,000). */
    readonly maxRows?: number;
    readonly maxIterations?: number;
}
/** ψ(x) for x > 0: recurrence up to x ≥ 10, then the asymptotic series (Abramowitz & Stegun 6.3.18). */
export declare function digamma(x: number): number;
/**
 * A variational Bayesian Gaussian mixture in one dimension with a Dirichlet-process (stick-breaking) prior on the
 * weights and a Normal–Gamma prior on each component (Blei & Jordan 2006; Bishop, PRML §10.2) — the model CTGAN
 * and TVAE fit with scikit-learn's `BayesianGaussianMixture`: priors centred on the data's mean and variance,
 * initialised by k-means, iterated to convergence; components with little weight vanish. Deterministic given the rng.
 *
 * Reads the values it is given (private data in a DP run: a DP fit must plug in modes from public metadata or a DP
 * release instead — see `TransformFitters`).
 */
export declare function fitBayesianGmm(values: Float64Array, rng: Rng, opts?: GmmOptions): Modes;
/**
 * Posterior mode probabilities p(k | x) ∝ w_k·N(x; μ_k, σ_k²), written into `out` (length K). Returns K.
 */
export declare function modePosterior(modes: Modes, x: number, out: Float64Array): number;
