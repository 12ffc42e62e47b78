/**
 * Writing tables and files.
 *
 * Guarantees:
 * - Atomic: output goes to a temporary file in the target's directory, which is renamed over the target only
 *   when complete; on any failure the temporary file is removed and an existing target is left untouched.
 * - Deterministic: the same table gives the same bytes (Parquet is written single-threaded).
 * - CSV (RFC 4180, `\n` line ends, header row): integer columns without a decimal point, datetimes in their
 *   column's own format, booleans as true/false, missing (and non-finite numbers) as an empty field; a field is quoted when it holds the
 *   delimiter, a quote, a line break or edge spaces, or is the empty string (so it differs from missing).
 * - JSONL / JSON: one object per row with the columns in table order; missing (and non-finite numbers) as null.
 * - Parquet: integer columns as BIGINT (DOUBLE if a value is beyond 2^53), other numerics DOUBLE, booleans
 *   BOOLEAN, datetimes DATE (date-only formats whose values are all midnight) or TIMESTAMP, everything else VARCHAR.
 * Runtime: one pass over the rows; text formats are written in blocks of 8,192 rows.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LookalikeError } from '../errors.js';
import { delimitedChunks, jsonChunks } from '../table/text.js';
import { sqlIdent, sqlString, withDuck } from './duck.js';
export const WRITE_FORMATS = ['csv', 'tsv', 'parquet', 'jsonl', 'json'];
const WRITE_EXTENSIONS = {
    csv: 'csv',
    txt: 'csv',
    tsv: 'tsv',
    parquet: 'parquet',
    pq: 'parquet',
    jsonl: 'jsonl',
    ndjson: 'jsonl',
    json: 'json',
};
/** The output format of `path` by extension, or undefined. */
export function writeFormatFromPath(path) {
    const dot = path.lastIndexOf('.');
    return dot < 0 ? undefined : WRITE_EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}
/** Longest file name most file systems accept, in bytes. */
const NAME_MAX = 255;
/** `.<name>.<pid>.<12 hex>.tmp` — the shape `removeStaleTemps` recognises. */
const TEMP_RE = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;
function tempPathFor(path) {
    const suffix = `.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    let base = basename(path);
    // keep the temporary name within NAME_MAX bytes even when the target's own name is close to it
    while (base && Buffer.byteLength(`.${base}${suffix}`) > NAME_MAX)
        base = Array.from(base).slice(0, -1).join('');
    return join(dirname(path), `.${base}${suffix}`);
}
/** True when a process with this id exists (signal 0 probes without sending anything). */
function processAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM'; // exists, owned by someone else
    }
}
const swept = new Set();
/**
 * Removes temporary files that an earlier lookalike process left in `dir` when it died before it could clean up
 * (`kill -9`, a power cut): files named like ours whose process id is no longer running. Once per folder per
 * process; best effort (a folder that cannot be listed is left alone). Assumes no process on another machine
 * writes into the same folder (a network share), whose ids this machine cannot see. Returns the names removed.
 */
export async function removeStaleTemps(dir) {
    const removed = [];
    if (swept.has(dir))
        return removed;
    swept.add(dir);
    let names;
    try {
        names = await readdir(dir);
    }
    catch {
        return removed;
    }
    for (const name of names) {
        const m = TEMP_RE.exec(name);
        if (!m)
            continue;
        const pid = Number(m[1]);
        if (pid === process.pid || processAlive(pid))
            continue;
        try {
            await rm(join(dir, name), { force: true, recursive: true });
            removed.push(name);
        }
        catch {
            // not ours to remove (permissions): leave it
        }
    }
    return removed;
}
/*
 * Temporary files being written right now. While there are any, SIGINT, SIGTERM and SIGHUP remove them before
 * the process ends (a Ctrl-C or a `kill` during a long write leaves nothing behind); the handlers are installed
 * only for that time, and the signal is re-raised afterwards so the process ends as it would have.
 */
const liveTemps = new Set();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const handlers = new Map();
function onSignal(signal) {
    for (const tmp of liveTemps)
        rmSync(tmp, { force: true, recursive: true });
    liveTemps.clear();
    uninstallHandlers();
    // with no other listener the default action applies again: the process ends with the signal's status
    if (process.listenerCount(signal) === 0)
        process.kill(process.pid, signal);
}
function installHandlers() {
    if (handlers.size)
        return;
    for (const sig of SIGNALS) {
        const h = () => onSignal(sig);
        handlers.set(sig, h);
        process.on(sig, h);
    }
}
function uninstallHandlers() {
    for (const [sig, h] of handlers)
        process.off(sig, h);
    handlers.clear();
}
/**
 * Runs `produce(tempPath)`, which must create the temporary file, then renames it to `path`. On any failure
 * the temporary file is removed and the error rethrown as a `LookalikeError` naming `path` (never the temporary
 * name). Stale temporary files of dead processes in the same folder are removed first.
 */
export async function atomically(path, produce) {
    await removeStaleTemps(dirname(path));
    const tmp = tempPathFor(path);
    liveTemps.add(tmp);
    installHandlers();
    try {
        await produce(tmp);
        await rename(tmp, path);
    }
    catch (e) {
        await rm(tmp, { force: true, recursive: true }).catch(() => { });
        throw toWriteError(path, e);
    }
    finally {
        liveTemps.delete(tmp);
        if (!liveTemps.size)
            uninstallHandlers();
    }
}
const WRITE_REASONS = {
    ENOENT: 'its directory does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'a directory is in the way',
    ENOTDIR: 'a path component is not a directory',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is exhausted',
    EROFS: 'the file system is read-only',
    ENAMETOOLONG: 'the file name is too long',
    EFBIG: 'the file is larger than the file system allows',
    EIO: 'an input/output error occurred on the device',
};
/** DuckDB reports file errors as text ("IO Error: Cannot open file "…": Read-only file system"). */
const DUCK_REASONS = [
    [/read-only file system/i, WRITE_REASONS.EROFS],
    [/permission denied/i, WRITE_REASONS.EACCES],
    [/no space left/i, WRITE_REASONS.ENOSPC],
    [/quota exceeded/i, WRITE_REASONS.EDQUOT],
    [/file name too long/i, WRITE_REASONS.ENAMETOOLONG],
    [/no such file or directory/i, WRITE_REASONS.ENOENT],
    [/is a directory/i, WRITE_REASONS.EISDIR],
    [/not a directory/i, WRITE_REASONS.ENOTDIR],
    [/file too large/i, WRITE_REASONS.EFBIG],
];
function toWriteError(path, e) {
    if (e instanceof LookalikeError)
        return e;
    const code = e?.code;
    if (code && WRITE_REASONS[code])
        return new LookalikeError(`cannot write ${path}: ${WRITE_REASONS[code]}`);
    const msg = e instanceof Error ? e.message : String(e);
    if (/^IO Error/i.test(msg)) {
        const known = DUCK_REASONS.find(([re]) => re.test(msg));
        // the rest of DuckDB's message names the temporary file: not shown
        return new LookalikeError(`cannot write ${path}: ${known ? known[1] : 'the file could not be written'}`);
    }
    return e instanceof Error ? e : new Error(msg);
}
/** Writes `data` to `path` atomically (temporary file in the same directory, then rename). */
/** `value` as JSON and a line break (indented by `indent`, else on one line), written atomically. */
export function writeJsonFile(path, value, indent) {
    return writeFileAtomic(path, `${JSON.stringify(value, null, indent)}\n`);
}
export async function writeFileAtomic(path, data) {
    await atomically(path, async (tmp) => {
        const fh = await open(tmp, 'wx');
        try {
            await fh.writeFile(data);
            await fh.sync();
        }
        finally {
            await fh.close();
        }
    });
}
/** Writes `chunks()` (strings, in order) to `path` atomically. */
async function writeChunksAtomic(path, chunks) {
    await atomically(path, async (tmp) => {
        const fh = await open(tmp, 'wx');
        try {
            for (const s of chunks())
                await fh.write(s);
            await fh.sync();
        }
        finally {
            await fh.close();
        }
    });
}
export const TWO_53 = 2 ** 53;
/** How a column is staged in DuckDB (DOUBLE / VARCHAR / BOOLEAN) and cast when written to Parquet. */
export function parquetPlan(c) {
    switch (c.kind) {
        case 'numeric': {
            if (c.integer) {
                let safe = true;
                for (const v of c.values)
                    if (Math.abs(v) > TWO_53 || (!Number.isNaN(v) && !Number.isInteger(v)))
                        safe = false;
                if (safe)
                    return { stage: 'DOUBLE', out: (x) => `CAST(${x} AS BIGINT)` };
            }
            return { stage: 'DOUBLE', out: (x) => x };
        }
        case 'datetime': {
            let midnight = !/[Hms]/.test(c.format === 'ISO' ? '' : c.format);
            if (midnight)
                for (const v of c.values)
                    if (!Number.isNaN(v) && v % 86_400_000 !== 0)
                        midnight = false;
            return midnight
                ? { stage: 'DOUBLE', out: (x) => `CAST(epoch_ms(CAST(${x} AS BIGINT)) AS DATE)` }
                : { stage: 'DOUBLE', out: (x) => `epoch_ms(CAST(${x} AS BIGINT))` };
        }
        case 'boolean':
            return { stage: 'BOOLEAN', out: (x) => x };
        default:
            return { stage: 'VARCHAR', out: (x) => x };
    }
}
/** The value of row r of column c in its staging type (null = missing). */
function stageValue(c, r) {
    switch (c.kind) {
        case 'numeric':
        case 'datetime': {
            const v = c.values[r];
            return Number.isFinite(v) ? v : null;
        }
        case 'boolean':
            return c.values[r] < 0 ? null : c.values[r] === 1;
        case 'categorical':
            return c.codes[r] < 0 ? null : c.categories[c.codes[r]];
        case 'id':
        case 'text':
            return c.values[r];
    }
}
async function writeParquet(table, path) {
    // loaded here, not at the top: the CLI loads DuckDB only on the paths that use it (issue 9: start-up time)
    const { DuckDBDataChunk, DOUBLE, VARCHAR, BOOLEAN } = await import('@duckdb/node-api');
    await atomically(path, (tmp) => withDuck(async (con) => {
        const plans = table.columns.map(parquetPlan);
        const staged = table.columns.map((_, j) => `c${j}`);
        await con.run(`CREATE TABLE stage (${plans.map((p, j) => `${staged[j]} ${p.stage}`).join(', ')})`);
        const appender = await con.createAppender('stage');
        const types = plans.map((p) => p.stage === 'DOUBLE' ? DOUBLE : p.stage === 'BOOLEAN' ? BOOLEAN : VARCHAR);
        const size = 2048;
        for (let start = 0; start < table.nRows; start += size) {
            const n = Math.min(size, table.nRows - start);
            const chunk = DuckDBDataChunk.create(types, n);
            table.columns.forEach((c, j) => {
                const vals = new Array(n);
                for (let i = 0; i < n; i++)
                    vals[i] = stageValue(c, start + i);
                chunk.setColumnValues(j, vals);
            });
            appender.appendDataChunk(chunk);
        }
        appender.closeSync();
        const select = table.columns
            .map((c, j) => `${plans[j].out(staged[j])} AS ${sqlIdent(c.name)}`)
            .join(', ');
        await con.run(`COPY (SELECT ${select} FROM stage) TO ${sqlString(tmp)} (FORMAT parquet)`);
    }, 1));
}
/**
 * Writes `table` to `path` as CSV, TSV, Parquet, JSONL or JSON (by extension, or `opts.format`), atomically and
 * deterministically (see the module comment for the exact formats).
 */
export async function writeTable(table, path, opts = {}) {
    const format = opts.format ?? writeFormatFromPath(path);
    if (format === undefined || !WRITE_FORMATS.includes(format)) {
        throw new LookalikeError(`cannot write ${path}: ${opts.format !== undefined ? `format must be one of ${WRITE_FORMATS.join(', ')}` : 'cannot tell the format from the extension; use .csv .tsv .parquet .jsonl or .json'}`, [], 'usage');
    }
    if (table.nColumns === 0)
        throw new LookalikeError(`cannot write ${path}: the table has no columns`, [], 'usage');
    switch (format) {
        case 'csv':
        case 'tsv': {
            const d = format === 'csv' ? ',' : '\t';
            return writeChunksAtomic(path, () => delimitedChunks(table, d));
        }
        case 'jsonl':
        case 'json':
            return writeChunksAtomic(path, () => jsonChunks(table, format === 'json'));
        case 'parquet':
            return writeParquet(table, path);
    }
}
//# sourceMappingURL=write.js.map