/**
 * Area under the ROC curve, exact: the Mann–Whitney U statistic with tied scores given their average rank
 * (= the probability that a random positive scores above a random negative, ties counting one half).
 * `labels` are 0/1 (anything > 0 is positive). O(n log n). Throws unless both classes are present.
 */
export declare function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number;
/** Share of rows where the predicted class (argmax of `probs`, n × K row-major; K = 1: p ≥ 0.5) equals the label. */
export declare function accuracy(probs: ArrayLike<number>, labels: ArrayLike<number>, K?: number): number;
/** argmax class of row r (K = 1: binary with P(class 1)). */
export declare function predictedClass(probs: ArrayLike<number>, r: number, K?: number): number;
/** Mean negative log-likelihood (probabilities clipped to [1e-15, 1 − 1e-15]). */
export declare function logLoss(probs: ArrayLike<number>, labels: ArrayLike<number>, K?: number): number;
