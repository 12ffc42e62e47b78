import type { Column } from '../../table/column.js';
import type { Table } from '../../table/table.js';
/**
 * A column of the real table and its synthetic counterpart in one representation, shared by every fidelity
 * metric so each table is decoded once:
 * - `numeric` (numeric and datetime columns): Float64Array, NaN = missing;
 * - `categorical` (categorical and boolean columns): Int32Array codes into one merged dictionary (the real
 *   table's categories first, then those seen only in the synthetic table), -1 = missing.
 * id and text columns are not compared (they carry no distribution a synthesizer is asked to keep).
 */
export type AlignedColumn = {
    readonly name: string;
    readonly kind: 'numeric';
    readonly datetime: boolean;
    readonly real: Float64Array;
    readonly synthetic: Float64Array;
} | {
    readonly name: string;
    readonly kind: 'categorical';
    readonly categories: readonly string[];
    /** Number of categories that occur in the real table's dictionary (codes ≥ this are synthetic-only). */
    readonly nRealCategories: number;
    readonly real: Int32Array;
    readonly synthetic: Int32Array;
};
export type NumericAligned = Extract<AlignedColumn, {
    kind: 'numeric';
}>;
export type CategoricalAligned = Extract<AlignedColumn, {
    kind: 'categorical';
}>;
/** Fidelity kind of a column kind; null for kinds that are not compared. */
export declare function fidelityKind(kind: Column['kind']): 'numeric' | 'categorical' | null;
/**
 * Align the comparable columns of `real` and `synthetic` (optionally only `columns`, in that order). Throws a
 * LookalikeError listing every column that is missing from the synthetic table or has another kind there.
 */
export declare function alignTables(real: Table, synthetic: Table, columns?: readonly string[]): AlignedColumn[];
/** Align one pair of columns of compatible kinds (see `alignTables`). */
export declare function alignColumn(r: Column, s: Column): AlignedColumn;
/** Present (non-NaN) values, sorted ascending. */
export declare function sortedPresent(v: Float64Array): Float64Array;
/** Min and max of present values ([NaN, NaN] when none). */
export declare function presentRange(v: Float64Array): [number, number];
/**
 * Bin index of each value given increasing `edges`: numpy's `clip(searchsorted(edges, x, 'right') - 1, 0,
 * max(len(edges) - 2, 0))` (values below/above the edges fall into the first/last bin); NaN → `missingCode`.
 */
export declare function binByEdges(v: Float64Array, edges: ArrayLike<number>, missingCode: number): Int32Array;
/** numpy's `linspace(lo, hi, k + 1)`. */
export declare function equalWidthEdges(lo: number, hi: number, k: number): Float64Array;
/**
 * numpy's default ('linear', type 7) quantile of sorted values at probability p, with numpy 1.24's exact
 * floating-point steps (virtual index `n·p + (1 − p) − 1`, and `_lerp`'s two-sided interpolation) so bin edges
 * agree with judge.py bit for bit.
 */
export declare function quantileSorted(sorted: Float64Array, p: number): number;
/** numpy's `unique(nanquantile(real, linspace(0, 1, k + 1)))`: quantile bin edges of the real values. */
export declare function quantileEdges(sortedReal: Float64Array, k: number): Float64Array;
/**
 * Discrete codes for a column pair / triple table: categorical codes with missing as its own code (`k`), and
 * numerics binned by `edges` of the real data with missing as the last code. Returns codes for both tables and
 * the number of distinct codes.
 */
export interface Discrete {
    readonly name: string;
    readonly real: Int32Array;
    readonly synthetic: Int32Array;
    readonly size: number;
}
/** Categorical column as discrete codes, missing → its own code. */
export declare function discreteCategorical(c: CategoricalAligned): Discrete;
/** Numeric column binned by `edges`, missing → its own code. */
export declare function discreteNumeric(c: NumericAligned, edges: ArrayLike<number>): Discrete;
/**
 * SDMetrics-style discretisation of a numeric column for contingency similarity: 10 equal-width bins over the
 * real range (judge.py `binned(..., 10, quantile=False)`).
 */
export declare function discreteEqualWidth(c: NumericAligned, k?: number): Discrete;
/** Quantile discretisation (w3_err): `k` quantile bins of the real values (judge.py `binned(..., 16, True)`). */
export declare function discreteQuantile(c: NumericAligned, k?: number): Discrete;
/** Discrete view of any aligned column: categoricals as is, numerics by `numeric`. */
export declare function discretize(c: AlignedColumn, numeric: (c: NumericAligned) => Discrete): Discrete;
/** Counts of a discrete code array (length `size`). */
export declare function countCodes(codes: Int32Array, size: number): Float64Array;
/**
 * Total-variation distance between two count vectors normalised to proportions, computed as
 * Σ|a·nb − b·na| / (2·na·nb) so that integer counts give exact extremes (0 for equal, 1 for disjoint).
 */
export declare function tvdCounts(a: Float64Array, na: number, b: Float64Array, nb: number): number;
/** Joint counts of two discrete columns (flat, row-major a×b). */
export declare function jointCounts(a: Int32Array, sa: number, b: Int32Array, sb: number, out?: Float64Array): Float64Array;
export declare function clamp01(x: number): number;
/**
 * Validate integer options (each `[name, value, minimum]`; undefined = default) and throw one LookalikeError
 * (kind `usage`) listing every bad one.
 */
export declare function checkIntOptions(what: string, items: readonly (readonly [string, unknown, number])[]): void;
