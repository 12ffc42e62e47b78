import type { EvaluationContext, EvaluationMetricDescriptor } from '../descriptor.js';
import { type UtilityResult } from './tstr.js';
export interface UtilityRun {
    /** The holdout the models were scored on; absent when no utility run started (no target, too few rows). */
    readonly holdout?: {
        readonly rows: number;
        readonly columns: number;
        readonly source: 'given' | 'split';
    };
    /** Absent when utility was skipped (a warning says why). */
    readonly result?: UtilityResult;
}
/**
 * The TSTR / TRTR run of an evaluation, computed once: against the given holdout, or a seeded split of
 * `holdoutFraction` (default 0.2) of the real rows. A degenerate target (one class, too few labelled rows…) skips
 * utility with a warning instead of failing the evaluation; LookalikeError messages never hold cell values.
 */
export declare function utilityRun(ctx: EvaluationContext): UtilityRun;
export declare const utilityRatio: EvaluationMetricDescriptor;
export declare const featureImportanceAgreement: EvaluationMetricDescriptor;
export declare const minorityRecall: EvaluationMetricDescriptor;
export declare const subgroupGap: EvaluationMetricDescriptor;
