import type { ColumnSpec, Schema } from '../table/schema.js';
import type { Condition, ConditionalRule, Rule, RuleCell } from './types.js';
/**
 * Validate the `constraints` of a metadata file against the schema and normalise them (`positive`/`negative` →
 * `range`, `sum` → `linear`). Every problem is collected — malformed rules, unknown columns, wrong column kinds,
 * and rules that contradict each other (empty ranges, a strict inequality cycle, an inequality that ranges make
 * impossible, a column computed twice or in a cycle, a column merged by two rules) — and thrown as one
 * LookalikeError. Messages name rules by position and columns by name, never a value of the data.
 */
export declare function parseRules(json: unknown, schema: Schema, source?: string): Rule[];
/** Whether a rule's literal value fits a column: its kind, and its domain when one is declared. */
export declare function cellFits(spec: ColumnSpec | undefined, v: RuleCell): boolean;
/** A rule in a few words for messages: `total_bedrooms <= total_rooms`. Values are the rule's own (public). */
export declare function describeRule(r: Rule): string;
/** "rule 3 (a <= b)": how messages name a rule. */
export declare function ruleLabel(rules: readonly Rule[], r: Rule): string;
/** The columns a rule reads. */
export declare function ruleColumns(r: Rule): string[];
/** A range bound as a number (datetimes in epoch ms). */
export declare function boundValue(spec: ColumnSpec | undefined, v: number | string | undefined): number | undefined;
/** The kind of a rule's literal for a conditional's `if` (exported for check.ts). */
export declare function conditionMatches(spec: ColumnSpec | undefined, c: Condition, cell: RuleCell): boolean;
export type { ConditionalRule };
