/**
 * Per-column fidelity metrics. Each compares one column of the real table with the same column of the synthetic
 * table and returns one MetricResult per column it applies to (score in [0, 1], 1 = same distribution).
 *
 * SDMetrics equivalents (same definitions, so scores are comparable): KSComplement, TVComplement,
 * MissingValueSimilarity, RangeCoverage, CategoryCoverage, BoundaryAdherence, CategoryAdherence.
 * Runtime: O(n log n) for the sort-based numeric metrics, O(n) for the rest.
 */
import type { Table } from '../../table/table.js';
import type { MetricResult } from '../types.js';
import type { AlignedColumn, CategoricalAligned, NumericAligned } from './prepare.js';
export interface ColumnOptions {
    /** Only these columns (default: every numeric, datetime, categorical and boolean column of the real table). */
    readonly columns?: readonly string[];
}
/** Bins of the numeric histograms (Jensen–Shannon distance and the report's histograms). */
export declare const NUMERIC_HISTOGRAM_BINS = 20;
/** Two-sample Kolmogorov–Smirnov statistic sup |F_a − F_b| of two sorted samples (0 for two empty ones, 1 if one is). */
export declare function ksStatistic(a: Float64Array, b: Float64Array): number;
/**
 * First Wasserstein distance ∫ |F_a − F_b| dx of two sorted samples (scipy.stats.wasserstein_distance with unit
 * weights). NaN when either is empty.
 */
export declare function wasserstein1(a: Float64Array, b: Float64Array): number;
/** Jensen–Shannon distance (base 2, in [0, 1]) between two count vectors: scipy.spatial.distance.jensenshannon. */
export declare function jensenShannonCounts(a: Float64Array, b: Float64Array): number;
declare function missingShare(c: AlignedColumn, synthetic: boolean): number;
export { missingShare };
export declare function sortedOf(v: Float64Array): Float64Array;
/** SDMetrics KSComplement: 1 − KS statistic over present values. */
export declare function ksComplementOf(c: NumericAligned): MetricResult;
/** SDMetrics TVComplement: 1 − TV distance between category frequencies (missing counted as a category). */
export declare function tvComplementOf(c: CategoricalAligned): MetricResult;
/** Column shape (SDMetrics Column Shapes): KS complement for numerics, TV complement for categoricals. */
export declare function columnShapeOf(c: AlignedColumn): MetricResult;
/** Wasserstein-1 distance over present values divided by the real range; score 1 − min(1, value). */
export declare function wassersteinOf(c: NumericAligned): MetricResult;
/**
 * Histogram counts of a numeric column over `NUMERIC_HISTOGRAM_BINS` equal-width bins spanning the range of both
 * tables' present values, plus a last slot for missing values.
 */
export declare function numericHistogram(c: NumericAligned): {
    edges: Float64Array;
    real: Float64Array;
    synthetic: Float64Array;
};
/**
 * Jensen–Shannon distance (base 2) between the real and synthetic distributions: categories (missing as one) for
 * categoricals; 20 equal-width bins spanning both tables' present values (missing as one more bin) for numerics. Score 1 − distance.
 */
export declare function jensenShannonOf(c: AlignedColumn): MetricResult;
/** SDMetrics MissingValueSimilarity: 1 − |missing share real − missing share synthetic|. */
export declare function missingRateOf(c: AlignedColumn): MetricResult;
/**
 * SDMetrics RangeCoverage: 1 − (max(0, (min_s − min_r)/range) + max(0, (max_r − max_s)/range)), floored at 0.
 * A constant real column is covered iff the synthetic range contains its value.
 */
export declare function rangeCoverageOf(c: NumericAligned): MetricResult;
/** SDMetrics CategoryCoverage: share of the categories present in the real column that the synthetic one has. */
export declare function categoryCoverageOf(c: CategoricalAligned): MetricResult;
/** SDMetrics BoundaryAdherence: share of present synthetic values within [min_r, max_r]. */
export declare function boundaryAdherenceOf(c: NumericAligned): MetricResult;
/** SDMetrics CategoryAdherence: share of present synthetic values that are categories seen in the real column. */
export declare function categoryAdherenceOf(c: CategoricalAligned): MetricResult;
/** All per-column metrics of one aligned column, in a fixed order. */
export declare function columnMetricsOf(c: AlignedColumn): MetricResult[];
/** KS complement of every numeric / datetime column. */
export declare function ksComplement(real: Table, synthetic: Table, opts?: ColumnOptions): MetricResult[];
/** TV complement of every categorical / boolean column. */
export declare function tvComplement(real: Table, synthetic: Table, opts?: ColumnOptions): MetricResult[];
/** Range-normalised Wasserstein distance of every numeric / datetime column. */
export declare function wassersteinDistance(real: Table, synthetic: Table, opts?: ColumnOptions): MetricResult[];
/** Jensen–Shannon distance of every compared column. */
export declare function jensenShannonDistance(real: Table, synthetic: Table, opts?: ColumnOptions): MetricResult[];
/** Missing-rate similarity of every compared column. */
export declare function missingRateSimilarity(real: Table, synthetic: Table, opts?: ColumnOptions): MetricResult[];
/** Range coverage of every numeric / datetime column. */
export declare function rangeCoverage(real: Table, synthetic: Table, opts?: ColumnOptions): MetricResult[];
/** Category coverage of every categorical / boolean column. */
export declare function categoryCoverage(real: Table, synthetic: Table, opts?: ColumnOptions): MetricResult[];
/** Boundary adherence (numerics) and category adherence (categoricals) of every compared column. */
export declare function boundaryAdherence(real: Table, synthetic: Table, opts?: ColumnOptions): MetricResult[];
/** Every per-column metric of every compared column. */
export declare function columnMetrics(real: Table, synthetic: Table, opts?: ColumnOptions): MetricResult[];
