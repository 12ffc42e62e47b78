/**
 * Detection metrics: a classifier two-sample test (Lopez-Paz & Oquab 2017, "Revisiting Classifier Two-Sample
 * Tests", ICLR). Rows of both tables are pooled and labelled (0 real, 1 synthetic); boosted trees (src/learn) are
 * fitted with k-fold cross-validation and every row gets an out-of-fold propensity p̂ = P(synthetic | row).
 *
 * - detection AUC: ROC AUC of the out-of-fold propensities; score = 1 − (2·max(AUC, 0.5) − 1), SDMetrics'
 *   mapping for its Detection metrics (1: indistinguishable, 0: perfectly separable);
 * - pMSE (Woo et al. 2009; Snoke et al. 2018): mean (p̂ − c)² with c the synthetic share of the pooled rows;
 *   score = 1 − pMSE / (c(1 − c)), c(1 − c) being the pMSE of a perfect separation.
 *
 * Speed: each table is subsampled (seeded, without replacement) to `maxRows` rows (default 10,000) — said in the
 * note. Runtime O(folds · trees · n · features).
 */
import type { Table } from '../../table/table.js';
import type { MetricResult } from '../types.js';
export interface DetectionOptions {
    /** Feature columns (default: every numeric, datetime, categorical and boolean column of the real table). */
    readonly columns?: readonly string[];
    /** Rows of each table used. Default 10,000. */
    readonly maxRows?: number;
    /** Cross-validation folds. Default 3. */
    readonly folds?: number;
    /** Boosting rounds and depth. Defaults 50 and 4. */
    readonly nTrees?: number;
    readonly maxDepth?: number;
    readonly seed?: number;
}
/**
 * pMSE (Woo et al. 2009): mean (p̂_i − c)² over all rows, c = share of rows labelled 1 (synthetic). 0 when the
 * propensities carry no information, c(1 − c) when they separate the tables perfectly.
 */
export declare function pmseOf(propensity: ArrayLike<number>, labels: ArrayLike<number>): number;
/** Detection AUC and pMSE of `synthetic` against `real` (see the module comment). */
export declare function detectionMetrics(real: Table, synthetic: Table, opts?: DetectionOptions): MetricResult[];
