/**
 * Empirical-Bayes shrinkage of a noisy count vector (post-processing of a DP measurement: no budget).
 *
 * Each noisy count zᵢ = xᵢ + N(0, σ²) is read as a draw around an unknown true count xᵢ ≥ 0. The distribution G
 * of the true counts is estimated from all the noisy counts at once — the nonparametric maximum-likelihood
 * estimate (Kiefer & Wolfowitz 1956) on a grid over [0, max z + 3σ], fitted by EM (Jiang & Zhang 2009) — and each
 * count is replaced by its posterior mean E[xᵢ | zᵢ] under G. The result is non-negative, keeps the order of the
 * noisy counts, and pulls counts that the noise cannot tell apart toward each other: when many cells hold about
 * the same count (berka's 77 districts, most holding 32–59 accounts, measured with σ ≈ 15), they come out
 * nearly equal instead of spread by the noise. Drawing rows from the shrunk counts (as probabilities) then adds
 * back the sampling spread a real table has around its rates.
 *
 * Runtime: O(cells × grid × iterations), grid ≤ 256 points, 300 iterations (77 cells: a few ms).
 */
export function shrinkNoisyCounts(noisy, sigma, iterations = 300) {
    const k = noisy.length;
    const out = new Float64Array(k);
    if (k === 0)
        return out;
    if (!(sigma > 0) || !Number.isFinite(sigma))
        throw new Error('shrinkNoisyCounts: sigma must be > 0');
    let hi = 0;
    for (let i = 0; i < k; i++)
        hi = Math.max(hi, noisy[i]);
    hi = Math.max(hi + 3 * sigma, 1);
    const m = Math.max(2, Math.min(256, Math.ceil(hi) + 1));
    const grid = Float64Array.from({ length: m }, (_, j) => (hi * j) / (m - 1));
    // likelihoods L[i][j] = φ((zᵢ − g_j)/σ) (rescaled per row: the constant cancels in the posterior)
    const like = new Float64Array(k * m);
    for (let i = 0; i < k; i++) {
        let least = Infinity;
        for (let j = 0; j < m; j++)
            least = Math.min(least, ((noisy[i] - grid[j]) / sigma) ** 2);
        for (let j = 0; j < m; j++)
            like[i * m + j] = Math.exp(-0.5 * (((noisy[i] - grid[j]) / sigma) ** 2 - least));
    }
    let w = new Float64Array(m).fill(1 / m);
    const post = new Float64Array(m);
    for (let it = 0; it < iterations; it++) {
        const next = new Float64Array(m);
        for (let i = 0; i < k; i++) {
            let s = 0;
            for (let j = 0; j < m; j++)
                s += post[j] = like[i * m + j] * w[j];
            if (!(s > 0))
                continue;
            for (let j = 0; j < m; j++)
                next[j] += post[j] / s / k;
        }
        w = next;
    }
    for (let i = 0; i < k; i++) {
        let s = 0;
        let sg = 0;
        for (let j = 0; j < m; j++) {
            const p = like[i * m + j] * w[j];
            s += p;
            sg += p * grid[j];
        }
        out[i] = s > 0 ? sg / s : Math.max(0, noisy[i]);
    }
    return out;
}
//# sourceMappingURL=shrink.js.map