/** z such that P(|Z| ≤ z) = level for a standard normal Z. */
export declare function probit(level: number): number;
/** A success rate with a symmetric error bound (Anonymeter's `SuccessRate`). */
export interface SuccessRate {
    readonly value: number;
    readonly error: number;
}
/**
 * Wilson score estimate of a Bernoulli rate, in the form Anonymeter uses (Giomi et al. 2022,
 * `anonymeter.stats.confidence.success_rate`): centre (k + z²/2)/(n + z²) and half-width
 * z/(n + z²)·√(k(n−k)/n + z²/4). Wilson, JASA 22:209 (1927). `k` may be fractional (size-corrected counts).
 */
export declare function wilsonRate(n: number, k: number, level?: number): SuccessRate;
/** A risk in [0, 1] with its 95% interval. */
export interface Risk {
    readonly value: number;
    readonly ci: readonly [number, number];
}
/** A rate with its error bound, clipped to [0, 1] (Anonymeter's `bind_value`). */
export declare function toRisk(r: SuccessRate): Risk;
/**
 * Residual success of an attack on training records over the same attack on control records,
 * (main − control)/(1 − control), with the error propagated to first order (Anonymeter's `residual_success`).
 * Returned unclipped; `toRisk` clips.
 */
export declare function residualSuccess(main: SuccessRate, control: SuccessRate): SuccessRate;
/**
 * Clopper–Pearson exact interval for a binomial proportion k/n at the given two-sided level
 * (Clopper & Pearson, Biometrika 26:404, 1934), from the beta quantile.
 */
export declare function clopperPearson(k: number, n: number, level?: number): [number, number];
/**
 * One-sided Clopper–Pearson bounds: `lower` is a (1−α) lower confidence bound, `upper` a (1−α) upper bound.
 */
export declare function clopperPearsonOneSided(k: number, n: number, alpha: number): {
    lower: number;
    upper: number;
};
/**
 * ROC AUC of `scores` (higher = more likely positive) for binary `labels` (1 positive, 0 negative), ties counted
 * one half (the Mann–Whitney U statistic divided by n₊n₋). O(n log n).
 */
export declare function aucOf(scores: ArrayLike<number>, labels: ArrayLike<number>): number;
/** Hanley–McNeil (1982) standard error of an AUC estimate. */
export declare function aucSe(auc: number, nPos: number, nNeg: number): number;
/**
 * Standard error of the AUC (Mann–Whitney U / n₊n₋) when scores do not depend on the label and have no ties:
 * √((n₊ + n₋ + 1)/(12·n₊·n₋)), exact.
 */
export declare function aucNullSe(nPos: number, nNeg: number): number;
/**
 * Hanley–McNeil (1982) normal-approximation interval of an AUC estimate.
 */
export declare function aucInterval(auc: number, nPos: number, nNeg: number, level?: number): [number, number];
