import type { Schema } from '../table/schema.js';
import { Table } from '../table/table.js';
import type { Rng } from '../random/rng.js';
import type { Rule } from './types.js';
/**
 * Enforcement by construction: the rules a synthesizer cannot break because the table it models does not let it.
 *
 * - **fixed combinations** and **one-hot groups** are merged into one categorical column whose categories are the
 *   allowed combinations (declared, or — outside DP — seen) or the group's columns; split back after sampling.
 * - **inequalities** `low ≤ high` are reparameterised (except for the synthesizers that make them structural zeros
 *   of their model, `PlanOptions.orderZeros`): one side (the *base*, a column without missing values) is
 *   modelled as it is, the other as the non-negative gap to it, and rebuilt as base ± max(gap, step) after
 *   sampling (step = 1 for a strict inequality between integers or datetimes, else 0). A column is rebuilt by at
 *   most one inequality; the others are checked.
 * - **computed columns** (`linear`, `ratio`) are not modelled; they are computed after sampling.
 * - **ranges** narrow the domain of the column (a public fact: DP discretisers then never produce a value outside).
 * - **rounding** and **formats** are applied after sampling (formats by generating strings from the pattern).
 *
 * Everything else — and everything above, as a final guarantee — is checked after sampling and the rows breaking a
 * rule are drawn again (constraints/model.ts). The plan is a JSON value stored in the model file.
 */
export interface MergeStep {
    readonly kind: 'combo' | 'one-hot';
    readonly rule: number;
    readonly name: string;
    readonly columns: readonly string[];
    /** combo: `comboKey` of each allowed combination; one-hot: the column that is on ("" for none). */
    readonly categories: readonly string[];
    /** Whether the combinations are declared in the rule (public) or were seen in the data. */
    readonly declared: boolean;
}
export interface GapStep {
    readonly rule: number;
    /** derived = base + sign · gap, gap ≥ step. */
    readonly derived: string;
    readonly base: string;
    readonly sign: 1 | -1;
    readonly step: number;
}
export interface ComputeStep {
    readonly rule: number;
    readonly column: string;
}
export interface ConstraintPlan {
    readonly rules: readonly Rule[];
    readonly merges: readonly MergeStep[];
    readonly gaps: readonly GapStep[];
    /** In dependency order. */
    readonly computed: readonly ComputeStep[];
    /** Schema of the table the synthesizer models. */
    readonly modelSchema: Schema;
}
export interface PlanOptions {
    /** A DP fit: combinations must be declared; nothing is read off the data. */
    readonly dp: boolean;
    /** The (rule-abiding) training table, to collect seen combinations in a non-DP fit. */
    readonly table?: Table;
    /**
     * The synthesizer makes structural zeros of an order between two columns (the DP-marginal ones: `forbidden`
     * regions, constraints/zeros.ts): inequalities are then not reparameterised — both sides are modelled as they are,
     * the pairs of bins past the diagonal are zeros of the model, and the rows drawn across it are checked and redrawn.
     */
    readonly orderZeros?: boolean;
}
/** Work out how each rule is enforced by construction, and the schema of the modelled table. */
export declare function planConstraints(rules: readonly Rule[], schema: Schema, opts: PlanOptions): ConstraintPlan;
/** The table a synthesizer models: merged columns, gaps for rebuilt sides, computed columns dropped. */
export declare function toModelTable(table: Table, plan: ConstraintPlan): Table;
/**
 * A modelled sample back in the user's columns: merged columns split, rebuilt sides from their gaps, computed
 * columns computed, rounding applied (formats: `applyFormats`, once over the whole sample).
 */
export declare function fromModelTable(sample: Table, plan: ConstraintPlan, schema: Schema): Table;
/** Formatted id/text columns generated from their patterns over the whole sample (distinct for ids and unique columns). */
export declare function applyFormats(table: Table, plan: ConstraintPlan, schema: Schema, rng: Rng): Table;
