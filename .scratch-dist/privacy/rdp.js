/**
 * Rényi-DP accounting of the Poisson-subsampled Gaussian mechanism (the noise of DP-SGD), and the RDP → (ε, δ)
 * conversion. Pure arithmetic on doubles: no `node:*` imports, runs in a browser.
 *
 * The mechanism: each row enters a batch independently with probability q (Poisson sampling); the sum of the
 * batch's contributions, each of L2 norm ≤ Δ, gets Gaussian noise N(0, (zΔ)² I). z is the noise multiplier.
 *
 * RDP at an integer order α ≥ 2 (Mironov, Talwar & Zhang 2019, "Rényi Differential Privacy of the Sampled Gaussian
 * Mechanism", Sec. 3.3; the same expansion as Abadi et al. 2016):
 *     ε(α) = log A_α / (α − 1),   A_α = Σ_{k=0..α} C(α, k) (1−q)^{α−k} q^k exp((k² − k) / (2z²)).
 * This is D_α((1−q)N(0, z²) + qN(1, z²) ‖ N(0, z²)), the divergence for removing a row; MTZ 2019 (Sec. 3) show the
 * other direction is never larger, so it is the RDP of one step under add/remove-one-row neighbours. By the
 * rotation invariance of the spherical Gaussian the d-dimensional mechanism reduces to this 1-D pair, and the
 * batch drawn from the other rows only mixes over translations (joint convexity). Steps compose by adding ε(α)
 * (Mironov 2017, Prop. 1).
 *
 * Only integer orders are used: the sum above is finite and exact, with no series to truncate. (The optimal order
 * for DP-SGD budgets, ε ≤ 10 at δ ≤ 1e-5, lies above 3, where integers lose almost nothing.)
 *
 * Conversion (Canonne, Kamath & Steinke 2020, Prop. 12; the same bound as Balle et al. 2020, Thm. 21, used by
 * Opacus): (α, τ)-RDP implies (ε, δ)-DP with
 *     ε = τ + (log(1/δ) + (α − 1)·log(1 − 1/α) − log α) / (α − 1).
 * ρ-zCDP is (α, ρα)-RDP for every α (Bun & Steinke 2016), so zCDP costs join the same curve.
 *
 * Conservative rounding: every log A_α is raised by a relative margin (1e-12) far above the floating-point error of
 * the log-sum-exp (≈ α ulps), and the reported ε is raised again before it is returned; the grid of orders only
 * restricts a minimum, so a coarse grid can raise ε, never lower it.
 */
/** Relative slack covering the floating-point error of the log-sum-exp and the conversion. */
const REL_SLACK = 1e-12;
/** The default orders: every integer 2..128, then ~10 % steps up to 8192 (large orders matter for tiny q or ε). */
export const DEFAULT_RDP_ORDERS = (() => {
    const out = [];
    for (let a = 2; a <= 128; a++)
        out.push(a);
    let a = 128;
    while (a < 8192) {
        a = Math.ceil(a * 1.1);
        out.push(Math.min(a, 8192));
    }
    return out;
})();
/** log(e^a + e^b) without overflow. */
function logAdd(a, b) {
    if (a === -Infinity)
        return b;
    if (b === -Infinity)
        return a;
    const m = Math.max(a, b);
    return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}
function checkSubsampled(q, z, where) {
    if (!(q >= 0 && q <= 1))
        throw new RangeError(`${where}: the sampling rate q must be in [0, 1] (got ${q})`);
    if (!(z > 0) || !Number.isFinite(z))
        throw new RangeError(`${where}: the noise multiplier must be a finite number > 0 (got ${z})`);
}
/**
 * RDP ε(α) of ONE step of the Poisson-subsampled Gaussian mechanism with sampling rate q and noise multiplier z,
 * at an integer order α ≥ 2, rounded up. q = 0 costs nothing; q = 1 is the plain Gaussian, α/(2z²).
 */
export function subsampledGaussianRdp(q, z, alpha) {
    checkSubsampled(q, z, 'subsampledGaussianRdp');
    if (!Number.isInteger(alpha) || alpha < 2)
        throw new RangeError(`subsampledGaussianRdp: the order must be an integer ≥ 2 (got ${alpha})`);
    if (q === 0)
        return 0;
    const twoZ2 = 2 * z * z;
    if (q === 1)
        return up(alpha / twoZ2);
    const lq = Math.log(q);
    const l1q = Math.log1p(-q);
    // log C(α, k), built up term by term: C(α, k) = C(α, k−1)·(α − k + 1)/k
    let logBinom = 0;
    let logA = -Infinity;
    for (let k = 0; k <= alpha; k++) {
        if (k > 0)
            logBinom += Math.log((alpha - k + 1) / k);
        const term = logBinom + k * lq + (alpha - k) * l1q + (k * k - k) / twoZ2;
        logA = logAdd(logA, term);
    }
    // A_α ≥ 1 (it is E[(P/Q)^α] ≥ 1 by Jensen); floating point can leave a hair below 0
    const eps = Math.max(0, logA) / (alpha - 1);
    return up(eps);
}
/** ε(α) of `steps` compositions (additive), rounded up; for each order of `orders`. */
export function subsampledGaussianRdpCurve(q, z, steps, orders = DEFAULT_RDP_ORDERS) {
    if (!Number.isInteger(steps) || steps < 0)
        throw new RangeError(`subsampledGaussianRdpCurve: steps must be a whole number ≥ 0 (got ${steps})`);
    const out = new Float64Array(orders.length);
    for (let i = 0; i < orders.length; i++)
        out[i] = up(steps * subsampledGaussianRdp(q, z, orders[i]));
    return out;
}
/**
 * The smallest ε over the given orders such that an (α, τ_α)-RDP curve implies (ε, δ)-DP (CKS 2020, Prop. 12),
 * rounded up. Returns the ε and the order that achieved it.
 */
export function rdpToEpsilon(orders, rdp, delta) {
    if (orders.length !== rdp.length)
        throw new RangeError('rdpToEpsilon: orders and rdp differ in length');
    if (!(delta > 0 && delta < 1))
        throw new RangeError(`rdpToEpsilon: need 0 < δ < 1 (got ${delta})`);
    const logInvDelta = -Math.log(delta);
    let best = Infinity;
    let bestOrder = NaN;
    for (let i = 0; i < orders.length; i++) {
        const a = orders[i];
        const tau = rdp[i];
        if (!(a > 1) || !(tau >= 0))
            continue;
        if (!Number.isFinite(tau))
            continue;
        const eps = tau + (logInvDelta + (a - 1) * Math.log1p(-1 / a) - Math.log(a)) / (a - 1);
        if (eps < best) {
            best = eps;
            bestOrder = a;
        }
    }
    if (!Number.isFinite(best))
        return { epsilon: Infinity, order: NaN };
    return { epsilon: up(Math.max(0, best)), order: bestOrder };
}
/** The (ε, δ) of `steps` steps of the Poisson-subsampled Gaussian by RDP (MTZ 2019 + CKS 2020 conversion). */
export function subsampledGaussianEpsilonRdp(q, z, steps, delta, orders = DEFAULT_RDP_ORDERS) {
    if (steps === 0 || q === 0)
        return 0;
    return rdpToEpsilon(orders, subsampledGaussianRdpCurve(q, z, steps, orders), delta).epsilon;
}
/** x raised by the module's relative slack (and one subnormal so that 0 < x stays > 0). */
function up(x) {
    if (x === 0 || !Number.isFinite(x))
        return x;
    return x + Math.abs(x) * REL_SLACK + Number.MIN_VALUE;
}
//# sourceMappingURL=rdp.js.map