/**
 * What a metric is, in one place: the descriptor that `evaluate`, `evaluatePrivacy`, the policy catalogue, the text
 * summary and the reports all read (registry.ts keeps them). A new metric is one file exporting a descriptor and one
 * line in builtin.ts (or one `registerMetric` call for a metric that lives outside lookalike); docs/evaluation.md
 * shows an example.
 *
 * How a descriptor is computed depends on its family:
 * - fidelity and utility metrics run inside `evaluate` on an `EvaluationContext`: per compared column (`ofColumn`),
 *   per pair of compared columns (`ofPair`) or once for the table (`compute`);
 * - privacy metrics run inside `evaluatePrivacy` on a `PrivacyContext` (`compute`).
 * Several metrics that come out of one expensive computation (the detection classifier, the k-NN distance matrices,
 * one attack) share it through `ctx.memo(key, f)`: the first metric to ask computes it, the others pick their
 * results from it.
 */
import type { Table } from '../table/table.js';
import type { Schema } from '../table/schema.js';
import type { MetricFamily, MetricResult } from './types.js';
import type { AlignedColumn, Discrete } from './fidelity/prepare.js';
import type { EvaluateOptions } from './evaluate.js';
import type { Evaluation } from './evaluation.js';
import type { PrivacyContext } from './privacy/context.js';
import type { RiskStat } from './privacy/multiplicity.js';
/** Which way of a metric's `value` is better (its `score` is always 1 best). */
export type Direction = 'higher' | 'lower';
/** What one result is about: the whole table, one column, or a pair of columns. */
export type MetricScope = 'table' | 'column' | 'pair';
/** What every metric's descriptor says, whatever computes it. */
interface DescriptorBase {
    /** Stable snake_case id: `MetricResult.id` of its results and the id a policy target names. */
    readonly id: string;
    readonly family: MetricFamily;
    /** Display name (scorecard rows, report tables, `lookalike policy ids`). */
    readonly label: string;
    /** Short name for lists in the text summary (default: `label`). */
    readonly short?: string;
    /** One sentence: what it measures and how to read it. */
    readonly description: string;
    /** Which way of `value` is better. */
    readonly better: Direction;
    /** The suite (`evaluate`'s `metrics` option) or attack (`evaluatePrivacy`'s `attacks`) that computes it. */
    readonly suite: string;
    readonly scope: MetricScope;
    /**
     * Ids of the aggregates its score feeds (aggregates.ts): an aggregate with the `mean` rule is the mean, over the
     * metrics that name it, of each metric's mean score. A metric that feeds none is listed on its own in the text
     * summary.
     */
    readonly aggregates?: readonly string[];
    /** `weakest`: the text summary names its lowest-scoring results ("weakest columns: …"). */
    readonly summary?: 'weakest';
}
/** The fidelity / utility metric context: both tables aligned once, shared work memoised. */
export interface EvaluationContext {
    readonly real: Table;
    readonly synthetic: Table;
    /** The holdout given to `evaluate` (utility splits one off `real` when absent). */
    readonly holdout?: Table;
    readonly schema: Schema;
    readonly seed: number;
    readonly options: EvaluateOptions;
    /** Names of the compared columns (numeric, datetime, categorical, boolean; not role id), in table order. */
    readonly compared: readonly string[];
    /** The compared columns, aligned (fidelity/prepare.ts). */
    readonly columns: readonly AlignedColumn[];
    /** The utility target (option or the schema's `target` role); undefined without one. */
    readonly target?: string;
    /** Columns whose role is `sensitive`. */
    readonly sensitive: readonly string[];
    /** The SDMetrics discretisation of an aligned column (numerics in 10 equal-width bins of the real range). */
    discrete(c: AlignedColumn): Discrete;
    /** `f()` computed once per evaluation and key (work several metrics share). */
    memo<T>(key: string, f: () => T): T;
    /** A warning in the evaluation (never a cell value). */
    warn(message: string): void;
}
export interface EvaluationMetricDescriptor extends DescriptorBase {
    readonly family: 'fidelity' | 'utility';
    /** Per compared column, in table order; null when it does not apply to the column (e.g. its kind). */
    readonly ofColumn?: (c: AlignedColumn, ctx: EvaluationContext) => MetricResult | null;
    /** Per pair of compared columns (i < j in table order); null when it does not apply to the pair. */
    readonly ofPair?: (a: AlignedColumn, b: AlignedColumn, ctx: EvaluationContext) => MetricResult | null;
    /** Once per evaluation. */
    readonly compute?: (ctx: EvaluationContext) => readonly MetricResult[] | Promise<readonly MetricResult[]>;
}
export interface PrivacyMetricDescriptor extends DescriptorBase {
    readonly family: 'privacy';
    readonly compute: (ctx: PrivacyContext) => readonly MetricResult[] | Promise<readonly MetricResult[]>;
    /** Not run unless its attack is asked for (shadow modelling re-fits the synthesizer many times). */
    readonly optIn?: boolean;
    /** The risk in [0, 1] a result adds to the privacy-protection aggregate (default 1 − score). */
    readonly risk?: (m: MetricResult) => number;
    /**
     * The risk's estimate (not clipped), standard error and standard error when nothing leaks, read off a result
     * (privacy/multiplicity.ts). Without it (or when it returns null) the risk counts as known exactly: it enters
     * the family-wise correction with no noise and no detectable-risk figure.
     */
    readonly riskStat?: (m: MetricResult) => RiskStat | null;
    /** Problems with the options of `evaluatePrivacy` when its attack is asked for (e.g. a missing synthesizer). */
    readonly check?: (opts: {
        readonly synthesizer?: unknown;
    }) => readonly string[];
}
export type MetricDescriptor = EvaluationMetricDescriptor | PrivacyMetricDescriptor;
/**
 * An aggregate score of an evaluation, in `Evaluation.aggregates[key]` (fidelity and utility) or
 * `Evaluation.privacy.aggregate` (`privacy_protection`). Its policy id is `id`.
 */
export interface AggregateDescriptor {
    /** snake_case policy id, e.g. `statistical_similarity`. */
    readonly id: string;
    /** camelCase key in `Evaluation.aggregates`, e.g. `statisticalSimilarity`. */
    readonly key: string;
    /**
     * `privacy`: the privacy-protection score, computed by `evaluatePrivacy` (1 − the largest risk of the metrics
     * that name it) and kept in `Evaluation.privacy.aggregate`; there is one. Others are computed by `evaluate`.
     */
    readonly family: MetricFamily;
    readonly label: string;
    /** The text summary's name for it (default: `label` in lower case). */
    readonly short?: string;
    readonly description: string;
    readonly better: Direction;
    /**
     * How it is computed from the results: `mean` (default) — the mean, over the metrics that name it in their
     * `aggregates`, of each metric's mean score (NaN scores left out; null when nothing is left); `{ metric, field }`
     * — one metric's value (or score); `overall` — the mean of the aggregates before it that are marked `overall`;
     * a function for anything else.
     */
    readonly rule?: 'mean' | 'overall' | {
        readonly metric: string;
        readonly field: 'value' | 'score';
    } | ((results: readonly MetricResult[], ctx: EvaluationContext) => number);
    /** Enters `overall` (the mean of these aggregates). */
    readonly overall?: boolean;
    /** Listed on its own line in the text summary and the Markdown report (default true). */
    readonly summary?: boolean;
    /** The text summary's "what" column (default: the short names of the metrics it averages). */
    readonly explain?: (ev: Evaluation) => string;
}
/**
 * A policy target over several metrics at once, e.g. `membership_auc`: the results of every metric whose id starts
 * with `prefix`, read from `field` (`value`, or a key of `details`), combined like several results of one metric.
 */
export interface TargetGroupDescriptor {
    readonly id: string;
    readonly label: string;
    readonly description: string;
    readonly better: Direction;
    readonly prefix: string;
    readonly field: string;
    /** `ci` when `field` is `value` and the interval applies. */
    readonly ciField?: string;
}
export {};
