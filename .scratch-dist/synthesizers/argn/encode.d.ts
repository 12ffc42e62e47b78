import type { Column } from '../../table/column.js';
import { type ColumnSpec } from '../../table/schema.js';
import type { Rng } from '../../random/rng.js';
/**
 * ARGN's tokenisation (as MOSTLY AI's TabularARGN encodes a flat table): every modelled column becomes one discrete
 * *token* per row, so each column's head is a softmax over its tokens.
 *
 * | column | encoding | tokens |
 * |---|---|---|
 * | categorical, boolean | `category` | one per category (booleans: false, true) |
 * | numeric, datetime with ≤ `maxDiscrete` distinct values | `discrete` | one per value seen |
 * | other numeric, datetime | `binned` | a value holding ≥ 1/`bins` of the rows is a bin of its own (a spike such as 0 in a capital-gain column); the other values are cut into equal-count bins between distinct values, ≤ `bins` bins in all |
 *
 * plus a last token for "missing" when the column has (or, under DP, may have) missing values. Decoding a bin
 * draws uniformly between its lower and upper value (whole numbers for integer columns, the column's datetime step
 * for datetimes), then rounds to the column's decimals.
 *
 * Under DP nothing here reads the data: categories come from the schema's domains, bins from DP quantile knots and
 * the domain's bounds, and an integer column whose public domain spans ≤ `maxDiscrete` values is `discrete` over its
 * domain (`publicTokenColumn`).
 */
export type TokenEncoding = 'category' | 'discrete' | 'binned';
export interface TokenColumn {
    readonly name: string;
    readonly kind: 'numeric' | 'datetime' | 'categorical' | 'boolean';
    readonly encoding: TokenEncoding;
    /** `category`: the labels (booleans: "false", "true"). */
    readonly categories?: readonly string[];
    /** `discrete`: the values, increasing. */
    readonly values?: readonly number[];
    /** `binned`: each bin's lowest and highest value (lo[k] ≤ hi[k] ≤ lo[k+1]). */
    readonly lo?: readonly number[];
    readonly hi?: readonly number[];
    /** A last token stands for "missing". */
    readonly missing: boolean;
    readonly integer?: boolean;
    readonly decimals?: number;
    /** Datetime columns: format, and the step (ms) decoded values are rounded to. */
    readonly format?: string;
    readonly step?: number;
}
export interface TokenOptions {
    readonly bins: number;
    readonly maxDiscrete: number;
}
/** Tokens of a column (its cardinality, the missing token included). */
export declare function cardinality(c: TokenColumn): number;
/** The tokenisation of a column read off its data (a non-DP fit). */
export declare function fitTokenColumn(spec: ColumnSpec, col: Column, o: TokenOptions): TokenColumn;
/**
 * The tokenisation of a column from public facts only (a DP fit): categories from the domain; an integer column
 * whose domain spans ≤ maxDiscrete values is discrete over it; other numeric/datetime columns are cut at the given
 * knots (increasing, from a DP release) within [min, max]. `missing`: whether the column may be missing (declared).
 */
export declare function publicTokenColumn(spec: ColumnSpec, bounds: [number, number] | null, knots: readonly number[] | null, missing: boolean, o: TokenOptions): TokenColumn;
/** The token of one present value (numbers: the nearest value or bin; categories: by label, -1 when unknown). */
export declare function tokenOf(c: TokenColumn, value: number | string): number;
/**
 * The tokens of a column's rows. A missing value, or a category the tokenisation does not know (a DP fit's data
 * outside its declared domain), is the missing token when there is one, else the first token.
 */
export declare function encodeColumn(c: TokenColumn, col: Column): Int32Array;
/** A column of values from tokens (bins drawn uniformly within, with `rng`). */
export declare function decodeColumn(c: TokenColumn, tokens: Int32Array, rng: Rng): Column;
/** Problems of a token column read from a model file (empty when valid). */
export declare function tokenColumnProblems(x: unknown, where: string): string[];
