/**
 * DuckDB plumbing for the I/O layer: a short-lived in-memory engine per call, SQL quoting, turning a query's
 * result into `RawColumn`s by reading typed chunk vectors, and turning DuckDB error texts into messages that
 * name the file and line but never echo the offending row (DESIGN.md rule 7).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RawColumn } from '../table/raw.js';
/**
 * Runs `fn` on a fresh in-memory DuckDB connection and closes it afterwards, whatever happens. Extensions are
 * never downloaded (only DuckDB's built-in parquet, json and icu are used), so reading needs no network.
 */
export declare function withDuck<T>(fn: (con: DuckDBConnection) => Promise<T>, threads?: number): Promise<T>;
/** A SQL string literal. */
export declare function sqlString(s: string): string;
/** A SQL quoted identifier. */
export declare function sqlIdent(s: string): string;
/** Column names and DuckDB types of a relation (e.g. `read_parquet('x')`). */
export declare function describe(con: DuckDBConnection, relation: string): Promise<{
    name: string;
    type: string;
}[]>;
/** Replaces ±Infinity by NaN (missing) in place; returns how many there were. */
export declare function infiniteToMissing(parts: readonly Float64Array[]): number;
/**
 * Cost thresholds of the reader (tests lower them to exercise both paths on small files):
 * - `stageMinBytes`: files up to this size are parsed once, straight into raw columns, without a staging table;
 * - `dictionaryMinRows`: below this many rows, text is read as plain strings — the dictionary path costs a few
 *   queries per column (milliseconds each), which only pays off when a column has tens of thousands of values;
 * - `plainJsonMaxBytes`: JSON files up to this size are first tried without DuckDB (0 turns that off).
 */
export declare const readTuning: {
    stageMinBytes: number;
    dictionaryMinRows: number;
    /** JSON/JSONL files up to this size that are plain flat records are read without DuckDB (json-records.ts). */
    plainJsonMaxBytes: number;
};
export interface RelationOptions {
    /**
     * Parse the relation once into a temporary table (text files, queries) and read from there; otherwise each step
     * scans the relation again (Parquet: columnar, each step reads only the columns it needs).
     */
    stage?: boolean;
    /** Whether text columns of many rows may come back dictionary-encoded (needs `stage` or a cheap rescan). */
    dictionaries?: boolean;
    /** Column names and DuckDB types when the caller knows them (CSV: every column VARCHAR): saves a DESCRIBE. */
    columns?: readonly {
        name: string;
        type: string;
    }[];
    /**
     * A subsample taken while reading: called with the relation's row count (one counting scan), it returns the row
     * positions to keep, increasing (or null: every row). The rows are then streamed chunk by chunk in file order
     * and only the kept ones held, so a table of any size is never loaded whole (no staging, no dictionaries).
     */
    pick?: (rows: number) => Int32Array | null;
}
/**
 * Reads every row of `relation` (a DuckDB table expression) into raw columns, chunk by chunk, reading each
 * chunk's column vectors directly (about 3× faster than row objects, DESIGN.md "Scale").
 * Problems with column types (and more than MAX_COLUMNS columns, or a table too big for memory) are thrown
 * together as `TypeProblems`.
 *
 * The rows are materialized, not streamed: @duckdb/node-api's streaming fetch reports an error raised mid-scan
 * (e.g. invalid UTF-8 deep in a CSV) as the end of the result, which would silently truncate the table.
 * With `stage`, the rows land in a temporary table first, so the relation is parsed once however many steps read
 * it. With `dictionaries`, a text column of at least `readTuning.dictionaryMinRows` rows with few distinct values (≤ 65,536
 * and at most about half the rows, estimated by HyperLogLog) is read as integer codes of an ENUM built from its
 * distinct values and handed over as a `dictionary` raw column: no per-row string is decoded or hashed.
 * Cost per column is constant apart from the values (no exact COUNT DISTINCT, whose per-aggregate hash table
 * made a 50-row × 5,000-column table take 11 GB), so wide tables read in seconds.
 */
export declare function readRelation(con: DuckDBConnection, relation: string, warn: (message: string) => void, opts?: RelationOptions): Promise<RawColumn[]>;
/** Column-type problems found before reading any row. */
export declare class TypeProblems extends Error {
    readonly problems: string[];
    constructor(problems: string[]);
}
/**
 * What went wrong, from a DuckDB error, without any cell content: DuckDB messages can quote the offending line
 * ("Original Line: …") or value, so only known, content-free parts are kept.
 */
export declare function duckProblem(e: unknown): {
    where?: string;
    reason: string;
};
