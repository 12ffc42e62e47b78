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
/** The raw columns of `text` (a whole JSON or JSONL file), or `undefined` when it is not plain flat records. */
export declare function plainJsonRecords(text: string, format: 'json' | 'jsonl'): RawColumn[] | undefined;
