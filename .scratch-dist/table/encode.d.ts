import type { Column, ColumnKind } from './column.js';
import type { ColumnSpec } from './schema.js';
import type { Rng } from '../random/rng.js';
/**
 * Discretisation: a column ⇄ integer codes 0..size-1, the input of every marginal-based method (counts,
 * graphical models, workload errors). Built from the column's *domain* only (never from data, unless the caller
 * asks for quantile bins in a non-DP setting), so it is safe to use in a DP fit when the domain is public or DP.
 *
 * - numeric: integer columns whose domain spans ≤ `maxExactIntegers` values get one code per integer; otherwise
 *   `domain.bins` edges if declared, else `bins` equal-width bins over [min, max]. Values outside are clipped.
 *   Decoding draws uniformly within the bin (a uniform integer for integer columns).
 * - datetime: equal-width bins over the domain in milliseconds; decoded values are rounded to the precision
 *   of the column's format.
 * - categorical: one code per domain category (values not in the domain → the missing code, or an error).
 * - boolean: false, true.
 * - missing: its own last code when `includeMissing` (default: the spec's `nullable`).
 */
export interface DiscretizerJSON {
    readonly name: string;
    readonly kind: ColumnKind;
    /** Bin edges (numeric/datetime binned), or null for exact integers/categories/booleans. */
    readonly edges: readonly number[] | null;
    /** Exact-integer mode: smallest value (code 0). */
    readonly offset: number | null;
    readonly categories: readonly string[] | null;
    readonly integer: boolean;
    readonly format: string | null;
    readonly includeMissing: boolean;
    readonly size: number;
    /**
     * Numeric columns with a declared value list (`domain.values`, with `exactValues`): one code per value, decoded to
     * it exactly. Absent or null otherwise.
     */
    readonly values?: readonly number[] | null;
    /**
     * Adaptive DP bins (privacy/bins.ts): fine cells over the bins (non-decreasing edges; a repeated edge v, v is a
     * cell holding exactly v) with their estimated weights; a value decoded in a bin is drawn from these cells by
     * weight, then uniformly within the cell. Absent or null: uniformly within the bin.
     */
    readonly fine?: {
        readonly edges: readonly number[];
        readonly weights: readonly number[];
    } | null;
}
export interface DiscretizeOptions {
    /** Equal-width bins for numerics/datetimes without declared bins (default 32). */
    readonly bins?: number;
    /** Integer columns spanning at most this many values are kept exact (default 128). */
    readonly maxExactIntegers?: number;
    /** Add a code for missing values (default: the spec's `nullable`). */
    readonly includeMissing?: boolean;
    /** Numeric columns with a declared value list (`domain.values`) get one code per value (default false). */
    readonly exactValues?: boolean;
}
export declare class Discretizer {
    readonly name: string;
    readonly kind: ColumnKind;
    readonly size: number;
    /** Code of the missing value, or -1. */
    readonly missingCode: number;
    private readonly json;
    constructor(json: DiscretizerJSON);
    /** Number of codes for present values. */
    get valueCodes(): number;
    /** A short label per code (for reports). */
    get labels(): string[];
    toJSON(): DiscretizerJSON;
    /** Codes of a column of this discretizer's kind. Missing values without a missing code throw. */
    encode(col: Column): Int32Array;
    /** A column from codes; values drawn uniformly within each bin with `rng`. */
    decode(codes: Int32Array, rng: Rng): Column;
}
/**
 * The discretizer of a column, from its spec's domain. Throws when the column has no usable domain (id and
 * text columns, or a numeric/categorical/datetime spec without a domain).
 */
export declare function discretizer(spec: ColumnSpec, opts?: DiscretizeOptions): Discretizer;
/** Rebuild a discretizer from its JSON (as stored in a model file). */
export declare function discretizerFromJSON(json: DiscretizerJSON): Discretizer;
