/**
 * Key values as comparable strings. A key (primary or foreign, one column or several) is compared through one
 * canonical text per row, so a parent key read as numbers matches a child column read as text ("7" = 7), and a
 * composite key is one string. Missing parts make the whole key missing (null).
 *
 * Runtime: O(rows × key columns). The strings are private values: they are used to join and count, and never
 * appear in a message.
 */
import type { Column } from '../table/column.js';
import type { Table } from '../table/table.js';
/** The canonical text of every cell of a column (null = missing). */
export declare function keyTexts(c: Column): (string | null)[];
/**
 * One key per row over `columns` of `table` (null when any part is missing). `partial` counts rows where some
 * but not all parts are missing (a broken composite key).
 */
export declare function rowKeys(table: Table, columns: readonly string[]): {
    keys: (string | null)[];
    partial: number;
};
/** Row index of each distinct key (the first row holding it), and how many rows repeat an earlier key. */
export declare function keyIndex(keys: readonly (string | null)[]): {
    index: Map<string, number>;
    duplicates: number;
};
/**
 * For every child row, the row of its parent (-1 when the foreign key is missing or matches no parent).
 * `orphans` counts rows whose complete key matches no parent; `missing` rows without a (complete) key.
 */
export declare function parentRows(child: Table, columns: readonly string[], parentIndex: ReadonlyMap<string, number>): {
    rows: Int32Array;
    orphans: number;
    missing: number;
    partial: number;
};
/** Number of children of each parent row, from the child → parent row map (-1 = none). */
export declare function childCounts(parentOfChild: Int32Array, nParents: number): Int32Array;
