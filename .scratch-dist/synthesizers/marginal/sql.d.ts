import type { DiscretizerJSON } from '../../table/encode.js';
import type { Encoding } from './encode.js';
/**
 * Counting pushed down as SQL (issue 15): the marginals a DP-marginal fit asks for, written as one query for the
 * engine where the rows live, so that only counts leave it. Core code (strings in, numbers out): the Node adapters
 * in `src/io/count-sql.ts` run it on DuckDB and PostgreSQL; for BigQuery, Snowflake, Spark SQL and Trino it is
 * generated and checked against golden files (test/synthesizers/marginal/golden/), for a caller to run.
 *
 * - **Binning in SQL, from the encoding only.** Every attribute's code is a SQL expression built from its
 *   discretizer (declared or DP-released domain: category lists, bin edges, value lists, integer ranges) and
 *   reproduces `Discretizer.encode` exactly — the same clipping at the ends, the same nearest-value ties, missing
 *   (NULL, NaN) as the missing code. No `min()`, `max()` or quantile of a column is ever read.
 * - **One round trip, non-zero cells.** The marginals are a `UNION ALL` of per-marginal legs
 *   (`leg, cell, n` with `cell` the row-major index of `pgm/factor.ts`), each a `GROUP BY` over one integer; only
 *   cells with rows come back and `fillCounts` puts them into zero-filled tables. (Measured: a UNION ALL costs the
 *   same as separate queries in one round trip; `GROUPING SETS` was 1.2–2.7× slower.)
 * - **Or one scan of codes** (`codesQuery`) for an engine in the process (DuckDB): the codes stream out in chunks
 *   and every asked marginal is counted in one pass (`ChunkCounts`), instead of one `GROUP BY` scan per leg.
 * - **The check query** counts, in one scan, what would make the encoding wrong: missing values in a column not
 *   declared nullable, categories outside the declared list (both refused, as counts), numbers outside the
 *   declared bounds (clipped, as in memory; a note with the count).
 *
 * Dialects differ in quoting (identifiers, string escapes), type names, the NaN test and epoch milliseconds;
 * nothing else is dialect-specific.
 */
export type SqlDialect = 'duckdb' | 'postgres' | 'bigquery' | 'snowflake' | 'spark' | 'trino';
export declare const SQL_DIALECTS: readonly SqlDialect[];
/** A quoted identifier in `dialect`; a dotted name (`schema.table`) is quoted part by part. */
export declare function sqlName(name: string, dialect: SqlDialect, dotted?: boolean): string;
/** A string literal in `dialect`. */
export declare function sqlLiteral(s: string, dialect: SqlDialect): string;
/**
 * The SQL expression of attribute `j`'s code: an integer in 0..size−1 exactly as `Discretizer.encode` would give,
 * or −1 for a value the encoding has no code for (a category outside the list; missing without a missing code) —
 * which the check query refuses before any count is taken.
 */
export declare function codeExpression(j: DiscretizerJSON, dialect: SqlDialect): string;
/**
 * One query counting every marginal of `sets` (attribute indices, increasing) over `from` (a relation: a quoted
 * table name or a table function, written by the caller): the UNION ALL of one leg per set, each returning
 * `leg, cell, n` for the cells that have rows.
 */
export declare function countQuery(encoding: Encoding, sets: readonly (readonly number[])[], from: string, dialect: SqlDialect): string;
/**
 * The codes of every attribute, one row per source row: `SELECT c0, …, c(d−1) FROM from`, each `codeExpression`
 * cast to the narrowest integer type the dialect has for its domain size (DuckDB: UTINYINT up to 256 codes,
 * USMALLINT up to 65,536, else UINTEGER; elsewhere BIGINT). For an engine embedded in the process (DuckDB), where
 * streaming the codes and counting every asked marginal in one pass over typed arrays (`ChunkCounts`) beats one
 * `GROUP BY` scan per marginal (docs/scale.md). Run after the check query: a code of −1 (refused there) does not
 * cast, so a row that changed in between ends the scan early, which the caller detects from the row count.
 */
export declare function codesQuery(encoding: Encoding, from: string, dialect: SqlDialect): string;
/**
 * Non-zero cells (`leg`, `cell`, `n` read from a count query's result, in any order, possibly repeated — shards'
 * answers concatenated) into zero-filled count tables, one per set. A cell outside its table (a code of −1: the
 * rows changed after the check) is an error, never dropped.
 */
export declare function fillCounts(sizes: readonly number[], sets: readonly (readonly number[])[], leg: ArrayLike<number>, cell: ArrayLike<number>, n: ArrayLike<number>): Float64Array[];
/** What the check query measures for one column, in the order of its result columns. */
export interface CheckItem {
    readonly column: string;
    readonly what: 'missing' | 'unknown category' | 'outside bounds';
}
/**
 * The check before counting: one row with the number of rows, then one count per `CheckItem` — missing values in
 * modelled columns not declared nullable, present values outside a declared category list, numbers outside the
 * declared [min, max] (the encoding clips them, as in memory).
 */
export declare function checkQuery(encoding: Encoding, from: string, dialect: SqlDialect): {
    sql: string;
    items: CheckItem[];
};
/**
 * The verdict of a check query's row (`values[0]` the row count, then one count per item, shards' rows added):
 * problems (refused: at least 2 rows, no missing value where none is allowed, no unknown category) and notes
 * (values outside bounds, clipped). Counts and column names only, never a value.
 */
export declare function checkVerdict(label: string, items: readonly CheckItem[], values: readonly number[]): {
    problems: string[];
    notes: string[];
};
