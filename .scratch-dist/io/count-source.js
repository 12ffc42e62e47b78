/**
 * Whether a `fit` counts its rows where they live (issue 15, docs/scale.md) — told from the command line alone,
 * without loading the count engines (io/count-sql.ts loads them; the CLI imports it only on this path).
 */
import { existsSync } from 'node:fs';
/** Whether `s` is a PostgreSQL connection URL. */
export function isPostgresUrl(s) {
    return !!s && /^postgres(ql)?:\/\//i.test(s);
}
/** A path with a glob pattern (`*`, `?`, `[…]`) that names no file as written. */
export function isGlob(p) {
    return !!p && /[*?]|\[[^\]/]*\]/.test(p) && !existsSync(p);
}
/** A PostgreSQL URL, PostgreSQL shards, a table of a database, a file counted in DuckDB, or a glob. */
export function countsWhereRowsLive(source, o) {
    return (isPostgresUrl(source) || o.shards !== undefined || o.table !== undefined || !!o.pushdown || isGlob(source));
}
//# sourceMappingURL=count-source.js.map