/**
 * Interval estimates shared by the privacy attacks (DESIGN.md rule 9: every risk has a 95% interval and a
 * baseline). Quantiles come from @stdlib (normal, beta); only the few formulas on top are written here.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
/** z such that P(|Z| ≤ z) = level for a standard normal Z. */
export function probit(level) {
    return normalQuantile(0.5 * (1 + level), 0, 1);
}
/**
 * Wilson score estimate of a Bernoulli rate, in the form Anonymeter uses (Giomi et al. 2022,
 * `anonymeter.stats.confidence.success_rate`): centre (k + z²/2)/(n + z²) and half-width
 * z/(n + z²)·√(k(n−k)/n + z²/4). Wilson, JASA 22:209 (1927). `k` may be fractional (size-corrected counts).
 */
export function wilsonRate(n, k, level = 0.95) {
    if (!(n > 0))
        return { value: 0.5, error: 0.5 };
    const z = probit(level);
    const z2 = z * z;
    const kk = Math.min(Math.max(k, 0), n);
    const den = n + z2;
    return { value: (kk + 0.5 * z2) / den, error: (z / den) * Math.sqrt((kk * (n - kk)) / n + 0.25 * z2) };
}
const clamp01 = (x) => Math.min(1, Math.max(0, x));
/** A rate with its error bound, clipped to [0, 1] (Anonymeter's `bind_value`). */
export function toRisk(r) {
    return { value: clamp01(r.value), ci: [clamp01(r.value - r.error), clamp01(r.value + r.error)] };
}
/**
 * Residual success of an attack on training records over the same attack on control records,
 * (main − control)/(1 − control), with the error propagated to first order (Anonymeter's `residual_success`).
 * Returned unclipped; `toRisk` clips.
 */
export function residualSuccess(main, control) {
    const m = 1 - control.value;
    const value = (main.value - control.value) / m;
    const dMain = 1 / Math.abs(m);
    const dControl = (main.value - 1) / (m * m);
    return { value, error: Math.hypot(main.error * dMain, control.error * dControl) };
}
/**
 * Clopper–Pearson exact interval for a binomial proportion k/n at the given two-sided level
 * (Clopper & Pearson, Biometrika 26:404, 1934), from the beta quantile.
 */
export function clopperPearson(k, n, level = 0.95) {
    if (!(n > 0))
        return [0, 1];
    const a = (1 - level) / 2;
    const lo = k <= 0 ? 0 : betaQuantile(a, k, n - k + 1);
    const hi = k >= n ? 1 : betaQuantile(1 - a, k + 1, n - k);
    return [lo, hi];
}
/**
 * One-sided Clopper–Pearson bounds: `lower` is a (1−α) lower confidence bound, `upper` a (1−α) upper bound.
 */
export function clopperPearsonOneSided(k, n, alpha) {
    if (!(n > 0))
        return { lower: 0, upper: 1 };
    const lower = k <= 0 ? 0 : betaQuantile(alpha, k, n - k + 1);
    const upper = k >= n ? 1 : betaQuantile(1 - alpha, k + 1, n - k);
    return { lower, upper };
}
/**
 * ROC AUC of `scores` (higher = more likely positive) for binary `labels` (1 positive, 0 negative), ties counted
 * one half (the Mann–Whitney U statistic divided by n₊n₋). O(n log n).
 */
export function aucOf(scores, labels) {
    const n = scores.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
    let nPos = 0;
    for (let i = 0; i < n; i++)
        if (labels[i] === 1)
            nPos++;
    const nNeg = n - nPos;
    if (nPos === 0 || nNeg === 0)
        return 0.5;
    let rankSumPos = 0;
    for (let i = 0; i < n;) {
        let j = i;
        while (j + 1 < n && scores[order[j + 1]] === scores[order[i]])
            j++;
        const midRank = (i + j) / 2 + 1;
        for (let t = i; t <= j; t++)
            if (labels[order[t]] === 1)
                rankSumPos += midRank;
        i = j + 1;
    }
    return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
/** Hanley–McNeil (1982) standard error of an AUC estimate. */
export function aucSe(auc, nPos, nNeg) {
    const q1 = auc / (2 - auc);
    const q2 = (2 * auc * auc) / (1 + auc);
    const v = (auc * (1 - auc) + (nPos - 1) * (q1 - auc * auc) + (nNeg - 1) * (q2 - auc * auc)) / (nPos * nNeg);
    return Math.sqrt(Math.max(v, 0));
}
/**
 * Standard error of the AUC (Mann–Whitney U / n₊n₋) when scores do not depend on the label and have no ties:
 * √((n₊ + n₋ + 1)/(12·n₊·n₋)), exact.
 */
export function aucNullSe(nPos, nNeg) {
    return Math.sqrt((nPos + nNeg + 1) / (12 * nPos * nNeg));
}
/**
 * Hanley–McNeil (1982) normal-approximation interval of an AUC estimate.
 */
export function aucInterval(auc, nPos, nNeg, level = 0.95) {
    const se = aucSe(auc, nPos, nNeg);
    const z = probit(level);
    // an AUC of exactly 0 or 1 has zero estimated variance; widen by the rule-of-three bound instead
    const floor = 3 / Math.min(nPos, nNeg);
    const half = Math.max(z * se, auc >= 1 || auc <= 0 ? floor : 0);
    return [clamp01(auc - half), clamp01(auc + half)];
}
//# sourceMappingURL=stats.js.map