import type { Factor } from './factor.js';
import type { JunctionTree } from './junction-tree.js';
/**
 * Belief propagation on a junction tree (Shafer–Shenoy collect / Hugin distribute; Koller & Friedman 2009,
 * ch. 10). The index maps between each clique and its separators are computed once per tree and reused by every
 * calibration — mirror descent calibrates hundreds of times on the same tree.
 */
export declare class CalibrationPlan {
    readonly jt: JunctionTree;
    /** Clique i → its parent separator (index map over clique i's cells). */
    readonly childMaps: Int32Array[];
    /** Parent of clique i → separator i (index map over the parent's cells). */
    readonly parentMaps: Int32Array[];
    readonly sepCells: number[];
    private readonly cache;
    constructor(jt: JunctionTree);
    /** Cached index map from clique `c`'s cells to the cells of `sub` (⊆ clique c). */
    map(c: number, sub: readonly number[]): Int32Array;
    /**
     * Calibrated clique beliefs in probability space, each summing to `total`, from log potentials over the
     * tree's cliques. Messages are kept in probability space, rescaled to max 1 at every step; each clique's
     * potential is exponentiated once after subtracting its maximum. Runtime O(Σ cells × (1 + degree)).
     * If the potentials are so extreme that a belief underflows entirely, falls back to the log-space reference
     * (`calibrateLog`).
     */
    calibrate(logPotentials: readonly Float64Array[], total: number, out?: Float64Array[]): Float64Array[];
    /**
     * Fallback when probability-space messages underflow (potentials so extreme that a whole clique belief is below
     * 1e-308 relative — met with very noisy measurements late in accelerated estimation): the log-space reference,
     * exponentiated into `out`. Slower (factor algebra), exact.
     */
    private calibrateLogInto;
}
/**
 * Reference calibration in log space with factor algebra (slow; for tests): clique log-beliefs normalised to
 * log `total`.
 */
export declare function calibrateLog(jt: JunctionTree, logPotentials: readonly Float64Array[], total: number): Factor[];
/**
 * The marginal (counts summing to `total`) over `attrs` of the distribution whose calibrated clique beliefs are
 * `beliefs`, in the order of sorted attrs. When one clique contains attrs this is one pass over it; otherwise
 * variable elimination over the smallest subtree whose cliques hold attrs, using p = Π μ_C / Π μ_S (the
 * junction-tree factorisation), eliminating the variable whose product is smallest first.
 */
export declare function marginalFromBeliefs(plan: CalibrationPlan, beliefs: readonly Float64Array[], attrs: readonly number[], total: number, cache?: Map<string, Float64Array>): Float64Array;
/**
 * Σ over the attributes not in `out` of the product of `factors` (probability space), in one odometer pass over
 * the cells of the union of their attributes — no intermediate product is materialised.
 */
export declare function sumProduct(factors: readonly Factor[], out: readonly number[], sizes: readonly number[]): Factor;
/** Probability-space variable elimination: sum out every attribute not in `keep`, return the product on `keep`. */
export declare function eliminateProb(factors: Factor[], keep: readonly number[], sizes: readonly number[]): Factor;
/** Log-space variable elimination: sum out every attribute not in `keep`, return the product over `keep`. */
export declare function eliminateTo(factors: Factor[], keep: readonly number[]): Factor;
