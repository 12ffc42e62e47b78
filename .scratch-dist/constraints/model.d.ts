import type { Schema } from '../table/schema.js';
import { Table, cellValue } from '../table/table.js';
import type { FitOptions, Model, ModelFile, SampleOptions, Synthesizer } from '../synthesizers/types.js';
import { comboKey } from './check.js';
import { describeRule } from './parse.js';
import { type ConstraintPlan } from './transform.js';
import type { Rule } from './types.js';
/**
 * A model that keeps business rules (docs/constraints.md): a synthesizer's model of the *transformed* table
 * (transform.ts: merged combinations, gaps, no computed columns) wrapped so that samples come back in the user's
 * columns, every rule checked, and the rows that break one drawn again.
 *
 * - **Bounded resampling**: at most `MAX_ROUNDS` rounds and 100 × n + 1,000 rows drawn in all; then a
 *   LookalikeError names every rule still broken and in how many rows.
 * - **Conditions** on merged columns become sets of allowed combinations (native in every synthesizer); conditions
 *   on a rebuilt side of an inequality or on a computed column are met by rejection (`sampleByRejection`). A
 *   condition that breaks a rule on its own is an error naming the rule.
 * - **Privacy**: the rules are public; the wrapper reads no data when sampling, so a DP model stays DP and its
 *   ledger is the inner model's.
 */
export declare const MAX_ROUNDS = 50;
/**
 * Rounds of within-bin redraws for the rows drawn across an inequality's diagonal (a pair of bins that straddles
 * it), before such a row is drawn again whole.
 */
export declare const WITHIN_ROUNDS = 20;
/** What the model file stores under `constraints`: the rules and how they are enforced (no data). */
export interface ConstraintsFile {
    readonly rules: readonly Rule[];
    readonly plan: Omit<ConstraintPlan, 'rules'>;
}
export declare class ConstrainedModel implements Model {
    readonly inner: Model;
    /** The user's schema (the inner model's is `plan.modelSchema`). */
    readonly schema: Schema;
    readonly plan: ConstraintPlan;
    readonly synthesizer: string;
    readonly privacy: Model['privacy'];
    private readonly ctx;
    /** Inequalities over two columns the inner model holds as they are, when it can redraw values within bins. */
    private readonly orders;
    constructor(inner: Model, 
    /** The user's schema (the inner model's is `plan.modelSchema`). */
    schema: Schema, plan: ConstraintPlan);
    /**
     * The rows breaking an inequality whose two columns the inner model holds as they are: their two values drawn
     * again within their bins (`Model.redrawWithinBins`), at most WITHIN_ROUNDS times. A pair of bins wholly past the
     * diagonal is a structural zero of a DP-marginal model; a pair across it keeps its cell and gets values on the
     * right side, drawn by rejection within the cell; a conditioned column (`fixed`) keeps its value. Rows still
     * breaking a rule are left to `drawKept`.
     */
    private withinBins;
    get rules(): readonly Rule[];
    /** The inner model's default row count (a DP model's noisy total). */
    get defaultRows(): number | undefined;
    sample(n: number, opts?: SampleOptions): Table;
    toJSON(): ModelFile;
    /** Rows that keep every rule: drawn, checked, the breaking rows drawn again (bounded). */
    private drawKept;
    /** The draw for a group: inner conditions (merged sets, passed-through values), rejection for the rest. */
    private drawer;
    private innerConditions;
    /** A condition group whose values alone break a rule is an error naming the rule and the condition rows. */
    private checkConditions;
}
export interface RuleFitNote {
    readonly rule: string;
    /** Training rows that broke the rule (non-DP fits only; under DP this count is private and not reported). */
    readonly rows: number;
}
/**
 * Fit `synthesizer` so that its samples keep `rules` (parsed by `parseRules`). Rows of the training table that
 * break a rule are left out of the fit. In a non-DP fit the returned notes count them per rule; in a DP fit
 * nothing about them is reported (how many rows break a rule is a fact about the private table), and
 * fixed-combination rules must declare their combinations.
 */
export declare function fitWithRules(synthesizer: Synthesizer, table: Table, schema: Schema, rules: readonly Rule[], opts?: FitOptions): Promise<{
    model: ConstrainedModel;
    notes: RuleFitNote[];
}>;
/**
 * Rebuild a constrained model from its file: the inner synthesizer's `load` reads the file with the modelled
 * schema; the plan is validated against the rules and the schema.
 */
export declare function loadConstrained(file: ModelFile, synthesizer: Synthesizer, load: (f: ModelFile) => Model): ConstrainedModel;
export { describeRule, comboKey, cellValue };
