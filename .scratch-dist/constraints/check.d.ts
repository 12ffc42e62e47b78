import type { ColumnSpec, Schema } from '../table/schema.js';
import { type Cell, type Table } from '../table/table.js';
import type { Rule } from './types.js';
/**
 * Checking a table against rules: per rule, which rows break it. Missing values break nothing except where the
 * rule is about them (a fixed combination includes its missing cells; a computed column must be present when its
 * inputs are). Pure, over columns; O(rows × columns of the rule) per rule.
 */
export interface RuleViolations {
    readonly rule: Rule;
    /** Position of the rule in the list (0-based). */
    readonly index: number;
    readonly description: string;
    readonly count: number;
    /** 1 = the row breaks the rule. */
    readonly rows: Uint8Array;
}
export interface CheckContext {
    /**
     * Allowed combinations of a fixed-combinations rule without declared ones (the combinations seen in the
     * training data, resolved when a non-DP model was fitted), as `comboKey` strings, by rule index.
     */
    readonly combinations?: ReadonlyMap<number, ReadonlySet<string>>;
}
/** The key of a combination of cells (one per column of a fixed-combinations rule). */
export declare function comboKey(cells: readonly Cell[]): string;
/** Tolerance of a computed value: half the last decimal of its column, or a relative 1e-9. */
export declare function computedTolerance(spec: ColumnSpec | undefined, expected: number): number;
/** The rows breaking one rule. */
export declare function violations(table: Table, schema: Schema, rule: Rule, index?: number, ctx?: CheckContext): RuleViolations;
/** Check every rule; one entry per rule, in order. */
export declare function checkRules(table: Table, schema: Schema, rules: readonly Rule[], ctx?: CheckContext): RuleViolations[];
/** Rows breaking any rule. */
export declare function anyViolation(results: readonly RuleViolations[], n: number): Uint8Array;
/** A regular expression that must match a whole value. */
export declare function anchored(pattern: string): RegExp;
/** A declared combination in the form `cellValue` gives (categories as strings). */
export declare function declaredCombo(schema: Schema, columns: readonly string[], combo: readonly Cell[]): Cell[];
