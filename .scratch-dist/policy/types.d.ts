/**
 * The policy's types: targets, the policy file, what it is checked against, the scorecard, and what the target
 * catalogue says about an id. The policy machinery is split by phase: parse.ts (file → Policy, every problem at
 * once), catalogue.ts (the ids a target may name, read from the metric registry), apply.ts (Policy × evaluation →
 * Scorecard, the gate), format.ts (the scorecard as text). index.ts lists the public names.
 */
import type { MetricFamily, MetricResult } from '../metrics/types.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
export type Operator = '>=' | '>' | '<=' | '<';
export declare const OPERATORS: readonly Operator[];
/** Which number of a measured metric is compared with the target. */
export type Bound = 'ci' | 'estimate';
/** How several results of one metric id (one per column or pair) are combined. */
export type Over = 'worst' | 'mean';
/** Whether a metric target is on the metric's natural `value` or on its [0, 1] `score`. */
export type On = 'value' | 'score';
/** What a target whose metric was not measured does to the verdict. */
export type MissingRule = 'fail' | 'ignore';
export interface Target {
    /** An aggregate score id, a metric id, or `epsilon` / `delta` (the model's claimed guarantee). */
    readonly id: string;
    readonly op: Operator;
    readonly value: number;
    /** Display name; defaults to the catalog's name for `id`. */
    readonly label?: string;
    /** Default `ci`: the end of the 95% interval least favourable to the target; `estimate`: the point value. */
    readonly bound?: Bound;
    /** Metric targets only: compare `value` (natural unit; default) or `score` (in [0, 1], 1 best). */
    readonly on?: On;
    /** Metric targets only: the one result about exactly these columns (e.g. a per-column metric). */
    readonly columns?: readonly string[];
    /** Metric targets only, when several results match: `worst` (default; every one must pass) or `mean`. */
    readonly over?: Over;
    /** Why this target exists, shown in the report next to the row. */
    readonly why?: string;
}
export interface Policy {
    readonly version: 1;
    readonly name: string;
    readonly description?: string;
    /** Default `fail`: a target that could not be checked because its metric is absent fails the verdict. */
    readonly missing?: MissingRule;
    readonly targets: readonly Target[];
}
/** What a policy is checked against: the aggregate scores, the metric results and the model's claimed guarantee. */
export interface PolicySubject {
    /** Aggregate scores in [0, 1] by id; null/absent when not computed. */
    readonly aggregates: Readonly<Record<string, number | null | undefined>>;
    readonly metrics: readonly MetricResult[];
    /** The claimed guarantee of the model that produced the synthetic table; null/absent when unknown. */
    readonly privacy?: PrivacyGuarantee | null;
}
export type Status = 'pass' | 'fail' | 'missing';
export interface ScorecardRow {
    readonly id: string;
    readonly label: string;
    /** `aggregate`: an aggregate score; `metric`: MetricResult(s); `guarantee`: the model's claimed ε / δ. */
    readonly kind: 'aggregate' | 'metric' | 'guarantee';
    readonly op: Operator;
    readonly target: number;
    /** The measured point estimate (after combining several results); null when not measured. */
    readonly measured: number | null;
    /** The 95% interval of `measured` when known. */
    readonly ci: readonly [number, number] | null;
    /** The number actually compared with the target (an interval end under `bound: ci`); null when not measured. */
    readonly compared: number | null;
    /** What `compared` is: `estimate`, `ci-upper` or `ci-lower`. */
    readonly comparedIs: 'estimate' | 'ci-upper' | 'ci-lower' | null;
    readonly status: Status;
    /** One plain sentence: what was compared, or why it is missing. */
    readonly note: string;
    readonly columns?: readonly string[];
    readonly why?: string;
}
export interface Scorecard {
    readonly format: 'lookalike-scorecard';
    readonly version: 1;
    readonly policy: {
        readonly name: string;
        readonly description?: string;
        readonly missing: MissingRule;
    };
    readonly rows: readonly ScorecardRow[];
    readonly counts: {
        readonly pass: number;
        readonly fail: number;
        readonly missing: number;
    };
    /** `pass` when no target fails (and, under `missing: fail`, none is missing). */
    readonly verdict: 'pass' | 'fail';
    /** One sentence for people, e.g. "FAIL: 2 of 7 targets fail (singling_out_risk, epsilon)". */
    readonly summary: string;
}
/** What the catalog knows about a target id: its display name, where it comes from, and which way is better. */
export interface TargetInfo {
    readonly id: string;
    readonly label: string;
    readonly kind: 'aggregate' | 'metric' | 'guarantee';
    /** `higher` when larger values are better (scores), `lower` for risks, distances, AUCs of attacks, ε. */
    readonly better: 'higher' | 'lower';
    readonly description: string;
    /**
     * A *group* target: the results of every metric whose id starts with `prefix` (e.g. all membership attacks
     * `mia_*`), read from `field` (`value`, or a key of `details`), combined like several results of one metric.
     */
    readonly group?: {
        readonly prefix: string;
        readonly field: string;
        readonly ciField?: string;
    };
    /** Metric targets: the metric's family. */
    readonly family?: MetricFamily;
}
