import { type BuildResult } from '../table/infer.js';
import { type RawColumn } from '../table/raw.js';
export type ReadFormat = 'csv' | 'tsv' | 'parquet' | 'json' | 'jsonl' | 'arrow';
export declare const READ_FORMATS: readonly ReadFormat[];
export interface ReadOptions {
    /** Overrides the format chosen from the file extension. */
    format?: ReadFormat;
    /** CSV/TSV: field delimiter (default: sniffed; `,` for .csv, tab for .tsv when sniffing fails). */
    delimiter?: string;
    /** CSV/TSV: quote character (default: sniffed, else `"`). The escape is the quote doubled (RFC 4180). */
    quote?: string;
    /** CSV/TSV: whether the first record is a header (default: sniffed). Without one, columns are column0, … */
    header?: boolean;
    /** Receives non-fatal notes (rounded big integers, renamed duplicate headers). */
    onWarning?: (message: string) => void;
    /**
     * CSV/TSV: the column names the caller expects (`readTable` passes the metadata's): a first line spelling exactly
     * these names is the header even when the sniffer takes it for data (numeric names such as years).
     */
    columnNames?: readonly string[];
    /**
     * A subsample taken while reading (`evaluate --max-rows`, issue 15): called with the file's row count, it returns
     * the positions of the rows to keep, increasing (null: every row), e.g. `subsamplePicker` of metrics/subsample.ts
     * — the rows `evaluate` would keep from the whole table. Files read through DuckDB are counted, then streamed,
     * holding only the kept rows (never staged); Arrow files and small JSON files are read whole, then cut.
     */
    subsample?: (rows: number) => Int32Array | null;
}
/**
 * The CSV dialect written as text (the CLI's `--delimiter`, `--quote`, `--no-header`) as `ReadOptions`:
 * `\t` or `tab` is a tab; each must be one character (usage errors otherwise).
 */
export declare function csvDialectOptions(o: {
    delimiter?: string;
    quote?: string;
    noHeader?: boolean;
}): ReadOptions;
/** The format of `path` by extension (a trailing `.gz` is looked through: DuckDB reads gzip), or undefined. */
export declare function formatFromPath(path: string): ReadFormat | undefined;
/**
 * File-level checks shared by readers: the path exists, is a regular file, and is not empty. Returns its size in
 * bytes.
 */
export declare function checkInputFile(path: string): Promise<number>;
/**
 * Reads a table file into raw columns, one per column of the file, in file order.
 * Throws `LookalikeError` naming the file (and line) for: a missing file, a directory, an empty file, a header
 * with no data rows, ragged rows, an unclosed quote, invalid UTF-8, malformed JSON, an unreadable Parquet or
 * Arrow file, and nested (list/struct) columns.
 */
export declare function readRawColumns(path: string, opts?: ReadOptions): Promise<RawColumn[]>;
/**
 * Reads a table file and infers its schema (with optional metadata applied): `readRawColumns` followed by
 * `buildTable`. Every warning of both steps is in the result's `warnings` (reader warnings prefixed with the
 * file name); `opts.onWarning` is not called, so a caller printing `warnings` prints each once.
 */
export declare function readTable(path: string, opts?: ReadOptions & {
    metadata?: unknown;
}): Promise<BuildResult>;
/** The demo table: Palmer penguins, shipped by the npm package vega-datasets (a dependency of lookalike). */
export declare function demoTablePath(): string;
