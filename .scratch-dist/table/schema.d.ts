import type { ColumnKind } from './column.js';
/**
 * Schema: what lookalike knows about each column besides its values — kind, role, and *domain*.
 *
 * A domain (numeric bounds and optional bin edges, a category list, datetime bounds) records where it came from:
 * - `inferred`: read off the data. Fine for non-DP synthesizers and evaluation; a DP fit refuses it
 *   (DESIGN.md rule 5), because a domain read off private rows leaks them.
 * - `public`: declared by the user in a metadata file (e.g. from a codebook). The user asserts it is public
 *   knowledge; a DP fit may use it without spending budget.
 * - `dp`: released under differential privacy (its cost is in the model's ledger).
 */
export type Role = 'id' | 'quasi-identifier' | 'sensitive' | 'target';
export declare const ROLES: readonly Role[];
export type DomainSource = 'inferred' | 'public' | 'dp';
export declare const DOMAIN_SOURCES: readonly DomainSource[];
export interface NumericDomain {
    /** Smallest and largest value a column may take; values outside are clipped when a model is fitted. */
    readonly min: number;
    readonly max: number;
    /** Optional increasing bin edges (first = min, last = max) used when a synthesizer discretises the column. */
    readonly bins?: readonly number[];
    /**
     * Optional list of the values the column takes (increasing, within [min, max]): the DP-marginal synthesizers
     * model such a column exactly, one code per value (`inspect --out` writes it for numeric columns with at most 32
     * distinct values).
     */
    readonly values?: readonly number[];
    readonly source: DomainSource;
}
export interface CategoricalDomain {
    readonly categories: readonly string[];
    readonly source: DomainSource;
}
export interface DatetimeDomain {
    /** Bounds written in the column's datetime format. */
    readonly min: string;
    readonly max: string;
    readonly source: DomainSource;
}
export type Domain = NumericDomain | CategoricalDomain | DatetimeDomain;
/** How synthetic ids are written: `integer` → `1, 2, …`; `prefixed` → `syn-1, syn-2, …`. */
export type IdStyle = 'integer' | 'prefixed';
/** A schema fact besides the domain that inference may read off the data. */
export type SchemaFact = 'kind' | 'integer' | 'decimals' | 'format' | 'nullable' | 'idStyle';
export declare const SCHEMA_FACTS: readonly SchemaFact[];
export interface ColumnSpec {
    readonly name: string;
    readonly kind: ColumnKind;
    /** Numeric columns: every value is a whole number. */
    readonly integer?: boolean;
    /** Float columns: the most decimal places seen (≤ 10); synthetic values are rounded to it. */
    readonly decimals?: number;
    /** Datetime columns: the textual format (see table/datetime.ts). */
    readonly format?: string;
    readonly role?: Role;
    /** The column may hold missing values (inferred: it does in the data). */
    readonly nullable?: boolean;
    /** Id columns: output ids are `1, 2, …` (`integer`, the input's ids were whole numbers) or `syn-1, …`. */
    readonly idStyle?: IdStyle;
    /**
     * The schema facts of this column that were read off the data rather than declared (`inferSchema` sets it; a
     * schema built by hand declares everything it says). A DP fit refuses a column with any of them
     * (`privacy/requireDeclaredFacts`): like a domain, each is a fact about the private rows (issue 10).
     */
    readonly inferredFacts?: readonly SchemaFact[];
    /** numeric → NumericDomain, categorical → CategoricalDomain, datetime → DatetimeDomain; none for the rest. */
    readonly domain?: Domain;
}
export interface Schema {
    readonly version: 1;
    readonly columns: readonly ColumnSpec[];
    /** Strings read as missing besides the empty field (e.g. "?", "NA"). */
    readonly missingValues?: readonly string[];
}
export declare function isNumericDomain(d: Domain | undefined): d is NumericDomain;
export declare function isCategoricalDomain(d: Domain | undefined): d is CategoricalDomain;
export declare function isDatetimeDomain(d: Domain | undefined): d is DatetimeDomain;
export declare function specOf(schema: Schema, name: string): ColumnSpec;
/** The name of the column whose role is `target`, if exactly one is. */
export declare function targetColumn(schema: Schema): string | undefined;
