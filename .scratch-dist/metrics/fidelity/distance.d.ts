/**
 * Whole-table, distance-based fidelity metrics on a standardised one-hot embedding of the rows:
 * - MMD with an RBF kernel and the median heuristic (Gretton et al. 2012, JMLR 13);
 * - precision / recall / density / coverage with k-NN balls (Naeem et al. 2020, "Reliable Fidelity and Diversity
 *   Metrics for Generative Models", ICML), exactly the reference `prdc` package's definitions;
 * - α-precision / β-recall (Alaa et al. 2022, "How Faithful is your Synthetic Data?", ICML), as synthcity's
 *   `AlphaPrecision` computes them without its learned one-class embedding (centre = mean of the real embedding).
 *
 * The embedding: each numeric / datetime column standardised by the real mean and standard deviation (missing →
 * 0, plus a missing indicator counted like a categorical column when the column has missing values), each
 * categorical / boolean column one-hot encoded and scaled by 1/√2 so that two rows differing in one category are at
 * squared distance 1 — the same weight as one standard deviation of a numeric column. Distances are computed from
 * the codes directly (the one-hot vectors are never materialised).
 *
 * Speed: the metrics need all pairwise distances, O(m²·d). Each table is subsampled without replacement to
 * `maxRows` rows (default 2000, seeded) when larger — said in each result's `note`.
 */
import type { Table } from '../../table/table.js';
import type { MetricResult } from '../types.js';
import type { AlignedColumn } from './prepare.js';
export interface DistanceOptions {
    readonly columns?: readonly string[];
    /** Rows of each table used (seeded subsample without replacement beyond). Default 2000. */
    readonly maxRows?: number;
    /** Nearest neighbours for PRDC. Default 5. */
    readonly k?: number;
    readonly seed?: number;
}
/** Rows of one table in the embedding: numeric z-scores (n×p) and categorical codes (n×q), row-major. */
export interface Embedded {
    readonly n: number;
    readonly p: number;
    readonly q: number;
    readonly num: Float64Array;
    readonly cat: Int32Array;
    /**
     * The codes packed four to an Int32 (one byte each) when every categorical dimension has at most 256 codes,
     * n × ⌈q/4⌉ row-major; null otherwise. Lets the distance kernel count mismatches four columns at a time.
     */
    readonly packed: Int32Array | null;
}
/** Embed both tables' rows (`realRows`, `synthRows` pick rows; standardisation from the picked real rows). */
export declare function embed(cols: readonly AlignedColumn[], realRows: Int32Array, synthRows: Int32Array): {
    real: Embedded;
    synthetic: Embedded;
    catSizes: number[];
};
/**
 * Euclidean distances between every row of `a` and every row of `b` (row-major a.n × b.n). When `a === b` only
 * the upper triangle is computed and mirrored.
 */
export declare function pairwiseDistances(a: Embedded, b: Embedded): Float64Array;
/** The k-th smallest value (k = 0 is the minimum) of each row of a rows×cols matrix. */
export declare function kthSmallestPerRow(m: Float64Array, rows: number, cols: number, k: number): Float64Array;
/** Distances between all pairs, shared by MMD, PRDC and α/β: computed once per evaluation. */
export interface DistanceContext {
    readonly real: Embedded;
    readonly synthetic: Embedded;
    readonly catSizes: readonly number[];
    readonly rr: Float64Array;
    readonly ss: Float64Array;
    readonly rs: Float64Array;
    /** e.g. "subsampled to 2,000 of 32,561 real rows (seed 0)"; undefined when every row was used. */
    readonly note?: string;
}
/** Embed (subsampled) rows of both tables and compute the three distance matrices. */
export declare function distanceContext(cols: readonly AlignedColumn[], nReal: number, nSynth: number, opts?: DistanceOptions): DistanceContext;
/**
 * Biased (V-statistic) MMD² with k(x, y) = exp(−‖x − y‖² / (2σ²)), σ = the median pooled pairwise distance.
 * `value` = MMD², in [0, 2]; score = 1 − √(MMD² / 2) (1 for identical samples, 0 for far-apart supports).
 */
export declare function mmdOf(ctx: DistanceContext): MetricResult;
/** Precision, recall, density and coverage (Naeem et al. 2020) with k nearest neighbours. */
export declare function prdcOf(ctx: DistanceContext, k?: number): MetricResult[];
/**
 * α-precision and β-recall (Alaa et al. 2022) as synthcity computes them: over 30 levels α ∈ linspace(0, 1),
 * α-precision(α) = share of synthetic rows within the α-quantile radius of the real rows' distances to the real
 * centre; β-recall(β) = share of real rows whose nearest synthetic row is closer than their nearest other real row
 * and lies within the β-quantile ball around the synthetic centre. The scores are 1 − Σ|curve − α| / Σα (1 = the
 * curve is the diagonal). Also reports authenticity (share of real rows closer to another real row than their
 * nearest synthetic row is to them, synthcity's definition) in `details`.
 */
export declare function alphaBetaOf(ctx: DistanceContext): MetricResult[];
/** MMD, PRDC and α/β of `synthetic` against `real`, from one set of distance matrices. */
export declare function distanceMetrics(real: Table, synthetic: Table, opts?: DistanceOptions): MetricResult[];
