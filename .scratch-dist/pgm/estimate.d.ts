import { GraphicalModel } from './model.js';
/**
 * A noisy measurement of one marginal: `values[j]` ≈ the count of cell j of the marginal over `attrs` (strictly
 * increasing attribute ids, row-major, last attribute fastest), observed with Gaussian noise of standard
 * deviation `sigma` (or `sigmas[j]` per cell, e.g. for cells merged by MST's domain compression).
 */
export interface Measurement {
    readonly attrs: readonly number[];
    readonly values: Float64Array;
    readonly sigma: number;
    readonly sigmas?: Float64Array;
}
export interface EstimateOptions {
    /** Mirror-descent iterations (each one calibration, more when the line search backtracks). Default 1000. */
    readonly iters?: number;
    /** Start from this model's potentials (its cliques must each lie inside a clique of the new model). */
    readonly warmStart?: GraphicalModel;
    /** Number of records; default: the minimum-variance estimate from the measurements (at least 1). */
    readonly total?: number;
    /** Extra cliques to include in the model without measuring them. */
    readonly cliques?: readonly (readonly number[])[];
    /** Stop early when an iteration improves the loss by less than this fraction. Default 1e-10. */
    readonly tol?: number;
    /**
     * Nesterov-accelerated mirror descent with adaptive restart (default true); false: plain mirror descent as in
     * private-pgm.
     */
    readonly accelerated?: boolean;
    /** Called every iteration with the current loss. */
    readonly onIteration?: (iteration: number, loss: number) => void;
    /**
     * Structural zeros: cells no record can fall in (a public fact, e.g. a business rule). Each is included in the
     * model as a clique whose zero cells get the log potential `STRUCTURAL_ZERO`, so the model (its beliefs, its
     * samples) gives them probability exactly 0 whatever the measurements say, and the other potentials are fitted
     * to the measurements within that family. Costs no privacy: it reads no measurement.
     */
    readonly zeros?: readonly StructuralZero[];
}
/** Cells of the marginal over `attrs` (strictly increasing) that have probability 0: `zero[j] = 1` for cell j. */
export interface StructuralZero {
    readonly attrs: readonly number[];
    readonly zero: Uint8Array;
}
/**
 * The log potential of a structural zero: finite (so that mirror descent's arithmetic and momentum stay finite), and
 * so far below any fitted potential that `exp(θ − max θ)` is exactly 0 in calibration.
 */
export declare const STRUCTURAL_ZERO = -1e+30;
export interface EstimateResult {
    readonly model: GraphicalModel;
    /** Final value of ½ Σ_j ((μ_j − y_j)/σ_j)² over every measured cell. */
    readonly loss: number;
    readonly iterations: number;
}
/**
 * Private-PGM estimation (McKenna, Sheldon, Miklau 2019, "Graphical-model based estimation and inference for
 * differential privacy", ICML; private-pgm's `FactoredInference` with the L2 loss weighted by 1/σ): find the
 * graphical model whose marginals μ best explain the noisy measurements, minimising
 * L(μ) = ½ Σ_m ‖(μ_{C_m} − y_m)/σ_m‖² over the marginal polytope by entropic mirror descent — the step
 * θ ← θ − α ∇_μ L(μ(θ)) on the log potentials, μ(θ) computed by belief propagation — with an Armijo line search
 * (private-pgm's test: L(μ) − L(μ') ≥ ½ α ⟨∇L, μ − μ'⟩), the step doubling after each accepted iteration.
 *
 * Guarantee: post-processing only — it reads the measurements, never rows, so it costs no privacy.
 * Runtime: O(iters × Σ junction-tree cells × (1 + degree)); memory O(Σ cells).
 * Validates its input once and throws a `LookalikeError` listing every problem.
 */
export declare function estimateModel(sizes: readonly number[], measurements: readonly Measurement[], opts?: EstimateOptions): EstimateResult;
/**
 * Minimum-variance unbiased estimate of the number of records from the measurements' sums (each Σ_j y_j has
 * variance Σ_j σ_j²), clamped to ≥ 1 — as private-pgm does when the total is not given.
 */
export declare function estimateTotal(measurements: readonly Measurement[]): number;
