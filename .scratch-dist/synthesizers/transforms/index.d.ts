import type { Column } from '../../table/column.js';
import { type ColumnSpec } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import type { Rng } from '../../random/rng.js';
import { type GmmOptions, type Modes } from './gmm.js';
/**
 * Shared data transforms of the learned synthesizers (tvae, ctgan, ddpm, and the ones built on them): a table's
 * modelled columns ⇄ one float32 matrix whose columns are grouped in *spans*, each with the activation a generator
 * applies to it.
 *
 * | column | encoding | spans |
 * |---|---|---|
 * | numeric, datetime | `modes` (CTGAN/TVAE, Xu et al. 2019): a Gaussian mixture per column; x ↦ a mode k drawn from its posterior and α = (x − μ_k)/(4σ_k) clipped to ±0.99 | `alpha` (1, tanh), `mode` (K modes + 1 if missing values, softmax) |
 * | numeric, datetime | `quantile` (TabDDPM): x ↦ Φ⁻¹(F(x)), F the empirical CDF over up to 1,000 knots | `value` (1, identity), `missing` (2, softmax: present, missing) when missing values |
 * | categorical, boolean | one-hot (categories from the schema's domain; missing its own category) | `category` (k + 1 if missing, softmax) |
 *
 * Decoding inverts exactly: α·4σ_k + μ_k for the chosen mode; the quantile function for `quantile`; integers are
 * rounded, values clipped to the column's bounds (its domain, else the range seen), datetimes rounded to their
 * format's precision. Id and text columns are not modelled (see ../common.ts).
 *
 * Data-dependent facts — the mixtures, the quantile knots, the bounds — come from `TransformFitters`, which default
 * to reading them off the table (a non-DP fit). A DP fit plugs in fitters that read declared public metadata or DP
 * releases; category lists always come from the schema's domains (public, DP or inferred).
 */
export type NumericEncoding = 'modes' | 'quantile';
export interface TransformFitters {
    /** Mixture modes of a numeric/datetime column's present values (default: fitBayesianGmm). */
    modes?(column: ColumnSpec, values: Float64Array, rng: Rng): Modes;
    /** Increasing quantile knots at probabilities j/(K−1) (default: up to 1,000 empirical quantiles). */
    quantiles?(column: ColumnSpec, values: Float64Array): number[];
    /** [min, max] decoded values are clipped to (default: the numeric/datetime domain, else the range seen). */
    bounds?(column: ColumnSpec, values: Float64Array): [number, number];
}
export interface TransformOptions {
    /** How numeric and datetime columns are encoded (default `modes`). */
    readonly numeric?: NumericEncoding;
    /** Categorical columns with more categories than this are refused (default 1,000): one-hot would not scale. */
    readonly maxCategories?: number;
    readonly gmm?: GmmOptions;
    readonly fitters?: TransformFitters;
    /**
     * A DP fit: read nothing off the table but through `fitters` (all three required for numeric/datetime columns).
     * Category lists come from the schema's domains (a column without one is refused), the missing slot is present
     * unless the column is declared `nullable: false`, and datetimes are rounded to their format only.
     */
    readonly dataIndependent?: boolean;
}
export type SpanRole = 'alpha' | 'mode' | 'value' | 'missing' | 'category';
/** A group of encoded columns: which table column, what it holds, and how a generator activates it. */
export interface OutputSpan {
    /** Index into `TableTransform.columns`. */
    readonly column: number;
    readonly role: SpanRole;
    readonly start: number;
    readonly width: number;
    readonly fn: 'tanh' | 'softmax' | 'identity';
}
interface NumericBase {
    readonly name: string;
    readonly kind: 'numeric' | 'datetime';
    /** A missing slot is encoded (the column had missing values or is declared nullable). */
    readonly missing: boolean;
    readonly integer: boolean;
    readonly min: number;
    readonly max: number;
    /** Datetime format (datetime columns). */
    readonly format: string | null;
    /**
     * Datetimes: decoded values are rounded to a multiple of this many ms (the coarsest of a day, an hour, a minute,
     * a second, 1 ms that divides every value seen), so float32 rounding cannot move a date across midnight.
     */
    readonly step?: number;
}
export interface ModesColumn extends NumericBase {
    readonly encoding: 'modes';
    readonly modes: Modes;
}
export interface QuantileColumn extends NumericBase {
    readonly encoding: 'quantile';
    readonly knots: readonly number[];
}
export interface OneHotColumn {
    readonly name: string;
    readonly kind: 'categorical' | 'boolean';
    readonly encoding: 'one-hot';
    /** Category labels (booleans: "false", "true"). */
    readonly categories: readonly string[];
    readonly missing: boolean;
}
export type ColumnTransform = ModesColumn | QuantileColumn | OneHotColumn;
export interface TableTransformJSON {
    readonly version: 1;
    readonly columns: readonly ColumnTransform[];
}
/** Standard normal CDF via erfc (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7), engine-independent. */
export declare function normalCdf(z: number): number;
/** A problem with a column the transforms cannot represent, or null. */
export declare function unrepresentable(spec: ColumnSpec, col: Column, maxCategories: number): string | null;
/** Columns ⇄ a float32 matrix. Build with `fitTransform`, rebuild from JSON with `transformFromJSON`. */
export declare class TableTransform {
    readonly columns: readonly ColumnTransform[];
    readonly spans: readonly OutputSpan[];
    /** Encoded values per row. */
    readonly width: number;
    /** Values the last `encode` had to clip (farther than 3.96σ from every mode); 0 when the modes cover the data. */
    clippedValues: number;
    constructor(columns: readonly ColumnTransform[]);
    toJSON(): TableTransformJSON;
    /**
     * The encoded matrix (rows × width) of `table`'s modelled columns. Mode choices are drawn with `rng` (CTGAN
     * samples a mode from its posterior instead of taking the most likely one).
     */
    encode(table: Table, rng: Rng): Float32Array;
    /**
     * The columns of an encoded matrix (rows × width) — activated outputs: softmax spans hold probabilities (or
     * scores: `argmax` only compares them). `pick`: `argmax` (as CTGAN and TVAE) or `sample` (draw from the span's
     * probabilities with `rng`).
     */
    decode(data: Float32Array, rows: number, rng: Rng, pick?: 'argmax' | 'sample'): Column[];
}
/**
 * Fit the transforms of the modelled columns (`specs`, in order) of `table`. Throws an Error listing every column
 * the transforms cannot represent (callers turn it into a LookalikeError).
 */
export declare function fitTransform(table: Table, specs: readonly ColumnSpec[], rng: Rng, opts?: TransformOptions): TableTransform;
/** Problems with columns the transforms cannot represent. */
export declare class TransformError extends Error {
    readonly problems: readonly string[];
    constructor(problems: readonly string[]);
}
/** Rebuild a transform from its JSON; returns the problems instead when it is malformed. */
export declare function transformFromJSON(json: unknown, where?: string): TableTransform | string[];
export {};
