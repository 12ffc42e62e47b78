/**
 * Exact rationals for the DP samplers. A JS double is an exact dyadic rational m·2^e, so a noise scale, a
 * variance or a score given as a number converts to a BigInt fraction with no error (`toFraction`). Written by
 * hand because it is a dozen lines over `DataView` and BigInt, and the npm rational libraries (fraction.js etc.)
 * convert doubles through decimal/continued-fraction approximations, which is exactly what must not happen here.
 */
/** num/den in lowest terms, den ≥ 1. */
export interface Fraction {
    readonly num: bigint;
    readonly den: bigint;
}
/** Normalise num/den (den ≠ 0) to lowest terms with a positive denominator. */
export declare function fraction(num: bigint, den: bigint): Fraction;
/** The exact value of a finite double as a fraction (den a power of two). Throws on NaN/±Infinity. */
export declare function toFraction(x: number): Fraction;
/** The fraction as the nearest double (for display and floating-point bookkeeping only). */
export declare function fractionToNumber(f: Fraction): number;
/**
 * The smallest double ≥ x (x > 0, finite) with at most `bits` significant bits. Used by mechanisms to round a
 * requested noise variance/scale *up* (more noise, never less privacy) to a value whose fraction has small
 * numerator and denominator, which keeps the exact samplers on their fast integer path.
 */
export declare function roundUpToBits(x: number, bits?: number): number;
/** Integer square root ⌊√n⌋ of a BigInt n ≥ 0 (Newton's method). */
export declare function isqrt(n: bigint): bigint;
