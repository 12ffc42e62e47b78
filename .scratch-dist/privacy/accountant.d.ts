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
/**
 * δ such that ρ-zCDP implies (ε, δ)-DP (tight conversion, CKS 2020 Cor. 13), rounded *up*. Returns a value in
 * [0, 1]. Runtime: ≤ 1100 evaluations of a closed form (bisection to adjacent doubles, typically ~60).
 */
export declare function cdpDelta(rho: number, eps: number): number;
/**
 * The smallest ε (up to bisection precision, rounded *up*) such that ρ-zCDP implies (ε, δ)-DP. Same search as
 * private-pgm's `cdp_eps`. 0 when ρ = 0 or δ ≥ 1.
 */
export declare function cdpEpsilon(rho: number, delta: number): number;
/**
 * The largest ρ (up to bisection precision, rounded *down*) such that ρ-zCDP implies (ε, δ)-DP. Same search as
 * private-pgm's `cdp_rho`. Throws on ε < 0 or δ ≤ 0.
 */
export declare function cdpRho(eps: number, delta: number): number;
/** ε-DP ⇒ (ε²/2)-zCDP (Bun & Steinke 2016, Prop. 1.4), rounded up. */
export declare function pureToRho(epsilon: number): number;
/** An ε-DP exponential mechanism (ε-bounded range) is (ε²/8)-zCDP (Cesar & Rogers 2021), rounded up. */
export declare function exponentialMechanismRho(epsilon: number): number;
/** x raised by a relative margin that covers the rounding of one or a few floating-point operations. */
export declare function roundUpRel(x: number): number;
/** x lowered by a relative margin that covers the rounding of one or a few floating-point operations. */
export declare function roundDownRel(x: number): number;
/** Σ values, rounded up: the floating-point sum of n non-negative terms errs by at most (n−1)·u relative. */
export declare function sumUp(values: Iterable<number>): number;
/**
 * x rounded *up* to `digits` significant decimal digits, for printing an ε that can only err upwards
 * (e.g. 0.99999999997 → 1, 0.123456789012 → 0.1234567891 at 10 digits).
 */
export declare function ceilSignificant(x: number, digits?: number): number;
/** x rounded *down* to `digits` significant decimal digits (for printing a budget that may not be exceeded). */
export declare function floorSignificant(x: number, digits?: number): number;
