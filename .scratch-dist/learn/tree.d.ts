import type { Rng } from '../random/rng.js';
import type { BinCodes, Binning } from './data.js';
/**
 * The histogram tree grower shared by CART, the random forest and gradient boosting (the LightGBM / scikit-learn
 * HistGradientBoosting design: Ke et al. 2017, "LightGBM: A Highly Efficient Gradient Boosting Decision Tree").
 *
 * Every row carries K gradient channels G_k and a hessian H (a weight). A node's histogram holds, per bin of every
 * feature, the sums [H, count, G_0 … G_{K-1}]; a split maximises
 *   gain = Σ_k GL_k²/(HL+λ) + Σ_k GR_k²/(HR+λ) − Σ_k G_k²/(H+λ),
 * which is the second-order boosting gain (K = 1, g = gradient, h = hessian), the reduction of the sum of squares
 * (g = y, h = 1, λ = 0) and the reduction of Gini impurity × n (K classes, g = one-hot label, h = 1, λ = 0).
 *
 * - Numeric features: thresholds between bins, scanned once with missing values sent left and once sent right;
 *   the better direction is learned (without missing values at the node, missing goes to the larger child).
 * - Categorical features (missing is one more category): categories sorted by G_k/(H + catSmooth) — for K = 1 the
 *   LightGBM order, for two classes Breiman's exact ordering for Gini, for more classes two heuristic orders (by
 *   the share of the node's most frequent class, and grouped by each category's majority class) — and every
 *   prefix of an order is a candidate left set.
 * - Histogram subtraction: the smaller child's histogram is built from its rows, the larger one's is parent −
 *   smaller. Small nodes are built in a scratch histogram cleared through their rows (cost O(rows · features)
 *   rather than O(bins)).
 *
 * Runtime per tree: O(n · p · depth) for histograms plus O(nodes · bins · K) for split search.
 */
export interface Tree {
    readonly K: number;
    /** Split feature per node, -1 at leaves. */
    readonly feature: Int32Array;
    /** Numeric split: rows with bin ≤ threshold go left. */
    readonly threshold: Int32Array;
    /** Where the missing bin goes at a numeric split (1 = left). */
    readonly defaultLeft: Uint8Array;
    /** Categorical split: offset of the node's mask (one byte per bin, 1 = left) in `catMask`; -1 otherwise. */
    readonly catStart: Int32Array;
    readonly catMask: Uint8Array;
    readonly left: Int32Array;
    readonly right: Int32Array;
    /** nNodes × K: G_k / (H + λ) of the node's rows. */
    readonly value: Float64Array;
    readonly hess: Float64Array;
    readonly count: Int32Array;
    /** Split gain at internal nodes, 0 at leaves. */
    readonly gain: Float64Array;
}
export type GradSource = {
    readonly mode: 'dense';
    readonly K: number;
    readonly grad: Float64Array;
    readonly hess: Float64Array | null;
} | {
    readonly mode: 'class';
    readonly K: number;
    readonly labels: Int32Array;
    readonly weight: Float64Array | null;
};
export interface GrowParams {
    readonly maxDepth: number;
    readonly minSamplesLeaf: number;
    readonly minHessian: number;
    readonly l2: number;
    readonly catSmooth: number;
    /** Features a split may use. */
    readonly features: Int32Array;
    /** Features drawn at random for each node (forest); all when ≥ features.length. */
    readonly maxFeatures: number;
    readonly rng?: Rng;
    /** Minimum gain of a split. */
    readonly minGain?: number;
    /**
     * With `maxFeatures` below the number of features: when none of the features drawn gives a split, go on through
     * the others (in random order) until one does, as scikit-learn's trees do; otherwise (default) the node is a leaf.
     */
    readonly untilValid?: boolean;
}
export interface GrowResult {
    readonly tree: Tree;
    /** Leaf node of each training row (indexed by row; -1 for rows not trained on), when asked for. */
    readonly leafOf: Int32Array | null;
}
/** Grow one tree on `rows` (row indices into `codes`, any order; the array is permuted). */
export declare function growTree(binning: Binning, codes: readonly BinCodes[], nRowsTotal: number, rows: Int32Array, src: GradSource, prm: GrowParams, wantLeafOf?: boolean): GrowResult;
/** The leaf reached by row `r` of `codes`. */
export declare function leafIndex(tree: Tree, codes: readonly BinCodes[], missingBin: Int32Array, r: number): number;
/** Leaf per row for all `nRows` rows. */
export declare function leavesOf(tree: Tree, codes: readonly BinCodes[], missingBin: Int32Array, nRows: number): Int32Array;
/** Add each tree's gain to `acc[feature]`. */
export declare function addGains(tree: Tree, acc: Float64Array): void;
/** Normalise to sum 1 (all zeros stay zeros). */
export declare function normalise(acc: Float64Array): Float64Array;
export declare function allFeatures(p: number): Int32Array;
