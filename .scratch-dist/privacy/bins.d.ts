import type { SecureRng } from '../random/secure.js';
import type { PrivacyLedger } from './ledger.js';
/**
 * Adaptive DP discretisation (issue 10): bins that follow the data, paid from the budget.
 *
 * **The public grid** (`publicGrid`, a function of the declared bounds and integer flag only): the union of
 * `cells`/2 equal-width cells of [min, max] and `cells`/2 cells equal-width in asinh(x/s), s = (max − min)/2048 — a
 * log-spaced grid on both sides of 0, so a skewed non-negative amount such as a payment in [0, 873 552] whose
 * mass sits below 10 000 gets cells ~4 % of their value wide there instead of 873 552/256 = 3 412 — plus **point
 * cells** for the values where real tables pile up: the bounds and 0 (inside the bounds). A point cell of a
 * fractional column is a repeated edge (v, v): it holds exactly the value v and decodes to v; in an integer column
 * the edges sit at half-integers and a point cell is [v − ½, v + ½). Cells narrower than one integer are merged.
 *
 * **The measurement** (two fixed histograms, adaptively composed only in the ledger's sense of adding ρ): the
 * counts of the grid's cells (`leaves`) and of consecutive blocks of `branching` cells (`blocks`), each by the
 * discrete Gaussian mechanism (a row changes one count by 1 in each: L2 sensitivity 1 each), values outside the
 * bounds clipped into the end cells, missing values not counted. ρ is split `blockShare` : 1 − `blockShare`.
 *
 * **Post-processing** (no further access to the rows): a block whose noisy count is below `threshold`·σ_block
 * is empty (its cells weigh 0 — this removes the noise of the many empty cells of a skewed column); in the other
 * blocks the cells' noisy counts are clipped at 0 and below `threshold`·σ_cell set to 0, then scaled to sum to the
 * block's noisy count (spread evenly when none is left). The cells are then merged, left to right, into bins of
 * roughly equal weight; each bin keeps the weights of its cells, so a value decoded in a bin is drawn from the fine
 * histogram (a cell by weight, then uniformly within it) rather than uniformly over the bin.
 *
 * Guarantee: ρ-zCDP under add/remove-one-row neighbours (ledger queries "bins:blocks" and "bins:cells", mechanism
 * "discrete-gaussian", ρ·blockShare and ρ·(1 − blockShare)); no δ (the grid is fixed in advance). Runtime
 * O(n log cells + cells).
 */
export interface AdaptiveBins {
    /** Bin edges (strictly increasing; first = min, last = max), at fine-cell edges. */
    readonly edges: number[];
    /** Edges of the fine cells (cells + 1 values, non-decreasing; a repeated value is a point cell). */
    readonly fineEdges: number[];
    /** Estimated count of every fine cell (≥ 0): the weights used within a bin. */
    readonly fineWeights: number[];
    /** The noisy total (Σ of the blocks' noisy counts), an estimate of the present values. */
    readonly total: number;
}
export interface AdaptiveBinsOptions {
    /** zCDP cost of the two histograms together. */
    readonly rho: number;
    /** Cells of the public grid before merging and point cells (default 256). */
    readonly fine?: number;
    /** Whether the column holds integers (grid edges at half-integers; default false). */
    readonly integer?: boolean;
    /** Cells per block (default 16). */
    readonly branching?: number;
    /** Share of ρ for the block histogram (default 0.5). */
    readonly blockShare?: number;
    /** Noisy counts below threshold·σ are taken as empty (default 1.5). */
    readonly threshold?: number;
    /**
     * Target number of bins (≥ 1; fewer when the weight sits in fewer cells), or a function of the noisy total
     * (post-processing: the bins may adapt to the estimated size of the table).
     */
    readonly bins: number | ((noisyTotal: number) => number);
    readonly min: number;
    readonly max: number;
}
/**
 * The public fine grid of a column with bounds [min, max] (see the module comment): non-decreasing edges, first
 * min, last max; a value repeated twice is a point cell. Depends on its arguments only.
 */
export declare function publicGrid(min: number, max: number, integer: boolean, cells?: number): number[];
/** The fine cell of x (values outside [edges[0], edges[last]] clipped to the end cells; a point cell holds its value). */
export declare function cellOf(x: number, edges: readonly number[]): number;
/** The fine histogram's counts over `edges` (exact, private). Exported for the audit test. */
export declare function fineCounts(values: Float64Array, edges: readonly number[]): Float64Array;
/** The two noisy histograms of the module comment (charged to the ledger). Exported for the audit test. */
export declare function measureGrid(values: Float64Array, column: string, edges: readonly number[], opts: {
    readonly rho: number;
    readonly branching: number;
    readonly blockShare: number;
}, ledger: PrivacyLedger, rng: SecureRng): {
    blocks: Float64Array;
    blockScale: number;
    cells: Float64Array;
    cellScale: number;
};
/**
 * Release adaptive bins for one column (see the module comment). Throws a LookalikeError (kind 'internal') for
 * invalid options; kind 'privacy' when the ledger cannot pay.
 */
export declare function releaseAdaptiveBins(values: Float64Array, column: string, opts: AdaptiveBinsOptions, ledger: PrivacyLedger, rng: SecureRng): AdaptiveBins;
/**
 * Post-processing of the two noisy histograms into cell weights (see the module comment): blocks below
 * threshold·σ_block are empty; the clipped, thresholded cells of a block are scaled to its noisy count.
 */
export declare function treeWeights(blocks: ArrayLike<number>, blockScale: number, cells: ArrayLike<number>, cellScale: number, branching: number, threshold?: number): number[];
/**
 * Post-processing: fine cells with weights → bins of roughly equal weight (left to right, a bin is closed when it
 * holds the weight left divided by the bins left; a cell holding that much alone — a point mass — is a bin of its
 * own). Cells with no weight next to a cut stay with the bin before; no weight at all gives bins of equally many
 * cells. Edges are the distinct cell edges at the cuts (a point cell's two equal edges
 * give one bin edge).
 */
export declare function binsFromWeights(fineEdges: readonly number[], weights: readonly number[], total: number, bins: number): AdaptiveBins;
/** The smallest double above x (x finite). */
export declare function nextUp(x: number): number;
