/**
 * Columns: one typed array per column (DESIGN.md rule 1). Missing values are NaN for numeric and datetime
 * columns, -1 for categorical codes and booleans, and null for id and text columns.
 */
export type ColumnKind = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'id' | 'text';
export declare const COLUMN_KINDS: readonly ColumnKind[];
export interface NumericColumn {
    readonly kind: 'numeric';
    readonly name: string;
    /** NaN = missing. */
    readonly values: Float64Array;
    /** Every present value is a whole number (and output is written without a fractional part). */
    readonly integer: boolean;
}
export interface CategoricalColumn {
    readonly kind: 'categorical';
    readonly name: string;
    /** Index into `categories`; -1 = missing. */
    readonly codes: Int32Array;
    readonly categories: readonly string[];
}
export interface BooleanColumn {
    readonly kind: 'boolean';
    readonly name: string;
    /** 1 = true, 0 = false, -1 = missing. */
    readonly values: Int8Array;
}
export interface DatetimeColumn {
    readonly kind: 'datetime';
    readonly name: string;
    /** Milliseconds since 1970-01-01T00:00:00Z (wall-clock time read as UTC); NaN = missing. */
    readonly values: Float64Array;
    /** The textual format of the input (see `table/datetime.ts`), used to write values back as they came. */
    readonly format: string;
}
export interface IdColumn {
    readonly kind: 'id';
    readonly name: string;
    readonly values: readonly (string | null)[];
}
export interface TextColumn {
    readonly kind: 'text';
    readonly name: string;
    readonly values: readonly (string | null)[];
}
export type Column = NumericColumn | CategoricalColumn | BooleanColumn | DatetimeColumn | IdColumn | TextColumn;
export declare function columnLength(c: Column): number;
export declare function isMissing(c: Column, i: number): boolean;
export declare function missingCount(c: Column): number;
/** The same column with its rows picked by `index` (repeats allowed). */
export declare function takeColumn(c: Column, index: ArrayLike<number>): Column;
/** Concatenate two columns of the same name and kind; categorical dictionaries are merged (a's order first). */
export declare function concatColumns(a: Column, b: Column): Column;
