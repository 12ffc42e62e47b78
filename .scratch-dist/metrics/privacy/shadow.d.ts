/**
 * Shadow-modelling membership inference against chosen target records (Stadler, Oprisanu & Troncoso,
 * "Synthetic Data – Anonymisation Groundhog Day", USENIX Security 2022).
 *
 * The attacker knows the synthesizer and has reference data from the population (here: the training table
 * without the targets). For each target t it fits the synthesizer many times on reference samples of size n
 * without t ("out") and with t replacing one row ("in"), samples n synthetic rows, and describes each output by
 * features of t against it: the 1st/2nd/5th nearest synthetic distances, the number of exact copies of t, the
 * share of rows within 0.05 of t, and for each column the share of synthetic rows sharing t's value (categorical)
 * or lying within 5% of the range of t's value (numeric). A ridge logistic regression per target (src/learn) learns in/out
 * from `nRuns` outputs of each kind and is scored on `nRuns` fresh ones. Scores of all targets are pooled into
 * one ROC: AUC, advantage, TPR at FPR 1%/10% and an empirical ε lower bound (roc.ts).
 *
 * The synthesizer is an argument (any object with `name` and `fit`, e.g. a registered `Synthesizer`): the attack
 * re-fits it, and metrics do not reach into the synthesizer registry.
 *
 * Default targets: the most outlying training records (largest distance to their nearest other training row),
 * the records a synthesizer is most likely to leak. Cost: 2·nRuns "out" fits shared by every target plus
 * 2·nRuns "in" fits per target.
 */
import { Table } from '../../table/table.js';
import type { Schema } from '../../table/schema.js';
import type { ProgressFn } from '../../progress.js';
import type { MetricResult } from '../types.js';
import { type Encoded } from './space.js';
import { type AttackSummary } from './roc.js';
/**
 * What the shadow attack needs of a synthesizer: a name (for the metric's label) and `fit` → a model that samples.
 * A registered `Synthesizer` (src/synthesizers) is one.
 */
export interface ShadowSynthesizer {
    readonly name: string;
    fit(table: Table, schema: Schema, opts: {
        readonly seed?: number;
        readonly options?: Readonly<Record<string, unknown>>;
    }): Promise<{
        sample(n: number, opts: {
            readonly seed?: number;
        }): Table;
    }>;
}
export interface ShadowOptions {
    /** The synthesizer to re-fit on the shadow training sets. */
    readonly synthesizer: ShadowSynthesizer;
    readonly synthesizerOptions?: Readonly<Record<string, unknown>>;
    /** Number of targets (default 10), or explicit training-row indices. */
    readonly nTargets?: number;
    readonly targets?: readonly number[];
    /** Shadow fits per side (in/out) for training the classifier, and again for testing it. Default 8. */
    readonly nRuns?: number;
    /** Rows of each shadow training set and of each synthetic output (default min(1000, rows − targets)). */
    readonly shadowSize?: number;
    readonly seed?: number;
    readonly claimedEpsilon?: number;
    readonly delta?: number;
    readonly onProgress?: ProgressFn;
}
export interface ShadowResult {
    readonly metric: MetricResult;
    readonly summary: AttackSummary;
    readonly targets: readonly number[];
}
/** Indices of the k training rows farthest from their nearest other training row. */
export declare function outlyingRows(e: Encoded, k: number): number[];
export declare function shadowModelAttack(train: Table, schema: Schema, opts: ShadowOptions): Promise<ShadowResult>;
