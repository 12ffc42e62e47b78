/**
 * Anonymeter-equivalent evaluators (Giomi et al., "A Unified Framework for Quantifying Privacy Risk in Synthetic
 * Data", PoPETs 2023; reference implementation github.com/statice/anonymeter). Definitions follow Anonymeter 1.x;
 * the code is written here over typed arrays (Anonymeter itself is Python).
 *
 * Each evaluator runs three attacks and turns success counts into a risk:
 * - main: the attack built from the synthetic table, scored on training records;
 * - control: the same attack scored on holdout records the synthesizer never saw;
 * - baseline: a random-guess attack (a sanity check: main should beat it).
 * Rates are Wilson-score estimates; risk = (main − control)/(1 − control) with first-order error propagation,
 * clipped to [0, 1] (Anonymeter's `EvaluationResults.risk`), at the 95% level.
 *
 * - singling out: predicates that isolate exactly one synthetic row (univariate: rare values, extremes, a lone
 *   missing value; multivariate: a random synthetic row's values on `nCols` random columns, numerics as ≤/≥ by
 *   the median side); success = the predicate isolates exactly one training row. A control set smaller than the
 *   training set has its counts rescaled with Anonymeter's fitted model n·w(1−w)^(n−1) (Cohen & Nissim 2020); a
 *   larger one gives the exact expected count in a random subset of the training size (hypergeometric).
 * - linkability: targets' two column halves are each matched to their nearest synthetic row; success = both
 *   halves find the same synthetic row. Ties are broken uniformly at random, independently per half.
 * - attribute inference: the secret of a target is guessed as the secret of its nearest synthetic row on the
 *   other columns; success = equal (categorical) or within 5% of the guess (numeric, Anonymeter's rule).
 *
 * Distances: neighbors.ts (Gower; both-missing counts 0 where Anonymeter counts 1).
 */
import type { Encoded } from './space.js';
import { type Risk, type SuccessRate } from './stats.js';
import type { Rng } from '../../random/rng.js';
export interface AnonymeterResult {
    readonly risk: Risk;
    readonly nAttacks: number;
    readonly main: SuccessRate;
    readonly control: SuccessRate;
    readonly baseline: SuccessRate;
    readonly nSuccess: number;
    readonly nControl: number;
    readonly nBaseline: number;
}
/** Indices of the first occurrence of each distinct row (Anonymeter deduplicates before singling out). */
export declare function distinctRows(e: Encoded): Int32Array;
/** P(exactly one of the c rows matching a query is in a uniform random n-subset of m rows) = c·C(m−c, n−1)/C(m, n). */
export declare function singleOutInSubset(c: number, m: number, n: number): number;
export interface SinglingOutOptions {
    readonly mode: 'univariate' | 'multivariate';
    readonly nAttacks?: number;
    readonly nCols?: number;
    readonly maxAttempts?: number;
}
export declare function singlingOut(train: Encoded, synthetic: Encoded, control: Encoded, rng: Rng, opts: SinglingOutOptions): AnonymeterResult & {
    nQueries: number;
    attempts: number;
    /** Set when the holdout was smaller than the training table and its count was rescaled by the fitted model. */
    controlRescaled?: {
        from: number;
        to: number;
        factor: number;
    };
};
export interface LinkabilityOptions {
    /** Two disjoint feature sets (indices: numeric features first, then categorical). */
    readonly auxA: readonly number[];
    readonly auxB: readonly number[];
    readonly nAttacks?: number;
}
export declare function linkability(train: Encoded, synthetic: Encoded, control: Encoded, rng: Rng, opts: LinkabilityOptions): AnonymeterResult;
export interface InferenceOptions {
    /** The secret feature index (numeric features first, then categorical). */
    readonly secret: number;
    /** Auxiliary features; default every other feature. */
    readonly aux?: readonly number[];
    readonly nAttacks?: number;
    /** Relative tolerance for numeric secrets (Anonymeter: 0.05). */
    readonly tolerance?: number;
}
export declare function attributeInference(train: Encoded, synthetic: Encoded, control: Encoded, rng: Rng, opts: InferenceOptions): AnonymeterResult;
