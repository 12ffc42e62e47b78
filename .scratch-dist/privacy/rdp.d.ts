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
/** The default orders: every integer 2..128, then ~10 % steps up to 8192 (large orders matter for tiny q or ε). */
export declare const DEFAULT_RDP_ORDERS: readonly number[];
/**
 * RDP ε(α) of ONE step of the Poisson-subsampled Gaussian mechanism with sampling rate q and noise multiplier z,
 * at an integer order α ≥ 2, rounded up. q = 0 costs nothing; q = 1 is the plain Gaussian, α/(2z²).
 */
export declare function subsampledGaussianRdp(q: number, z: number, alpha: number): number;
/** ε(α) of `steps` compositions (additive), rounded up; for each order of `orders`. */
export declare function subsampledGaussianRdpCurve(q: number, z: number, steps: number, orders?: readonly number[]): Float64Array;
/**
 * The smallest ε over the given orders such that an (α, τ_α)-RDP curve implies (ε, δ)-DP (CKS 2020, Prop. 12),
 * rounded up. Returns the ε and the order that achieved it.
 */
export declare function rdpToEpsilon(orders: readonly number[], rdp: ArrayLike<number>, delta: number): {
    epsilon: number;
    order: number;
};
/** The (ε, δ) of `steps` steps of the Poisson-subsampled Gaussian by RDP (MTZ 2019 + CKS 2020 conversion). */
export declare function subsampledGaussianEpsilonRdp(q: number, z: number, steps: number, delta: number, orders?: readonly number[]): number;
