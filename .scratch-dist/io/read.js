/**
 * Reading tables from files: CSV/TSV, Parquet and JSON/JSONL through DuckDB, Arrow IPC through apache-arrow.
 *
 * Guarantees:
 * - Text formats (CSV/TSV) come back as text raw columns exactly as written (DuckDB reads every column as
 *   VARCHAR), so schema inference sees the original number and date formats. An empty field is missing (null).
 *   Text with few distinct values comes dictionary-encoded (`type: 'dictionary'`), other text as `'string'`.
 * - Typed formats keep their types: numbers (integers, decimals; 64-bit integers beyond 2^53 are rounded and
 *   ±Infinity read as missing, with warnings), booleans, DATE/TIMESTAMP as epoch milliseconds UTC. JSON strings
 *   that DuckDB would parse as dates stay strings, so their format is kept.
 * - Row order is the file's; ragged rows are errors, never padded or skipped.
 * - Every bad input is a `LookalikeError` naming the file, and the line where DuckDB knows it; no message
 *   echoes a cell of the file.
 * Runtime: one parse of the file into a DuckDB temporary table (JSON: one more pass to infer column types over
 * the whole file), a COUNT DISTINCT per text column, then column vectors read per 2,048-row chunk. Memory: the
 * DuckDB copy plus the raw columns (flights-3m.parquet, 3M rows × 5 columns: ~0.65 GB peak RSS).
 */
import { LookalikeError } from '../errors.js';
import { buildTable } from '../table/infer.js';
import { rawLength } from '../table/raw.js';
import { columnNames, csvDialect, csvRelation, firstRecord, readHead } from './csv.js';
import { TypeProblems, describe, duckProblem, readRelation, readTuning, sqlString, withDuck, } from './duck.js';
import { checkJsonDepth } from './json.js';
import { plainJsonRecords } from './json-records.js';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MAX_COLUMNS, MAX_JSON_DEPTH, columnsProblem } from './limits.js';
export const READ_FORMATS = ['csv', 'tsv', 'parquet', 'json', 'jsonl', 'arrow'];
/**
 * The CSV dialect written as text (the CLI's `--delimiter`, `--quote`, `--no-header`) as `ReadOptions`:
 * `\t` or `tab` is a tab; each must be one character (usage errors otherwise).
 */
export function csvDialectOptions(o) {
    const one = (flag, v, given = v) => {
        if (v.length !== 1)
            throw new LookalikeError(`--${flag} must be one character, got "${given}"`, [], 'usage');
        return v;
    };
    const d = o.delimiter;
    return {
        ...(d !== undefined ? { delimiter: one('delimiter', d === '\\t' || d === 'tab' ? '\t' : d, d) } : {}),
        ...(o.quote !== undefined ? { quote: one('quote', o.quote) } : {}),
        ...(o.noHeader ? { header: false } : {}),
    };
}
const EXTENSIONS = {
    csv: 'csv',
    txt: 'csv',
    tsv: 'tsv',
    tab: 'tsv',
    parquet: 'parquet',
    pq: 'parquet',
    json: 'json',
    jsonl: 'jsonl',
    ndjson: 'jsonl',
    arrow: 'arrow',
    feather: 'arrow',
    ipc: 'arrow',
};
/** The format of `path` by extension (a trailing `.gz` is looked through: DuckDB reads gzip), or undefined. */
export function formatFromPath(path) {
    const gz = /\.gz$/i.test(path);
    const base = path.toLowerCase().replace(/\.gz$/, '');
    const dot = base.lastIndexOf('.');
    if (dot < 0)
        return undefined;
    const f = EXTENSIONS[base.slice(dot + 1)];
    return gz && (f === 'parquet' || f === 'arrow') ? undefined : f;
}
/**
 * File-level checks shared by readers: the path exists, is a regular file, and is not empty. Returns its size in
 * bytes.
 */
export async function checkInputFile(path) {
    let st;
    try {
        st = await stat(path);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw new LookalikeError(`file not found: ${path}`);
        if (code === 'EACCES')
            throw new LookalikeError(`cannot read ${path}: permission denied`);
        throw new LookalikeError(`cannot read ${path}: ${code ?? 'unknown error'}`);
    }
    if (st.isDirectory())
        throw new LookalikeError(`cannot read ${path}: it is a directory, not a file`);
    if (!st.isFile())
        throw new LookalikeError(`cannot read ${path}: it is not a regular file`);
    if (st.size === 0)
        throw new LookalikeError(`cannot read ${path}: the file is empty (0 bytes)`);
    return st.size;
}
function checkOptions(path, opts) {
    const problems = [];
    const format = opts.format ?? formatFromPath(path);
    if (opts.format !== undefined && !READ_FORMATS.includes(opts.format)) {
        problems.push(`format must be one of ${READ_FORMATS.join(', ')}`);
    }
    else if (format === undefined) {
        problems.push(`cannot tell the format of ${path} from its extension; use one of .csv .tsv .txt .parquet .json .jsonl ` +
            `.ndjson .arrow .feather, or pass a format`);
    }
    for (const k of ['delimiter', 'quote']) {
        const v = opts[k];
        if (v !== undefined && (typeof v !== 'string' || v.length === 0 || v.length > 4 || /[\r\n]/.test(v))) {
            problems.push(`${k} must be a short string without line breaks`);
        }
    }
    if (opts.header !== undefined && typeof opts.header !== 'boolean')
        problems.push('header must be true or false');
    if (problems.length)
        throw new LookalikeError(`cannot read ${path}:`, problems, 'usage');
    return format;
}
/**
 * Reads a table file into raw columns, one per column of the file, in file order.
 * Throws `LookalikeError` naming the file (and line) for: a missing file, a directory, an empty file, a header
 * with no data rows, ragged rows, an unclosed quote, invalid UTF-8, malformed JSON, an unreadable Parquet or
 * Arrow file, and nested (list/struct) columns.
 */
export async function readRawColumns(path, opts = {}) {
    // the file first: a directory or a missing file is an input error (exit 1) whatever its name says
    const size = await checkInputFile(path);
    const format = checkOptions(path, opts);
    // Small files are parsed once, straight into raw columns (text as plain strings); larger ones are staged in a
    // temporary table first so that the steps that build dictionaries for their text columns parse them only once.
    // (a subsample is streamed out of the file: never staged)
    const stage = !opts.subsample && (size > readTuning.stageMinBytes || /\.gz$/i.test(path));
    const pick = opts.subsample ? { pick: opts.subsample } : {};
    const warn = opts.onWarning ?? (() => { });
    let columns;
    const plain = (format === 'json' || format === 'jsonl') && size <= readTuning.plainJsonMaxBytes && !/\.gz$/i.test(path)
        ? await plainJson(path, format)
        : undefined;
    let what = 'no data rows';
    try {
        if (format === 'arrow') {
            const arrow = await import('./arrow.js'); // apache-arrow loads only for Arrow files
            let t;
            try {
                t = await arrow.readArrowFile(path);
            }
            catch {
                throw new LookalikeError(`cannot read ${path}: it is not a readable Arrow IPC file`);
            }
            if (t.numCols === 0)
                throw new LookalikeError(`cannot read ${path}: it is not a readable Arrow IPC file`);
            try {
                columns = arrow.arrowToRaw(t, warn);
            }
            catch (e) {
                if (e instanceof arrow.ArrowTypeProblems)
                    throw new LookalikeError(`cannot read ${path}:`, e.problems);
                throw e;
            }
            what = 'no records';
        }
        else if (plain) {
            columns = plain; // a small file of plain flat records, read without DuckDB (same columns as DuckDB gives)
            what = 'no records';
        }
        else {
            columns = await withDuck(async (con) => {
                if (format === 'csv' || format === 'tsv') {
                    const head = await readHead(path, path);
                    if (head.trim() === '')
                        throw new LookalikeError(`cannot read ${path}: it holds only blank lines`);
                    let d = await csvDialect(con, path, head, format === 'tsv' ? '\t' : ',', opts);
                    const first = firstRecord(head, d);
                    if (first === null) {
                        throw new LookalikeError(`cannot read ${path}: line 1 has a quoted value that is never closed`);
                    }
                    if (!d.header && opts.header === undefined) {
                        // A header whose names look like data (years, "0") makes the sniffer call it a data row. When the
                        // caller knows the column names (metadata) and the first line spells exactly them, it is the header.
                        const expected = opts.columnNames && new Set(opts.columnNames);
                        if (expected && expected.size === first.length && first.every((f) => expected.has(f))) {
                            d = { ...d, header: true };
                        }
                        else {
                            warn(`the first line looks like data, not a header, so the columns are named column0, column1, …; ` +
                                `if it is a header, name the columns in a metadata file (or pass header: true)`);
                        }
                    }
                    const names = d.header ? columnNames(first, warn) : first.map((_, i) => `column${i}`);
                    if (d.header)
                        what = 'a header but no data rows';
                    if (names.length > MAX_COLUMNS)
                        throw new TypeProblems([columnsProblem(names.length)]);
                    return readRelation(con, csvRelation(path, d, names), warn, {
                        ...pick,
                        stage,
                        columns: names.map((name) => ({ name, type: 'VARCHAR' })),
                    });
                }
                if (format === 'parquet') {
                    what = 'no rows';
                    return readRelation(con, `read_parquet(${sqlString(path)})`, warn, {
                        ...pick,
                        stage: false,
                        dictionaries: true,
                    });
                }
                what = 'no records';
                await checkJsonDepth(path, MAX_JSON_DEPTH);
                const fmt = format === 'jsonl' ? 'newline_delimited' : 'auto';
                // map_inference_threshold=-1: DuckDB would otherwise fold records of more than 200 keys into one MAP column
                // records=true: a file of scalars or arrays is refused instead of read as one column named "json"
                const base = `read_json(${sqlString(path)}, format='${fmt}', records=true, sample_size=-1, map_inference_threshold=-1`;
                // DuckDB turns date-like JSON strings into DATE/TIMESTAMP; re-read those columns as text to keep their
                // format (inference detects it), and everything else with the types DuckDB found.
                const cols = await describe(con, `${base})`).catch(async (e) => {
                    // an empty array is "non-record JSON" to DuckDB too: tell it apart from a file of scalars or arrays
                    const n = await con
                        .runAndReadAll(`SELECT count(*) FROM read_json(${sqlString(path)}, format='${fmt}')`)
                        .then((r) => Number(r.getRows()[0][0]))
                        .catch(() => -1);
                    if (n === 0)
                        return [];
                    throw e;
                });
                if (cols.length === 0)
                    return [];
                const asText = /^(DATE|TIME|TIMESTAMP|UUID)/i;
                if (!cols.some((c) => asText.test(c.type)))
                    return readRelation(con, `${base})`, warn, { ...pick, stage, columns: cols });
                const typed = cols.map((c) => ({ name: c.name, type: asText.test(c.type) ? 'VARCHAR' : c.type }));
                const spec = typed.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
                return readRelation(con, `${base}, columns={${spec}})`, warn, { ...pick, stage, columns: typed });
            });
        }
    }
    catch (e) {
        if (e instanceof LookalikeError)
            throw e;
        if (e instanceof TypeProblems) {
            throw new LookalikeError(`cannot read ${path}:`, e.problems);
        }
        const { where, reason } = duckProblem(e);
        throw new LookalikeError(`cannot read ${path}: ${where !== undefined ? `${where} ` : ''}${reason}`);
    }
    if (columns.length === 0 || rawLength(columns[0]) === 0) {
        throw new LookalikeError(`cannot read ${path}: it has ${what}`);
    }
    // read whole (Arrow, small JSON): cut here, as the DuckDB path cuts while streaming
    if (opts.subsample && (format === 'arrow' || plain)) {
        const keep = opts.subsample(rawLength(columns[0]));
        if (keep)
            columns = columns.map((c) => takeRaw(c, keep));
    }
    return columns;
}
/** The rows `keep` (positions) of a raw column. */
function takeRaw(c, keep) {
    switch (c.type) {
        case 'dictionary':
            return { ...c, codes: Int32Array.from(keep, (i) => c.codes[i]) };
        case 'string':
            return { ...c, values: Array.from(keep, (i) => c.values[i]) };
        case 'boolean':
            return { ...c, values: Int8Array.from(keep, (i) => c.values[i]) };
        default:
            return { ...c, values: Float64Array.from(keep, (i) => c.values[i]) };
    }
}
/** The raw columns of a small JSON file of plain flat records, or undefined (then DuckDB reads it). */
async function plainJson(path, format) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
    }
    catch {
        return undefined; // invalid UTF-8 (or unreadable): DuckDB's path has the message
    }
    return plainJsonRecords(text, format);
}
/**
 * Reads a table file and infers its schema (with optional metadata applied): `readRawColumns` followed by
 * `buildTable`. Every warning of both steps is in the result's `warnings` (reader warnings prefixed with the
 * file name); `opts.onWarning` is not called, so a caller printing `warnings` prints each once.
 */
export async function readTable(path, opts = {}) {
    const warnings = [];
    const names = metadataNames(opts.metadata);
    const raw = await readRawColumns(path, {
        ...opts,
        ...(names ? { columnNames: names } : {}),
        onWarning: (m) => warnings.push(`${path}: ${m}`),
    });
    const built = buildTable(raw, { metadata: opts.metadata, source: path });
    return { ...built, warnings: [...warnings, ...built.warnings] };
}
/** The column names a metadata object lists, in order, when it lists any (unvalidated: buildTable checks it). */
function metadataNames(metadata) {
    const cols = metadata?.columns;
    if (!Array.isArray(cols) || !cols.length)
        return undefined;
    const names = cols.map((c) => c?.name);
    return names.every((n) => typeof n === 'string') ? names : undefined;
}
/** The demo table: Palmer penguins, shipped by the npm package vega-datasets (a dependency of lookalike). */
export function demoTablePath() {
    // the package exports only its JS entry (build/index.js); its data folder sits beside build/
    const entry = createRequire(import.meta.url).resolve('vega-datasets');
    return join(dirname(dirname(entry)), 'data', 'penguins.json');
}
//# sourceMappingURL=read.js.map