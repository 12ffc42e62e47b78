/**
 * Raw columns: what a reader hands to schema inference (`buildTable` in `table/infer.ts`) before any kind is
 * decided. Text sources (CSV/TSV) give only `string` columns, exactly as the text appears, so inference can keep
 * the original textual formats; typed sources (Parquet, JSON numbers/booleans, Arrow) keep their types.
 *
 * Produced by `io/read.ts` (Node) or by any other loader (e.g. a browser reading a File). Core code: no Node.
 */
export type RawColumn = 
/** Text as it appears in the source; null = missing (an empty CSV field, a JSON null). */
{
    readonly name: string;
    readonly type: 'string';
    readonly values: (string | null)[];
}
/**
 * Text dictionary-encoded by the reader (faster for low-cardinality columns of many rows): `codes[i]` indexes
 * `dictionary` (distinct strings, as they appear); -1 = missing.
 */
 | {
    readonly name: string;
    readonly type: 'dictionary';
    readonly codes: Int32Array;
    readonly dictionary: readonly string[];
}
/** NaN = missing (typed sources only). */
 | {
    readonly name: string;
    readonly type: 'number';
    readonly values: Float64Array;
}
/** 1 = true, 0 = false, -1 = missing. */
 | {
    readonly name: string;
    readonly type: 'boolean';
    readonly values: Int8Array;
}
/**
 * Milliseconds since the epoch, UTC (from a typed DATE / TIMESTAMP source); NaN = missing. `dateOnly` is true
 * when the source type was a calendar date (no time of day).
 */
 | {
    readonly name: string;
    readonly type: 'datetime';
    readonly values: Float64Array;
    readonly dateOnly: boolean;
};
export type RawColumnType = RawColumn['type'];
/** Number of rows of a raw column. */
export declare function rawLength(c: RawColumn): number;
