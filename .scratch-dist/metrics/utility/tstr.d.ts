import type { Table } from '../../table/table.js';
import type { Target } from '../../learn/index.js';
import type { MetricResult } from '../types.js';
import type { ModelScores, UtilityDetail } from './types.js';
export interface UtilityOptions {
    /** The column to predict. */
    readonly target: string;
    /** Real rows the synthesizer did not see. */
    readonly holdout: Table;
    /** Feature columns (default: every numeric, datetime, categorical and boolean column but the target). */
    readonly features?: readonly string[];
    /** Columns to measure subgroup gaps over (categorical or boolean). */
    readonly sensitive?: readonly string[];
    /**
     * Force a task; default: regression for numeric / datetime targets — except whole numbers with at most two
     * values (0/1 labels), which are classes — and classification otherwise.
     */
    readonly task?: 'classification' | 'regression';
    /**
     * Stop boosting after 10 rounds without improvement on a seeded 10% validation split. `auto` (default): when the
     * training set has more than 10,000 rows, as sklearn's HistGradientBoosting does (judge.py's TSTR model).
     */
    readonly earlyStopping?: boolean | 'auto';
    /** Boosting settings. Defaults: 100 trees, depth 6, learning rate 0.1. */
    readonly nTrees?: number;
    readonly maxDepth?: number;
    readonly learningRate?: number;
    readonly seed?: number;
    /**
     * Rows each of the three tables is cut to (seeded subsample without replacement) before fitting and scoring.
     * Default 50,000: beyond, the models' scores barely move while the fits keep growing linearly.
     */
    readonly maxRows?: number;
}
export interface UtilityResult {
    readonly metrics: MetricResult[];
    readonly detail: UtilityDetail;
}
/** Categorical features with more categories than this are left out of the linear models (see below). */
export declare const MAX_LINEAR_LEVELS = 50;
/** Scores of predictions against a target: see the module comment. */
export declare function scorePredictions(pred: Float64Array, t: Target, positive?: number): ModelScores;
/**
 * TSTR vs TRTR for `opts.target` (see the module comment): `real` is the table the synthesizer was fitted on,
 * `opts.holdout` real rows it never saw. Throws a LookalikeError listing every problem with the target, the
 * features and the three tables.
 */
export declare function utilityMetrics(realIn: Table, syntheticIn: Table, opts: UtilityOptions): UtilityResult;
