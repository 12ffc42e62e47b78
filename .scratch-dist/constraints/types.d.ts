/**
 * Business rules as values (docs/constraints.md). A metadata file lists them under `constraints`; `parseRules`
 * validates them against the schema (every problem at once) and normalises the shorthands, so the rest of the
 * code sees only `Rule`s. A rule is public knowledge: a DP fit uses it at no cost, and what the private rows say
 * about it (how many break it) never reaches the output of a DP fit.
 *
 * ```json
 * "constraints": [
 *   { "type": "inequality", "low": "start", "high": "end" },
 *   { "type": "range", "column": "age", "min": 17, "max": 90 },
 *   { "type": "positive", "column": "capital-gain" },
 *   { "type": "fixed-combinations", "columns": ["education", "education-num"] },
 *   { "type": "sum", "column": "total", "of": ["a", "b", "c"] },
 *   { "type": "linear", "column": "net", "terms": { "gain": 1, "loss": -1 } },
 *   { "type": "ratio", "column": "per_room", "numerator": "bedrooms", "denominator": "rooms" },
 *   { "type": "rounding", "column": "price", "unit": 100 },
 *   { "type": "one-hot", "columns": ["is_red", "is_green", "is_blue"] },
 *   { "type": "unique", "column": "email" },
 *   { "type": "format", "column": "code", "pattern": "^[A-Z]{2}-\\d{4}$" },
 *   { "type": "conditional", "if": { "column": "status", "equals": "retired" },
 *     "then": { "type": "range", "column": "age", "min": 50 } }
 * ]
 * ```
 */
export type RuleCell = string | number | boolean | null;
export interface InequalityRule {
    readonly type: 'inequality';
    /** low ≤ high (low < high when strict); numeric or datetime columns of the same kind. */
    readonly low: string;
    readonly high: string;
    readonly strict?: boolean;
}
export interface RangeRule {
    readonly type: 'range';
    readonly column: string;
    /** Numbers, or datetime strings in the column's format. */
    readonly min?: number | string;
    readonly max?: number | string;
    readonly strictMin?: boolean;
    readonly strictMax?: boolean;
}
export interface FixedCombinationsRule {
    readonly type: 'fixed-combinations';
    readonly columns: readonly string[];
    /**
     * The combinations allowed (cells in `columns` order; null = missing). Omitted: the combinations seen in the
     * training data — refused by a DP fit, where they would be a fact read off private rows.
     */
    readonly combinations?: readonly (readonly RuleCell[])[];
}
export interface LinearRule {
    readonly type: 'linear';
    /** column = constant + Σ coefficient · term (missing when a term is missing). */
    readonly column: string;
    readonly terms: Readonly<Record<string, number>>;
    readonly constant?: number;
}
export interface RatioRule {
    readonly type: 'ratio';
    /** column = numerator / denominator (missing when either is missing or the denominator is 0). */
    readonly column: string;
    readonly numerator: string;
    readonly denominator: string;
}
export interface RoundingRule {
    readonly type: 'rounding';
    /** Values are whole multiples of `unit` (plus `offset`). */
    readonly column: string;
    readonly unit: number;
    readonly offset?: number;
}
export interface OneHotRule {
    readonly type: 'one-hot';
    /** Boolean (or 0/1 numeric) columns of which exactly one is true — at most one with `exactlyOne: false`. */
    readonly columns: readonly string[];
    readonly exactlyOne?: boolean;
}
export interface UniqueRule {
    readonly type: 'unique';
    readonly column: string;
}
export interface FormatRule {
    readonly type: 'format';
    /** An id or text column whose values match `pattern` (a JavaScript regular expression, anchored). */
    readonly column: string;
    readonly pattern: string;
}
export interface Condition {
    readonly column: string;
    /** The column equals this value (one of `in`). */
    readonly equals?: RuleCell;
    readonly in?: readonly RuleCell[];
}
export interface ConditionalRule {
    readonly type: 'conditional';
    readonly if: Condition;
    /** A range or an inequality that must hold in the rows where `if` holds. */
    readonly then: RangeRule | InequalityRule;
}
/** A validated, normalised rule (shorthands `positive`, `negative` and `sum` become `range` and `linear`). */
export type Rule = InequalityRule | RangeRule | FixedCombinationsRule | LinearRule | RatioRule | RoundingRule | OneHotRule | UniqueRule | FormatRule | ConditionalRule;
export type RuleType = Rule['type'];
