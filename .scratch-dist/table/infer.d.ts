import type { Column } from './column.js';
import { type Metadata } from './metadata.js';
import { type RawColumn } from './raw.js';
import type { Schema } from './schema.js';
import { Table, type Row } from './table.js';
/**
 * Inference: from raw columns (as a reader gives them) and optional metadata to a typed `Table` and its
 * `Schema`. Rules (documented in docs/architecture.md, "Schema inference"):
 * - typed numbers → numeric (integer when every value is whole); typed booleans → boolean; typed dates → datetime.
 * - text: empty field and `missingValues` → missing; all numbers → numeric; all `true`/`false` → boolean; all
 *   values matching one datetime format → datetime (format kept); else by cardinality: categorical when the
 *   distinct count is ≤ 50, or ≤ 10,000 and at most half the present values; otherwise `id` (no whitespace,
 *   short) or `text`.
 * - ambiguous or unusable columns are errors, all reported at once, each naming the column and a fix:
 *   `NaN`/`Infinity` strings among numbers, a column mixing ≥ 90% numbers with text, an all-missing column, and
 *   metadata that contradicts the data. Messages give counts and row numbers, never values.
 */
export interface BuildOptions {
    /** Parsed metadata (validated here when given as plain JSON). */
    readonly metadata?: unknown;
    /** Name of the input, for messages (e.g. the file path). */
    readonly source?: string;
}
export interface BuildResult {
    readonly table: Table;
    readonly schema: Schema;
    readonly warnings: string[];
}
export declare const MAX_CATEGORICAL_CARDINALITY = 10000;
/** The most decimal places a column's values may have for lookalike to keep (and round to) their precision. */
export declare const MAX_DECIMALS = 10;
/** How many values of a column are missing (NaN, code −1, null). */
export declare function missingCount(c: Column): number;
/**
 * The schema of a table as read off its data: every domain marked `inferred`, and every fact the metadata does
 * not declare listed in `inferredFacts`.
 */
export declare function inferSchema(table: Table, declared?: Metadata): Schema;
/**
 * Build a typed table and its schema from raw columns, applying (validated) metadata. Throws one LookalikeError
 * listing every problem found.
 */
export declare function buildTable(raw: readonly RawColumn[], opts?: BuildOptions): BuildResult;
/** Build a table from plain records (JS numbers, strings, booleans, null/undefined = missing). */
export declare function tableFromRecords(records: readonly Row[], metadata?: unknown, source?: string): BuildResult;
