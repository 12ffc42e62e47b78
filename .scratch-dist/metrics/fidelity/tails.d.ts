/**
 * Tail and rare-category preservation: does the synthetic table keep the unusual values, which averages such as
 * KS or TV barely see?
 *
 * - tail preservation (numeric, datetime): with q_lo, q_hi the real 1% and 99% quantiles (numpy 'linear'), the
 *   real and synthetic masses P(x ≤ q_lo) and P(x ≥ q_hi) over present values; each tail scores
 *   min(real, synth) / max(real, synth) (1 when both are 0); the column scores the mean of its two tails.
 * - rare-category preservation (categorical, boolean): the categories with a real share below 1% of the present
 *   values; each scores min(real share, synthetic share) / max(…); the column scores their mean (columns without
 *   a rare category give no result). `details.covered` counts rare categories that appear at all.
 * Runtime O(n log n) (a sort per numeric column), O(n) per categorical column.
 */
import type { Table } from '../../table/table.js';
import type { MetricResult } from '../types.js';
import type { AlignedColumn, CategoricalAligned, NumericAligned } from './prepare.js';
/** Quantile level of the tails and share threshold of a rare category. */
export declare const TAIL_LEVEL = 0.01;
export declare const RARE_SHARE = 0.01;
export declare function tailPreservationOf(c: NumericAligned): MetricResult | null;
export declare function rareCategoryOf(c: CategoricalAligned): MetricResult | null;
export declare function tailMetricsOf(c: AlignedColumn): MetricResult | null;
/** Tail preservation of numeric columns and rare-category preservation of categorical ones. */
export declare function tailMetrics(real: Table, synthetic: Table, opts?: {
    columns?: readonly string[];
}): MetricResult[];
