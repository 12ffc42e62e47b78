/**
 * The app's readers (issue 16): a dropped file's bytes → raw columns, in the worker, with the project's own core
 * readers — `parseDelimited` for CSV/TSV (the same text the CLI's DuckDB reader gives), JSON records through
 * `tableFromRecords`' raw path, Parquet through hyparquet (a small pure-JS reader; docs/app.md says why not
 * duckdb-wasm). Every error names the file and the problem, never a cell.
 */
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { LookalikeError, parseDelimited, type RawColumn } from '../src/browser.js';

export type AppFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'parquet';

const EXTENSIONS: Record<string, AppFormat> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
  pq: 'parquet',
};

/** The format of a file by its extension (then by its first bytes), or undefined. */
export function formatOf(name: string, bytes: Uint8Array): AppFormat | undefined {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (EXTENSIONS[ext]) return EXTENSIONS[ext];
  if (bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31) return 'parquet';
  return undefined;
}

/** Bytes that are not text: a NUL in the first 4 KB (images, archives, spreadsheets). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function decode(bytes: Uint8Array, name: string): string {
  if (looksBinary(bytes))
    throw new LookalikeError(
      `cannot read ${name}: it is not a table (binary content); drop a CSV, TSV, JSON, JSONL or Parquet file`,
    );
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LookalikeError(
      `cannot read ${name}: it is not valid UTF-8 text; save it as UTF-8 and drop it again`,
    );
  }
}

/** Reads a file's bytes into raw columns; `warnings` collects what the user should know. */
export async function readBytes(
  name: string,
  bytes: Uint8Array,
  warnings: string[],
): Promise<{ columns: RawColumn[]; format: AppFormat }> {
  if (bytes.length === 0) throw new LookalikeError(`cannot read ${name}: the file is empty (0 bytes)`);
  const format = formatOf(name, bytes);
  if (format === undefined)
    throw new LookalikeError(
      `cannot read ${name}: it is not a table this app reads; use a .csv, .tsv, .json, .jsonl or .parquet file`,
    );
  if (format === 'parquet') return { columns: await readParquet(name, bytes), format };
  const text = decode(bytes, name);
  if (format === 'csv' || format === 'tsv') {
    const r = parseDelimited(text, { defaultDelimiter: format === 'tsv' ? '\t' : ',', source: name });
    warnings.push(...r.warnings.map((w) => `${name}: ${w}`));
    return { columns: r.columns, format };
  }
  return { columns: readJson(name, text, format), format };
}

/** JSON (an array of flat records) or JSONL (one record per line). */
function readJson(name: string, text: string, format: 'json' | 'jsonl'): RawColumn[] {
  let records: unknown[];
  try {
    if (format === 'json') {
      const v: unknown = JSON.parse(text);
      if (!Array.isArray(v))
        throw new LookalikeError(
          `cannot read ${name}: it is not a table — JSON data must be an array of records`,
        );
      records = v;
    } else {
      records = [];
      const lines = text.split(/\r?\n/);
      for (let i = 0; i < lines.length; i++) {
        if (lines[i].trim() === '') continue;
        try {
          records.push(JSON.parse(lines[i]));
        } catch {
          throw new LookalikeError(`cannot read ${name}: line ${i + 1} is not valid JSON`);
        }
      }
    }
  } catch (e) {
    if (e instanceof LookalikeError) throw e;
    throw new LookalikeError(
      `cannot read ${name}: it is not valid JSON (${(e as Error).message.split('\n')[0]})`,
    );
  }
  if (records.length === 0) throw new LookalikeError(`cannot read ${name}: it has no records`);
  const names: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r === null || typeof r !== 'object' || Array.isArray(r))
      throw new LookalikeError(`cannot read ${name}: it is not a table — record ${i + 1} is not an object`);
    for (const k of Object.keys(r))
      if (!seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
  }
  return names.map((key) => {
    let kind: 'number' | 'boolean' | 'string' | 'none' = 'none';
    const n = records.length;
    for (let i = 0; i < n; i++) {
      const v = (records[i] as Record<string, unknown>)[key];
      if (v === null || v === undefined) continue;
      const t =
        typeof v === 'number'
          ? 'number'
          : typeof v === 'boolean'
            ? 'boolean'
            : typeof v === 'string'
              ? 'string'
              : 'nested';
      if (t === 'nested')
        throw new LookalikeError(`cannot read ${name}:`, [
          `column "${key}" holds nested values (arrays or objects); flatten it first`,
        ]);
      if (kind === 'none') kind = t;
      else if (kind !== t) {
        kind = 'string'; // mixed: read as text, as inference then reports it
      }
    }
    const get = (i: number) => (records[i] as Record<string, unknown>)[key];
    if (kind === 'number') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = get(i);
        values[i] = typeof v === 'number' ? v : NaN;
      }
      return { name: key, type: 'number', values };
    }
    if (kind === 'boolean') {
      const values = new Int8Array(n);
      for (let i = 0; i < n; i++) {
        const v = get(i);
        values[i] = v === true ? 1 : v === false ? 0 : -1;
      }
      return { name: key, type: 'boolean', values };
    }
    const values = new Array<string | null>(n);
    for (let i = 0; i < n; i++) {
      const v = get(i);
      values[i] = v === null || v === undefined ? null : String(v);
    }
    return { name: key, type: 'string', values };
  });
}

/** Parquet through hyparquet: flat columns of numbers, booleans, text, dates and timestamps. */
async function readParquet(name: string, bytes: Uint8Array): Promise<RawColumn[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let rows: unknown[][] = [];
  let names: string[];
  let dateOnly: boolean[];
  try {
    const meta = parquetMetadata(file);
    const schema = parquetSchema(meta);
    const nested = schema.children.filter((c) => c.children.length > 0).map((c) => c.element.name);
    if (nested.length)
      throw new LookalikeError(
        `cannot read ${name}:`,
        nested.map((c) => `column "${c}" is nested (a list or struct); flatten it first`),
      );
    names = schema.children.map((c) => c.element.name);
    dateOnly = schema.children.map(
      (c) => c.element.converted_type === 'DATE' || c.element.logical_type?.type === 'DATE',
    );
    await parquetRead({ file, metadata: meta, onComplete: (r) => (rows = r) });
  } catch (e) {
    if (e instanceof LookalikeError) throw e;
    const msg = (e as Error).message ?? '';
    throw new LookalikeError(
      /compression|codec/i.test(msg)
        ? `cannot read ${name}: it uses a compression the page does not read (${msg.replace(/^.*codec:?\s*/i, '')}); save it with Snappy or no compression`
        : `cannot read ${name}: it is not a readable Parquet file`,
    );
  }
  if (rows.length === 0) throw new LookalikeError(`cannot read ${name}: it has no rows`);
  const n = rows.length;
  return names.map((col, k): RawColumn => {
    let kind: 'number' | 'bigint' | 'boolean' | 'date' | 'string' | 'none' = 'none';
    for (let i = 0; i < n && kind === 'none'; i++) {
      const v = rows[i][k];
      if (v === null || v === undefined) continue;
      kind =
        typeof v === 'number'
          ? 'number'
          : typeof v === 'bigint'
            ? 'bigint'
            : typeof v === 'boolean'
              ? 'boolean'
              : v instanceof Date
                ? 'date'
                : 'string';
    }
    if (kind === 'number' || kind === 'bigint' || kind === 'date') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = rows[i][k];
        values[i] =
          v === null || v === undefined
            ? NaN
            : v instanceof Date
              ? v.getTime()
              : Number(v as number | bigint);
      }
      return kind === 'date'
        ? { name: col, type: 'datetime', values, dateOnly: dateOnly[k] }
        : { name: col, type: 'number', values };
    }
    if (kind === 'boolean') {
      const values = new Int8Array(n);
      for (let i = 0; i < n; i++) {
        const v = rows[i][k];
        values[i] = v === true ? 1 : v === false ? 0 : -1;
      }
      return { name: col, type: 'boolean', values };
    }
    const values = new Array<string | null>(n);
    for (let i = 0; i < n; i++) {
      const v = rows[i][k];
      values[i] = v === null || v === undefined ? null : String(v);
    }
    return { name: col, type: 'string', values };
  });
}
