/**
 * The encoded space the privacy attacks work in: every usable column of a reference table becomes either a
 * numeric feature (numeric and datetime columns) or a categorical feature (categorical and boolean columns, with
 * one dictionary shared by every table encoded in the same space). Id and text columns, and columns whose schema
 * role is `id`, are left out: they identify rows by construction, not by content.
 *
 * Rows are stored twice, both built once per table: row-major (numerics already scaled by 1/range of the
 * reference, for the distance kernel) and column-major (raw numerics, shared category codes, for predicates).
 */
import type { Table } from '../../table/table.js';
import type { Schema } from '../../table/schema.js';
export interface Space {
    /** Names of the numeric features, then of the categorical ones. */
    readonly numNames: readonly string[];
    readonly catNames: readonly string[];
    /** Reference minimum of each numeric feature. */
    readonly lo: Float64Array;
    /** 1/(max − min) of each numeric feature over the reference; 0 when the range is empty. */
    readonly invRange: Float64Array;
    /** Shared dictionary of each categorical feature (grows as tables are encoded). */
    readonly categories: string[][];
}
export interface Encoded {
    readonly n: number;
    readonly nNum: number;
    readonly nCat: number;
    /** Row-major n × nNum, (x − lo)/range; NaN = missing. */
    readonly num: Float64Array;
    /** Row-major n × nCat shared codes; −1 = missing. */
    readonly cat: Int32Array;
    /** Column-major raw numerics (shared with the source table, not copied). */
    readonly numCols: readonly Float64Array[];
    /** Column-major shared codes. */
    readonly catCols: readonly Int32Array[];
}
/** Columns the attacks can use: not role `id`, kind numeric, datetime, categorical or boolean. */
export declare function usableColumns(table: Table, schema?: Schema): {
    num: string[];
    cat: string[];
};
/**
 * A space whose numeric ranges come from `reference` (the real training table). Categorical features are ordered
 * by decreasing entropy in the reference (ties by name order), so the distance kernel meets a mismatch early.
 */
export declare function makeSpace(reference: Table, numNames: readonly string[], catNamesIn: readonly string[]): Space;
/** Encode a table in `space` (the table must have every feature column, with a compatible kind). */
export declare function encode(space: Space, table: Table): Encoded;
/** The same rows restricted to some features (indices into the numeric and categorical features). */
export declare function project(e: Encoded, numKeep: readonly number[], catKeep: readonly number[]): Encoded;
/** Rows picked by index (column-major copies only when the source has them). */
export declare function takeRows(e: Encoded, index: ArrayLike<number>): Encoded;
