import { MAX_COLUMNS, columnsProblem, memoryProblem } from './limits.js';
/**
 * Runs `fn` on a fresh in-memory DuckDB connection and closes it afterwards, whatever happens. Extensions are
 * never downloaded (only DuckDB's built-in parquet, json and icu are used), so reading needs no network.
 */
export async function withDuck(fn, threads) {
    // loaded on first use, not at the top: DuckDB takes a few hundred milliseconds to load, which commands and
    // paths that never touch it (help, small JSON files) should not pay (issue 9: start-up time)
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const options = { autoinstall_known_extensions: 'false' };
    if (threads)
        options.threads = String(threads);
    const instance = await DuckDBInstance.create(':memory:', options);
    const con = await instance.connect();
    try {
        return await fn(con);
    }
    finally {
        con.closeSync();
        instance.closeSync();
    }
}
/** A SQL string literal. */
export function sqlString(s) {
    return `'${s.replace(/'/g, "''")}'`;
}
/** A SQL quoted identifier. */
export function sqlIdent(s) {
    return `"${s.replace(/"/g, '""')}"`;
}
const NUMBER_TYPES = new Set([
    'TINYINT',
    'SMALLINT',
    'INTEGER',
    'UTINYINT',
    'USMALLINT',
    'UINTEGER',
    'FLOAT',
    'DOUBLE',
]);
const BIG_INTEGER_TYPES = new Set(['BIGINT', 'HUGEINT', 'UBIGINT', 'UHUGEINT', 'VARINT', 'BIGNUM']);
const TIMESTAMP_TYPES = new Set([
    'TIMESTAMP',
    'TIMESTAMP_S',
    'TIMESTAMP_MS',
    'TIMESTAMP_NS',
    'TIMESTAMP WITH TIME ZONE',
    'TIMESTAMPTZ',
]);
const AS_TEXT_TYPES = new Set([
    'VARCHAR',
    'UUID',
    'TIME',
    'TIME WITH TIME ZONE',
    'TIMETZ',
    'INTERVAL',
    'TIME_NS',
]);
/**
 * The SQL expression that reads column `name` of DuckDB type `type` in the form the chunk reader expects, or a
 * problem text when the type cannot become a flat column.
 */
function projectColumn(name, type) {
    const c = sqlIdent(name);
    const t = type.toUpperCase();
    const nan = `'NaN'::DOUBLE`;
    if (t === 'BOOLEAN')
        return { sql: `COALESCE(CAST(${c} AS TINYINT), -1)`, p: { kind: 'boolean' } };
    if (NUMBER_TYPES.has(t) || t.startsWith('DECIMAL')) {
        return { sql: `COALESCE(CAST(${c} AS DOUBLE), ${nan})`, p: { kind: 'number', big: false } };
    }
    if (BIG_INTEGER_TYPES.has(t))
        return { sql: `COALESCE(CAST(${c} AS DOUBLE), ${nan})`, p: { kind: 'number', big: true } };
    if (t === 'DATE') {
        return {
            sql: `COALESCE(CAST(epoch_ms(${c}) AS DOUBLE), ${nan})`,
            p: { kind: 'datetime', dateOnly: true },
        };
    }
    if (TIMESTAMP_TYPES.has(t)) {
        return {
            sql: `COALESCE(CAST(epoch_ms(${c}) AS DOUBLE), ${nan})`,
            p: { kind: 'datetime', dateOnly: false },
        };
    }
    // JSON values keep their text; a JSON string loses its quotes (`->>'$'`), objects/arrays stay JSON text.
    if (t === 'JSON')
        return { sql: `(${c} ->> '$')`, p: { kind: 'string' } };
    if (t === 'NULL' || t === '"NULL"')
        return { sql: `CAST(${c} AS VARCHAR)`, p: { kind: 'string' } };
    if (AS_TEXT_TYPES.has(t) || t.startsWith('ENUM'))
        return { sql: `CAST(${c} AS VARCHAR)`, p: { kind: 'string' } };
    if (t.endsWith(']') || /^(STRUCT|MAP|UNION|LIST|ARRAY)\b/.test(t)) {
        const shown = t.replace(/\(.*$/s, '').replace(/^(.{0,24}?\])(?:\[\d*\])+$/, '$1[]…');
        return { problem: `column "${name}" holds nested values (${shown}); flatten it first` };
    }
    return { problem: `column "${name}" has type ${t}, which lookalike cannot read` };
}
/** Column names and DuckDB types of a relation (e.g. `read_parquet('x')`). */
export async function describe(con, relation) {
    const r = await con.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
    return r.getRows().map((row) => ({ name: String(row[0]), type: String(row[1]) }));
}
function numberSink(name, type, dateOnly) {
    const parts = [];
    return {
        parts,
        push(v, n, sel) {
            const a = new Float64Array(n);
            for (let i = 0; i < n; i++)
                a[i] = v.getItem(sel ? sel[i] : i);
            parts.push(a);
        },
        finish(total) {
            const out = new Float64Array(total);
            let o = 0;
            for (const p of parts) {
                out.set(p, o);
                o += p.length;
            }
            parts.length = 0;
            return type === 'number' ? { name, type, values: out } : { name, type, values: out, dateOnly };
        },
    };
}
function booleanSink(name) {
    const parts = [];
    return {
        push(v, n, sel) {
            const a = new Int8Array(n);
            for (let i = 0; i < n; i++)
                a[i] = v.getItem(sel ? sel[i] : i);
            parts.push(a);
        },
        finish(total) {
            const out = new Int8Array(total);
            let o = 0;
            for (const p of parts) {
                out.set(p, o);
                o += p.length;
            }
            return { name, type: 'boolean', values: out };
        },
    };
}
function stringSink(name) {
    const out = [];
    return {
        push(v, n, sel) {
            for (let i = 0; i < n; i++)
                out.push(v.getItem(sel ? sel[i] : i));
        },
        finish() {
            return { name, type: 'string', values: out };
        },
    };
}
/** Text read as ENUM codes (-1 = missing): a `dictionary` raw column, no per-row string at all. */
function dictionarySink(name, dict) {
    const parts = [];
    return {
        push(v, n, sel) {
            const codes = new Int32Array(n);
            for (let i = 0; i < n; i++)
                codes[i] = v.getItem(sel ? sel[i] : i);
            parts.push(codes);
        },
        finish(total) {
            const codes = new Int32Array(total);
            let o = 0;
            for (const p of parts) {
                codes.set(p, o);
                o += p.length;
            }
            return { name, type: 'dictionary', codes, dictionary: dict };
        },
    };
}
const TWO_53 = 2 ** 53;
/** Replaces ±Infinity by NaN (missing) in place; returns how many there were. */
export function infiniteToMissing(parts) {
    let n = 0;
    for (const part of parts) {
        for (let i = 0; i < part.length; i++) {
            const v = part[i];
            if (v === Infinity || v === -Infinity) {
                part[i] = NaN;
                n++;
            }
        }
    }
    return n;
}
/** Text columns with at most this many distinct values are read through an ENUM (dictionary) cast. */
const ENUM_MAX = 65_536;
/**
 * Cost thresholds of the reader (tests lower them to exercise both paths on small files):
 * - `stageMinBytes`: files up to this size are parsed once, straight into raw columns, without a staging table;
 * - `dictionaryMinRows`: below this many rows, text is read as plain strings — the dictionary path costs a few
 *   queries per column (milliseconds each), which only pays off when a column has tens of thousands of values;
 * - `plainJsonMaxBytes`: JSON files up to this size are first tried without DuckDB (0 turns that off).
 */
export const readTuning = {
    stageMinBytes: 16 * 2 ** 20,
    dictionaryMinRows: 20_000,
    /** JSON/JSONL files up to this size that are plain flat records are read without DuckDB (json-records.ts). */
    plainJsonMaxBytes: 4 * 2 ** 20,
};
/** Columns per aggregate query (distinct-count estimates): bounds DuckDB's per-aggregate hash-table memory. */
const AGGREGATE_BATCH = 256;
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
export async function readRelation(con, relation, warn, opts = {}) {
    const stage = opts.stage ?? true;
    const cols = opts.columns ?? (await describe(con, relation));
    if (cols.length > MAX_COLUMNS) {
        throw new TypeProblems([columnsProblem(cols.length)]);
    }
    const problems = [];
    const exprs = [];
    const projections = [];
    for (const { name, type } of cols) {
        const pr = projectColumn(name, type);
        if ('problem' in pr)
            problems.push(pr.problem);
        else {
            exprs.push(`${pr.sql} AS ${sqlIdent(name)}`);
            projections.push(pr.p);
        }
    }
    if (problems.length)
        throw new TypeProblems(problems);
    if (opts.pick) {
        const n = Number((await con.runAndReadAll(`SELECT count(*) FROM ${relation}`)).getRows()[0][0]);
        const keep = opts.pick(n);
        if (keep)
            return readPicked(con, `SELECT ${exprs.join(', ')} FROM ${relation}`, cols, projections, keep, n, warn);
    }
    // Staged: parsed once into a temporary table (text formats, queries). Unstaged: a columnar file (Parquet) is
    // scanned again per step, reading only the columns each step needs.
    const projected = `SELECT ${exprs.join(', ')} FROM ${relation}`;
    if (stage)
        await con.run(`CREATE TEMP TABLE lookalike_src AS ${projected}`);
    const src = stage ? 'lookalike_src' : `(${projected}) AS lookalike_src`;
    const select = cols.map((c) => sqlIdent(c.name));
    const dictionaries = new Map();
    const text = cols.map((_, j) => j).filter((j) => projections[j].kind === 'string');
    if (opts.dictionaries !== false && (stage || opts.dictionaries)) {
        const nRows = Number((await con.runAndReadAll(`SELECT count(*) FROM ${src}`)).getRows()[0][0]);
        if (text.length && nRows >= readTuning.dictionaryMinRows) {
            for (let b = 0; b < text.length; b += AGGREGATE_BATCH) {
                const batch = text.slice(b, b + AGGREGATE_BATCH);
                const approx = (await con.runAndReadAll(`SELECT ${batch.map((j) => `approx_count_distinct(${sqlIdent(cols[j].name)})`).join(', ')} FROM ${src}`))
                    .getRows()[0]
                    .map(Number);
                for (let k = 0; k < batch.length; k++) {
                    const j = batch[k];
                    // HyperLogLog is within a few per cent; the ENUM below holds the exact distinct values either way
                    if (approx[k] === 0 || approx[k] > ENUM_MAX || approx[k] > nRows / 2)
                        continue;
                    const c = sqlIdent(cols[j].name);
                    // qualified: the session's default catalog may be a read-only attached database (readSql)
                    const e = `memory.main.lookalike_enum_${j}`;
                    await con.run(`CREATE TYPE ${e} AS ENUM (SELECT DISTINCT ${c} FROM ${src} WHERE ${c} IS NOT NULL)`);
                    const dict = (await con.runAndReadAll(`SELECT enum_range(NULL::${e})`)).getRowsJson()[0][0];
                    dictionaries.set(j, dict);
                    select[j] = `COALESCE(CAST(enum_code(CAST(${c} AS ${e})) AS INTEGER), -1)`;
                }
            }
        }
        const tooBig = memoryProblem(nRows, projections.map((p, j) => p.kind === 'string' ? (dictionaries.has(j) ? 'dictionary' : 'string') : p.kind));
        if (tooBig)
            throw new TypeProblems([tooBig]); // withDuck closes the engine, dropping what was made here
    }
    const result = await con.run(`SELECT ${select.join(', ')} FROM ${src}`);
    if (stage)
        await con.run('DROP TABLE temp.main.lookalike_src');
    for (const j of dictionaries.keys())
        await con.run(`DROP TYPE memory.main.lookalike_enum_${j}`);
    const sinks = makeSinks(cols, projections, dictionaries);
    let total = 0;
    const nChunks = result.chunkCount;
    for (let k = 0; k < nChunks; k++) {
        const chunk = result.getChunk(k);
        const n = chunk.rowCount;
        if (n === 0)
            continue;
        for (let j = 0; j < sinks.length; j++)
            sinks[j].push(chunk.getColumnVector(j), n);
        total += n;
    }
    return finishSinks(cols, projections, sinks, total, warn);
}
function makeSinks(cols, projections, dictionaries) {
    return cols.map(({ name }, j) => {
        const p = projections[j];
        if (p.kind === 'number' || p.kind === 'datetime') {
            return numberSink(name, p.kind, p.kind === 'datetime' && p.dateOnly);
        }
        if (p.kind === 'boolean')
            return booleanSink(name);
        const dict = dictionaries.get(j);
        return dict ? dictionarySink(name, dict) : stringSink(name);
    });
}
/**
 * `readRelation` with a subsample: streams `select` (whose `total` rows were counted) and keeps the rows at the
 * positions `keep` (increasing). The count scan raised any error of the file already; a stream that ends early
 * (@duckdb/node-api reports an error mid-scan as the end, see above) is refused rather than read short.
 */
async function readPicked(con, select, cols, projections, keep, total, warn) {
    const tooBig = memoryProblem(keep.length, projections.map((p) => (p.kind === 'string' ? 'string' : p.kind)));
    if (tooBig)
        throw new TypeProblems([tooBig]);
    const sinks = makeSinks(cols, projections, new Map());
    const r = await con.stream(select);
    let sel = new Int32Array(2048);
    let seen = 0;
    let k = 0;
    for (;;) {
        const chunk = await r.fetchChunk();
        const n = chunk ? chunk.rowCount : 0;
        if (!chunk || n === 0)
            break;
        if (sel.length < n)
            sel = new Int32Array(n);
        let m = 0;
        while (k < keep.length && keep[k] < seen + n)
            sel[m++] = keep[k++] - seen;
        if (m)
            for (let j = 0; j < sinks.length; j++)
                sinks[j].push(chunk.getColumnVector(j), m, sel);
        seen += n;
    }
    if (seen !== total || k !== keep.length)
        throw new TypeProblems([`the scan ended after ${seen} of its ${total} rows; nothing was read`]);
    return finishSinks(cols, projections, sinks, keep.length, warn);
}
function finishSinks(cols, projections, sinks, total, warn) {
    cols.forEach(({ name }, j) => {
        const p = projections[j];
        if (p.kind !== 'number')
            return;
        const parts = sinks[j].parts;
        if (p.big) {
            let over = 0;
            for (const part of parts)
                for (let i = 0; i < part.length; i++)
                    if (Math.abs(part[i]) >= TWO_53)
                        over++;
            if (over) {
                warn(`column "${name}": ${over} value(s) reach 2^53 in magnitude and may have been rounded to the nearest double`);
            }
        }
        else {
            const inf = infiniteToMissing(parts);
            if (inf)
                warn(`column "${name}": ${inf} infinite value(s) read as missing`);
        }
    });
    return sinks.map((s) => s.finish(total));
}
/** Column-type problems found before reading any row. */
export class TypeProblems extends Error {
    problems;
    constructor(problems) {
        super(problems.join('; '));
        this.problems = problems;
    }
}
/**
 * What went wrong, from a DuckDB error, without any cell content: DuckDB messages can quote the offending line
 * ("Original Line: …") or value, so only known, content-free parts are kept.
 */
export function duckProblem(e) {
    const msg = e instanceof Error ? e.message : String(e);
    const lineMatch = /CSV Error on Line: (\d+)/.exec(msg) ?? /\bin line (\d+)/.exec(msg);
    const recordMatch = /\bin record\/value (\d+)/.exec(msg);
    const line = lineMatch ? `line ${lineMatch[1]}` : recordMatch ? `record ${recordMatch[1]}` : undefined;
    const cols = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(msg);
    if (cols) {
        const [expected, found] = [Number(cols[1]), Number(cols[2])];
        return {
            where: line,
            reason: `has ${found} field${found === 1 ? '' : 's'}, expected ${expected} (ragged row)`,
        };
    }
    if (/unterminated quote/i.test(msg))
        return { where: line, reason: 'has a quoted value that is never closed' };
    if (/invalid unicode|invalid UTF-8|not utf-8 encoded/i.test(msg))
        return { where: line, reason: 'is not valid UTF-8' };
    if (/No magic bytes found/i.test(msg))
        return { reason: 'is not a readable Parquet file (no Parquet magic bytes)' };
    const json = /Malformed JSON in file .*?(?:at byte (\d+) in (?:line|record\/value) (\d+))?: ([^.\n]*)/.exec(msg);
    if (json) {
        // yyjson's reasons ("unexpected end of data", "invalid UTF-8 encoding in string") carry no content.
        return { where: line, reason: `is not valid JSON: ${json[3].trim()}` };
    }
    if (/Maximum line size/i.test(msg))
        return { where: line, reason: 'has a line longer than the maximum line size' };
    if (/expected records, but got non-record JSON/i.test(msg)) {
        return {
            reason: 'it is not a list of records: lookalike reads a JSON array of objects, or one object per line (JSONL)',
        };
    }
    const dup = /has duplicate key "([^"]*)"/.exec(msg);
    if (dup)
        return { where: line, reason: `has the key "${dup[1]}" more than once` };
    // Unknown message: keep its first line, minus anything quoted, which may be data.
    const first = msg.split('\n')[0].replace(/Original Line:.*$/s, '');
    const clean = first
        .replace(/'[^']*'/g, '…')
        .replace(/"[^"]*"/g, '…')
        // objects, lists and whatever follows "Object"/"value" can hold cells too (numbers are not quoted)
        .replace(/\{.*\}|\[.*\]/g, '…')
        .replace(/\b(Object|value|Value)\s+[^\s,;:]+/g, '$1 …')
        .replace(/\s+/g, ' ')
        .trim();
    return { where: line, reason: clean.length > 200 ? `${clean.slice(0, 200)}…` : clean };
}
//# sourceMappingURL=duck.js.map