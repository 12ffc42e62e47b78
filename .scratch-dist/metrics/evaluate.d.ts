import type { Table } from '../table/table.js';
import type { Schema } from '../table/schema.js';
import type { ProgressFn } from '../progress.js';
import { type SubsampleInfo } from './subsample.js';
import type { Evaluation } from './evaluation.js';
/**
 * The metric suites `evaluate` can run (all by default): the suites of lookalike's own metrics, and any suite a
 * registered metric names (`evaluationSuites()` lists them all, in the order they run).
 */
export type MetricSuite = 'columns' | 'pairs' | 'marginals' | 'distance' | 'detection' | 'tails' | 'utility' | (string & {});
/** lookalike's own suites, in the order they run. */
export declare const METRIC_SUITES: readonly MetricSuite[];
export interface EvaluateOptions {
    /** The real table's schema: roles (target, sensitive, id) and kinds. */
    readonly schema: Schema;
    /** Real rows the synthesizer never saw, for utility. Without it, utility splits `holdoutFraction` of `real`. */
    readonly holdout?: Table;
    /** The column to predict for utility; default the schema's column whose role is `target`. */
    readonly target?: string;
    /** Seed of every subsample, split and model. Default 0. */
    readonly seed?: number;
    readonly onProgress?: ProgressFn;
    /** Suites to run (default all; the SDMetrics quality score always runs). */
    readonly metrics?: readonly MetricSuite[];
    /** Share of `real` held out for utility when no holdout is given. Default 0.2. */
    readonly holdoutFraction?: number;
    /** Rows per table for the distance metrics (default 1500) and the detection test (default 5000). */
    readonly distanceRows?: number;
    readonly detectionRows?: number;
    /**
     * Boosted trees of the utility models. Default 100 trees of depth 6 (learning rate 0.1, early stopping beyond
     * 10,000 training rows, as sklearn's HistGradientBoosting).
     */
    readonly utilityTrees?: number;
    readonly utilityDepth?: number;
    /**
     * Rows per table read at most (default `EVALUATE_MAX_ROWS`, 1,000,000): a larger real, synthetic or holdout table
     * is replaced by a seeded uniform subsample (`subsampleTables`), stated in `inputs.subsample` and the warnings.
     */
    readonly maxRows?: number;
    /**
     * Tables the caller already cut to `evaluate`'s own subsample while reading them (io's `ReadOptions.subsample`
     * with `subsamplePicker(maxRows, seed, place)`): `rows` kept of the file's `of`. Stated as if cut here, and the
     * evaluation is the one of the whole table (the same rows are read).
     */
    readonly subsampled?: {
        readonly real?: SubsampleInfo;
        readonly synthetic?: SubsampleInfo;
        readonly holdout?: SubsampleInfo;
    };
}
/**
 * Evaluate `synthetic` against `real` (and a holdout): every registered fidelity and utility metric of the suites in
 * `opts.metrics` (default all; the SDMetrics quality score always runs), the aggregates in [0, 1], per-column
 * histograms and pairwise matrices for a report, and a 2-D projection. Columns compared: the real table's numeric,
 * datetime, categorical and boolean columns except those whose schema role is `id`. Throws a LookalikeError listing
 * every problem with the inputs. Deterministic given `seed` (except `timings` and `createdAt`). Runtime on Adult
 * (32k × 15 vs 32k): see docs/evaluation.md.
 */
export declare function evaluate(real0: Table, synthetic0: Table, opts: EvaluateOptions): Promise<Evaluation>;
