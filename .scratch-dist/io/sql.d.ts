import { type BuildResult } from '../table/infer.js';
import { type RawColumn } from '../table/raw.js';
export interface SqlOptions {
    /** Receives non-fatal notes (e.g. 64-bit integers rounded to doubles). */
    onWarning?: (message: string) => void;
}
/**
 * Runs `query` (one SELECT-like statement) against `source` and returns its result as raw columns.
 * Throws `LookalikeError` for a missing database file, an unsupported source, SQL errors (DuckDB's message with
 * anything quoted removed), nested result columns, or an empty result.
 */
export declare function readSql(source: string, query: string, opts?: SqlOptions): Promise<RawColumn[]>;
/**
 * `readSql` followed by schema inference (`buildTable`), with optional metadata. Every warning is in the result's
 * `warnings`; `opts.onWarning` is not called.
 */
export declare function readSqlTable(source: string, query: string, opts?: SqlOptions & {
    metadata?: unknown;
}): Promise<BuildResult>;
