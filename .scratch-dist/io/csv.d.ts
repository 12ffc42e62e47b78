import type { DuckDBConnection } from '@duckdb/node-api';
export interface CsvDialect {
    readonly delimiter: string;
    readonly quote: string;
    readonly escape: string;
    readonly header: boolean;
    /** The line break of the file, as DuckDB's `new_line` option spells it (`\\n`, `\\r\\n`, `\\r`), if known. */
    readonly newline?: string;
}
export interface CsvOverrides {
    delimiter?: string;
    quote?: string;
    header?: boolean;
}
/** The start of a file, decoded as UTF-8 up to its last complete line (BOM removed). */
export declare function readHead(path: string, display: string): Promise<string>;
/**
 * The fields of the first record of `text` under `dialect` (quotes may span lines), or null when the record
 * does not end inside `text` (an unclosed quote).
 */
export declare function firstRecord(text: string, d: Pick<CsvDialect, 'delimiter' | 'quote' | 'escape'>): string[] | null;
/**
 * The dialect to read a CSV/TSV file with. User overrides win; otherwise DuckDB's sniffer chooses, except when it
 * fails or finds a single column although the first line holds the format's usual delimiter — that is what a
 * file with ragged rows looks like to a sniffer, and reading it with the usual delimiter in strict mode reports
 * the ragged line instead of silently reading one wide column.
 */
export declare function csvDialect(con: DuckDBConnection, path: string, head: string, defaultDelimiter: string, o: CsvOverrides): Promise<CsvDialect>;
/**
 * The first line break outside quoted values, spelled as DuckDB's `new_line` option wants it, or undefined when
 * the text has none (a one-line file) or ends inside a quote.
 */
export declare function lineBreak(text: string, quote: string): string | undefined;
/** Files whose first line has at least this many fields are not sniffed by DuckDB (see `wideDialect`). */
export declare const WIDE_COLUMNS = 200;
/** The `read_csv(...)` table expression for `path` with a fixed dialect and every column read as text. */
export declare function csvRelation(path: string, d: CsvDialect, names: readonly string[]): string;
export { csvField } from '../table/text.js';
export { columnNames } from '../table/delimited.js';
