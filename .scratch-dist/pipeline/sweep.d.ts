import type { Evaluation } from '../metrics/evaluation.js';
import type { NeighborSearch } from '../metrics/privacy/distance-metrics.js';
import type { Policy } from '../policy/types.js';
import { type Recommendation, type SweepFailure, type SweepPoint } from '../report/sweep.js';
import type { ModelFile, Synthesizer } from '../synthesizers/types.js';
import type { Rule } from '../constraints/types.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { type StepHooks } from './hooks.js';
/** Everything a finished point leaves behind. */
export interface SweepRecord {
    readonly point: SweepPoint;
    readonly evaluation: Evaluation;
    readonly model: ModelFile;
    /** The point's HTML report. */
    readonly report: string;
}
/**
 * Where a sweep keeps its finished points, so an interrupted sweep resumes: `load` returns what was saved under a
 * key (or null), `save` stores a finished point. `memorySweepStore()` keeps them in memory; the Node file store
 * (`fileSweepStore(dir)`, src/io/sweep-store.ts) writes `<key>.json` and the files beside it.
 */
export interface SweepStore {
    load(key: string): SweepPoint | null | Promise<SweepPoint | null>;
    save(key: string, record: SweepRecord): void | Promise<void>;
}
export declare function memorySweepStore(): SweepStore & {
    readonly records: Map<string, SweepRecord>;
};
export interface SweepSpec extends StepHooks {
    /** Synthesizers by name or as objects; a DP one is fitted at every ε, a non-DP one once. */
    readonly synthesizers: readonly (string | Synthesizer)[];
    /**
     * Synthesizers fitted once without a budget and drawn at ε = ∞ on the frontier, so the chart shows what the data
     * allows without a guarantee (e.g. `['gaussian-copula', 'cart', 'independent']`: a flexible model, a memorising
     * one, and the column-independent floor). An `either` synthesizer (independent) is fitted without ε here. Default
     * none.
     */
    readonly baselines?: readonly (string | Synthesizer)[];
    /** Budgets for the DP synthesizers (required when one is DP; an `either` one is fitted at each when given). */
    readonly epsilons?: readonly number[];
    /** δ of every DP fit (default `DEFAULT_DELTA`). */
    readonly delta?: number;
    /** Seed of the fits, samples and evaluations (default 0). */
    readonly seed?: number;
    /** Synthetic rows per point (default: as many as training rows). */
    readonly rows?: number;
    readonly target?: string;
    /** Which attacks (default all but shadow); `'none'` runs none. */
    readonly attacks?: readonly string[] | 'none';
    /** Attacks per privacy evaluator (default 1000). */
    readonly nAttacks?: number;
    /** Default: the default policy. */
    readonly policy?: Policy;
    /** What names the inputs (e.g. file paths): a stored point is reused only when these and the settings are equal. */
    readonly inputs?: Readonly<Record<string, unknown>>;
    readonly search?: NeighborSearch;
    /**
     * Business rules (`parseRules`, docs/constraints.md) every point keeps, as `release` enforces them: each fit goes
     * through `fitWithRules`. Part of the settings a stored point must match.
     */
    readonly rules?: readonly Rule[];
}
export interface SweepResult {
    readonly points: readonly SweepPoint[];
    readonly failures: readonly SweepFailure[];
    readonly recommendation: Recommendation;
    readonly policy: Policy;
}
/** The baselines a sweep draws at ε = ∞ when none are named and a DP synthesizer is swept. */
export declare const DEFAULT_SWEEP_BASELINES: readonly string[];
/**
 * The baselines of a sweep from a list written as text (`--baselines cart,independent`): `none` is none, no list is
 * `DEFAULT_SWEEP_BASELINES` when one of `synthesizers` is DP only (else none), any other list as given (names are
 * checked by `sweepProblems`).
 */
export declare function sweepBaselines(items: readonly string[] | undefined, synthesizers: readonly (string | Synthesizer)[]): readonly string[];
/** Budgets written as text (`--epsilons 0.1,1`): the numbers > 0, and in `problems` each item that is not one. */
export declare function parseEpsilons(items: readonly string[], problems: string[]): number[];
/** Every problem of a sweep's spec, before any work: unknown synthesizers or attacks, missing or bad budgets. */
export declare function sweepProblems(spec: SweepSpec): string[];
/** The points of a sweep, in order: each DP synthesizer at every ε (distinct, in the order given), others once. */
export declare function sweepPlan(spec: SweepSpec): {
    synthesizer: Synthesizer;
    epsilon: number | null;
}[];
/**
 * `sweep`: every synthesizer × ε through the same steps as a job (`release` → `assess` → `gate` → `renderReport`),
 * on one split (`train`, `holdout`). A point already in `store` with the same settings is reused, so a rerun
 * resumes; a point whose fit or evaluation fails with a LookalikeError is listed in `failures`. Returns the points,
 * the failures and the recommendation (report/sweep.ts: the smallest ε meeting every target).
 */
export declare function sweep(train: Table, holdout: Table | null, schema: Schema, spec: SweepSpec, store?: SweepStore): Promise<SweepResult>;
/** The sweep as one JSON document (`sweep.json`, format `lookalike-sweep`): points with their scores, the choice. */
export declare function sweepSummary(r: SweepResult, table: string): {
    format: string;
    version: number;
    table: string;
    policy: string;
    points: {
        key: string | null;
        synthesizer: string;
        epsilon: number | null;
        claimedEpsilon: number | null;
        scores: import("../report/sweep.js").SweepScores;
        verdict: "fail" | "pass";
        seconds: {
            readonly fit: number;
            readonly sample: number;
            readonly evaluate: number;
        };
    }[];
    failures: readonly SweepFailure[];
    recommendation: {
        point: string | null;
        closest: string | null;
        reason: string;
    };
};
/** The sweep as text: one row per point (by synthesizer, then ε), then the recommendation and its reason. */
export declare function formatSweep(r: SweepResult): string;
