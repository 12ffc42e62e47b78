/**
 * Tables as text: the exact bytes lookalike writes for CSV / TSV / JSONL / JSON (RFC 4180, `\n` line ends, header
 * row; integer columns without a decimal point, datetimes in their column's own format, booleans as true/false,
 * missing and non-finite numbers as an empty field / null; a field is quoted when it holds the delimiter, a quote, a
 * line break or edge spaces, or is the empty string). Core code: `io/write.ts` writes these chunks to files, a page
 * joins them into a download, so both give the same bytes for the same table (issue 16).
 * Runtime: one pass over the rows, in blocks of 8,192 rows.
 */
import type { Column } from './column.js';
import type { Table } from './table.js';
/** An RFC 4180 field: quoted when it holds the delimiter, a quote, a line break, edge spaces, or is empty. */
export declare function csvField(s: string, delimiter: string): string;
/** A cell as JSON text. */
export declare function jsonCellWriter(c: Column): (r: number) => string;
export declare function delimitedChunks(table: Table, delimiter: string, header?: boolean): Generator<string>;
export declare function jsonChunks(table: Table, array: boolean): Generator<string>;
/** The whole table as one string: CSV (`delimiter` ","), TSV ("\t"), JSONL or JSON (an array of records). */
export declare function tableText(table: Table, format: 'csv' | 'tsv' | 'jsonl' | 'json'): string;
