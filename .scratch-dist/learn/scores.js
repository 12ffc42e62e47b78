import { LookalikeError } from '../errors.js';
/**
 * Area under the ROC curve, exact: the Mann–Whitney U statistic with tied scores given their average rank
 * (= the probability that a random positive scores above a random negative, ties counting one half).
 * `labels` are 0/1 (anything > 0 is positive). O(n log n). Throws unless both classes are present.
 */
export function rocAuc(scores, labels) {
    const n = scores.length;
    if (labels.length !== n)
        throw new LookalikeError(`rocAuc: ${n} scores but ${labels.length} labels`, [], 'usage');
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        order[i] = i;
        if (Number.isNaN(scores[i]))
            throw new LookalikeError('rocAuc: a score is NaN', [], 'usage');
    }
    order.sort((a, b) => scores[a] - scores[b]);
    let nPos = 0;
    let rankSum = 0;
    let i = 0;
    while (i < n) {
        let j = i + 1;
        while (j < n && scores[order[j]] === scores[order[i]])
            j++;
        const avgRank = (i + 1 + j) / 2; // ranks i+1 … j
        for (let k = i; k < j; k++) {
            if (labels[order[k]] > 0) {
                nPos++;
                rankSum += avgRank;
            }
        }
        i = j;
    }
    const nNeg = n - nPos;
    if (nPos === 0 || nNeg === 0)
        throw new LookalikeError('rocAuc: needs at least one positive and one negative label', [], 'input');
    return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
/** Share of rows where the predicted class (argmax of `probs`, n × K row-major; K = 1: p ≥ 0.5) equals the label. */
export function accuracy(probs, labels, K = 1) {
    const n = labels.length;
    let ok = 0;
    for (let r = 0; r < n; r++)
        if (predictedClass(probs, r, K) === labels[r])
            ok++;
    return n ? ok / n : NaN;
}
/** argmax class of row r (K = 1: binary with P(class 1)). */
export function predictedClass(probs, r, K = 1) {
    if (K === 1)
        return probs[r] >= 0.5 ? 1 : 0;
    let best = 0;
    for (let k = 1; k < K; k++)
        if (probs[r * K + k] > probs[r * K + best])
            best = k;
    return best;
}
/** Mean negative log-likelihood (probabilities clipped to [1e-15, 1 − 1e-15]). */
export function logLoss(probs, labels, K = 1) {
    const n = labels.length;
    let s = 0;
    for (let r = 0; r < n; r++) {
        const p = K === 1 ? (labels[r] > 0 ? probs[r] : 1 - probs[r]) : probs[r * K + labels[r]];
        s -= Math.log(Math.min(1 - 1e-15, Math.max(1e-15, p)));
    }
    return n ? s / n : NaN;
}
//# sourceMappingURL=scores.js.map