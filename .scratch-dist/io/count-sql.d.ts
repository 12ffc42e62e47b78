import type { CountableRows } from '../synthesizers/marginal/rows.js';
import { type SqlDialect } from '../synthesizers/marginal/sql.js';
import { isPostgresUrl } from './count-source.js';
export { isPostgresUrl };
/** One engine (a DuckDB instance, a PostgreSQL server) that answers queries with numbers. */
export interface SqlNode {
    readonly dialect: SqlDialect;
    /** For messages: never credentials. */
    readonly label: string;
    /** Column names and their type class in `from` (a relation in this node's dialect). */
    columns(from: string): Promise<{
        name: string;
        type: string;
        kind: TypeClass;
    }[]>;
    /** Runs `sql` and returns its `ncols` result columns as numbers. */
    numbers(sql: string, ncols: number): Promise<Float64Array[]>;
    /**
     * Optional, for an engine in this process: streams `sql`'s `ncols` integer columns (non-negative codes) chunk by
     * chunk into `onChunk` (the arrays are reused between calls; the first `n` entries hold the chunk) and returns
     * the number of rows streamed.
     */
    scan?(sql: string, ncols: number, onChunk: (codes: readonly Int32Array[], n: number) => void): Promise<number>;
    close(): Promise<void>;
}
/** What a source column's SQL type can hold, as far as the encoding is concerned. */
export type TypeClass = 'number' | 'boolean' | 'datetime' | 'text' | 'other';
export interface SqlRowsOptions {
    /** Notes that are not errors (values outside declared bounds, clipped). */
    readonly onNote?: (message: string) => void;
    /** Legs per query (default 64): AIM asks for hundreds of candidates; one query per 64 keeps statements short. */
    readonly legsPerQuery?: number;
    /**
     * How the counts are taken where the engine can stream (DuckDB): `'scan'` (default) streams every row's codes
     * once per `counts` call and counts all asked (and prefetched) marginals in one pass here; `'group-by'` sends
     * the UNION ALL of per-marginal `GROUP BY` legs, one scan per leg. Engines that cannot stream always group.
     */
    readonly method?: 'scan' | 'group-by';
}
/**
 * `CountableRows` over `from` (a relation in the nodes' dialect) on one node or several shards of one table
 * (counts added). `connect` opens the nodes when the fit opens the rows (so a bad budget fails before any
 * connection); `close` closes them.
 */
export declare function sqlRows(label: string, connect: () => Promise<SqlNode[]>, from: string, opts?: SqlRowsOptions): CountableRows;
export interface DuckRowsOptions extends SqlRowsOptions {
    /** A table (or view) of a `.duckdb` file; required for one, refused for files. */
    readonly table?: string;
    /** DuckDB threads (default: DuckDB's, all cores). */
    readonly threads?: number;
    /** DuckDB's memory limit, e.g. "1GB" (default: DuckDB's, 80 % of RAM). */
    readonly memoryLimit?: string;
}
/**
 * Rows of Parquet or CSV files (a path or a glob such as `data/part-*.parquet`; the extension picks the reader),
 * or of a table in a `.duckdb` file (opened read-only), counted by an embedded DuckDB that scans the files for
 * each query. Extensions are never downloaded.
 */
export declare function duckRows(pattern: string, opts?: DuckRowsOptions): CountableRows;
export interface PostgresRowsOptions extends SqlRowsOptions {
    /** The table (or view), optionally schema-qualified (`schema.table`). */
    readonly table: string;
    /** Bound on connecting to each server, in ms (default 5000); no retries. */
    readonly connectTimeoutMs?: number;
}
/** A PostgreSQL URL shown without its password or query string (`postgres://user@host:port/db`). */
export declare function redactUrl(url: string): string;
/**
 * Rows of a PostgreSQL table on one server (`urls` of length 1) or sharded over several (each holds some of the
 * rows; the same query runs on all of them in parallel and the counts are added: client-side fan-out, which was
 * measured faster than `postgres_fdw`, since that only pushes GROUP BY down when the partition key is grouped).
 * Credentials: in the URL or PostgreSQL's environment (PGPASSWORD, PGUSER, …, read by `pg`), never printed.
 */
export declare function postgresRows(urls: readonly string[], opts: PostgresRowsOptions): CountableRows;
/**
 * What went wrong with PostgreSQL, content-free: connection failures by their code, known server errors by their
 * SQLSTATE, anything else as its first line with quoted parts (which may be values or credentials) removed.
 */
export declare function pgProblem(e: unknown, table: string): string;
/**
 * The rows `lookalike fit` counts where they live: PostgreSQL `shards`, or `source` as a PostgreSQL URL (both with
 * `table`), else a Parquet/CSV file or glob or a `.duckdb` file (its table named by `table`). What is missing or
 * contradictory is a usage error; a URL is never shown with its password.
 */
export declare function openCountableRows(source: string | undefined, opts: {
    shards?: readonly string[] | undefined;
    table?: string | undefined;
    onNote?: (note: string) => void;
}): CountableRows;
