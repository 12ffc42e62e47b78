import erfc from '@stdlib/math-base-special-erfc';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { FFT_ETA, inverseRealFft, realFft } from './fft.js';
import { subsampledGaussianEpsilonRdp } from './rdp.js';
/**
 * A tight numerical accountant for the Poisson-subsampled Gaussian: the privacy-loss random variable (PRV) of one
 * step is discretised on a grid, the T-fold composition is computed by FFT, and δ(ε) is read off the composed
 * distribution (Gopi, Lee & Wutschitz 2021, "Numerical Composition of Differential Privacy"; Koskela, Jälkö &
 * Honkela 2020 for the FFT). What is different here, and why each step is an *upper* bound (docs/privacy.md):
 *
 * - **Both directions.** Removing a row gives the pair (A, B) = ((1−q)N(0,z²) + qN(1,z²), N(0,z²)), adding one the
 *   pair (B, A); by Zhu, Dong & Wang 2022 (Thm. 10/11) these dominate every step of DP-SGD with Poisson sampling,
 *   and T-fold adaptive composition is dominated by the product pairs. ε is the larger of the two directions.
 * - **Pessimistic truncation.** Losses above the grid become +∞ (their whole mass counts in δ); losses below it
 *   are raised to the lowest grid point. Both only raise δ(ε) = E[(1 − e^{ε−L})₊].
 * - **Mean-preserving randomised rounding** of each step's loss to the grid (the tent discretisation): with Ỹ the
 *   rounded loss, Σ(Ỹ_t − Y_t) is a sum of conditionally mean-zero terms in intervals of length h, so by
 *   Hoeffding–Azuma Σ Y_t ≤ Σ Ỹ_t + t with probability ≥ 1 − η, t = h·√(T·ln(1/η)/2); hence
 *   δ(ε) ≤ δ_Ỹ(ε − t) + η. The within-cell mean of the loss comes from Gauss–Legendre quadrature, checked by a
 *   second rule; its estimated error κ (×10) is charged as T·h·κ more ε. Cells where the check fails or the mass is
 *   negligible are rounded *up* (pessimistic), which needs no charge.
 * - **Exponential tilting** before the FFT (weights e^{λ·loss}, λ chosen so the tilted composition centres near
 *   ε): the FFT's absolute rounding error then becomes a *relative* error of δ, and is bounded with the textbook
 *   FFT error bound (Higham, Thm. 24.2) and added; so is the mass that the circular convolution folds over, bounded by
 *   a Chernoff bound from the discrete distribution itself.
 * - Every floating-point sum and pmf cell is covered by a relative margin; the reported ε is rounded up.
 *
 * Runtime: O(n log n) with n ≈ (loss range + composition spread)/h, h ≈ ε_err/√(T·ln(1/η)); about a second for
 * T ≈ 3000 on this machine class.
 */
const U = Number.EPSILON / 2;
const INV_SQRT2PI = 1 / Math.sqrt(2 * Math.PI);
/** P(xa < X < xb) for X ~ N(mu, z²), computed on the tail side for relative accuracy; ref = the larger tail used. */
function gaussMass(xa, xb, mu, z) {
    const s = z * Math.SQRT2;
    if (xa >= mu) {
        const a = 0.5 * erfc((xa - mu) / s);
        const b = xb === Infinity ? 0 : 0.5 * erfc((xb - mu) / s);
        return { m: Math.max(0, a - b), ref: a };
    }
    if (xb <= mu) {
        const b = 0.5 * erfc((mu - xb) / s);
        const a = xa === -Infinity ? 0 : 0.5 * erfc((mu - xa) / s);
        return { m: Math.max(0, b - a), ref: b };
    }
    const lower = xa === -Infinity ? 0 : 0.5 * erfc((mu - xa) / s);
    const upper = xb === Infinity ? 0 : 0.5 * erfc((xb - mu) / s);
    return { m: Math.max(0, 1 - lower - upper), ref: 1 };
}
/** log((1−q) + q·e^u) for the subsampled Gaussian's likelihood ratio, stable for all u. */
function logMix(q, u) {
    if (u > 0)
        return u + Math.log(q + (1 - q) * Math.exp(-u));
    return Math.log1p(q * Math.expm1(u));
}
export function removeModel(q, z) {
    const z2 = z * z;
    const l1q = Math.log1p(-q);
    const lq = Math.log(q);
    return {
        increasing: true,
        z,
        lossLow: l1q,
        lossHigh: Infinity,
        loss: (x) => logMix(q, (2 * x - 1) / (2 * z2)),
        xOfLoss: (g) => {
            if (g <= l1q)
                return -Infinity;
            const v = Math.expm1(g) + q; // e^g − 1 + q = q·e^u
            if (!(v > 0))
                return -Infinity;
            return z2 * (Math.log(v) - lq) + 0.5;
        },
        density: (x) => (((1 - q) * Math.exp((-x * x) / (2 * z2)) + q * Math.exp((-(x - 1) * (x - 1)) / (2 * z2))) *
            INV_SQRT2PI) /
            z,
        mass: (xa, xb) => {
            const a = gaussMass(xa, xb, 0, z);
            const b = gaussMass(xa, xb, 1, z);
            return { m: (1 - q) * a.m + q * b.m, ref: Math.max(a.ref, b.ref) };
        },
    };
}
export function addModel(q, z) {
    const rem = removeModel(q, z);
    const z2 = z * z;
    return {
        increasing: false,
        z,
        lossLow: -Infinity,
        lossHigh: -Math.log1p(-q),
        loss: (x) => -rem.loss(x),
        xOfLoss: (g) => rem.xOfLoss(-g),
        density: (x) => (Math.exp((-x * x) / (2 * z2)) * INV_SQRT2PI) / z,
        mass: (xa, xb) => gaussMass(xa, xb, 0, z),
    };
}
// Gauss–Legendre nodes/weights on [−1, 1]: 2 and 3 points.
const GL2_X = [-1 / Math.sqrt(3), 1 / Math.sqrt(3)];
const GL2_W = [1, 1];
const GL3_X = [-Math.sqrt(3 / 5), 0, Math.sqrt(3 / 5)];
const GL3_W = [5 / 9, 8 / 9, 5 / 9];
/**
 * Discretise one step's loss on the grid (iLo..iHi)·h. Cells whose within-cell mean (θ, in units of h) is checked by
 * two quadrature rules to within `kappaMax` (after the ×10 safety factor) are split mean-preservingly; the others are
 * rounded up. The caller charges T·h·κ for the observed κ ≤ 2·kappaMax.
 */
export function discretize(model, h, iLo, iHi, kappaMax = 1e-6) {
    const n = iHi - iLo + 1;
    const pmf = new Float64Array(n);
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++)
        xs[i] = model.xOfLoss((iLo + i) * h);
    const z = model.z;
    const maxPiece = z / 4;
    let kappa = 1e-12; // floor: the grid inversion and the loss evaluation err by ~1e-15 relative
    let relErr = 0;
    let pInf = 0;
    // x-interval of a loss interval [ga, gb]
    const span = (ia, ib) => model.increasing ? [xs[ia], xs[ib]] : [xs[ib], xs[ia]];
    const noteErr = (m, ref) => {
        if (m > 0)
            relErr = Math.max(relErr, (8 * U * ref + 8 * U * m) / m);
    };
    // below the grid → lumped at g_iLo (raises those losses: pessimistic)
    {
        const xa = model.increasing ? -Infinity : xs[0];
        const xb = model.increasing ? xs[0] : Infinity;
        if (xa < xb) {
            const { m, ref } = model.mass(xa, xb);
            pmf[0] += m;
            noteErr(m, ref);
        }
    }
    // above the grid → +∞
    {
        const xa = model.increasing ? xs[n - 1] : -Infinity;
        const xb = model.increasing ? Infinity : xs[n - 1];
        if (xa < xb)
            pInf += model.mass(xa, xb).m;
    }
    for (let i = 0; i < n - 1; i++) {
        const [xa, xb] = span(i, i + 1);
        if (!(xa < xb))
            continue;
        const { m, ref } = model.mass(xa, xb);
        if (!(m > 0))
            continue;
        noteErr(m, ref);
        const len = xb - xa;
        let theta = 1; // pessimistic default: the whole cell to the upper grid point
        if (m > 1e-300 && Number.isFinite(len) && len <= 64 * maxPiece) {
            const pieces = Math.max(1, Math.ceil(len / maxPiece));
            const g0 = (iLo + i) * h;
            let num2 = 0;
            let den2 = 0;
            let num3 = 0;
            let den3 = 0;
            const w = len / pieces;
            for (let k = 0; k < pieces; k++) {
                const mid = xa + (k + 0.5) * w;
                for (let j = 0; j < 2; j++) {
                    const x = mid + (GL2_X[j] * w) / 2;
                    const d = model.density(x) * GL2_W[j];
                    num2 += d * ((model.loss(x) - g0) / h);
                    den2 += d;
                }
                for (let j = 0; j < 3; j++) {
                    const x = mid + (GL3_X[j] * w) / 2;
                    const d = model.density(x) * GL3_W[j];
                    num3 += d * ((model.loss(x) - g0) / h);
                    den3 += d;
                }
            }
            if (den2 > 0 && den3 > 0) {
                const t2 = num2 / den2;
                const t3 = num3 / den3;
                const err = Math.abs(t3 - t2) * 10;
                if (err <= kappaMax && t3 > -1e-9 && t3 < 1 + 1e-9) {
                    theta = Math.min(1, Math.max(0, t3));
                    if (err > kappa)
                        kappa = err;
                }
            }
        }
        pmf[i] += m * (1 - theta);
        pmf[i + 1] += m * theta;
    }
    // every cell mass is within relErr of its true value (accounted for by the caller); what the doubles cannot hold at
    // all — tails below 1e-300, where erfc underflows — goes to +∞ (one such bound per cell)
    pInf += 2 * (n + 2) * 1e-300;
    return { h, iLo, pmf, pInf: Math.min(1, pInf), kappa: 2 * kappa, relErr };
}
/** log Σ exp(a_i) over the finite entries. */
function logSumExp(values) {
    let m = -Infinity;
    for (let i = 0; i < values.length; i++)
        if (values[i] > m)
            m = values[i];
    if (m === -Infinity)
        return -Infinity;
    let s = 0;
    for (let i = 0; i < values.length; i++)
        if (values[i] > -Infinity)
            s += Math.exp(values[i] - m);
    return m + Math.log(s);
}
export function composeTilted(d, steps, lambda) {
    const { h, iLo, pmf } = d;
    const n1 = pmf.length;
    // tilted single step: log q_i = log p_i + λ g_i − log M
    const logw = new Float64Array(n1);
    for (let i = 0; i < n1; i++)
        logw[i] = pmf[i] > 0 ? Math.log(pmf[i]) + lambda * (iLo + i) * h : -Infinity;
    const logM = logSumExp(logw);
    const qv = new Float64Array(n1);
    let mean = 0;
    let sq = 0;
    let l2 = 0;
    for (let i = 0; i < n1; i++) {
        const v = logw[i] > -Infinity ? Math.exp(logw[i] - logM) : 0;
        qv[i] = v;
        const g = (iLo + i) * h;
        mean += v * g;
        sq += v * g * g;
        l2 += v * v;
    }
    const variance = Math.max(sq - mean * mean, h * h);
    const centre = steps * mean;
    const sd = Math.sqrt(steps * variance);
    // the window: wide enough that the tilted composition leaves it with probability ≤ 1e-10 (Chernoff)
    const mgf = tiltedLogMgf(qv, iLo, h);
    let halfWidth = 12 * sd + 64 * h;
    let outside = chernoffOutside(mgf, steps, centre, halfWidth, variance);
    while (outside > 1e-10 && halfWidth < 1e4) {
        halfWidth *= 1.5;
        outside = chernoffOutside(mgf, steps, centre, halfWidth, variance);
    }
    const nWanted = Math.max(n1, Math.ceil((2 * halfWidth) / h) + 1);
    let nFft = 1;
    while (nFft < nWanted)
        nFft *= 2;
    if (nFft > 2 ** 24)
        throw new RangeError(`prv: the grid would need ${nFft} points; use a coarser accuracy`);
    const x = new Float64Array(nFft);
    x.set(qv);
    const { re, im } = realFft(x);
    // the packed real FFT is one complex FFT of length N/2 plus O(1) operations per coefficient: bound it as a
    // length-N transform with two more levels, ‖ĉ − c‖₂ ≤ (log₂N + 2)·η·‖c‖₂ = (log₂N + 2)·η·√N·‖q‖₂
    const log2n = Math.log2(nFft) + 2;
    const eF = log2n * FFT_ETA * Math.sqrt(nFft) * Math.sqrt(l2);
    let coefErr2 = 0; // Σ over the full spectrum of (error of ĉ_k^T)²
    let power2 = 0; // Σ over the full spectrum of |ĉ_k^T|²
    const half = nFft / 2;
    for (let k = 0; k <= half; k++) {
        const mult = k === 0 || k === half ? 1 : 2; // X_{N−k} = conj(X_k)
        const r = Math.hypot(re[k], im[k]);
        if (r === 0 || steps * Math.log(r + eF) < -740) {
            // |ĉ|^T and its error bound both underflow: the coefficient is 0 to within far less than one ulp of the sum
            re[k] = 0;
            im[k] = 0;
            coefErr2 += mult * 1e-300;
            continue;
        }
        const logr = Math.log(r);
        const mag = Math.exp(steps * logr);
        const ang = steps * Math.atan2(im[k], re[k]);
        re[k] = mag * Math.cos(ang);
        im[k] = mag * Math.sin(ang);
        // |ĉ^T − c^T| ≤ T·eF·(|ĉ| + eF)^{T−1}, plus the polar power's own rounding (≤ (T·u·(|log r| + π) + 8u)·|ĉ|^T)
        const e1 = steps * eF * Math.exp((steps - 1) * Math.log(r + eF));
        const e2 = (steps * U * (Math.abs(logr) + Math.PI) + 8 * U) * mag;
        coefErr2 += mult * (e1 + e2) ** 2;
        power2 += mult * mag * mag;
    }
    const comp = inverseRealFft(re, im, nFft);
    // ℓ1 error of the composed pmf ≤ √N·ℓ2: the coefficient errors through the normalised inverse (‖·‖₂/√N), plus
    // the inverse FFT's own error (log₂N·η·‖y‖₂ with ‖y‖₂ = ‖Y‖₂/√N)
    const errL1 = (Math.sqrt(coefErr2) + log2n * FFT_ETA * Math.sqrt(power2)) * (1 + 1e-6);
    // window: integer loss indices j (loss j·h), array position (j − T·iLo) mod nFft
    const jLo = Math.ceil((centre - halfWidth) / h);
    const jHi = Math.floor((centre + halfWidth) / h);
    const count = jHi - jLo + 1;
    const vals = new Float64Array(count);
    const offset = steps * iLo;
    for (let j = jLo; j <= jHi; j++) {
        let pos = (j - offset) % nFft;
        if (pos < 0)
            pos += nFft;
        vals[j - jLo] = comp[pos];
    }
    // suffix sums relative to a reference point s0 (the centre): A_j = Σ_{k≥j} e^{−λ(s_k−s0)} Q(s_k),
    // B_j = Σ_{k≥j} e^{−(λ+1)(s_k−s0)} Q(s_k)
    const s0 = centre;
    const sufA = new Float64Array(count + 1);
    const sufB = new Float64Array(count + 1);
    for (let k = count - 1; k >= 0; k--) {
        const s = (jLo + k) * h;
        sufA[k] = sufA[k + 1] + Math.exp(-lambda * (s - s0)) * vals[k];
        sufB[k] = sufB[k + 1] + Math.exp(-(lambda + 1) * (s - s0)) * vals[k];
    }
    const infPart = -Math.expm1(steps * Math.log1p(-d.pInf)); // 1 − (1 − p∞)^T
    // relative margins: the pmf cells (each within relErr), the float sum behind log M (n1·u), then raised to T
    const relFactor = Math.exp(steps * (d.relErr * 1.01 + 2 * n1 * U + 1e-15));
    const logScale = steps * logM - lambda * s0; // M^T e^{−λ s0}
    return {
        centre,
        delta(ep) {
            // Σ_{s ≥ ε'} e^{−λ s}(1 − e^{ε'−s}) Q(s) = e^{−λ s0}·(A_j − e^{ε'−s0} B_j) with j the first index ≥ ε'
            let k = Math.ceil(ep / h - 1e-9) - jLo;
            if (k < 0)
                k = 0;
            let inWindow = 0;
            if (k < count)
                inWindow = sufA[k] - Math.exp(ep - s0) * sufB[k];
            const err = Math.exp(-lambda * (ep - s0)) * (errL1 + 2 * outside);
            const fin = Math.exp(logScale) * (Math.max(0, inWindow) + err) * relFactor;
            const out = infPart + fin;
            // anything non-finite (overflow far from the tilt centre) is no bound at all: report the trivial δ = 1
            return Number.isFinite(out) ? Math.min(1, out) : 1;
        },
    };
}
/** θ ↦ log E[e^{θ·Ỹ}] of a pmf on the grid (iLo + i)·h, rounded up (memoised per θ). */
function tiltedLogMgf(qv, iLo, h) {
    const logq = new Float64Array(qv.length);
    for (let i = 0; i < qv.length; i++)
        logq[i] = qv[i] > 0 ? Math.log(qv[i]) : -Infinity;
    const memo = new Map();
    return (theta) => {
        let v = memo.get(theta);
        if (v === undefined) {
            let m = -Infinity;
            for (let i = 0; i < logq.length; i++) {
                const a = logq[i] + theta * (iLo + i) * h;
                if (a > m)
                    m = a;
            }
            let s = 0;
            for (let i = 0; i < logq.length; i++)
                if (logq[i] > -Infinity)
                    s += Math.exp(logq[i] + theta * (iLo + i) * h - m);
            v = m + Math.log(s) + qv.length * U * 4;
            memo.set(theta, v);
        }
        return v;
    };
}
/**
 * P(S_T ∉ [c − w, c + w]) for S_T a sum of T independent draws of a pmf with log-mgf `mgf`, by Chernoff bounds
 * minimised over a geometric grid of θ (the loss has a heavy, truncated right tail: the Gaussian-optimal θ alone
 * can be useless).
 */
function chernoffOutside(mgf, steps, c, w, variance) {
    // a fixed geometric grid of θ (×√2 steps around the Gaussian scale 1/√(T·var)), so that the memoised log-mgf
    // values are reused as the window grows
    const scale = 1 / Math.sqrt(steps * variance);
    let up = 1;
    let down = 1;
    for (let k = -16; k <= 24; k++) {
        const th = scale * 2 ** (k / 2);
        up = Math.min(up, Math.exp(steps * mgf(th) - th * (c + w)));
        down = Math.min(down, Math.exp(steps * mgf(-th) + th * (c - w)));
    }
    return up + down;
}
const prvCache = new Map();
/**
 * (ε, δ) of `steps` steps of the Poisson-subsampled Gaussian (sampling rate q, noise multiplier z) by the PRV
 * method, rounded up. Deterministic: the same arguments give the same ε on every machine with IEEE doubles.
 */
export function subsampledGaussianPrv(q, z, steps, delta, opts = {}) {
    if (!(q >= 0 && q <= 1))
        throw new RangeError(`prv: the sampling rate must be in [0, 1] (got ${q})`);
    if (!(z > 0) || !Number.isFinite(z))
        throw new RangeError(`prv: the noise multiplier must be > 0 (got ${z})`);
    if (!Number.isInteger(steps) || steps < 0)
        throw new RangeError(`prv: steps must be a whole number (got ${steps})`);
    if (!(delta > 0 && delta < 1))
        throw new RangeError(`prv: need 0 < δ < 1 (got ${delta})`);
    if (steps === 0 || q === 0)
        return { epsilon: 0, epsilonRemove: 0, epsilonAdd: 0, epsilonError: 0 };
    if (q === 1) {
        const e = gaussianEpsilon(Math.sqrt(steps) / z, delta);
        return { epsilon: e, epsilonRemove: e, epsilonAdd: e, epsilonError: 0 };
    }
    const key = `${q}|${z}|${steps}|${delta}|${opts.epsilonError ?? ''}`;
    const hit = prvCache.get(key);
    if (hit)
        return hit;
    const epsRdp = subsampledGaussianEpsilonRdp(q, z, steps, delta);
    const epsErr = opts.epsilonError ?? Math.max(1e-4, 0.003 * epsRdp);
    // δ budget split: η (Hoeffding failure) and the tail beyond the grid
    const eta = delta * 1e-4;
    const pInfTarget = (delta * 1e-4) / steps;
    const hoeffFactor = Math.sqrt((steps * Math.log(1 / eta)) / 2);
    // the quadrature bias T·h·κ is usually ~1e-9·T·h; leave it 10 % of the error budget
    const h = (0.9 * epsErr) / hoeffFactor;
    const rem = epsilonOneDirection(removeModel(q, z), q, z, steps, delta, h, eta, pInfTarget, epsRdp);
    const add = epsilonOneDirection(addModel(q, z), q, z, steps, delta, h, eta, pInfTarget, epsRdp);
    const result = {
        epsilon: Math.max(rem.epsilon, add.epsilon),
        epsilonRemove: rem.epsilon,
        epsilonAdd: add.epsilon,
        epsilonError: Math.max(rem.error, add.error),
    };
    if (prvCache.size > 256)
        prvCache.clear();
    prvCache.set(key, result);
    return result;
}
function epsilonOneDirection(model, q, z, steps, delta, h, eta, pInfTarget, epsGuess) {
    // grid range
    let gLo;
    let gHi;
    const xTail = z * -normalQuantile(Math.min(0.5, pInfTarget), 0, 1); // P(N(0,z²) > xTail) ≤ target
    if (model.increasing) {
        gLo = model.lossLow;
        gHi = model.loss(1 + xTail); // both mixture components are below 1 + xTail except with prob ≤ target
    }
    else {
        gHi = model.lossHigh;
        gLo = model.loss(xTail); // losses below it (x > xTail) are raised to gLo: pessimistic
    }
    const iLo = Math.floor(gLo / h);
    const iHi = Math.ceil(gHi / h);
    if (iHi - iLo + 1 > 2 ** 24)
        throw new RangeError('prv: the loss range needs too many grid points');
    // the quadrature check may pass cells whose θ is uncertain by κ as long as the charge T·h·κ stays ≤ 10 % of the
    // error budget (h was chosen for 90 % of it)
    const kappaMax = Math.min(0.05, (0.05 * (h * hoeffFactorOf(steps, eta))) / (0.9 * steps * h));
    const d = discretize(model, h, iLo, iHi, kappaMax);
    const tHoeff = h * Math.sqrt((steps * Math.log(1 / eta)) / 2);
    const bias = steps * h * d.kappa;
    const shift = tHoeff + bias;
    const target = delta - eta;
    // tilt towards the guess, solve, re-tilt once towards the answer
    // the loss of T steps never exceeds T·sup(loss): aim the tilt below that
    // (the PRV ε is typically 5–15 % below the RDP one: start there)
    let guess = Math.min(0.92 * epsGuess, 0.9 * steps * (iHi * h));
    let eps = Infinity;
    for (let round = 0; round < 3; round++) {
        const lambda = tiltFor(d, steps, guess);
        const comp = composeTilted(d, steps, lambda);
        const found = solveEpsilon(comp, target, guess);
        if (!Number.isFinite(found))
            break;
        eps = found;
        if (Math.abs(found - guess) < 0.04 * Math.max(guess, 0.1))
            break;
        guess = found;
    }
    if (!Number.isFinite(eps))
        return { epsilon: Infinity, error: shift };
    // ε for the real loss: ε' + t + T·h·κ, rounded up
    const out = Math.max(0, eps + shift);
    return { epsilon: out * (1 + 1e-12) + 1e-15, error: shift };
}
/**
 * Without subsampling, T steps of the Gaussian mechanism with noise multiplier z compose to one Gaussian mechanism
 * with μ = √T/z, whose exact privacy profile is δ(ε) = Φ(μ/2 − ε/μ) − e^ε·Φ(−μ/2 − ε/μ) (Balle & Wang 2018,
 * Thm. 8; Dong, Roth & Su 2022, Cor. 2.13). The smallest ε with δ(ε) ≤ δ by bisection, with δ(ε) evaluated by erfc
 * and inflated by 1e-10 relative (conservative), rounded up.
 */
function gaussianEpsilon(mu, delta) {
    const phi = (x) => 0.5 * erfc(-x / Math.SQRT2);
    const deltaOf = (eps) => {
        const v = phi(mu / 2 - eps / mu) - Math.exp(eps) * phi(-mu / 2 - eps / mu);
        return Math.max(0, v) * (1 + 1e-10) + 1e-300;
    };
    let lo = 0;
    let hi = 1;
    while (deltaOf(hi) > delta) {
        lo = hi;
        hi *= 2;
        if (hi > 1e6)
            return Infinity;
    }
    for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (mid <= lo || mid >= hi)
            break;
        if (deltaOf(mid) > delta)
            lo = mid;
        else
            hi = mid;
    }
    return hi * (1 + 1e-12);
}
function hoeffFactorOf(steps, eta) {
    return Math.sqrt((steps * Math.log(1 / eta)) / 2);
}
/** λ ≥ 0 with T·E_λ[Ỹ] ≈ target (the tilted mean), by bisection; 0 when the untilted mean is already above. */
export function tiltFor(d, steps, target) {
    const { h, iLo, pmf } = d;
    const idx = [];
    const logp = [];
    for (let i = 0; i < pmf.length; i++) {
        if (pmf[i] > 0) {
            idx.push((iLo + i) * h);
            logp.push(Math.log(pmf[i]));
        }
    }
    const tiltedMean = (lambda) => {
        let m = -Infinity;
        for (let i = 0; i < idx.length; i++)
            m = Math.max(m, logp[i] + lambda * idx[i]);
        let s = 0;
        let sg = 0;
        for (let i = 0; i < idx.length; i++) {
            const w = Math.exp(logp[i] + lambda * idx[i] - m);
            s += w;
            sg += w * idx[i];
        }
        return (steps * sg) / s;
    };
    // any λ gives a valid bound (the tilt is exact); it only needs to centre the composition near the target
    if (tiltedMean(0) >= target)
        return 0;
    let lo = 0;
    let hi = 1;
    while (tiltedMean(hi) < target && hi < 1e4)
        hi *= 2;
    for (let i = 0; i < 24; i++) {
        const mid = (lo + hi) / 2;
        if (tiltedMean(mid) < target)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}
/** The smallest ε' (to 1e-12 relative) with comp.delta(ε') ≤ target, searched upwards from 0. */
function solveEpsilon(comp, target, guess) {
    let lo = 0;
    if (comp.delta(lo) <= target)
        return 0;
    let hi = Math.max(guess, 1e-3);
    let tries = 0;
    while (comp.delta(hi) > target) {
        lo = hi;
        hi *= 2;
        if (++tries > 60)
            return Infinity;
    }
    for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (mid <= lo || mid >= hi)
            break;
        if (comp.delta(mid) > target)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}
//# sourceMappingURL=prv.js.map