/**
 * The evaluation of a relational release: per-table fidelity (the SDMetrics-compatible quality score over each
 * table's non-key columns), and per relationship the cardinality fidelity, referential integrity and
 * inter-table trends (`metrics.ts`), primary-key uniqueness per table, and for sequential tables the sequence
 * metrics (`sequence-metrics.ts`). One JSON-ready result with a summary of the headline numbers.
 * Runtime: the sum of its metrics: O(rows × columns²) for the quality scores, O(rows) per relationship otherwise.
 */
import type { Table } from '../table/table.js';
import type { MetricResult } from '../metrics/types.js';
import { type RelationalMetadata } from './metadata.js';
export interface TableEvaluation {
    readonly table: string;
    readonly rows: {
        readonly real: number;
        readonly synthetic: number;
    };
    /** SDMetrics-compatible quality over the compared columns (NaN when none). */
    readonly quality: number;
    readonly columnShapes: number;
    readonly columnPairTrends: number;
    readonly columns: readonly string[];
}
export interface RelationEvaluation {
    readonly label: string;
    readonly child: string;
    readonly parent: string;
    readonly columns: readonly string[];
    readonly cardinality: MetricResult;
    readonly integrity: MetricResult;
    readonly trends: MetricResult;
    readonly trendPairs: readonly MetricResult[];
}
export interface RelationalEvaluation {
    readonly format: 'lookalike-relational-evaluation';
    readonly version: 1;
    readonly tables: readonly TableEvaluation[];
    readonly relations: readonly RelationEvaluation[];
    readonly keys: readonly MetricResult[];
    readonly sequences: readonly MetricResult[];
    readonly summary: {
        /** Mean over tables of the quality score. */
        readonly meanTableQuality: number;
        readonly minTableQuality: number;
        /** Smallest cardinality score (1 − KS) over relationships. */
        readonly minCardinality: number;
        /** Mean over relationships of the inter-table trend score. */
        readonly interTableTrends: number;
        /** Smallest share of child rows with a valid parent, over relationships. */
        readonly referentialIntegrity: number;
        /** Smallest share of rows with a unique primary key, over tables. */
        readonly primaryKeyUniqueness: number;
    };
}
/** Columns compared by the per-table quality score: all but foreign keys, sequence entities and one-column keys. */
export declare function comparedColumns(meta: RelationalMetadata, table: string, real: Table): string[];
/** Evaluates `synthetic` against `real` table by table and relationship by relationship (module comment). */
export declare function evaluateRelational(meta: RelationalMetadata, real: Readonly<Record<string, Table>>, synthetic: Readonly<Record<string, Table>>): RelationalEvaluation;
