import { exp, log } from '../../nn/math.js';
const HALF_LOG_2PI = 0.9189385332046728;
/** ψ(x) for x > 0: recurrence up to x ≥ 10, then the asymptotic series (Abramowitz & Stegun 6.3.18). */
export function digamma(x) {
    let r = 0;
    while (x < 10) {
        r -= 1 / x;
        x += 1;
    }
    const f = 1 / (x * x);
    return r + log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}
/**
 * A variational Bayesian Gaussian mixture in one dimension with a Dirichlet-process (stick-breaking) prior on the
 * weights and a Normal–Gamma prior on each component (Blei & Jordan 2006; Bishop, PRML §10.2) — the model CTGAN
 * and TVAE fit with scikit-learn's `BayesianGaussianMixture`: priors centred on the data's mean and variance,
 * initialised by k-means, iterated to convergence; components with little weight vanish. Deterministic given the rng.
 *
 * Reads the values it is given (private data in a DP run: a DP fit must plug in modes from public metadata or a DP
 * release instead — see `TransformFitters`).
 */
export function fitBayesianGmm(values, rng, opts = {}) {
    const K0 = opts.maxComponents ?? 10;
    const threshold = opts.weightThreshold ?? 0.005;
    const alpha0 = opts.concentration ?? 0.001;
    const maxRows = opts.maxRows ?? 20000;
    const maxIter = opts.maxIterations ?? 100;
    let x = values.filter((v) => v === v);
    if (x.length === 0)
        throw new Error('fitBayesianGmm: no values');
    if (x.length > maxRows) {
        const idx = rng.permutation(x.length).subarray(0, maxRows).sort();
        x = Float64Array.from(idx, (i) => x[i]);
    }
    const n = x.length;
    let mean0 = 0;
    for (let i = 0; i < n; i++)
        mean0 += x[i];
    mean0 /= n;
    let var0 = 0;
    for (let i = 0; i < n; i++)
        var0 += (x[i] - mean0) ** 2;
    var0 /= n;
    const scale = Math.sqrt(var0);
    if (!(scale > 0))
        return { weights: [1], means: [mean0], stds: [Math.max(Math.abs(mean0) * 1e-3, 1e-3)] };
    // work on standardised values: the fit is then invariant to the column's units
    const z = Float64Array.from(x, (v) => (v - mean0) / scale);
    const K = Math.min(K0, n);
    const label = kmeansLabels(z, K, rng);
    const beta0 = 1, nu0 = 1, w0inv = 1, // covariance prior = the (standardised) data variance
    reg = 1e-6;
    // sufficient statistics of the responsibilities: Σ r, Σ r·z, Σ r·z² per component (float64)
    const R0 = new Float64Array(K), R1 = new Float64Array(K), R2 = new Float64Array(K);
    for (let i = 0; i < n; i++) {
        const k = label[i];
        R0[k] += 1;
        R1[k] += z[i];
        R2[k] += z[i] * z[i];
    }
    const Nk = new Float64Array(K), xbar = new Float64Array(K);
    const beta = new Float64Array(K), m = new Float64Array(K), nu = new Float64Array(K), cov = new Float64Array(K);
    const a = new Float64Array(K), b = new Float64Array(K);
    const logPi = new Float64Array(K), constK = new Float64Array(K), half = new Float64Array(K);
    const logRho = new Float64Array(K);
    let prevBound = -Infinity;
    for (let iter = 0; iter < maxIter; iter++) {
        // M step: variational parameters from the responsibilities' statistics
        for (let k = 0; k < K; k++) {
            Nk[k] = R0[k] + 1e-10;
            xbar[k] = R1[k] / Nk[k];
        }
        let tail = 0;
        for (let k = K - 1; k >= 0; k--) {
            a[k] = 1 + Nk[k];
            b[k] = alpha0 + tail;
            tail += Nk[k];
        }
        for (let k = 0; k < K; k++) {
            // Σ r (z − x̄)² = Σ r z² − 2 x̄ Σ r z + x̄² Σ r (standardised z: no cancellation to speak of)
            const S = Math.max(0, R2[k] - 2 * xbar[k] * R1[k] + xbar[k] * xbar[k] * R0[k]);
            const Sk = S / Nk[k] + reg;
            beta[k] = beta0 + Nk[k];
            m[k] = (Nk[k] * xbar[k]) / beta[k]; // prior mean 0 (standardised)
            nu[k] = nu0 + Nk[k];
            cov[k] = (w0inv + Nk[k] * Sk + ((Nk[k] * beta0) / beta[k]) * xbar[k] * xbar[k]) / nu[k];
        }
        // E step: log ρ_nk = E[log π_k] + E[log N(z_n | μ_k, λ_k)], fused with the next M step's statistics
        let acc = 0;
        for (let k = 0; k < K; k++) {
            const dsum = digamma(a[k] + b[k]);
            logPi[k] = digamma(a[k]) - dsum + acc;
            acc += digamma(b[k]) - dsum;
        }
        for (let k = 0; k < K; k++) {
            constK[k] =
                logPi[k] -
                    HALF_LOG_2PI -
                    0.5 * log(cov[k]) -
                    0.5 * log(nu[k]) +
                    0.5 * (Math.LN2 + digamma(nu[k] / 2) - 1 / beta[k]);
            half[k] = 0.5 / cov[k];
        }
        R0.fill(0);
        R1.fill(0);
        R2.fill(0);
        const bound = eStep(z, K, m, constK, half, logRho, R0, R1, R2) / n;
        if (Math.abs(bound - prevBound) < 1e-5)
            break;
        prevBound = bound;
    }
    // expected stick-breaking weights, normalised (as scikit-learn's weights_)
    const w = new Float64Array(K);
    let rest = 1, total = 0;
    for (let k = 0; k < K; k++) {
        w[k] = rest * (a[k] / (a[k] + b[k]));
        rest *= b[k] / (a[k] + b[k]);
        total += w[k];
    }
    const keep = [];
    for (let k = 0; k < K; k++)
        if (w[k] / total > threshold)
            keep.push(k);
    if (keep.length === 0)
        keep.push(w.indexOf(Math.max(...w)));
    const kept = keep.reduce((s, k) => s + w[k], 0);
    return {
        weights: keep.map((k) => w[k] / kept),
        means: keep.map((k) => mean0 + scale * m[k]),
        stds: keep.map((k) => scale * Math.sqrt(cov[k])),
    };
}
/** Hard k-means (k-means++ seeding, Lloyd iterations) in 1-D: each value's cluster. */
function kmeansLabels(z, K, rng) {
    const n = z.length;
    const centres = new Float64Array(K);
    centres[0] = z[rng.int(n)];
    const d2 = new Float64Array(n).fill(Infinity);
    for (let c = 1; c < K; c++) {
        let total = 0;
        for (let i = 0; i < n; i++) {
            const d = (z[i] - centres[c - 1]) ** 2;
            if (d < d2[i])
                d2[i] = d;
            total += d2[i];
        }
        centres[c] = total > 0 ? z[rng.categorical(d2, total)] : z[rng.int(n)];
    }
    const label = new Int32Array(n);
    for (let iter = 0; iter < 50; iter++) {
        let changed = 0;
        for (let i = 0; i < n; i++) {
            let best = 0, bd = Infinity;
            for (let k = 0; k < K; k++) {
                const d = Math.abs(z[i] - centres[k]);
                if (d < bd) {
                    bd = d;
                    best = k;
                }
            }
            if (label[i] !== best || iter === 0)
                changed++;
            label[i] = best;
        }
        const sum = new Float64Array(K), cnt = new Float64Array(K);
        for (let i = 0; i < n; i++) {
            sum[label[i]] += z[i];
            cnt[label[i]]++;
        }
        for (let k = 0; k < K; k++)
            if (cnt[k] > 0)
                centres[k] = sum[k] / cnt[k];
        if (!changed)
            break;
    }
    return label;
}
/**
 * One E step over the values: each value's responsibilities r_k ∝ exp(log ρ_k), log ρ_k = c_k − h_k·(z − m_k)²,
 * accumulated into Σ r, Σ r·z, Σ r·z² (the next M step's statistics). Returns Σ log Σ_k ρ_k. A component more than
 * e^−40 below a value's best is skipped (its responsibility would add under 1e-17).
 */
function eStep(z, K, m, c, h, logRho, R0, R1, R2) {
    let bound = 0;
    for (let i = 0; i < z.length; i++) {
        const x = z[i];
        let mx = -Infinity;
        for (let k = 0; k < K; k++) {
            const d = x - m[k];
            const l = c[k] - h[k] * d * d;
            logRho[k] = l;
            if (l > mx)
                mx = l;
        }
        let s = 0;
        for (let k = 0; k < K; k++) {
            const d = logRho[k] - mx;
            const e = d > -40 ? exp(d) : 0;
            logRho[k] = e;
            s += e;
        }
        bound += mx + log(s);
        const inv = 1 / s;
        for (let k = 0; k < K; k++) {
            const r = logRho[k] * inv;
            R0[k] += r;
            R1[k] += r * x;
            R2[k] += r * x * x;
        }
    }
    return bound;
}
/**
 * Posterior mode probabilities p(k | x) ∝ w_k·N(x; μ_k, σ_k²), written into `out` (length K). Returns K.
 */
export function modePosterior(modes, x, out) {
    const K = modes.weights.length;
    let mx = -Infinity;
    for (let k = 0; k < K; k++) {
        const s = modes.stds[k];
        const d = (x - modes.means[k]) / s;
        out[k] = log(modes.weights[k]) - log(s) - 0.5 * d * d;
        if (out[k] > mx)
            mx = out[k];
    }
    let total = 0;
    for (let k = 0; k < K; k++) {
        out[k] = exp(out[k] - mx);
        total += out[k];
    }
    for (let k = 0; k < K; k++)
        out[k] /= total;
    return K;
}
//# sourceMappingURL=gmm.js.map