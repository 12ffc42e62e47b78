/**
 * exp, log and friends in plain float64 arithmetic. JavaScript leaves the accuracy of `Math.exp` / `Math.log` to
 * the engine (V8, SpiderMonkey and JavaScriptCore may round differently), while `+ − × ÷` and `Math.sqrt` are
 * exact IEEE operations everywhere. Training and sampling use these functions so that a model's bytes and its
 * samples do not depend on the engine. Accuracy: a few ulp of float64, far below the float32 the engine stores.
 *
 * Method: exp table-driven (Tang 1989): x = (32k + j)·ln2/32 + r, 2^(j/32) from a 32-entry table built at load by
 * a Cody–Waite reduction and a degree-13 Taylor series (`expSeries`), e^r by a degree-6 polynomial, an exact scaling
 * by 2^k; log by x = m·2^e with m ∈ [√½, √2) and log m = 2·atanh(s), s = (m−1)/(m+1), a series
 * in s² (|s| ≤ 0.172). Both are textbook (Muller, "Elementary Functions", ch. 6 and 11).
 */
const LN2_HI = 6.9314718036912381649e-1; // high 32 bits of ln 2, so k·LN2_HI is exact for |k| < 2^20
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const LN2 = 0.6931471805599453;
/** 2^k for k in [-1074, 1023], exactly (built by repeated doubling/halving, which is exact). */
const POW2 = new Float64Array(2098);
POW2[1074] = 1;
for (let k = 1; k <= 1023; k++)
    POW2[1074 + k] = POW2[1073 + k] * 2;
for (let k = 1; k <= 1074; k++)
    POW2[1074 - k] = POW2[1075 - k] / 2;
function pow2(k) {
    return POW2[k + 1074];
}
// bit access to a float64: the high word's index depends on the platform's byte order
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** The Cody–Waite exp above, kept to build the table of the fast one (and as its reference in tests). */
export function expSeries(x) {
    if (x !== x)
        return NaN;
    if (x > 709.782712893384)
        return Infinity;
    if (x < -745.1332191019412)
        return 0;
    const k = Math.round(x * INV_LN2);
    const r = x - k * LN2_HI - k * LN2_LO;
    // Horner over 1/n! up to n = 13: |r|^14/14! < 1e-17 for |r| ≤ 0.35
    let p = 1 / 6227020800;
    p = p * r + 1 / 479001600;
    p = p * r + 1 / 39916800;
    p = p * r + 1 / 3628800;
    p = p * r + 1 / 362880;
    p = p * r + 1 / 40320;
    p = p * r + 1 / 5040;
    p = p * r + 1 / 720;
    p = p * r + 1 / 120;
    p = p * r + 1 / 24;
    p = p * r + 1 / 6;
    p = p * r + 0.5;
    p = p * r + 1;
    p = p * r + 1;
    if (k > 1023)
        return p * pow2(1023) * pow2(k - 1023);
    if (k < -1022)
        return p * pow2(k + 1022) * pow2(-1022);
    return p * pow2(k);
}
// The fast exp (Tang 1989, table-driven): x = (32·k + j)·ln2/32 + r with |r| ≤ ln2/64, e^x = 2^k · 2^(j/32) · e^r,
// e^r by a degree-6 Taylor polynomial (|r|^7/7! < 1e-17). The 32 table values are computed once by expSeries, in
// plain float64 arithmetic, so they are the same in every engine. Error ≤ 2 ulp of float64 (tested).
const TABLE_BITS = 5;
const TABLE_N = 1 << TABLE_BITS;
/** 2^(j/32) for j < 32: the table of `exp` (exported for the kernel's float64 exp, which reads the same values). */
export const EXP_TABLE = new Float64Array(TABLE_N);
for (let j = 0; j < TABLE_N; j++)
    EXP_TABLE[j] = expSeries((j * LN2) / TABLE_N);
const INV_LN2_N = INV_LN2 * TABLE_N;
const LN2_HI_N = LN2_HI / TABLE_N; // LN2_HI has 21 trailing zero bits: dividing by 32 and n·LN2_HI_N stay exact
const LN2_LO_N = LN2_LO / TABLE_N;
export function exp(x) {
    if (!(x <= 709.782712893384))
        return x !== x ? NaN : Infinity;
    if (x < -745.1332191019412)
        return 0;
    const n = Math.round(x * INV_LN2_N);
    const r = x - n * LN2_HI_N - n * LN2_LO_N;
    const j = n & (TABLE_N - 1);
    const k = (n - j) / TABLE_N;
    const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
    const v = EXP_TABLE[j] * p;
    if (k > 1023 || k < -1022) {
        const h = k >> 1;
        return v * pow2(h) * pow2(k - h);
    }
    return v * pow2(k);
}
export function log(x) {
    if (x !== x || x < 0)
        return NaN;
    if (x === 0)
        return -Infinity;
    if (x === Infinity)
        return Infinity;
    let e = 0;
    if (x < 2.2250738585072014e-308) {
        x *= 18014398509481984; // 2^54: subnormals become normal
        e = -54;
    }
    F64[0] = x;
    const hi = U32[HI];
    e += ((hi >>> 20) & 0x7ff) - 1023;
    U32[HI] = (hi & 0x000fffff) | 0x3ff00000;
    let m = F64[0]; // in [1, 2)
    if (m > Math.SQRT2) {
        m *= 0.5;
        e += 1;
    }
    const s = (m - 1) / (m + 1);
    const z = s * s;
    let p = 1 / 23;
    p = p * z + 1 / 21;
    p = p * z + 1 / 19;
    p = p * z + 1 / 17;
    p = p * z + 1 / 15;
    p = p * z + 1 / 13;
    p = p * z + 1 / 11;
    p = p * z + 1 / 9;
    p = p * z + 1 / 7;
    p = p * z + 1 / 5;
    p = p * z + 1 / 3;
    p = p * z + 1;
    return e * LN2 + 2 * s * p;
}
/** log(1 + x), accurate for small x. */
export function log1p(x) {
    const u = 1 + x;
    if (u === 1)
        return x;
    return (log(u) * x) / (u - 1); // Goldberg's trick: the rounding of 1 + x cancels
}
export function sigmoid(x) {
    if (x >= 0)
        return 1 / (1 + exp(-x));
    const e = exp(x);
    return e / (1 + e);
}
export function tanh(x) {
    if (x > 20)
        return 1;
    if (x < -20)
        return -1;
    if (Math.abs(x) < 1e-4)
        return x - (x * x * x) / 3;
    const e = exp(2 * x);
    return (e - 1) / (e + 1);
}
/** log(1 + e^x) without overflow. */
export function softplus(x) {
    return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
}
/** log Σ e^{x_i} over x[from, from + n). */
export function logSumExp(x, from, n) {
    let mx = -Infinity;
    for (let i = 0; i < n; i++)
        if (x[from + i] > mx)
            mx = x[from + i];
    if (mx === -Infinity)
        return -Infinity;
    let s = 0;
    for (let i = 0; i < n; i++)
        s += exp(x[from + i] - mx);
    return mx + log(s);
}
//# sourceMappingURL=math.js.map