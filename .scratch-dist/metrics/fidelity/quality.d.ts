/**
 * The SDMetrics-compatible quality score and the 3-way marginal workload error.
 *
 * quality = (Column Shapes + Column Pair Trends) / 2, as SDMetrics' QualityReport (single table) computes it:
 * Column Shapes = mean over columns of KS complement (numeric, datetime) or TV complement (categorical, boolean);
 * Column Pair Trends = mean over all column pairs of correlation similarity (Pearson, both numeric) or contingency
 * similarity (any other pair; numerics cut into 10 equal-width bins of the real range). Missing values: dropped for
 * KS and correlations, a category of their own for TV and contingency — exactly /work/shared/tools/judge.py's
 * `quality`, which reimplements SDMetrics 0.29. One difference: column kinds come from the tables (a numeric
 * column is numeric even with ≤ 10 distinct values, as in SDMetrics' metadata), while judge.py reads a numeric
 * column with ≤ 10 distinct values as categorical.
 *
 * w3_err (Aydore et al. 2021; McKenna et al. 2022 "AIM"): mean over 3-way marginals of the TV distance between
 * the real and synthetic joint frequencies, numerics cut into 16 quantile bins of the real data, missing as its
 * own bin — judge.py's `workload3`. judge.py scores a random 400 of the triples when there are more; lookalike
 * scores all of them up to `maxTriples` (default 2000) and a seeded random subset beyond.
 * Runtime: O(n · (#columns + #pairs)) for quality; O(n · #triples) for w3_err.
 */
import type { Table } from '../../table/table.js';
import type { MetricResult } from '../types.js';
import type { AlignedColumn, Discrete } from './prepare.js';
export interface QualityResult {
    /** (columnShapes + columnPairTrends) / 2. */
    readonly quality: number;
    readonly columnShapes: number;
    readonly columnPairTrends: number;
    /** One KS / TV complement per column. */
    readonly shapes: readonly MetricResult[];
    /** One correlation / contingency similarity per pair. */
    readonly trends: readonly MetricResult[];
}
/** Quality over aligned columns (see the module comment). `discrete`: SDMetrics discretisation, if computed. */
export declare function qualityOf(cols: readonly AlignedColumn[], discrete?: readonly Discrete[]): QualityResult;
/**
 * SDMetrics-compatible quality score of `synthetic` against `real` (see the module comment). Throws a
 * LookalikeError when a compared column is missing from the synthetic table or has another kind there.
 */
export declare function qualityScore(real: Table, synthetic: Table, opts?: {
    columns?: readonly string[];
}): QualityResult;
export interface ThreeWayOptions {
    readonly columns?: readonly string[];
    /** Score every triple up to this many; beyond, a seeded random subset of this size. Default 2000. */
    readonly maxTriples?: number;
    readonly seed?: number;
}
/** TV distance of one k-way marginal of discrete columns (dense when the table is small, sort-merge otherwise). */
export declare function marginalTvd(cols: readonly Discrete[], scratch?: {
    real: Float64Array;
    synthetic: Float64Array;
}): number;
/** w3_err over aligned columns (see the module comment). `value` = mean TVD, `score` = 1 − value. */
export declare function threeWayOf(cols: readonly AlignedColumn[], opts?: ThreeWayOptions): MetricResult;
/** w3_err of `synthetic` against `real`. */
export declare function threeWayMarginals(real: Table, synthetic: Table, opts?: ThreeWayOptions): MetricResult;
