import type { RawColumn } from './raw.js';
/** The most columns a text table may have (the same limit as `io/limits.ts`). */
export declare const MAX_TEXT_COLUMNS = 10000;
export interface DelimitedOptions {
    /** The field delimiter; default: chosen from the header line (see the module comment). */
    readonly delimiter?: string;
    /** The format's own delimiter, tried first: "," for CSV, "\t" for TSV. */
    readonly defaultDelimiter?: string;
    /** Names the file in errors and warnings. */
    readonly source?: string;
}
export interface DelimitedResult {
    readonly columns: RawColumn[];
    readonly delimiter: string;
    readonly warnings: string[];
}
/**
 * Column names from a header record: an empty name becomes `column<i>` and a repeated name gets a `_<k>`
 * suffix (DuckDB's conventions), each with a warning.
 */
export declare function columnNames(header: readonly string[], warn: (m: string) => void): string[];
/** Reads CSV / TSV text into string raw columns (see the module comment). */
export declare function parseDelimited(text: string, opts?: DelimitedOptions): DelimitedResult;
