import { type Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import type { ConditionPlan } from '../synthesizers/conditions.js';
import type { Model } from '../synthesizers/types.js';
/**
 * Rebalancing built on conditional sampling: a sample whose `column` has the given shares (e.g. a 5 % class raised
 * to 30 %). Exactly round(share · n) rows get each named value (the rounding remainder goes to the largest
 * share); the rest are conditioned to be *one of the other values*, which the model then draws by its own
 * probabilities — so every synthesizer does it natively (`ColumnCondition.oneOf`). Rows are in random order.
 * Reads the model only: under DP it spends nothing.
 */
export interface RebalanceSpec {
    readonly column: string;
    /** value → share of the output rows, each in (0, 1], summing to at most 1. */
    readonly shares: Readonly<Record<string, number>>;
}
/** `income=>50K:0.5` or `grade=A:0.2,B:0.3` (the CLI's `--rebalance`); a value may contain ':' (the last one splits). */
export declare function parseRebalance(text: string): RebalanceSpec;
/**
 * The condition plan of a rebalanced sample of n rows, validated against the schema: an unknown column or value, a
 * column that is not categorical or boolean, shares that do not add up are one `input` error (CLI exit 1).
 */
export declare function rebalancePlan(schema: Schema, n: number, spec: RebalanceSpec, seed?: number): ConditionPlan;
/** A rebalanced sample: `model.sample` with the plan of `rebalancePlan`. */
export declare function sampleRebalanced(model: Model, n: number, spec: RebalanceSpec, seed?: number): Table;
