/**
 * Privacy accounting under zero-concentrated differential privacy (zCDP, Bun & Steinke 2016).
 *
 * - Composition: ρ-zCDP mechanisms compose by adding their ρ (Bun & Steinke 2016, Lemma 2.3).
 * - Pure ε-DP implies (ε²/2)-zCDP (Bun & Steinke 2016, Prop. 1.4).
 * - An ε-DP exponential mechanism is ε-bounded-range and hence (ε²/8)-zCDP (Cesar & Rogers 2021, Lemma 3.2).
 * - ρ-zCDP implies (ε, δ)-DP for every ε ≥ 0 with
 *     δ = inf_{α>1} exp((α−1)(αρ−ε)) / (α−1) · (1 − 1/α)^α
 *   (Canonne, Kamath & Steinke 2020, "The Discrete Gaussian for Differential Privacy", Cor. 13 / Prop. 12).
 *   `cdpDelta`, `cdpEpsilon` and `cdpRho` implement the same optimisation as private-pgm's `cdp2adp.py`
 *   (`cdp_delta`, `cdp_eps`, `cdp_rho`): bisection on the derivative in α, then bisection in ε or ρ.
 *
 * Conservative rounding (DESIGN.md rule 3). Any α > 1 gives a valid δ, so an imprecise search for α can only
 * *raise* δ. The one place floating point could lower it is evaluating the formula itself; `cdpDelta` therefore
 * inflates the exponent and the result by a margin far larger than the few-ulp error of `exp`/`log1p`. Every
 * ε this module reports is the upper end of its bisection bracket (it meets δ), and every ρ it allows is the
 * lower end (it meets δ) — so numerical error may raise the reported ε and lower the allowed ρ, never the reverse.
 *
 * Pure arithmetic on doubles: no `node:*` imports, runs in a browser.
 */
/** Relative slack that dominates the floating-point error of evaluating the δ formula (a few ulps ≈ 1e-15). */
const REL_SLACK = 1e-12;
/**
 * δ such that ρ-zCDP implies (ε, δ)-DP (tight conversion, CKS 2020 Cor. 13), rounded *up*. Returns a value in
 * [0, 1]. Runtime: ≤ 1100 evaluations of a closed form (bisection to adjacent doubles, typically ~60).
 */
export function cdpDelta(rho, eps) {
    if (!(rho >= 0) || !(eps >= 0) || !Number.isFinite(rho) || !Number.isFinite(eps)) {
        throw new RangeError(`cdpDelta: need finite rho ≥ 0 and eps ≥ 0 (got rho=${rho}, eps=${eps})`);
    }
    if (rho === 0)
        return 0;
    // The optimal α is at least (1 + ε/ρ)/2; below 1.01 the formula is numerically delicate and the regime
    // (ε ≲ ρ) is useless anyway — any α is valid, so restricting the search can only raise δ (as cdp2adp does).
    let amin = 1.01;
    let amax = (eps + 1) / (2 * rho) + 2;
    let alpha = (amin + amax) / 2;
    for (let i = 0; i < 1100; i++) {
        alpha = (amin + amax) / 2;
        if (alpha <= amin || alpha >= amax)
            break;
        const derivative = (2 * alpha - 1) * rho - eps + Math.log1p(-1 / alpha);
        if (derivative < 0)
            amin = alpha;
        else
            amax = alpha;
    }
    const exponent = (alpha - 1) * (alpha * rho - eps) + alpha * Math.log1p(-1 / alpha);
    // inflate: the exponent by a relative and absolute margin, then the quotient.
    const safeExponent = exponent + Math.abs(exponent) * REL_SLACK + REL_SLACK;
    const delta = (Math.exp(safeExponent) / (alpha - 1)) * (1 + REL_SLACK);
    return Math.min(delta, 1);
}
/**
 * The smallest ε (up to bisection precision, rounded *up*) such that ρ-zCDP implies (ε, δ)-DP. Same search as
 * private-pgm's `cdp_eps`. 0 when ρ = 0 or δ ≥ 1.
 */
export function cdpEpsilon(rho, delta) {
    if (!(rho >= 0) || !Number.isFinite(rho))
        throw new RangeError(`cdpEpsilon: need finite rho ≥ 0 (got ${rho})`);
    if (!(delta > 0))
        throw new RangeError(`cdpEpsilon: need delta > 0 (got ${delta})`);
    if (delta >= 1 || rho === 0)
        return 0;
    let epsmin = 0; // cdpDelta(rho, epsmin) > delta
    // the standard bound ε = ρ + 2√(ρ log(1/δ)) (Bun & Steinke 2016, Prop. 1.3) always meets δ; widen if the
    // conservative inflation of cdpDelta makes it miss by a hair.
    let epsmax = rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
    while (cdpDelta(rho, epsmax) > delta)
        epsmax = epsmax * 2 + 1e-9;
    for (let i = 0; i < 1100; i++) {
        const eps = (epsmin + epsmax) / 2;
        if (eps <= epsmin || eps >= epsmax)
            break;
        if (cdpDelta(rho, eps) <= delta)
            epsmax = eps;
        else
            epsmin = eps;
    }
    return epsmax;
}
/**
 * The largest ρ (up to bisection precision, rounded *down*) such that ρ-zCDP implies (ε, δ)-DP. Same search as
 * private-pgm's `cdp_rho`. Throws on ε < 0 or δ ≤ 0.
 */
export function cdpRho(eps, delta) {
    if (!(eps >= 0) || !Number.isFinite(eps))
        throw new RangeError(`cdpRho: need finite eps ≥ 0 (got ${eps})`);
    if (!(delta > 0))
        throw new RangeError(`cdpRho: need delta > 0 (got ${delta})`);
    if (delta >= 1)
        return Infinity;
    let rhomin = 0; // meets delta
    let rhomax = eps + 1; // does not
    for (let i = 0; i < 1100; i++) {
        const rho = (rhomin + rhomax) / 2;
        if (rho <= rhomin || rho >= rhomax)
            break;
        if (cdpDelta(rho, eps) <= delta)
            rhomin = rho;
        else
            rhomax = rho;
    }
    return rhomin;
}
/** ε-DP ⇒ (ε²/2)-zCDP (Bun & Steinke 2016, Prop. 1.4), rounded up. */
export function pureToRho(epsilon) {
    return roundUpRel((epsilon * epsilon) / 2);
}
/** An ε-DP exponential mechanism (ε-bounded range) is (ε²/8)-zCDP (Cesar & Rogers 2021), rounded up. */
export function exponentialMechanismRho(epsilon) {
    return roundUpRel((epsilon * epsilon) / 8);
}
/** x raised by a relative margin that covers the rounding of one or a few floating-point operations. */
export function roundUpRel(x) {
    if (x === 0 || !Number.isFinite(x))
        return x;
    return x + Math.abs(x) * 4 * Number.EPSILON + Number.MIN_VALUE;
}
/** x lowered by a relative margin that covers the rounding of one or a few floating-point operations. */
export function roundDownRel(x) {
    if (x === 0 || !Number.isFinite(x))
        return x;
    return Math.max(0, x - Math.abs(x) * 4 * Number.EPSILON);
}
/** Σ values, rounded up: the floating-point sum of n non-negative terms errs by at most (n−1)·u relative. */
export function sumUp(values) {
    let s = 0;
    let n = 0;
    for (const v of values) {
        s += v;
        n++;
    }
    if (n <= 1 || s === 0)
        return s; // one term: no rounding happened
    return s * (1 + n * Number.EPSILON) + Number.MIN_VALUE;
}
/**
 * x rounded *up* to `digits` significant decimal digits, for printing an ε that can only err upwards
 * (e.g. 0.99999999997 → 1, 0.123456789012 → 0.1234567891 at 10 digits).
 */
export function ceilSignificant(x, digits = 10) {
    if (x === 0 || !Number.isFinite(x))
        return x;
    const e = Math.floor(Math.log10(Math.abs(x)));
    const scale = 10 ** (digits - 1 - e);
    let r = Math.ceil(x * scale) / scale;
    if (r < x)
        r = Math.ceil(x * scale + 1) / scale;
    return r;
}
/** x rounded *down* to `digits` significant decimal digits (for printing a budget that may not be exceeded). */
export function floorSignificant(x, digits = 10) {
    if (x === 0 || !Number.isFinite(x))
        return x;
    const e = Math.floor(Math.log10(Math.abs(x)));
    const scale = 10 ** (digits - 1 - e);
    let r = Math.floor(x * scale) / scale;
    if (r > x)
        r = Math.floor(x * scale - 1) / scale;
    return r;
}
//# sourceMappingURL=accountant.js.map