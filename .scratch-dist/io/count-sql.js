/**
 * Counting pushed down to SQL engines (issue 15): `CountableRows` over a Parquet/CSV glob or a `.duckdb` file
 * (embedded DuckDB, streamed: the files are scanned by each query, never loaded), a PostgreSQL table, or the same
 * table sharded over several PostgreSQL servers (client-side fan-out: every shard runs the same count query, the
 * cells are added here). The SQL is the core's (`synthesizers/marginal/sql.ts`): binning over the public encoding,
 * one UNION ALL round trip, non-zero cells only. Only counts come back; they go to the fit's mechanisms.
 * DuckDB, which runs in this process, instead streams every row's codes once per `counts` call and all asked
 * marginals are counted here in one pass (`method: 'scan'`, the default there): at 10M rows × 10 columns, the
 * 45 pairs took 44 CPU s as GROUP BY legs and 7 by one scan (docs/scale.md).
 *
 * Errors name the source by a label without credentials (a URL's password is never printed), the column and the
 * count — never a cell: engine messages are reduced to content-free parts. Connecting is bounded
 * (`connectTimeoutMs`, default 5 s) and never retried.
 */
import { LookalikeError, ProblemList } from '../errors.js';
import { ChunkCounts } from '../synthesizers/marginal/counts.js';
import { checkQuery, checkVerdict, codesQuery, countQuery, fillCounts, sqlLiteral, sqlName, } from '../synthesizers/marginal/sql.js';
import { duckProblem } from './duck.js';
import { isPostgresUrl } from './count-source.js';
export { isPostgresUrl };
/** Source kinds a type class can be encoded as. */
const ACCEPTS = {
    number: ['numeric', 'categorical'],
    boolean: ['boolean', 'categorical'],
    datetime: ['datetime'],
    text: ['categorical'],
    other: [],
};
/**
 * `CountableRows` over `from` (a relation in the nodes' dialect) on one node or several shards of one table
 * (counts added). `connect` opens the nodes when the fit opens the rows (so a bad budget fails before any
 * connection); `close` closes them.
 */
export function sqlRows(label, connect, from, opts = {}) {
    let nodes = [];
    const perQuery = opts.legsPerQuery ?? 64;
    return {
        label,
        async open(encoding) {
            nodes = await connect();
            const p = new ProblemList();
            const described = await Promise.all(nodes.map((n) => n.columns(from)));
            described.forEach((cols, i) => {
                const where = nodes.length > 1 ? `${nodes[i].label}: ` : '';
                const byName = new Map(cols.map((c) => [c.name, c]));
                for (const s of encoding.specs) {
                    const c = byName.get(s.name);
                    if (!c)
                        p.add(`${where}${label} has no column "${s.name}"`);
                    else if (!ACCEPTS[c.kind].includes(s.kind))
                        p.add(`${where}column "${s.name}" has SQL type ${c.type}, which cannot be counted as ${s.kind}` +
                            (s.kind === 'datetime' ? ' (datetime columns must be DATE or TIMESTAMP)' : ''));
                }
            });
            p.throwIfAny(`cannot count ${label}:`, 'input');
            const { sql, items } = checkQuery(encoding, from, nodes[0].dialect);
            const answers = await Promise.all(nodes.map((n) => n.numbers(sql, items.length + 1)));
            const values = Array.from({ length: items.length + 1 }, (_, k) => answers.reduce((s, a) => s + a[k][0], 0));
            const { problems, notes } = checkVerdict(label, items, values);
            if (problems.length)
                throw new LookalikeError(`cannot count ${label}:`, problems, 'input');
            for (const n of notes)
                opts.onNote?.(n);
            const dialect = nodes[0].dialect;
            if (opts.method !== 'group-by' && nodes.every((n) => n.scan))
                return scanSource(label, nodes, encoding, from, values[0]);
            return {
                sizes: encoding.sizes,
                async counts(sets) {
                    const out = [];
                    for (let i0 = 0; i0 < sets.length; i0 += perQuery) {
                        const part = sets.slice(i0, i0 + perQuery);
                        const q = countQuery(encoding, part, from, dialect);
                        const got = await Promise.all(nodes.map((n) => n.numbers(q, 3)));
                        const [leg, cell, cnt] = [0, 1, 2].map((k) => concat(got.map((g) => g[k])));
                        out.push(...fillCounts(encoding.sizes, part, leg, cell, cnt));
                    }
                    return out;
                },
            };
        },
        async close() {
            const open = nodes;
            nodes = [];
            await Promise.all(open.map((n) => n.close()));
        },
    };
}
/**
 * Counts by streaming codes (`codesQuery`) out of the engine: one scan per `counts` call, whatever the number of
 * sets, counting the asked sets and those hinted by `prefetch` together (`ChunkCounts`); prefetched tables are
 * held here until asked once. The rows streamed must number exactly `total` (the check query's count) and every
 * table must sum to it, or the scan is refused: an engine error raised mid-stream can look like the end of the
 * result (see io/duck.ts), and a short count must never pass for the data.
 */
function scanSource(label, nodes, encoding, from, total) {
    const key = (s) => s.join(',');
    const pending = new Map();
    const held = new Map();
    const q = codesQuery(encoding, from, nodes[0].dialect);
    const d = encoding.sizes.length;
    return {
        sizes: encoding.sizes,
        prefetch(sets) {
            for (const s of sets)
                if (!held.has(key(s)))
                    pending.set(key(s), s);
        },
        async counts(sets) {
            const todo = new Map();
            for (const s of sets)
                if (!held.has(key(s)))
                    todo.set(key(s), s);
            if (todo.size) {
                for (const [k, s] of pending)
                    if (!held.has(k))
                        todo.set(k, s);
                pending.clear();
                const all = [...todo.values()];
                const counter = new ChunkCounts(encoding.sizes, all);
                const rows = await Promise.all(nodes.map((n) => n.scan(q, d, (c, m) => counter.add(c, m))));
                const streamed = rows.reduce((a, b) => a + b, 0);
                if (streamed !== total || counter.total !== total || !counter.checkTotals())
                    throw new LookalikeError(`cannot count ${label}: the scan returned ${streamed} rows where the check counted ${total} (did the rows change, or did the engine stop with an error?)`);
                all.forEach((s, i) => held.set(key(s), counter.tables[i]));
            }
            const out = sets.map((s) => held.get(key(s)));
            // handed over: the caller keeps what it reuses (CachedCounts)
            for (const s of sets)
                held.delete(key(s));
            return out;
        },
    };
}
function concat(parts) {
    if (parts.length === 1)
        return parts[0];
    const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) {
        out.set(p, o);
        o += p.length;
    }
    return out;
}
const DUCK_NUMBER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const DUCK_DATETIME = /^(DATE|TIMESTAMP.*)$/;
const DUCK_TEXT = /^(VARCHAR|ENUM.*)$/;
function duckClass(type) {
    const t = type.toUpperCase();
    if (DUCK_NUMBER.test(t))
        return 'number';
    if (t === 'BOOLEAN')
        return 'boolean';
    if (DUCK_DATETIME.test(t))
        return 'datetime';
    if (DUCK_TEXT.test(t))
        return 'text';
    return 'other';
}
/**
 * Rows of Parquet or CSV files (a path or a glob such as `data/part-*.parquet`; the extension picks the reader),
 * or of a table in a `.duckdb` file (opened read-only), counted by an embedded DuckDB that scans the files for
 * each query. Extensions are never downloaded.
 */
export function duckRows(pattern, opts = {}) {
    const isDb = /\.duckdb$/i.test(pattern);
    let from;
    if (isDb) {
        if (!opts.table)
            throw new LookalikeError(`counting ${pattern} needs the table to count (--table NAME)`, [], 'usage');
        from = sqlName(opts.table, 'duckdb', true);
    }
    else {
        if (opts.table !== undefined)
            throw new LookalikeError(`--table names a table of a database; ${pattern} is a file pattern`, [], 'usage');
        const lit = sqlLiteral(pattern, 'duckdb');
        if (/\.parquet$/i.test(pattern))
            from = `read_parquet([${lit}])`;
        else if (/\.(csv|tsv)$/i.test(pattern))
            from = `read_csv([${lit}])`;
        else
            throw new LookalikeError(`cannot count ${pattern}: give Parquet (.parquet) or CSV (.csv, .tsv) files, or a .duckdb file with --table`, [], 'usage');
    }
    const label = isDb ? `table ${opts.table} of ${pattern}` : pattern;
    return sqlRows(label, async () => [await duckNode(pattern, isDb, opts, label)], from, opts);
}
async function duckNode(pattern, isDb, opts, label) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const options = { autoinstall_known_extensions: 'false' };
    if (opts.threads)
        options.threads = String(opts.threads);
    if (opts.memoryLimit)
        options.memory_limit = opts.memoryLimit;
    if (isDb)
        options.access_mode = 'READ_ONLY';
    let instance;
    try {
        instance = await DuckDBInstance.create(isDb ? pattern : ':memory:', options);
    }
    catch (e) {
        throw new LookalikeError(`cannot open ${pattern}: ${duckProblem(e).reason}`);
    }
    const con = await instance.connect();
    const fail = (e) => {
        if (e instanceof LookalikeError)
            throw e;
        const msg = e instanceof Error ? e.message : String(e);
        if (/Table with name .* does not exist/i.test(msg))
            throw new LookalikeError(`cannot count ${label}: the table does not exist`);
        if (/No files found that match the pattern/i.test(msg))
            throw new LookalikeError(`cannot count ${label}: no file matches`);
        throw new LookalikeError(`cannot count ${label}: ${duckProblem(e).reason}`);
    };
    return {
        dialect: 'duckdb',
        label,
        async columns(from) {
            try {
                const r = await con.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
                return r.getRows().map((row) => {
                    const type = String(row[1]);
                    return { name: String(row[0]), type, kind: duckClass(type) };
                });
            }
            catch (e) {
                return fail(e);
            }
        },
        async numbers(sql, ncols) {
            try {
                const cols = Array.from({ length: ncols }, (_, j) => `CAST(#${j + 1} AS DOUBLE)`).join(', ');
                // the result is materialised whole (non-zero cells only: small), then read chunk by chunk as vectors
                const r = await con.run(`SELECT ${cols} FROM (${sql}) AS q`);
                const parts = Array.from({ length: ncols }, () => []);
                for (let k = 0; k < r.chunkCount; k++) {
                    const chunk = r.getChunk(k);
                    const n = chunk.rowCount;
                    for (let j = 0; j < ncols; j++) {
                        const v = chunk.getColumnVector(j);
                        const a = new Float64Array(n);
                        for (let i = 0; i < n; i++)
                            a[i] = v.getItem(i) ?? 0;
                        parts[j].push(a);
                    }
                }
                return parts.map(concat0);
            }
            catch (e) {
                return fail(e);
            }
        },
        async scan(sql, ncols, onChunk) {
            try {
                const r = await con.stream(sql);
                let bufs = Array.from({ length: ncols }, () => new Int32Array(2048));
                let rows = 0;
                // (fetching the next chunk while this one is counted saved nothing measurable at 10M rows)
                for (;;) {
                    const chunk = await r.fetchChunk();
                    const n = chunk ? chunk.rowCount : 0;
                    if (!chunk || n === 0)
                        break;
                    if (bufs[0].length < n)
                        bufs = bufs.map(() => new Int32Array(n));
                    for (let j = 0; j < ncols; j++)
                        readCodes(chunk.getColumnVector(j), n, bufs[j]);
                    onChunk(bufs, n);
                    rows += n;
                }
                return rows;
            }
            catch (e) {
                return fail(e);
            }
        },
        close() {
            con.closeSync();
            instance.closeSync();
            return Promise.resolve();
        },
    };
}
/**
 * The first `n` codes of an integer chunk vector into `out`. @duckdb/node-api keeps a fixed-width vector's values
 * in a typed array over the chunk's memory (its `items` field, not in the typings): copied in one `set` when it
 * is there — `getItem` per value cost 6 CPU s per 10M rows × 10 columns here — else value by value. Codes are
 * never NULL (every branch of `codeExpression` gives a number).
 */
function readCodes(v, n, out) {
    const items = v.items;
    if ((items instanceof Uint8Array || items instanceof Uint16Array || items instanceof Uint32Array) &&
        items.length >= n)
        out.set(items.subarray(0, n));
    else
        for (let i = 0; i < n; i++)
            out[i] = Number(v.getItem(i));
}
function concat0(parts) {
    return parts.length ? concat(parts) : new Float64Array(0);
}
/** A PostgreSQL URL shown without its password or query string (`postgres://user@host:port/db`). */
export function redactUrl(url) {
    try {
        const u = new URL(url);
        const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
        return `${u.protocol}//${user}${u.host}${u.pathname}`;
    }
    catch {
        return 'a PostgreSQL URL that cannot be parsed';
    }
}
/**
 * Rows of a PostgreSQL table on one server (`urls` of length 1) or sharded over several (each holds some of the
 * rows; the same query runs on all of them in parallel and the counts are added: client-side fan-out, which was
 * measured faster than `postgres_fdw`, since that only pushes GROUP BY down when the partition key is grouped).
 * Credentials: in the URL or PostgreSQL's environment (PGPASSWORD, PGUSER, …, read by `pg`), never printed.
 */
export function postgresRows(urls, opts) {
    if (!urls.length)
        throw new LookalikeError('no PostgreSQL URL given', [], 'usage');
    const bad = urls.filter((u) => !isPostgresUrl(u));
    if (bad.length)
        throw new LookalikeError('not PostgreSQL URLs (postgres://user@host:port/database):', bad.map(redactUrl), 'usage');
    if (!opts.table)
        throw new LookalikeError('counting a PostgreSQL source needs --table NAME', [], 'usage');
    const shown = urls.map(redactUrl);
    const label = urls.length === 1
        ? `table ${opts.table} at ${shown[0]}`
        : `table ${opts.table} on ${urls.length} shards (${shown.join(', ')})`;
    const connect = async () => {
        const nodes = await Promise.allSettled(urls.map((u, i) => postgresNode(u, shown[i], opts.table, opts.connectTimeoutMs ?? 5000)));
        const failed = nodes.filter((r) => r.status === 'rejected');
        if (failed.length) {
            await Promise.all(nodes.map((r) => (r.status === 'fulfilled' ? r.value.close() : null)));
            const msgs = failed.map((r) => r.reason.message);
            throw new LookalikeError(msgs.length === 1 ? msgs[0] : `cannot connect to ${failed.length} shards:`, msgs.length === 1 ? [] : msgs);
        }
        return nodes.map((r) => r.value);
    };
    return sqlRows(label, connect, sqlName(opts.table, 'postgres', true), opts);
}
/** Type OIDs of PostgreSQL's built-in types, by class. */
const PG_CLASS = new Map([
    [16, 'boolean'],
    [20, 'number'],
    [21, 'number'],
    [23, 'number'],
    [700, 'number'],
    [701, 'number'],
    [1700, 'number'],
    [18, 'text'],
    [19, 'text'],
    [25, 'text'],
    [1042, 'text'],
    [1043, 'text'],
    [1082, 'datetime'],
    [1114, 'datetime'],
    [1184, 'datetime'],
]);
async function postgresNode(url, shown, table, timeoutMs) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
    // a server that goes away later must not crash the process with an unhandled 'error' event
    client.on('error', () => { });
    try {
        await client.connect();
    }
    catch (e) {
        await client.end().catch(() => { });
        throw new LookalikeError(`cannot connect to ${shown}: ${pgProblem(e, table)}`);
    }
    const fail = (e) => {
        throw new LookalikeError(`cannot count table ${table} at ${shown}: ${pgProblem(e, table)}`);
    };
    return {
        dialect: 'postgres',
        label: shown,
        async columns(from) {
            try {
                const r = await client.query({ text: `SELECT * FROM ${from} LIMIT 0`, rowMode: 'array' });
                return r.fields.map((f) => ({
                    name: f.name,
                    type: `type ${f.dataTypeID}`,
                    kind: PG_CLASS.get(f.dataTypeID) ?? 'other',
                }));
            }
            catch (e) {
                return fail(e);
            }
        },
        async numbers(sql, ncols) {
            try {
                const r = await client.query({ text: sql, rowMode: 'array' });
                const out = Array.from({ length: ncols }, () => new Float64Array(r.rows.length));
                r.rows.forEach((row, i) => {
                    for (let j = 0; j < ncols; j++)
                        out[j][i] = row[j] === null ? 0 : Number(row[j]);
                });
                return out;
            }
            catch (e) {
                return fail(e);
            }
        },
        async close() {
            await client.end().catch(() => { });
        },
    };
}
/**
 * What went wrong with PostgreSQL, content-free: connection failures by their code, known server errors by their
 * SQLSTATE, anything else as its first line with quoted parts (which may be values or credentials) removed.
 */
export function pgProblem(e, table) {
    const err = e;
    const msg = err?.message ?? String(e);
    switch (err?.code) {
        case 'ECONNREFUSED':
            return 'connection refused (is the server running, on that host and port?)';
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return 'the host name does not resolve';
        case 'ETIMEDOUT':
            return 'the connection timed out';
        case '42P01':
            return `the table ${table} does not exist`;
        case '42703':
            return 'a column does not exist';
        case '28P01':
        case '28000':
            return 'authentication failed (check the user and PGPASSWORD)';
        case '3D000':
            return 'the database does not exist';
        case '57014':
            return 'the query was cancelled (statement timeout)';
    }
    if (/timeout/i.test(msg))
        return 'the connection timed out';
    const first = msg.split('\n')[0];
    const clean = first
        .replace(/'[^']*'/g, '…')
        .replace(/"[^"]*"/g, '…')
        .replace(/:\s.*$/, '')
        .trim();
    return clean.length > 160 ? `${clean.slice(0, 160)}…` : clean || 'an unknown error';
}
/**
 * The rows `lookalike fit` counts where they live: PostgreSQL `shards`, or `source` as a PostgreSQL URL (both with
 * `table`), else a Parquet/CSV file or glob or a `.duckdb` file (its table named by `table`). What is missing or
 * contradictory is a usage error; a URL is never shown with its password.
 */
export function openCountableRows(source, opts) {
    const { shards, table, onNote } = opts;
    const usage = (m) => new LookalikeError(m, [], 'usage');
    if (shards && source !== undefined)
        throw usage(`--shards lists every server of the table; give no <table> with it (got ${isPostgresUrl(source) ? redactUrl(source) : 'one'})`);
    if (shards || isPostgresUrl(source)) {
        if (!table)
            throw usage('counting a PostgreSQL table needs --table NAME (schema.table allowed)');
        return postgresRows(shards ?? [source], { table, ...(onNote ? { onNote } : {}) });
    }
    if (source === undefined)
        throw usage('give the rows to count: a file, a glob, a database, or --shards');
    return duckRows(source, { ...(table !== undefined ? { table } : {}), ...(onNote ? { onNote } : {}) });
}
//# sourceMappingURL=count-sql.js.map