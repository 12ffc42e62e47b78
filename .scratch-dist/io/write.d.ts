import type { Column } from '../table/column.js';
import type { Table } from '../table/table.js';
export type WriteFormat = 'csv' | 'tsv' | 'parquet' | 'jsonl' | 'json';
export declare const WRITE_FORMATS: readonly WriteFormat[];
export interface WriteOptions {
    /** Overrides the format chosen from the file extension. */
    format?: WriteFormat;
}
/** The output format of `path` by extension, or undefined. */
export declare function writeFormatFromPath(path: string): WriteFormat | undefined;
/**
 * Removes temporary files that an earlier lookalike process left in `dir` when it died before it could clean up
 * (`kill -9`, a power cut): files named like ours whose process id is no longer running. Once per folder per
 * process; best effort (a folder that cannot be listed is left alone). Assumes no process on another machine
 * writes into the same folder (a network share), whose ids this machine cannot see. Returns the names removed.
 */
export declare function removeStaleTemps(dir: string): Promise<string[]>;
/**
 * Runs `produce(tempPath)`, which must create the temporary file, then renames it to `path`. On any failure
 * the temporary file is removed and the error rethrown as a `LookalikeError` naming `path` (never the temporary
 * name). Stale temporary files of dead processes in the same folder are removed first.
 */
export declare function atomically(path: string, produce: (tempPath: string) => Promise<void>): Promise<void>;
/** Writes `data` to `path` atomically (temporary file in the same directory, then rename). */
/** `value` as JSON and a line break (indented by `indent`, else on one line), written atomically. */
export declare function writeJsonFile(path: string, value: unknown, indent?: number): Promise<void>;
export declare function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
export declare const TWO_53: number;
/** How a column is staged in DuckDB (DOUBLE / VARCHAR / BOOLEAN) and cast when written to Parquet. */
export declare function parquetPlan(c: Column): {
    stage: 'DOUBLE' | 'VARCHAR' | 'BOOLEAN';
    out: (col: string) => string;
};
/**
 * Writes `table` to `path` as CSV, TSV, Parquet, JSONL or JSON (by extension, or `opts.format`), atomically and
 * deterministically (see the module comment for the exact formats).
 */
export declare function writeTable(table: Table, path: string, opts?: WriteOptions): Promise<void>;
