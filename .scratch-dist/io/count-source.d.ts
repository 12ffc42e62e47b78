/** Whether `s` is a PostgreSQL connection URL. */
export declare function isPostgresUrl(s: string | undefined): boolean;
/** A path with a glob pattern (`*`, `?`, `[…]`) that names no file as written. */
export declare function isGlob(p: string | undefined): boolean;
/** A PostgreSQL URL, PostgreSQL shards, a table of a database, a file counted in DuckDB, or a glob. */
export declare function countsWhereRowsLive(source: string | undefined, o: {
    table?: string | undefined;
    shards?: string | undefined;
    pushdown?: boolean;
}): boolean;
