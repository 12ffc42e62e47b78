/**
 * Reading a table from a SQL query through DuckDB.
 *
 * Sources: a DuckDB database file (attached read-only, so the query sees its tables unqualified), or `:memory:`
 * for a query over files through DuckDB's table functions (`read_csv`, `read_parquet`, `read_json`, …).
 * SQLite, PostgreSQL and other engines need DuckDB extensions that are downloaded on first use; lookalike never
 * downloads, so they are refused with a message saying so.
 * Column types map as for typed files (see `read.ts`): numbers, booleans, DATE/TIMESTAMP as epoch ms, text.
 */
import { open } from 'node:fs/promises';
import { LookalikeError } from '../errors.js';
import { buildTable } from '../table/infer.js';
import { rawLength } from '../table/raw.js';
import { TypeProblems, duckProblem, readRelation, sqlString, withDuck } from './duck.js';
import { checkInputFile } from './read.js';
const OTHER_ENGINES = /^(sqlite|postgres(ql)?|mysql|md|motherduck):|\.(sqlite3?|db3)$/i;
/**
 * Runs `query` (one SELECT-like statement) against `source` and returns its result as raw columns.
 * Throws `LookalikeError` for a missing database file, an unsupported source, SQL errors (DuckDB's message with
 * anything quoted removed), nested result columns, or an empty result.
 */
export async function readSql(source, query, opts = {}) {
    const problems = [];
    if (typeof source !== 'string' || source === '')
        problems.push('source must be a DuckDB database file or ":memory:"');
    const q = typeof query === 'string' ? query.trim().replace(/;\s*$/, '') : '';
    if (q === '')
        problems.push('query must be a non-empty SQL SELECT statement');
    if (problems.length)
        throw new LookalikeError('cannot run the SQL query:', problems, 'usage');
    const label = source === ':memory:' ? 'the SQL query' : `the SQL query on ${source}`;
    if (OTHER_ENGINES.test(source)) {
        throw new LookalikeError(`cannot read ${source}: only DuckDB database files and ":memory:" are supported (SQLite, PostgreSQL and ` +
            `others need DuckDB extensions that would have to be downloaded); export the table to Parquet or CSV`, [], 'usage');
    }
    if (source !== ':memory:') {
        await checkInputFile(source);
        const fh = await open(source, 'r');
        const head = new Uint8Array(16);
        try {
            await fh.read(head, 0, 16, 0);
        }
        finally {
            await fh.close();
        }
        if (new TextDecoder().decode(head).startsWith('SQLite format 3')) {
            throw new LookalikeError(`cannot read ${source}: it is a SQLite database, which needs a DuckDB extension that lookalike does not ` +
                `download; export the table to Parquet or CSV`, [], 'usage');
        }
    }
    let columns;
    try {
        columns = await withDuck(async (con) => {
            if (source !== ':memory:') {
                await con.run(`ATTACH ${sqlString(source)} AS lookalike_db (READ_ONLY)`);
                // resolve the query's names in the attached database; temporary staging tables stay in memory
                await con.run("SET search_path = 'lookalike_db.main'");
            }
            return readRelation(con, `(${q})`, opts.onWarning ?? (() => { }));
        });
    }
    catch (e) {
        if (e instanceof LookalikeError)
            throw e;
        if (e instanceof TypeProblems)
            throw new LookalikeError(`cannot read ${label}:`, e.problems);
        const { where, reason } = duckProblem(e);
        throw new LookalikeError(`cannot read ${label}: ${where !== undefined ? `${where} ` : ''}${reason}`);
    }
    if (columns.length === 0 || rawLength(columns[0]) === 0) {
        throw new LookalikeError(`cannot read ${label}: it returned no rows`);
    }
    return columns;
}
/**
 * `readSql` followed by schema inference (`buildTable`), with optional metadata. Every warning is in the result's
 * `warnings`; `opts.onWarning` is not called.
 */
export async function readSqlTable(source, query, opts = {}) {
    const warnings = [];
    const raw = await readSql(source, query, { onWarning: (m) => warnings.push(m) });
    const built = buildTable(raw, {
        metadata: opts.metadata,
        source: source === ':memory:' ? 'the SQL query' : source,
    });
    return { ...built, warnings: [...warnings, ...built.warnings] };
}
//# sourceMappingURL=sql.js.map