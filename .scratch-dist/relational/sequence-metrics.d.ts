/**
 * Fidelity of sequential tables (an entity's rows ordered by time), each a pure function returning
 * `MetricResult`s (score in [0, 1], 1 best):
 *
 * - `sequence_length_ks_complement`: 1 − KS distance of the number of rows per entity.
 * - `time_gap_ks_complement`: 1 − KS distance of the gaps between an entity's consecutive order values (pooled).
 * - `autocorrelation_similarity` (per time-varying numeric column): the pooled lag-1 autocorrelation — Pearson's r
 *   over all pairs (x at step t−1, x at step t) of the same entity where both are present — of real and synthetic
 *   data; value = |r_real − r_syn|, score = 1 − value / 2 (the scale of SDMetrics' correlation similarity).
 * - `context_constancy`: the share of synthetic entities whose context (static) columns hold one value each.
 * Runtime: O(rows log rows) (one sort by entity and order).
 */
import type { Column } from '../table/column.js';
import { Table } from '../table/table.js';
import type { MetricResult } from '../metrics/types.js';
/** Rows grouped by entity, each group ordered by the order column (ties: row order). */
export interface SequenceIndex {
    /** Row numbers, entity after entity. */
    readonly rows: Int32Array;
    /** Entity e's rows are rows[offsets[e] … offsets[e+1]). */
    readonly offsets: Int32Array;
    readonly nEntities: number;
}
/** Groups the rows of `t` by `entity` (first-appearance order) and orders each group by `order`. */
export declare function sequenceIndex(t: Table, entity: readonly string[], order?: string): SequenceIndex;
/** Pooled lag-1 autocorrelation of a numeric or datetime column (NaN when undefined). */
export declare function lagOneAutocorrelation(c: Column, ix: SequenceIndex): number;
export interface SequenceSpecForMetrics {
    readonly table: string;
    readonly entity: readonly string[];
    readonly order?: string;
    /** Context (static) columns: constant within an entity. */
    readonly context?: readonly string[];
    /** Time-varying numeric columns whose autocorrelation is compared (default: every numeric non-key column). */
    readonly varying?: readonly string[];
}
/** The sequence metrics of one sequential table (see the module comment). */
export declare function sequenceMetrics(real: Table, synthetic: Table, spec: SequenceSpecForMetrics): MetricResult[];
/**
 * One row per entity with sequence-level features, for utility tests on sequences (TSTR): the context columns
 * (first row's value), the length, and per time-varying numeric column its mean and its last present value.
 */
export declare function entityFeatures(t: Table, spec: SequenceSpecForMetrics): Table;
