import type { Schema } from '../table/schema.js';
import { Table } from '../table/table.js';
import type { ConditionRow, Conditions } from './types.js';
/**
 * Conditional sampling, the part every synthesizer shares (the contract is on `SampleOptions.conditions`):
 * `planConditions` validates the option against the schema and groups identical condition rows;
 * `sampleGroups` draws each group (natively, by the synthesizer) and puts the rows back in condition-row order;
 * `sampleByRejection` is the documented fallback for a model that cannot condition natively.
 */
export type ConditionKind = 'numeric' | 'datetime' | 'categorical' | 'boolean';
/** One column fixed to one value, normalised to the column's storage. */
export interface ColumnCondition {
    readonly column: string;
    readonly kind: ConditionKind;
    /** categorical: the category; boolean: 1 or 0; numeric: the value; datetime: epoch milliseconds. */
    readonly value: number | string;
    /**
     * Any one of these values instead of `value` alone (`value` is then the first). Not reachable from the public
     * option: the constraints layer asks for it (a condition on one column of a merged fixed combination allows
     * every combination holding that value). A model draws among them by its own probabilities.
     */
    readonly oneOf?: readonly (number | string)[];
}
/** Condition rows that ask for the same values, and the output rows they stand for. */
export interface ConditionGroup {
    /** In schema column order; empty for rows without any condition. */
    readonly conditions: readonly ColumnCondition[];
    /** Output rows of this group, increasing. */
    readonly rows: Int32Array;
}
export interface ConditionPlan {
    readonly n: number;
    /** Groups in order of first appearance; together they cover rows 0..n-1 once. */
    readonly groups: readonly ConditionGroup[];
}
/**
 * Validate `conditions` against the schema (see `SampleOptions.conditions`) and group identical condition rows.
 * Returns null when there is nothing to condition on. Throws one LookalikeError (kind `input`) listing every
 * problem, each naming the column and the condition rows (1-based) it occurs in.
 */
export declare function planConditions(schema: Schema, n: number, conditions: Conditions | undefined): ConditionPlan | null;
/** A short description of a group's conditions for messages: `age=40, sex=Male` (the user's own values). */
export declare function describeConditions(conds: readonly ColumnCondition[]): string;
/**
 * Draw a conditional sample group by group and put the rows back in condition-row order. `draw(group, count,
 * seed)` returns `count` rows of the schema's columns satisfying the group's conditions (for the group without
 * conditions: an unconditional sample). Conditioned cells are then set to their values exactly
 * (`applyConditions`) and id columns renumbered 1..n / syn-1..syn-n over the whole output, as an unconditional
 * sample has them.
 */
export declare function sampleGroups(schema: Schema, plan: ConditionPlan, seed: number, draw: (group: ConditionGroup, count: number, seed: number) => Table): Table;
/**
 * Id columns numbered 1..n / syn-1..syn-n over the whole table (in the style of the ids the draws gave), as an
 * unconditional sample has them: a table put together from several draws repeats their numbers otherwise.
 */
export declare function renumberIds(schema: Schema, table: Table): Table;
/** The same table with every conditioned cell set to its condition value (categories added when missing). */
export declare function applyConditions(table: Table, conds: readonly ColumnCondition[]): Table;
/**
 * Which rows of `table` match the conditions. Categories and booleans match exactly, integer columns exactly,
 * float and datetime columns within `tolerance(column)` (the rejection sampler uses 1/100 of the domain's range).
 */
export declare function matchConditions(table: Table, conds: readonly ColumnCondition[], tolerance?: (column: string) => number): Uint8Array;
/** 1/100 of a float or datetime column's domain range (0 for integers and columns without a domain). */
export declare function rejectionTolerance(schema: Schema, column: string): number;
export interface RejectionOptions {
    /** Most rows drawn in all, default 100 × count + 1,000. */
    readonly maxDraws?: number;
    /** The synthesizer's name, for the error. */
    readonly synthesizer?: string;
}
/**
 * The fallback for a model that cannot condition natively: draw unconditional rows in batches (`draw(count,
 * seed)`), keep those that match the conditions (`matchConditions` with `rejectionTolerance`: a continuous value
 * within 1/100 of its range is set to the condition exactly afterwards), until `count` are kept or `maxDraws`
 * rows have been drawn. Exact for categories, booleans and integers; for continuous columns the other columns
 * follow the model given a window around the value. Costs about count / prevalence draws, so the bound turns an
 * impossible or very rare condition into a LookalikeError naming it, with the prevalence seen.
 */
export declare function sampleByRejection(schema: Schema, draw: (count: number, seed: number) => Table, conds: readonly ColumnCondition[], count: number, seed: number, opts?: RejectionOptions): Table;
/** Rows of every table in turn (pairwise, so that many small parts cost O(rows · log parts)). */
export declare function concatAll(parts: readonly Table[]): Table;
/**
 * Fixed conditions written as text, `COLUMN=VALUE` each (the CLI's repeatable `--condition`, a form field), as one
 * record; the first `=` splits, so a value may contain `=`. A malformed pair, or a column given two different
 * values, is a usage error naming `option`.
 */
export declare function parseConditionPairs(pairs: readonly string[], option?: string): Record<string, string>;
/**
 * Condition rows (a table's records: an empty cell leaves that column free in that row) with the `fixed` values
 * added to every row. A row that gives a fixed column another value is an input error naming the column and the
 * rows (`source` names the table), never the values.
 */
export declare function withFixedConditions(rows: Record<string, string | number | boolean | null>[], fixed: Readonly<Record<string, string>>, source: string): ConditionRow[];
