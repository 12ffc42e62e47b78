/**
 * Writing tables and files.
 *
 * Guarantees:
 * - Atomic: output goes to a temporary file in the target's directory, which is renamed over the target only
 *   when complete; on any failure the temporary file is removed and an existing target is left untouched.
 * - Deterministic: the same table gives the same bytes (Parquet is written single-threaded).
 * - CSV (RFC 4180, `\n` line ends, header row): integer columns without a decimal point, datetimes in their
 *   column's own format, booleans as true/false, missing as an empty field; a field is quoted when it holds the
 *   delimiter, a quote, a line break or edge spaces, or is the empty string (so it differs from missing).
 * - JSONL / JSON: one object per row with the columns in table order; missing (and non-finite numbers) as null.
 * - Parquet: integer columns as BIGINT (DOUBLE if a value is beyond 2^53), other numerics DOUBLE, booleans
 *   BOOLEAN, datetimes DATE (date-only formats whose values are all midnight) or TIMESTAMP, everything else VARCHAR.
 * Runtime: one pass over the rows; text formats are written in blocks of 8,192 rows.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DuckDBDataChunk, DOUBLE, VARCHAR, BOOLEAN, type DuckDBValue } from '@duckdb/node-api';
import { LookalikeError } from '../errors.js';
import type { Column } from '../table/column.js';
import { datetimeCodec } from '../table/datetime.js';
import type { Table } from '../table/table.js';
import { csvField } from './csv.js';
import { sqlIdent, sqlString, withDuck } from './duck.js';

export type WriteFormat = 'csv' | 'tsv' | 'parquet' | 'jsonl' | 'json';
export const WRITE_FORMATS: readonly WriteFormat[] = ['csv', 'tsv', 'parquet', 'jsonl', 'json'];

export interface WriteOptions {
  /** Overrides the format chosen from the file extension. */
  format?: WriteFormat;
}

const WRITE_EXTENSIONS: Record<string, WriteFormat> = {
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
export function writeFormatFromPath(path: string): WriteFormat | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : WRITE_EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Runs `produce(tempPath)`, which must create the temporary file, then renames it to `path`. On any failure
 * the temporary file is removed and the error rethrown.
 */
export async function atomically(path: string, produce: (tempPath: string) => Promise<void>): Promise<void> {
  const tmp = tempPathFor(path);
  try {
    await produce(tmp);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true, recursive: true }).catch(() => {});
    throw toWriteError(path, e);
  }
}

function toWriteError(path: string, e: unknown): Error {
  if (e instanceof LookalikeError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'its directory does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'a directory is in the way',
    ENOTDIR: 'a path component is not a directory',
    ENOSPC: 'no space left on the device',
    EROFS: 'the file system is read-only',
  };
  if (code && reasons[code]) return new LookalikeError(`cannot write ${path}: ${reasons[code]}`);
  return e instanceof Error ? e : new Error(String(e));
}

/** Writes `data` to `path` atomically (temporary file in the same directory, then rename). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await atomically(path, async (tmp) => {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
  });
}

/** Writes `chunks()` (strings, in order) to `path` atomically. */
async function writeChunksAtomic(path: string, chunks: () => Iterable<string>): Promise<void> {
  await atomically(path, async (tmp) => {
    const fh = await open(tmp, 'wx');
    try {
      for (const s of chunks()) await fh.write(s);
      await fh.sync();
    } finally {
      await fh.close();
    }
  });
}

const TWO_53 = 2 ** 53;

/** A whole number as digits (no exponent even beyond 1e21). */
function integerText(v: number): string {
  return Math.abs(v) < 1e21 || !Number.isInteger(v) ? String(v) : BigInt(v).toString();
}

/** A cell as CSV text ('' = missing). */
function csvCellWriter(c: Column, delimiter: string): (r: number) => string {
  switch (c.kind) {
    case 'numeric': {
      const v = c.values;
      return c.integer
        ? (r) => (Number.isNaN(v[r]) ? '' : integerText(v[r]))
        : (r) => (Number.isNaN(v[r]) ? '' : String(v[r]));
    }
    case 'datetime': {
      const v = c.values;
      const codec = datetimeCodec(c.format);
      return (r) => (Number.isNaN(v[r]) ? '' : csvField(codec.format_(v[r]), delimiter));
    }
    case 'boolean': {
      const v = c.values;
      return (r) => (v[r] < 0 ? '' : v[r] === 1 ? 'true' : 'false');
    }
    case 'categorical': {
      const quoted = c.categories.map((s) => csvField(s, delimiter));
      const k = c.codes;
      return (r) => (k[r] < 0 ? '' : quoted[k[r]]);
    }
    case 'id':
    case 'text': {
      const v = c.values;
      return (r) => {
        const s = v[r];
        return s === null ? '' : csvField(s, delimiter);
      };
    }
  }
}

/** A cell as JSON text. */
function jsonCellWriter(c: Column): (r: number) => string {
  switch (c.kind) {
    case 'numeric': {
      const v = c.values;
      return c.integer
        ? (r) => (Number.isFinite(v[r]) ? integerText(v[r]) : 'null')
        : (r) => (Number.isFinite(v[r]) ? String(v[r]) : 'null');
    }
    case 'datetime': {
      const v = c.values;
      const codec = datetimeCodec(c.format);
      return (r) => (Number.isNaN(v[r]) ? 'null' : JSON.stringify(codec.format_(v[r])));
    }
    case 'boolean': {
      const v = c.values;
      return (r) => (v[r] < 0 ? 'null' : v[r] === 1 ? 'true' : 'false');
    }
    case 'categorical': {
      const quoted = c.categories.map((s) => JSON.stringify(s));
      const k = c.codes;
      return (r) => (k[r] < 0 ? 'null' : quoted[k[r]]);
    }
    case 'id':
    case 'text': {
      const v = c.values;
      return (r) => {
        const s = v[r];
        return s === null ? 'null' : JSON.stringify(s);
      };
    }
  }
}

const BLOCK = 8192;

function* csvChunks(table: Table, delimiter: string): Generator<string> {
  yield table.columns.map((c) => csvField(c.name, delimiter)).join(delimiter) + '\n';
  const cells = table.columns.map((c) => csvCellWriter(c, delimiter));
  const m = cells.length;
  for (let start = 0; start < table.nRows; start += BLOCK) {
    const end = Math.min(table.nRows, start + BLOCK);
    let s = '';
    for (let r = start; r < end; r++) {
      for (let j = 0; j < m; j++) {
        if (j) s += delimiter;
        s += cells[j](r);
      }
      s += '\n';
    }
    yield s;
  }
}

function* jsonChunks(table: Table, array: boolean): Generator<string> {
  const keys = table.columns.map((c) => JSON.stringify(c.name) + ':');
  const cells = table.columns.map((c) => jsonCellWriter(c));
  const m = cells.length;
  if (array) yield '[\n';
  for (let start = 0; start < table.nRows; start += BLOCK) {
    const end = Math.min(table.nRows, start + BLOCK);
    let s = '';
    for (let r = start; r < end; r++) {
      s += '{';
      for (let j = 0; j < m; j++) {
        if (j) s += ',';
        s += keys[j] + cells[j](r);
      }
      s += array ? (r === table.nRows - 1 ? '}\n' : '},\n') : '}\n';
    }
    yield s;
  }
  if (array) yield ']\n';
}

/** How a column is staged in DuckDB (DOUBLE / VARCHAR / BOOLEAN) and cast when written to Parquet. */
function parquetPlan(c: Column): { stage: 'DOUBLE' | 'VARCHAR' | 'BOOLEAN'; out: (col: string) => string } {
  switch (c.kind) {
    case 'numeric': {
      if (c.integer) {
        let safe = true;
        for (const v of c.values)
          if (Math.abs(v) > TWO_53 || (!Number.isNaN(v) && !Number.isInteger(v))) safe = false;
        if (safe) return { stage: 'DOUBLE', out: (x) => `CAST(${x} AS BIGINT)` };
      }
      return { stage: 'DOUBLE', out: (x) => x };
    }
    case 'datetime': {
      let midnight = !/[Hms]/.test(c.format === 'ISO' ? '' : c.format);
      if (midnight) for (const v of c.values) if (!Number.isNaN(v) && v % 86_400_000 !== 0) midnight = false;
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
function stageValue(c: Column, r: number): DuckDBValue {
  switch (c.kind) {
    case 'numeric':
    case 'datetime': {
      const v = c.values[r];
      return Number.isNaN(v) ? null : v;
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

async function writeParquet(table: Table, path: string): Promise<void> {
  await atomically(path, (tmp) =>
    withDuck(async (con) => {
      const plans = table.columns.map(parquetPlan);
      const staged = table.columns.map((_, j) => `c${j}`);
      await con.run(`CREATE TABLE stage (${plans.map((p, j) => `${staged[j]} ${p.stage}`).join(', ')})`);
      const appender = await con.createAppender('stage');
      const types = plans.map((p) =>
        p.stage === 'DOUBLE' ? DOUBLE : p.stage === 'BOOLEAN' ? BOOLEAN : VARCHAR,
      );
      const size = 2048;
      for (let start = 0; start < table.nRows; start += size) {
        const n = Math.min(size, table.nRows - start);
        const chunk = DuckDBDataChunk.create(types, n);
        table.columns.forEach((c, j) => {
          const vals = new Array<DuckDBValue>(n);
          for (let i = 0; i < n; i++) vals[i] = stageValue(c, start + i);
          chunk.setColumnValues(j, vals);
        });
        appender.appendDataChunk(chunk);
      }
      appender.closeSync();
      const select = table.columns
        .map((c, j) => `${plans[j].out(staged[j])} AS ${sqlIdent(c.name)}`)
        .join(', ');
      await con.run(`COPY (SELECT ${select} FROM stage) TO ${sqlString(tmp)} (FORMAT parquet)`);
    }, 1),
  );
}

/**
 * Writes `table` to `path` as CSV, TSV, Parquet, JSONL or JSON (by extension, or `opts.format`), atomically and
 * deterministically (see the module comment for the exact formats).
 */
export async function writeTable(table: Table, path: string, opts: WriteOptions = {}): Promise<void> {
  const format = opts.format ?? writeFormatFromPath(path);
  if (format === undefined || !WRITE_FORMATS.includes(format)) {
    throw new LookalikeError(
      `cannot write ${path}: ${opts.format !== undefined ? `format must be one of ${WRITE_FORMATS.join(', ')}` : 'cannot tell the format from the extension; use .csv .tsv .parquet .jsonl or .json'}`,
      [],
      'usage',
    );
  }
  if (table.nColumns === 0)
    throw new LookalikeError(`cannot write ${path}: the table has no columns`, [], 'usage');
  switch (format) {
    case 'csv':
    case 'tsv': {
      const d = format === 'csv' ? ',' : '\t';
      return writeChunksAtomic(path, () => csvChunks(table, d));
    }
    case 'jsonl':
    case 'json':
      return writeChunksAtomic(path, () => jsonChunks(table, format === 'json'));
    case 'parquet':
      return writeParquet(table, path);
  }
}
