/**
 * Pairwise fidelity metrics: how well the synthetic table keeps the dependence between two columns.
 *
 * - correlation similarity (SDMetrics CorrelationSimilarity): 1 − |ρ_real − ρ_synth| / 2 for numeric pairs, with
 *   Pearson's ρ (and, separately, Spearman's ρ) over the rows where both values are present;
 * - contingency similarity (SDMetrics ContingencySimilarity): 1 − TV distance between the two joint frequency
 *   tables, numerics cut into 10 equal-width bins of the real range (synthetic values outside fall into the end
 *   bins) and missing counted as its own category — judge.py's and SDMetrics' discretisation;
 * - Cramér's V difference: 1 − |V_real − V_synth| on the same discretised tables;
 * - mutual-information difference: 1 − |NMI_real − NMI_synth|, NMI = I / √(H_a H_b) (sklearn's
 *   normalized_mutual_info_score with average_method='geometric'); `value` is |I_real − I_synth| in nats.
 * Runtime: O(n) per pair for the discrete metrics, O(n log n) for Spearman's ranks.
 */
import type { Table } from '../../table/table.js';
import type { MetricResult } from '../types.js';
import type { AlignedColumn, Discrete, NumericAligned } from './prepare.js';
export interface PairOptions {
    /** Only these columns (default: every compared column of the real table). */
    readonly columns?: readonly string[];
}
/** Pearson correlation over rows where both are present (NaN when fewer than 2 such rows or a zero variance). */
export declare function pearson(x: Float64Array, y: Float64Array): number;
/**
 * Ranks 1..n with ties averaged (scipy.stats.rankdata 'average') of `v` (no NaN): a native typed-array sort and,
 * per value, a binary search of its block of ties (no comparator callbacks, which dominate on 10⁵ rows).
 */
export declare function averageRanks(v: Float64Array): Float64Array;
/** Spearman correlation over rows where both are present (NaN when undefined). */
export declare function spearman(x: Float64Array, y: Float64Array): number;
/** Joint counts of two discrete columns: dense flat table a.size × b.size. */
export declare function contingency(a: Int32Array, sa: number, b: Int32Array, sb: number): Float64Array;
/** Statistics of one contingency table: Cramér's V (no bias correction; 0 when a margin has < 2 levels), MI, NMI. */
export declare function tableStats(t: Float64Array, ra: number, cb: number): {
    v: number;
    mi: number;
    nmi: number;
};
/** SDMetrics CorrelationSimilarity (Pearson) of a numeric pair. */
export declare function pearsonSimilarityOf(a: NumericAligned, b: NumericAligned): MetricResult;
/** Correlation similarity with Spearman's rank correlation. */
export declare function spearmanSimilarityOf(a: NumericAligned, b: NumericAligned): MetricResult;
/** Contingency similarity, Cramér's V difference and MI difference of one discretised pair (one counting pass). */
export declare function discretePairMetrics(a: Discrete, b: Discrete): MetricResult[];
/** The SDMetrics discretisation of every aligned column (numerics: 10 equal-width bins of the real range). */
export declare function sdmetricsDiscrete(cols: readonly AlignedColumn[]): Discrete[];
/**
 * Every pair metric of every pair of aligned columns (i < j in column order): Pearson and Spearman similarity for
 * numeric pairs; contingency similarity, Cramér's V and MI difference for all pairs.
 */
export declare function pairMetricsOf(cols: readonly AlignedColumn[], discrete?: readonly Discrete[]): MetricResult[];
/** Correlation similarity (Pearson and Spearman) of every numeric pair. */
export declare function correlationSimilarity(real: Table, synthetic: Table, opts?: PairOptions): MetricResult[];
/** Contingency similarity, Cramér's V difference and MI difference of every pair (numerics binned). */
export declare function contingencyMetrics(real: Table, synthetic: Table, opts?: PairOptions): MetricResult[];
/** All pair metrics of every pair. */
export declare function pairMetrics(real: Table, synthetic: Table, opts?: PairOptions): MetricResult[];
