import { LookalikeError } from '../errors.js';
import { SecureRng } from '../random/secure.js';
import { fraction, isqrt, toFraction } from './rational.js';
/**
 * Exact samplers for DP noise (DESIGN.md rule 4), after Canonne, Kamath & Steinke 2020, "The Discrete Gaussian
 * for Differential Privacy" (NeurIPS 2020), Algorithms 1–3. Every random decision is a comparison of uniform
 * random bits from the `SecureRng` with an exact rational, so the output distribution is exactly the stated one —
 * no floating point touches a probability. (Written by hand: no npm package offers exact discrete Gaussian /
 * Laplace sampling; the popular ones draw floating-point Laplace/Gaussian, which is what the published audits of
 * DP libraries broke.)
 *
 * Speed: all arithmetic runs on doubles while every integer stays below 2^53 (exact), falling back to BigInt
 * otherwise. A Bernoulli(p) for rational p costs 2 random bits on average (lazy comparison of a uniform's binary
 * expansion with p's). Mechanisms round their variances/scales *up* to 20 significant bits
 * (`rational.roundUpToBits`) so that the integer path applies.
 */
const SAFE_DEN = 2 ** 52; // 2r < 2^53 while r < den ≤ 2^52
/** Random bits from a SecureRng, 32 per call to `u32()` (SecureRng.bits(1) would spend a whole word per bit). */
class BitSource {
    rng;
    word = 0;
    left = 0;
    constructor(rng) {
        this.rng = rng;
    }
    bit() {
        if (this.left === 0) {
            this.word = this.rng.u32();
            this.left = 32;
        }
        this.left--;
        const b = this.word & 1;
        this.word >>>= 1;
        return b;
    }
}
/**
 * Refuse anything but a `SecureRng` at run time. The types already refuse a seeded `Rng` (a test proves it), but a
 * JavaScript caller or an `as any` could still hand one in, and reproducible noise is no noise (DESIGN.md rule 2).
 */
export function requireSecureRng(rng) {
    if (!(rng instanceof SecureRng))
        throw new LookalikeError('DP noise needs a SecureRng (WebCrypto); a seeded Rng or another random source cannot stand in for it', [], 'usage');
}
const sources = new WeakMap();
function bitsOf(rng) {
    let s = sources.get(rng);
    if (!s) {
        requireSecureRng(rng);
        s = new BitSource(rng);
        sources.set(rng, s);
    }
    return s;
}
// ---------------------------------------------------------------------------------------------------------------
// Bernoulli(num/den): compare a uniform U ∈ [0,1), drawn bit by bit, with the binary expansion of p = num/den.
// P(U < p) = p exactly; the first differing bit decides; expected 2 bits.
function bernNum(num, den, bits) {
    if (num >= den)
        return true;
    if (num <= 0)
        return false;
    let r = num;
    for (;;) {
        r *= 2;
        let pb = 0;
        if (r >= den) {
            pb = 1;
            r -= den;
        }
        const u = bits.bit();
        if (u !== pb)
            return u < pb;
        if (r === 0)
            return false; // p's expansion has ended; U ≥ p (U = p has probability 0)
    }
}
function bernBig(num, den, bits) {
    if (num >= den)
        return true;
    if (num <= 0n)
        return false;
    let r = num;
    for (;;) {
        r <<= 1n;
        let pb = 0;
        if (r >= den) {
            pb = 1;
            r -= den;
        }
        const u = bits.bit();
        if (u !== pb)
            return u < pb;
        if (r === 0n)
            return false;
    }
}
/** Bernoulli(num/den) exactly, for 0 ≤ num ≤ den (bigint or safe-integer numbers). */
export function bernoulliRational(num, den, rng) {
    if (den < 1n || num < 0n || num > den)
        throw new RangeError('bernoulliRational: need 0 ≤ num ≤ den, den ≥ 1');
    const bits = bitsOf(rng);
    return den <= BigInt(SAFE_DEN) ? bernNum(Number(num), Number(den), bits) : bernBig(num, den, bits);
}
// ---------------------------------------------------------------------------------------------------------------
// Bernoulli(exp(−γ)), CKS Algorithm 1. For γ ∈ [0,1]: K ← 1; while Bernoulli(γ/K) do K ← K+1; return K odd.
// For γ > 1: ⌊γ⌋ independent Bernoulli(exp(−1)) must all succeed, then Bernoulli(exp(−(γ−⌊γ⌋))).
function bexpLe1Num(num, den, bits) {
    let k = 1;
    for (;;) {
        const d = den * k;
        if (d > SAFE_DEN)
            return bexpLe1Big(BigInt(num), BigInt(den), k, bits);
        if (!bernNum(num, d, bits))
            break;
        k++;
    }
    return (k & 1) === 1;
}
function bexpLe1Big(num, den, k0, bits) {
    let k = BigInt(k0);
    for (;;) {
        if (!bernBig(num, den * k, bits))
            break;
        k++;
    }
    return (k & 1n) === 1n;
}
/** exp(−1) trials: Algorithm 1 with γ = 1 (γ/K = 1/K). */
function bexpMinusOne(bits) {
    return bexpLe1Num(1, 1, bits);
}
/** Number path of Algorithm 1; requires integers num ≤ 2^52 and 1 ≤ den ≤ 2^52 (so q·den ≤ num + den is exact). */
function bexpNum(num, den, bits) {
    if (num > den) {
        let q = Math.floor(num / den);
        if (q * den > num)
            q--; // guard the floating-point quotient (num, den < 2^53 so q·den is exact)
        for (let i = 0; i < q; i++)
            if (!bexpMinusOne(bits))
                return false;
        num -= q * den;
    }
    return bexpLe1Num(num, den, bits);
}
function bexpBig(num, den, bits) {
    if (num > den) {
        const q = num / den;
        for (let i = 0n; i < q; i++)
            if (!bexpMinusOne(bits))
                return false;
        num -= q * den;
    }
    if (den <= BigInt(SAFE_DEN))
        return bexpLe1Num(Number(num), Number(den), bits);
    return bexpLe1Big(num, den, 1, bits);
}
/**
 * Bernoulli(exp(−γ)) exactly for a rational γ = num/den ≥ 0 (CKS 2020, Algorithm 1). Expected O(1) random bits
 * (the loop over ⌊γ⌋ stops at the first failure, which has probability 1 − 1/e each time).
 */
export function bernoulliExp(gamma, rng) {
    const g = typeof gamma === 'number' ? toFraction(gamma) : fraction(gamma.num, gamma.den);
    if (g.num < 0n)
        throw new RangeError('bernoulliExp: γ must be ≥ 0');
    const bits = bitsOf(rng);
    if (g.den <= BigInt(SAFE_DEN) && g.num <= BigInt(SAFE_DEN)) {
        return bexpNum(Number(g.num), Number(g.den), bits);
    }
    return bexpBig(g.num, g.den, bits);
}
// ---------------------------------------------------------------------------------------------------------------
// Discrete Laplace, CKS Algorithm 2: P(Y = y) ∝ exp(−|y|·s/t) for integers s, t ≥ 1 (scale t/s).
/** Max t and s on the number path: U < t and X = U + t·V stay below 2^52 unless V > 2^12 (probability < e^-4096). */
const NUM_T_MAX = 2 ** 40;
function dlapNum(s, t, rng, bits) {
    for (;;) {
        const u = t === 1 ? 0 : rng.uniformInt(t);
        if (!bexpLe1Num(u, t, bits))
            continue;
        let v = 0;
        while (bexpMinusOne(bits))
            v++;
        if (t * v > 2 ** 51) {
            // astronomically unlikely (V > 2^11 has probability < e^-2048), but stay exact: finish in BigInt
            const yb = (BigInt(u) + BigInt(t) * BigInt(v)) / BigInt(s);
            const b = bits.bit();
            if (b === 1 && yb === 0n)
                continue;
            return Number(b === 1 ? -yb : yb);
        }
        const x = u + t * v;
        let y = x;
        if (s !== 1) {
            y = Math.floor(x / s);
            if (y * s > x)
                y--; // guard the floating-point quotient (x < 2^52, s ≤ 2^40: y·s is exact)
        }
        const b = bits.bit();
        if (b === 1 && y === 0)
            continue;
        return b === 1 ? -y : y;
    }
}
function dlapBig(s, t, rng, bits) {
    for (;;) {
        const u = rng.uniformBigInt(t);
        if (!(t <= BigInt(SAFE_DEN) ? bexpLe1Num(Number(u), Number(t), bits) : bexpLe1Big(u, t, 1, bits)))
            continue;
        let v = 0n;
        while (bexpMinusOne(bits))
            v++;
        const y = (u + t * v) / s;
        const b = bits.bit();
        if (b === 1 && y === 0n)
            continue;
        return b === 1 ? -y : y;
    }
}
/**
 * A sampler of the discrete Laplace distribution with scale `scale` = t/s > 0 (exact rational):
 * P(Y = y) = (e^{1/scale} − 1)/(e^{1/scale} + 1) · e^{−|y|/scale}, y ∈ ℤ. Adding it to an integer query of L1
 * sensitivity Δ gives (Δ/scale)-DP. CKS 2020, Algorithm 2; expected O(1) iterations.
 */
export class DiscreteLaplace {
    scale;
    sNum;
    tNum;
    numeric;
    constructor(scale) {
        const f = typeof scale === 'number' ? toFraction(scale) : fraction(scale.num, scale.den);
        if (f.num <= 0n)
            throw new RangeError('DiscreteLaplace: the scale must be > 0');
        this.scale = f;
        // scale = t/s
        this.numeric = f.num <= BigInt(NUM_T_MAX) && f.den <= BigInt(NUM_T_MAX);
        this.tNum = Number(f.num);
        this.sNum = Number(f.den);
    }
    /** One draw (a safe integer on the number path; very large scales fall back to BigInt internally). */
    sample(rng) {
        const bits = bitsOf(rng);
        if (this.numeric)
            return dlapNum(this.sNum, this.tNum, rng, bits);
        return Number(dlapBig(this.scale.den, this.scale.num, rng, bits));
    }
}
/** One draw of the discrete Laplace with scale t/s (see `DiscreteLaplace`). */
export function sampleDiscreteLaplace(scale, rng) {
    return new DiscreteLaplace(scale).sample(rng);
}
// ---------------------------------------------------------------------------------------------------------------
// Discrete Gaussian, CKS Algorithm 3: P(Y = y) ∝ exp(−y²/(2σ²)), y ∈ ℤ. Proposal: discrete Laplace with scale
// t = ⌊σ⌋ + 1; accept with probability exp(−(|Y| − σ²/t)²/(2σ²)).
// With σ² = a/b: γ = (|Y|·t·b − a)² / (2·a·b·t²).
/** σ² above this is refused (σ > 2^40 ≈ 1.1e12 would make counts useless anyway). */
const MAX_SIGMA2 = 2 ** 80;
/**
 * A sampler of the discrete Gaussian N_ℤ(0, σ²) for a rational σ² > 0 (note: σ² is the *scale parameter*; the
 * variance of N_ℤ(0, σ²) is ≤ σ², CKS Cor. 9). Adding it to an integer query of L2 sensitivity Δ gives
 * (Δ²/(2σ²))-zCDP (CKS 2020, Thm. 14). Expected iterations < 2 for σ ≥ 1 (CKS Thm. 4 / Sec. 5).
 */
export class DiscreteGaussian {
    sigma2;
    t;
    lap;
    aBig;
    tbBig;
    dBig;
    // number-path constants (valid when `numeric`)
    aNum;
    tbNum;
    dNum;
    numeric;
    constructor(sigma2) {
        const f = typeof sigma2 === 'number' ? toFraction(sigma2) : fraction(sigma2.num, sigma2.den);
        if (f.num <= 0n)
            throw new RangeError('DiscreteGaussian: σ² must be > 0');
        if (f.num > BigInt(MAX_SIGMA2) * f.den)
            throw new RangeError('DiscreteGaussian: σ² must be ≤ 2^80');
        this.sigma2 = f;
        const a = f.num;
        const b = f.den;
        const t = isqrt(a / b) + 1n; // ⌊√(a/b)⌋ = ⌊√⌊a/b⌋⌋
        this.t = Number(t);
        this.lap = new DiscreteLaplace({ num: t, den: 1n });
        this.aBig = a;
        this.tbBig = t * b;
        this.dBig = 2n * a * b * t * t;
        this.aNum = Number(a);
        this.tbNum = Number(t * b);
        this.dNum = Number(this.dBig);
        this.numeric = this.dBig <= BigInt(SAFE_DEN) && this.tbBig <= BigInt(SAFE_DEN) && a <= BigInt(SAFE_DEN);
    }
    /** One draw (a safe integer). */
    sample(rng) {
        const bits = bitsOf(rng);
        for (;;) {
            const y = this.lap.sample(rng);
            const ay = y < 0 ? -y : y;
            if (this.numeric) {
                const w = ay * this.tbNum - this.aNum; // |w| < 2^53 while ay·tb is; checked below
                const w2 = w * w;
                if (Math.abs(ay * this.tbNum) <= SAFE_DEN && w2 <= SAFE_DEN) {
                    if (bexpNum(w2, this.dNum, bits))
                        return y;
                    continue;
                }
            }
            const w = BigInt(ay) * this.tbBig - this.aBig;
            if (bexpBig(w * w, this.dBig, bits))
                return y;
        }
    }
    /** Fill `out` with independent draws. */
    fill(out, rng) {
        for (let i = 0; i < out.length; i++)
            out[i] = this.sample(rng);
    }
    /** t = ⌊σ⌋ + 1, the proposal's scale (exposed for tests). */
    get proposalScale() {
        return this.t;
    }
}
/** One draw of N_ℤ(0, σ²) (see `DiscreteGaussian`). */
export function sampleDiscreteGaussian(sigma2, rng) {
    return new DiscreteGaussian(sigma2).sample(rng);
}
//# sourceMappingURL=samplers.js.map