import type { Table } from '../table/table.js';
import type { Rng } from '../random/rng.js';
export interface GroupFeature {
    readonly column: string;
    readonly kind: 'number' | 'categories' | 'boolean';
    /** number: mean and standard deviation of the real values. */
    readonly mean?: number;
    readonly sd?: number;
    /** categories: the one-hot categories. */
    readonly categories?: string[];
}
export interface GroupingJSON {
    readonly features: GroupFeature[];
    /** The count column (children in this relationship) and its log-scale mean and sd. */
    readonly count: {
        column: string;
        mean: number;
        sd: number;
    } | null;
    /** k centres × dimensions, row-major. */
    readonly centres: number[];
    readonly k: number;
    readonly dims: number;
}
/**
 * Clusters the rows of `t` (the parent) into at most `k` groups over `columns` and the `count` column (see the
 * module comment). Returns the grouping and each row's group.
 */
export declare function fitGrouping(t: Table, columns: readonly string[], count: string | null, k: number, rng: Rng): {
    grouping: GroupingJSON;
    groups: Int32Array;
};
/** The group (nearest centre) of every row of `t`. */
export declare function assignGroups(t: Table, g: GroupingJSON): Int32Array;
