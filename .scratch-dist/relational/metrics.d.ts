import { Table } from '../table/table.js';
import type { MetricResult } from '../metrics/types.js';
/** One side (real or synthetic) of a parent–child relationship. */
export interface RelationSide {
    readonly parent: Table;
    readonly child: Table;
    /** The parent's primary key columns. */
    readonly parentKey: readonly string[];
    /** The child's foreign key columns, in the order of `parentKey`. */
    readonly childKey: readonly string[];
}
/** Which child row belongs to which parent row (-1: none), and the number of children per parent. */
export interface Linked {
    readonly parentOfChild: Int32Array;
    readonly counts: Int32Array;
    readonly orphans: number;
    readonly missing: number;
}
export declare function link(side: RelationSide): Linked;
/** 1 − KS distance of children-per-parent distributions (see the module comment). */
export declare function cardinalityOf(label: string, columns: readonly string[], real: Int32Array, synthetic: Int32Array): MetricResult;
/** Share of child rows whose foreign key is missing or points to a parent row. */
export declare function integrityOf(label: string, columns: readonly string[], l: Linked, nChild: number): MetricResult;
/** Share of rows whose primary key is present and not repeated. */
export declare function primaryKeyUniqueness(table: string, t: Table, key: readonly string[]): MetricResult;
interface AggregateSpec {
    readonly name: string;
    readonly kind: 'count' | 'mean' | 'share';
    readonly column?: string;
    /** `share`: the category counted (the real data's most frequent). */
    readonly category?: string;
}
/** The aggregates compared for a child table: its count, and one per comparable non-key column. */
export declare function aggregateSpecs(child: Table, childName: string, exclude: readonly string[]): AggregateSpec[];
/**
 * Inter-table trend score of one foreign key (see the module comment): `parentColumns` are the compared parent
 * columns (not keys), `childExclude` the child's key columns. Returns the per-pair results and their mean.
 */
export declare function interTableTrends(label: string, childName: string, real: RelationSide & {
    readonly linked?: Linked;
}, synthetic: RelationSide & {
    readonly linked?: Linked;
}, parentColumns: readonly string[], childExclude: readonly string[]): {
    score: MetricResult;
    pairs: MetricResult[];
};
export {};
