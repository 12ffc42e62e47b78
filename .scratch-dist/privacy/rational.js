/**
 * Exact rationals for the DP samplers. A JS double is an exact dyadic rational m·2^e, so a noise scale, a
 * variance or a score given as a number converts to a BigInt fraction with no error (`toFraction`). Written by
 * hand because it is a dozen lines over `DataView` and BigInt, and the npm rational libraries (fraction.js etc.)
 * convert doubles through decimal/continued-fraction approximations, which is exactly what must not happen here.
 */
function gcd(a, b) {
    if (a < 0n)
        a = -a;
    if (b < 0n)
        b = -b;
    while (b !== 0n) {
        const t = a % b;
        a = b;
        b = t;
    }
    return a;
}
/** Normalise num/den (den ≠ 0) to lowest terms with a positive denominator. */
export function fraction(num, den) {
    if (den === 0n)
        throw new RangeError('fraction: zero denominator');
    if (den < 0n) {
        num = -num;
        den = -den;
    }
    const g = gcd(num, den);
    return g > 1n ? { num: num / g, den: den / g } : { num, den };
}
/** The exact value of a finite double as a fraction (den a power of two). Throws on NaN/±Infinity. */
export function toFraction(x) {
    if (!Number.isFinite(x))
        throw new RangeError(`toFraction: ${x} is not a finite number`);
    if (Number.isSafeInteger(x))
        return { num: BigInt(x), den: 1n };
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    const negative = hi >>> 31 === 1;
    const biased = (hi >>> 20) & 0x7ff;
    let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    let e;
    if (biased === 0)
        e = -1074;
    else {
        mant |= 1n << 52n;
        e = biased - 1075;
    }
    // x = ±mant · 2^e
    let num = negative ? -mant : mant;
    if (e >= 0)
        return { num: num << BigInt(e), den: 1n };
    let den = 1n << BigInt(-e);
    while ((num & 1n) === 0n && den > 1n) {
        num >>= 1n;
        den >>= 1n;
    }
    return { num, den };
}
/** The fraction as the nearest double (for display and floating-point bookkeeping only). */
export function fractionToNumber(f) {
    return Number(f.num) / Number(f.den);
}
/**
 * The smallest double ≥ x (x > 0, finite) with at most `bits` significant bits. Used by mechanisms to round a
 * requested noise variance/scale *up* (more noise, never less privacy) to a value whose fraction has small
 * numerator and denominator, which keeps the exact samplers on their fast integer path.
 */
export function roundUpToBits(x, bits = 20) {
    if (!(x > 0) || !Number.isFinite(x))
        throw new RangeError(`roundUpToBits: need a finite x > 0 (got ${x})`);
    const e = Math.floor(Math.log2(x));
    const unit = 2 ** (e - bits + 1);
    let r = Math.ceil(x / unit) * unit; // exact: scaling by a power of two and ceil of a double are exact
    if (r < x)
        r += unit;
    return r;
}
/** Integer square root ⌊√n⌋ of a BigInt n ≥ 0 (Newton's method). */
export function isqrt(n) {
    if (n < 0n)
        throw new RangeError('isqrt of a negative number');
    if (n < 2n)
        return n;
    let x = BigInt(Math.floor(Math.sqrt(Number(n))));
    // correct the floating-point estimate
    while (x * x > n)
        x = (x + n / x) / 2n;
    while ((x + 1n) * (x + 1n) <= n)
        x += 1n;
    while (x * x > n)
        x -= 1n;
    return x;
}
//# sourceMappingURL=rational.js.map