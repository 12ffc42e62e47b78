/**
 * Small JSON and JSONL data files of plain flat records, read in JavaScript without DuckDB (which takes a few
 * hundred milliseconds to load: `lookalike fit` of a small JSON table should not pay that; issue 9).
 *
 * Only the plainest files take this path — an array of objects (or one object per line) that all have the same
 * keys in the same order, each key holding only strings, only booleans or only finite numbers below 2^53 in
 * magnitude (or only nulls) — and for those it gives exactly the raw columns DuckDB's reader gives (a test compares
 * the two on every such file it can generate). Anything else returns `undefined` and the caller reads the file
 * through DuckDB, which also owns every error message: a syntax error, a repeated key, nesting, mixed types, keys
 * that differ between records, 64-bit integers, a byte-order mark.
 */
import type { RawColumn } from './raw.js';

const TWO_53 = 2 ** 53;
/** Keys JavaScript would reorder (integer-like keys come first in `Object.keys`), so the file's order is lost. */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;
/** A lone surrogate or a NUL: text whose handling by DuckDB is not worth mirroring. */
// eslint-disable-next-line no-control-regex
const ODD_TEXT = /[\u0000]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_KEYS = 1000;

/** Colons outside strings: one per key in a file of flat records (more means a repeated key or nesting). */
function colonsOutsideStrings(text: string): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a) n++;
  }
  return n;
}

function parseRecords(text: string, format: 'json' | 'jsonl'): unknown[] | undefined {
  try {
    if (format === 'json') {
      if (text.trimStart()[0] !== '[') return undefined;
      const v: unknown = JSON.parse(text);
      return Array.isArray(v) ? v : undefined;
    }
    if (text.includes('\r')) return undefined;
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const out: unknown[] = [];
    for (const line of lines) {
      if (line.trim() === '') return undefined;
      out.push(JSON.parse(line));
    }
    return out;
  } catch {
    return undefined;
  }
}

/** The raw columns of `text` (a whole JSON or JSONL file), or `undefined` when it is not plain flat records. */
export function plainJsonRecords(text: string, format: 'json' | 'jsonl'): RawColumn[] | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const records = parseRecords(text, format);
  if (!records || records.length === 0) return undefined;
  const first = records[0];
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return undefined;
  const keys = Object.keys(first);
  if (keys.length === 0 || keys.length > MAX_KEYS) return undefined;
  const lower = new Set(keys.map((k) => k.toLowerCase()));
  if (lower.size !== keys.length || keys.some((k) => k === '' || INDEX_KEY.test(k) || ODD_TEXT.test(k)))
    return undefined;
  for (const r of records) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) return undefined;
    const k = Object.keys(r);
    if (k.length !== keys.length || k.some((x, i) => x !== keys[i])) return undefined;
  }
  if (colonsOutsideStrings(text) !== records.length * keys.length) return undefined;
  const n = records.length;
  const columns: RawColumn[] = [];
  for (const name of keys) {
    let type: 'string' | 'number' | 'boolean' | undefined;
    for (const r of records) {
      const v = (r as Record<string, unknown>)[name];
      if (v === null) continue;
      const t = typeof v;
      if (t !== 'string' && t !== 'number' && t !== 'boolean') return undefined;
      if (type === undefined) type = t as 'string' | 'number' | 'boolean';
      else if (type !== t) return undefined;
      if (t === 'number') {
        const x = v as number;
        if (!Number.isFinite(x) || Math.abs(x) >= TWO_53 || Object.is(x, -0)) return undefined;
      } else if (t === 'string' && ODD_TEXT.test(v as string)) return undefined;
    }
    if (type === 'number') {
      const values = new Float64Array(n);
      records.forEach((r, i) => {
        const v = (r as Record<string, unknown>)[name];
        values[i] = v === null ? NaN : (v as number);
      });
      columns.push({ name, type: 'number', values });
    } else if (type === 'boolean') {
      const values = new Int8Array(n);
      records.forEach((r, i) => {
        const v = (r as Record<string, unknown>)[name];
        values[i] = v === null ? -1 : v ? 1 : 0;
      });
      columns.push({ name, type: 'boolean', values });
    } else {
      // strings, or nothing but nulls (DuckDB's NULL type, read as text)
      columns.push({
        name,
        type: 'string',
        values: records.map((r) => (r as Record<string, unknown>)[name] as string | null),
      });
    }
  }
  return columns;
}
