import { type LearnData } from './data.js';
import { type Target } from './target.js';
import type { Predictor } from './ensemble.js';
/** Solve A x = b for symmetric positive definite A (d × d, row-major; overwritten) by Cholesky. */
export declare function choleskySolve(A: Float64Array, b: Float64Array, d: number): Float64Array;
/**
 * Logistic regression (binary; multiclass one-vs-rest with probabilities normalised to sum 1), L2 penalty
 * `l2`·‖β‖²/2 on all but the intercept (default 1), fitted by Newton's method (at most `maxIter` = 100 steps).
 * Runtime O(iterations · (n · p² + d³)).
 */
export declare function fitLogistic(data: LearnData, target: Target, opts?: {
    l2?: number;
    maxIter?: number;
}): Predictor;
/**
 * Ridge regression: minimises ‖y − Xβ‖² + l2·‖β‖² (intercept not penalised; default l2 = 1) in closed form
 * (Cholesky of the normal equations). Runtime O(n · p² + d³). Regression targets only.
 */
export declare function fitLinear(data: LearnData, target: Target, opts?: {
    l2?: number;
}): Predictor;
