import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { LookalikeError } from '../errors.js';
import { DpSgdNoise, dyadicRate, poissonBatch } from './dpsgd.js';
import { subsampledGaussianPrv } from './prv.js';
import { subsampledGaussianEpsilonRdp } from './rdp.js';
/**
 * Empirical privacy auditing: a *lower* bound on the ε of a mechanism from repeated runs on two neighbouring
 * inputs (without / with one canary row), to catch an implementation whose claim its code does not back.
 *
 * For any event E and (ε, δ)-DP mechanism M, P[M(D') ∈ E] ≤ e^ε·P[M(D) ∈ E] + δ and the same with D and D'
 * swapped. With E = {score ≥ t} and one-sided Clopper–Pearson bounds on the two rates, ε ≥ ln((p₁⁻ − δ)/p₀⁺)
 * holds with confidence 1 − α (Jagielski, Ullman & Oprea 2020; Nasr et al. 2021). The threshold (and direction) is
 * chosen on one half of the runs and the bound computed on the other half, so the choice does not bias it.
 * If the implementation keeps its claim, the bound exceeds the claimed ε with probability ≤ α.
 */
/** One-sided (1 − α) Clopper–Pearson bounds for k successes in n trials. */
export function clopperPearsonBounds(k, n, alpha) {
    if (!(n > 0))
        return { lower: 0, upper: 1 };
    return {
        lower: k <= 0 ? 0 : betaQuantile(alpha, k, n - k + 1),
        upper: k >= n ? 1 : betaQuantile(1 - alpha, k + 1, n - k),
    };
}
/**
 * ε lower bound from scores of runs without (`out`) and with (`in`) the canary. Runs are split in halves by index
 * parity: the even runs choose the threshold and direction that maximise the point estimate, the odd runs give
 * the Clopper–Pearson bound (both one-sided bounds at α/2).
 */
export function auditEpsilonLowerBound(out, inn, { delta, alpha }) {
    const half = (a, parity) => {
        const r = [];
        for (let i = parity; i < a.length; i += 2)
            r.push(a[i]);
        return r;
    };
    const out0 = half(out, 0);
    const in0 = half(inn, 0);
    const out1 = half(out, 1);
    const in1 = half(inn, 1);
    // candidates: quantiles of the pooled calibration scores
    const pooled = [...out0, ...in0].sort((a, b) => a - b);
    let best = { est: -Infinity, threshold: 0, direction: 'higher' };
    const rate = (xs, t, dir) => {
        let k = 0;
        for (const x of xs)
            if (dir === 'higher' ? x >= t : x <= t)
                k++;
        return (k + 0.5) / (xs.length + 1);
    };
    for (let i = 0; i < 200; i++) {
        const t = pooled[Math.min(pooled.length - 1, Math.floor(((i + 0.5) / 200) * pooled.length))];
        for (const dir of ['higher', 'lower']) {
            const est = Math.log(Math.max(1e-300, rate(in0, t, dir) - delta) / rate(out0, t, dir));
            if (est > best.est)
                best = { est, threshold: t, direction: dir };
        }
    }
    const count = (xs) => {
        let k = 0;
        for (const x of xs)
            if (best.direction === 'higher' ? x >= best.threshold : x <= best.threshold)
                k++;
        return k;
    };
    const p1 = clopperPearsonBounds(count(in1), in1.length, alpha / 2).lower;
    const p0 = clopperPearsonBounds(count(out1), out1.length, alpha / 2).upper;
    const eps = p1 - delta > 0 && p0 > 0 ? Math.log((p1 - delta) / p0) : 0;
    return { epsilonLower: Math.max(0, eps), threshold: best.threshold, direction: best.direction };
}
/**
 * Audit the DP-SGD building blocks (Poisson batches, lattice clipping, lattice Gaussian noise) and the accountant
 * on logistic regression: a synthetic table of `rows` rows, plus one canary whose feature lives in its own
 * coordinate (every other row has 0 there), trained `runs` times without and `runs` times with the canary. The
 * auditor sees every step's noisy gradient sum — the white-box threat model of the accountant — and scores a run
 * by the log-likelihood ratio Σ_t log(1 − q + q·exp((2·r_t·g_t − g_t²)/(2σ²))) of the canary coordinate r_t, with
 * g_t the canary's clipped gradient there (computable from the public model state). This is the most powerful
 * test for one step, so a correct implementation yields bounds close to, and never (with prob. ≥ 1 − α) above,
 * the claim.
 */
export function auditDpSgdLogistic(opts, rng) {
    const problems = [];
    const runs = opts.runs;
    if (!Number.isInteger(runs) || runs < 20)
        problems.push(`runs must be a whole number ≥ 20 (got ${runs})`);
    if (!(opts.alpha > 0 && opts.alpha < 1))
        problems.push(`alpha must be in (0, 1)`);
    if (problems.length)
        throw new LookalikeError('auditDpSgdLogistic: invalid options', problems, 'internal');
    const n = opts.rows ?? 60;
    const f = opts.features ?? 3;
    const d = f + 1; // the last coordinate is the canary's
    const c = opts.clipNorm ?? 1;
    const lr = opts.learningRate ?? 0.5;
    const q = dyadicRate(opts.samplingRate);
    const steps = opts.steps;
    const zUsed = opts.usedNoiseMultiplier ?? opts.noiseMultiplier;
    const noise = new DpSgdNoise({ noiseMultiplier: zUsed, clipNorm: c, dimension: d, latticeSums: true });
    const claimNoise = new DpSgdNoise({
        noiseMultiplier: opts.noiseMultiplier,
        clipNorm: c,
        dimension: d,
        latticeSums: true,
    });
    const zClaim = claimNoise.noiseMultiplier;
    const epsilonClaimed = Math.min(subsampledGaussianEpsilonRdp(q, zClaim, steps, opts.delta), subsampledGaussianPrv(q, zClaim, steps, opts.delta).epsilon);
    // a fixed synthetic table (public randomness is fine here: the audit is about the mechanism's randomness)
    const x = new Float64Array(n * d);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < f; j++) {
            const v = j === 0 ? 1 : Math.sin(7.3 * i + 3.1 * j); // a constant feature and two deterministic ones
            x[i * d + j] = v;
            s += v * (j === 0 ? 0.2 : j % 2 ? 1 : -1);
        }
        y[i] = s > 0 ? 1 : 0;
    }
    const canaryX = new Float64Array(d);
    canaryX[d - 1] = 10; // large: its clipped gradient has norm C until the model fits it
    const canaryY = 1;
    const sigmaClaim = claimNoise.sigma;
    const grad = new Float64Array(d);
    const lat = new Float64Array(d);
    const sum = new Float64Array(d);
    const released = new Float64Array(d);
    const w = new Float64Array(d);
    const scratch = new Int32Array(n + 1);
    const runOnce = (withCanary) => {
        w.fill(0);
        const rows = withCanary ? n + 1 : n;
        let llr = 0;
        for (let t = 0; t < steps; t++) {
            sum.fill(0);
            const batch = poissonBatch(rows, q, rng, scratch);
            for (let b = 0; b < batch.length; b++) {
                const i = batch[b];
                const xi = i < n ? x.subarray(i * d, i * d + d) : canaryX;
                const yi = i < n ? y[i] : canaryY;
                let m = 0;
                for (let j = 0; j < d; j++)
                    m += w[j] * xi[j];
                const r = 1 / (1 + Math.exp(-m)) - yi;
                for (let j = 0; j < d; j++)
                    grad[j] = r * xi[j];
                noise.clipToLattice(grad, lat);
                for (let j = 0; j < d; j++)
                    sum[j] += lat[j];
            }
            noise.privatize(sum, rng, released);
            // the auditor: the canary's clipped gradient on its coordinate at the current (public) model
            let mc = 0;
            for (let j = 0; j < d; j++)
                mc += w[j] * canaryX[j];
            const rc = 1 / (1 + Math.exp(-mc)) - canaryY;
            for (let j = 0; j < d; j++)
                grad[j] = rc * canaryX[j];
            claimNoise.clipToLattice(grad, lat);
            const g = lat[d - 1] * claimNoise.gamma;
            const r = released[d - 1];
            llr += Math.log1p(q * Math.expm1((2 * r * g - g * g) / (2 * sigmaClaim * sigmaClaim)));
            // the model update (post-processing of the release)
            // (normalised by the expected batch size of the table *without* the canary: a public number, the same for
            // both neighbours — dividing by the actual row count would leak it into the next step's query)
            for (let j = 0; j < d; j++)
                w[j] -= (lr * released[j]) / (q * n);
        }
        return llr;
    };
    const outScores = new Float64Array(runs);
    const inScores = new Float64Array(runs);
    for (let r = 0; r < runs; r++) {
        outScores[r] = runOnce(false);
        inScores[r] = runOnce(true);
    }
    const bound = auditEpsilonLowerBound(outScores, inScores, { delta: opts.delta, alpha: opts.alpha });
    return { epsilonClaimed, epsilonLower: bound.epsilonLower, bound };
}
//# sourceMappingURL=audit.js.map