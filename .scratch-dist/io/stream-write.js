/**
 * Writing a table that arrives in chunks (issue 15: a sample of 100M rows), in constant memory: one chunk at a time
 * is held, turned into text or handed to DuckDB, then dropped.
 *
 * - Atomic, as `writeTable`: a temporary file in the target's folder, renamed at the end; on any error (a chunk that
 *   fails to draw included) it is removed and an existing target is left untouched.
 * - The same bytes as `writeTable` of the chunks concatenated, for CSV, TSV, JSONL and JSON (the row text does not
 *   depend on the chunking).
 * - Parquet through DuckDB: a table function (`@duckdb/node-api` DuckDBTableFunction) hands DuckDB the chunks'
 *   columns 2,048 rows at a time while one `COPY (SELECT …) TO … (FORMAT parquet)` writes the file — no staging
 *   table, so memory does not grow with the rows. Single-threaded, so deterministic. Column types as `writeTable`'s,
 *   decided on the first chunk: integer columns BIGINT (DOUBLE when a value is beyond 2^53), other numerics DOUBLE,
 *   booleans BOOLEAN, datetimes DATE (date-only values) or TIMESTAMP, categories and text VARCHAR (categories are
 *   passed as codes and turned into their strings by DuckDB). A later chunk that would need another type (a value
 *   beyond 2^53 in a BIGINT column, a time of day in a DATE column, another category list) is an error, not a
 *   silent change.
 */
import { open } from 'node:fs/promises';
import { LookalikeError } from '../errors.js';
import { sqlIdent, sqlString, withDuck } from './duck.js';
import { delimitedChunks, jsonCellWriter } from '../table/text.js';
import { atomically, parquetPlan, TWO_53, WRITE_FORMATS, writeFormatFromPath, } from './write.js';
/** How many rows DuckDB asks a table function for at a time (its vector size). */
const VECTOR = 2048;
/**
 * Writes the tables of `chunks` (equal columns, in order) to `path` as one table, in constant memory (see the
 * module comment). Returns the number of rows written. A sequence without a table, or chunks whose columns differ,
 * is an error.
 */
export async function writeTableChunks(chunks, path, opts = {}) {
    const format = opts.format ?? writeFormatFromPath(path);
    if (format === undefined || !WRITE_FORMATS.includes(format))
        throw new LookalikeError(`cannot write ${path}: cannot tell the format from the extension; use .csv .tsv .parquet .jsonl or .json`, [], 'usage');
    const it = chunks[Symbol.iterator]();
    const head = it.next();
    if (head.done)
        throw new LookalikeError(`cannot write ${path}: no rows to write`, [], 'usage');
    const first = head.value;
    if (first.nColumns === 0)
        throw new LookalikeError(`cannot write ${path}: the table has no columns`, [], 'usage');
    let rows = 0;
    const all = function* () {
        yield first;
        for (let r = it.next(); !r.done; r = it.next()) {
            sameColumns(first, r.value, path);
            yield r.value;
        }
    };
    if (format === 'parquet') {
        await writeParquetChunks(all(), first, path, (n) => (rows += n));
        return rows;
    }
    await atomically(path, async (tmp) => {
        const fh = await open(tmp, 'wx');
        try {
            let k = 0;
            for (const t of all()) {
                const text = format === 'csv' || format === 'tsv'
                    ? delimitedChunks(t, format === 'csv' ? ',' : '\t', k === 0)
                    : jsonRows(t, format === 'json', k === 0);
                for (const s of text)
                    await fh.write(s);
                rows += t.nRows;
                k++;
            }
            if (format === 'json')
                await fh.write(rows ? '\n]\n' : ']\n');
            await fh.sync();
        }
        finally {
            await fh.close();
        }
    });
    return rows;
}
function sameColumns(a, b, path) {
    const same = a.nColumns === b.nColumns &&
        a.columns.every((c, j) => c.name === b.columns[j].name && c.kind === b.columns[j].kind);
    if (!same)
        throw new LookalikeError(`cannot write ${path}: the chunks do not have the same columns`, [], 'internal');
}
/** JSONL rows, or JSON-array rows (`[` before the first chunk, `,` between rows; the caller closes the array). */
function* jsonRows(table, array, first) {
    const keys = table.columns.map((c) => JSON.stringify(c.name) + ':');
    const cells = table.columns.map((c) => jsonCellWriter(c));
    if (array && first)
        yield '[\n';
    for (let start = 0; start < table.nRows; start += 8192) {
        const end = Math.min(table.nRows, start + 8192);
        let s = '';
        for (let r = start; r < end; r++) {
            if (array && !(first && r === 0))
                s += ',\n';
            s += '{';
            for (let j = 0; j < cells.length; j++) {
                if (j)
                    s += ',';
                s += keys[j] + cells[j](r);
            }
            s += array ? '}' : '}\n';
        }
        yield s;
    }
}
/** The staging type and output expression of a column, fixed by the first chunk (see the module comment). */
function streamPlan(c0) {
    if (c0.kind === 'categorical') {
        const cats = c0.categories;
        const key = JSON.stringify(cats);
        const list = `[${cats.map(sqlString).join(', ')}]`;
        return {
            stage: 'INTEGER',
            out: (x) => (cats.length ? `list_extract(${list}::VARCHAR[], ${x} + 1)` : `CAST(NULL AS VARCHAR)`),
            check: (c) => c.kind === 'categorical' && (c.categories === cats || JSON.stringify(c.categories) === key)
                ? null
                : `column ${JSON.stringify(c0.name)} has other categories in a later chunk`,
        };
    }
    const p = parquetPlan(c0);
    const stage = p.stage;
    if (c0.kind === 'numeric' && c0.integer && p.out('x') !== 'x')
        return {
            stage,
            out: p.out,
            check: (c) => {
                if (c.kind !== 'numeric')
                    return 'kind changed';
                for (const v of c.values)
                    if (Math.abs(v) > TWO_53 || (!Number.isNaN(v) && !Number.isInteger(v)))
                        return `column ${JSON.stringify(c0.name)} was written as BIGINT from the first chunk, but a later chunk holds a value that is not a whole number within 2^53`;
                return null;
            },
        };
    if (c0.kind === 'datetime' && p.out('x').startsWith('CAST(epoch_ms'))
        return {
            stage,
            out: p.out,
            check: (c) => {
                if (c.kind !== 'datetime')
                    return 'kind changed';
                for (const v of c.values)
                    if (!Number.isNaN(v) && v % 86_400_000 !== 0)
                        return `column ${JSON.stringify(c0.name)} was written as DATE from the first chunk, but a later chunk holds a time of day`;
                return null;
            },
        };
    return { stage, out: p.out, check: () => null };
}
/** Rows [start, start + n) of column c, as the values of its staging type. */
function stagedValues(c, start, n) {
    const out = new Array(n);
    switch (c.kind) {
        case 'numeric':
        case 'datetime': {
            const v = c.values;
            for (let i = 0; i < n; i++) {
                const x = v[start + i];
                out[i] = Number.isFinite(x) ? x : null;
            }
            return out;
        }
        case 'boolean': {
            const v = c.values;
            for (let i = 0; i < n; i++) {
                const x = v[start + i];
                out[i] = x < 0 ? null : x === 1;
            }
            return out;
        }
        case 'categorical': {
            const k = c.codes;
            for (let i = 0; i < n; i++) {
                const x = k[start + i];
                out[i] = x < 0 ? null : x;
            }
            return out;
        }
        case 'id':
        case 'text': {
            const v = c.values;
            for (let i = 0; i < n; i++)
                out[i] = v[start + i];
            return out;
        }
    }
}
async function writeParquetChunks(tables, first, path, onRows) {
    const api = await import('@duckdb/node-api');
    const plans = first.columns.map(streamPlan);
    const types = plans.map((p) => p.stage === 'DOUBLE'
        ? api.DOUBLE
        : p.stage === 'BOOLEAN'
            ? api.BOOLEAN
            : p.stage === 'INTEGER'
                ? api.INTEGER
                : api.VARCHAR);
    await atomically(path, (tmp) => withDuck(async (con) => {
        let table = null;
        let offset = 0;
        let failure = null;
        // DuckDB calls this for every 2,048 rows, on the main thread, while the COPY below runs; a chunk is drawn
        // when the previous one is used up. An error ends the scan and is rethrown after the COPY.
        const main = (_info, out) => {
            try {
                while (!table || offset >= table.nRows) {
                    const r = tables.next();
                    if (r.done) {
                        out.rowCount = 0;
                        return;
                    }
                    const t = r.value;
                    const bad = plans.map((p, j) => p.check(t.columns[j])).filter((x) => x !== null);
                    if (bad.length)
                        throw new LookalikeError(`cannot write ${path}:`, bad, 'internal');
                    table = t;
                    offset = 0;
                    onRows(t.nRows);
                }
                const n = Math.min(VECTOR, table.nRows - offset);
                out.rowCount = n;
                for (let j = 0; j < types.length; j++)
                    out.setColumnValues(j, stagedValues(table.columns[j], offset, n));
                offset += n;
            }
            catch (e) {
                failure = e;
                out.rowCount = 0;
            }
        };
        const fn = api.DuckDBTableFunction.create({
            name: 'lookalike_chunks',
            bindFunction: (b) => types.forEach((t, j) => b.addResultColumn(`c${j}`, t)),
            initFunction: () => { },
            mainFunction: main,
        });
        con.registerTableFunction(fn);
        const select = first.columns
            .map((c, j) => `${plans[j].out(`c${j}`)} AS ${sqlIdent(c.name)}`)
            .join(', ');
        await con.run(`COPY (SELECT ${select} FROM lookalike_chunks()) TO ${sqlString(tmp)} (FORMAT parquet)`);
        if (failure)
            throw failure;
    }, 1));
}
//# sourceMappingURL=stream-write.js.map