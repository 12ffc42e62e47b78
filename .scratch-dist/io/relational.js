/**
 * Reading and writing a database: a folder with one file per table (CSV, TSV, Parquet, JSONL, Arrow — the table
 * is the file name without its extension) or a DuckDB database file (every table of its main schema).
 *
 * Guarantees:
 * - Tables come back in file-name order (folder) or name order (DuckDB); each is typed by schema inference with
 *   its own column metadata when relational metadata gives it.
 * - In a folder, `.json`, `.md`, `.txt` and hidden files are not tables (metadata and notes live beside the data).
 * - Writing is all or nothing: every file is first written into a temporary folder beside the target, then moved
 *   into it; on failure the temporary folder is removed and the target keeps what it had. A DuckDB output is one
 *   file written atomically.
 * Runtime: one DuckDB read per table (see read.ts); writing one pass per table.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { LookalikeError } from '../errors.js';
import { inferRelationalMetadata } from '../relational/infer.js';
import { parseRelationalMetadata } from '../relational/metadata.js';
import { buildTable } from '../table/infer.js';
import { readJsonFile } from './json.js';
import { sqlIdent, sqlString, withDuck } from './duck.js';
import { readRawColumns } from './read.js';
import { readSql } from './sql.js';
import { atomically } from './write.js';
import { writeTable } from './write.js';
const TABLE_EXTENSIONS = {
    '.csv': 'csv',
    '.tsv': 'tsv',
    '.tab': 'tsv',
    '.parquet': 'parquet',
    '.pq': 'parquet',
    '.jsonl': 'jsonl',
    '.ndjson': 'jsonl',
    '.arrow': 'arrow',
    '.feather': 'arrow',
};
const DUCKDB_EXTENSIONS = /\.(duckdb|ddb)$/i;
/** The mixed-kind problem of schema inference, naming its column. */
const MIXED = /^column "((?:[^"\\]|\\.)*)" mixes numbers/;
function buildLenient(name, raw, source, opts) {
    const metadata = opts.columnMetadata?.[name];
    try {
        return buildTable(raw, { metadata, source });
    }
    catch (e) {
        if (!opts.lenient || !(e instanceof LookalikeError))
            throw e;
        const mixed = e.problems.map((p) => MIXED.exec(p)?.[1]).filter((c) => c !== undefined);
        if (mixed.length === 0 || mixed.length < e.problems.length)
            throw e;
        const declared = metadata?.columns ?? [];
        const columns = [
            ...declared.filter((c) => !mixed.includes(c.name)),
            ...mixed.map((c) => ({ name: c, kind: 'categorical' })),
        ];
        const r = buildTable(raw, {
            metadata: { version: 1, missingValues: metadata?.missingValues ?? [], columns },
            source,
        });
        return {
            ...r,
            warnings: [
                ...r.warnings,
                ...mixed.map((c) => `column "${c}" mixes numbers and text: read as categorical (review it in the metadata)`),
            ],
        };
    }
}
/** True when `path` names a DuckDB database file by its extension. */
export function isDuckdbPath(path) {
    return DUCKDB_EXTENSIONS.test(path);
}
async function listFolder(path) {
    const entries = await readdir(path, { withFileTypes: true });
    const out = [];
    const seen = new Map();
    const problems = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (!e.isFile() || e.name.startsWith('.'))
            continue;
        const gz = /\.gz$/i.test(e.name);
        const base = gz ? e.name.slice(0, -3) : e.name;
        const ext = extname(base).toLowerCase();
        const format = TABLE_EXTENSIONS[ext];
        if (!format || (gz && (format === 'parquet' || format === 'arrow')))
            continue;
        const name = base.slice(0, -ext.length);
        if (seen.has(name))
            problems.push(`files "${seen.get(name)}" and "${e.name}" both hold a table "${name}"`);
        seen.set(name, e.name);
        out.push({ name, file: join(path, e.name), format: format });
    }
    if (problems.length)
        throw new LookalikeError(`cannot read the folder ${path}:`, problems);
    return out;
}
/**
 * Reads every table of a folder or DuckDB file. Throws one LookalikeError listing every table that could not
 * be read (and why), or saying the folder holds no table file.
 */
export async function readDatabase(path, opts = {}) {
    let st;
    try {
        st = await stat(path);
    }
    catch {
        throw new LookalikeError(`not found: ${path}`);
    }
    const warnings = [];
    const tables = {};
    const schemas = {};
    const problems = [];
    const want = opts.only ? new Set(opts.only) : undefined;
    let format;
    const build = (name, raw, source) => {
        try {
            const r = buildLenient(name, raw, source, opts);
            tables[name] = r.table;
            schemas[name] = r.schema;
            warnings.push(...r.warnings.map((w) => `table "${name}": ${w}`));
        }
        catch (e) {
            if (!(e instanceof LookalikeError))
                throw e;
            problems.push(e.message.replace(/\n {2}- /g, '\n    - '));
        }
    };
    if (st.isDirectory()) {
        const files = (await listFolder(path)).filter((f) => !want || want.has(f.name));
        if (files.length === 0)
            throw new LookalikeError(`the folder ${path} holds no table files (.csv, .tsv, .parquet, .jsonl, .arrow); metadata (.json) and notes are not tables`);
        const formats = new Set(files.map((f) => f.format));
        format = formats.size === 1 ? files[0].format : 'csv';
        for (const f of files) {
            try {
                const raw = await readRawColumns(f.file, {
                    format: f.format,
                    onWarning: (m) => warnings.push(`${f.file}: ${m}`),
                });
                build(f.name, raw, f.file);
            }
            catch (e) {
                if (!(e instanceof LookalikeError))
                    throw e;
                problems.push(e.message);
            }
        }
    }
    else if (isDuckdbPath(path)) {
        format = 'duckdb';
        const names = await duckdbTables(path);
        for (const name of names.filter((n) => !want || want.has(n))) {
            try {
                const raw = await readSql(path, `SELECT * FROM ${sqlIdent(name)}`, {
                    onWarning: (m) => warnings.push(`table "${name}": ${m}`),
                });
                build(name, raw, `table "${name}" of ${path}`);
            }
            catch (e) {
                if (!(e instanceof LookalikeError))
                    throw e;
                problems.push(e.message);
            }
        }
        if (names.length === 0)
            throw new LookalikeError(`the DuckDB database ${path} has no tables`);
    }
    else {
        throw new LookalikeError(`cannot read ${path} as a database: give a folder of table files or a DuckDB file (.duckdb)`, [], 'usage');
    }
    if (want)
        for (const n of want)
            if (!tables[n] && !problems.length)
                problems.push(`no table "${n}" in ${path}`);
    if (problems.length)
        throw new LookalikeError(`cannot read the database ${path}:`, problems);
    return { tables, schemas, format, warnings };
}
/** Names of the tables of a DuckDB database file's main schema, sorted. */
export async function duckdbTables(path) {
    const raw = await readSql(path, "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'lookalike_db' AND table_schema = 'main' ORDER BY table_name").catch((e) => {
        if (e instanceof LookalikeError && /returned no rows/.test(e.message))
            return [];
        throw e;
    });
    if (raw.length === 0)
        return [];
    const c = raw[0];
    if (c.type === 'string')
        return c.values.filter((v) => v !== null);
    if (c.type === 'dictionary')
        return Array.from(c.codes, (k) => c.dictionary[k]);
    return [];
}
const EXT = {
    csv: '.csv',
    tsv: '.tsv',
    parquet: '.parquet',
    jsonl: '.jsonl',
};
/**
 * Writes `tables` to a folder (one file per table, in `format`; Arrow input is written as Parquet) or, for
 * `format: 'duckdb'`, to one DuckDB database file at `path`. All or nothing (see the module comment).
 */
export async function writeDatabase(path, tables, format) {
    const names = Object.keys(tables);
    const bad = names.filter((n) => n === '' || /[/\\\0]/.test(n) || n.startsWith('.'));
    if (bad.length)
        throw new LookalikeError(`cannot write the database: ${bad.length} table names cannot be file names`, [], 'usage');
    if (format === 'duckdb') {
        await atomically(path, async (tmp) => {
            const stage = await mkdtemp(join(dirname(path), '.lookalike-stage-'));
            try {
                const files = [];
                for (const n of names) {
                    const f = join(stage, `t${files.length}.parquet`);
                    await writeTable(tables[n], f, { format: 'parquet' });
                    files.push(f);
                }
                await withDuck(async (con) => {
                    await con.run(`ATTACH ${sqlString(tmp)} AS out_db`);
                    for (let i = 0; i < names.length; i++)
                        await con.run(`CREATE TABLE out_db.main.${sqlIdent(names[i])} AS SELECT * FROM read_parquet(${sqlString(files[i])})`);
                    await con.run('DETACH out_db');
                }, 1);
            }
            finally {
                await rm(stage, { recursive: true, force: true });
            }
        });
        return [path];
    }
    const ext = EXT[format === 'arrow' ? 'parquet' : format];
    await mkdir(path, { recursive: true }).catch((e) => {
        throw new LookalikeError(`cannot create the folder ${path}: ${e.code ?? 'unknown error'}`);
    });
    const stage = await mkdtemp(join(path, '.lookalike-stage-'));
    const written = [];
    try {
        for (const n of names)
            await writeTable(tables[n], join(stage, `${n}${ext}`), { format: ext.slice(1) });
        for (const n of names) {
            const target = join(path, `${n}${ext}`);
            await rename(join(stage, `${n}${ext}`), target);
            written.push(target);
        }
    }
    finally {
        await rm(stage, { recursive: true, force: true });
    }
    return written;
}
/** `basename` without the extension, for naming a database in messages. */
export function databaseName(path) {
    const b = basename(path.replace(/[/\\]+$/, ''));
    return isDuckdbPath(b) ? b.replace(DUCKDB_EXTENSIONS, '') : b;
}
/** A table file's name, as a folder database holds it (the extensions of `TABLE_EXTENSIONS`, maybe gzipped). */
const TABLE_FILE = /\.(csv|tsv|tab|parquet|pq|jsonl|ndjson|arrow|feather)(\.gz)?$/i;
/**
 * True when `path` is a database: a file named .duckdb / .ddb, or a folder holding at least one table file (a
 * folder without one goes the single-table way, which says that a directory is not a table).
 */
export function isDatabaseInput(path) {
    if (!path)
        return false;
    if (isDuckdbPath(path))
        return true;
    try {
        return (statSync(path).isDirectory() && readdirSync(path).some((f) => TABLE_FILE.test(f) && !f.startsWith('.')));
    }
    catch {
        return false;
    }
}
/** True when `path` is a relational model file (read to find out; false for anything else). */
export async function isRelationalModelFile(path) {
    if (!path?.endsWith('.json') || !existsSync(path))
        return false;
    try {
        const f = (await readJsonFile(path, 'model file'));
        return f.format === 'lookalike-relational-model' || f.format === 'lookalike-relational-dp-model';
    }
    catch {
        return false;
    }
}
/**
 * Refuses (usage error) to write a synthetic database over an existing one: a .duckdb file that exists, or a
 * folder that already holds a file of one of the tables (lookalike never writes over data).
 */
export function refuseExistingDatabase(out, option, names) {
    const usage = (m) => new LookalikeError(`--${option}: ${m}`, [], 'usage');
    if (isDuckdbPath(out)) {
        if (existsSync(out))
            throw usage(`"${out}" exists; lookalike does not write over a database`);
        return;
    }
    if (!existsSync(out))
        return;
    if (!statSync(out).isDirectory())
        throw usage(`"${out}" is a file, not a folder`);
    const there = new Set(readdirSync(out).map((f) => f.replace(TABLE_FILE, '')));
    const clash = names.filter((n) => there.has(n));
    if (clash.length)
        throw usage(`the folder "${out}" already holds the table(s) ${clash.join(', ')}; lookalike does not write over data: give a new or empty folder`);
}
/** The format to write a database in: DuckDB for a .duckdb path, else `given` (default csv) for a folder. */
export function databaseOutputFormat(out, given) {
    if (isDuckdbPath(out))
        return 'duckdb';
    const f = given ?? 'csv';
    if (!['csv', 'tsv', 'parquet', 'jsonl'].includes(f))
        throw new LookalikeError(`--format: one of csv, tsv, parquet, jsonl for a folder (got "${f}")`, [], 'usage');
    return f;
}
/** A relational metadata file, validated. */
export async function readRelationalMetadata(path) {
    return parseRelationalMetadata(await readJsonFile(path, 'relational metadata file'), path);
}
/**
 * A database with its metadata: the metadata file at `metadataPath` (its column metadata applied to each table),
 * or keys inferred from the data (`inferred` then holds the proposal and its notes; the tables are read leniently).
 * `onStep` hears what is read and how much, `onWarning` the warnings of reading.
 */
export async function readDatabaseWithMetadata(path, metadataPath, opts = {}) {
    const given = metadataPath ? await readRelationalMetadata(metadataPath) : undefined;
    opts.onStep?.(`reading the database ${path}`);
    const t0 = Date.now();
    const db = await readDatabase(path, {
        lenient: opts.lenient ?? !given,
        ...(given ? { columnMetadata: Object.fromEntries(given.tables.map((t) => [t.name, t.metadata])) } : {}),
    });
    for (const w of db.warnings)
        opts.onWarning?.(w);
    const rows = Object.values(db.tables).reduce((a, t) => a + t.nRows, 0);
    const s = ((Date.now() - t0) / 1000).toFixed(1);
    opts.onStep?.(`  ${Object.keys(db.tables).length} tables, ${rows.toLocaleString('en-US')} rows (${s} s)`);
    if (given)
        return { db, meta: given };
    const inferred = inferRelationalMetadata(db.tables);
    return { db, meta: inferred.metadata, inferred };
}
//# sourceMappingURL=relational.js.map