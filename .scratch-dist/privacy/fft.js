/**
 * An in-place iterative radix-2 complex FFT over separate real/imaginary Float64Arrays, for the PRV accountant's
 * convolutions. Twiddle factors come from Math.cos/Math.sin of 2πk/N directly (no recurrence), so each is within a
 * few ulps; with that, the computed transform satisfies ‖ŷ − y‖₂ ≤ log₂N·η·‖y‖₂ with η ≈ 1e-15 (Higham, "Accuracy
 * and Stability of Numerical Algorithms", 2nd ed., Thm. 24.2) — the accountant charges a bound of this form.
 * Written here because no small, maintained npm FFT offers what the accountant needs (Float64, power-of-two sizes
 * up to 2^23, no allocation per call), and it is forty lines.
 */
/** Relative error constant the accountant assumes per butterfly level (≥ 5× the textbook value for exact twiddles). */
export const FFT_ETA = 4e-15;
const twiddleCache = new Map();
function twiddles(n) {
    let t = twiddleCache.get(n);
    if (!t) {
        const half = n >>> 1;
        const cos = new Float64Array(half);
        const sin = new Float64Array(half);
        for (let k = 0; k < half; k++) {
            const a = (2 * Math.PI * k) / n;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
        t = { cos, sin };
        if (twiddleCache.size > 4)
            twiddleCache.clear();
        twiddleCache.set(n, t);
    }
    return t;
}
/**
 * In-place FFT of (re, im), length a power of two. `inverse` computes the unnormalised inverse (divide by n
 * yourself). Forward: X_k = Σ x_j e^{−2πijk/n}.
 */
export function fft(re, im, inverse = false) {
    const n = re.length;
    if (n !== im.length || n < 1 || (n & (n - 1)) !== 0)
        throw new RangeError('fft: length must be a power of two');
    // bit reversal
    for (let i = 1, j = 0; i < n; i++) {
        let bit = n >>> 1;
        for (; j & bit; bit >>>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j) {
            let t = re[i];
            re[i] = re[j];
            re[j] = t;
            t = im[i];
            im[i] = im[j];
            im[j] = t;
        }
    }
    const { cos, sin } = twiddles(n);
    const sign = inverse ? 1 : -1;
    for (let len = 2; len <= n; len <<= 1) {
        const half = len >>> 1;
        const step = n / len;
        for (let start = 0; start < n; start += len) {
            for (let k = 0; k < half; k++) {
                const wr = cos[k * step];
                const wi = sign * sin[k * step];
                const a = start + k;
                const b = a + half;
                const xr = re[b] * wr - im[b] * wi;
                const xi = re[b] * wi + im[b] * wr;
                re[b] = re[a] - xr;
                im[b] = im[a] - xi;
                re[a] += xr;
                im[a] += xi;
            }
        }
    }
}
/**
 * The spectrum X_k, k = 0..N/2, of a real sequence x of even length N (a power of two), from one complex FFT of
 * length N/2 on z_j = x_{2j} + i·x_{2j+1} (the standard packing; X_{N−k} = conj(X_k) gives the rest).
 */
export function realFft(x) {
    const n = x.length;
    const m = n >>> 1;
    const zr = new Float64Array(m);
    const zi = new Float64Array(m);
    for (let j = 0; j < m; j++) {
        zr[j] = x[2 * j];
        zi[j] = x[2 * j + 1];
    }
    fft(zr, zi);
    const { cos, sin } = twiddles(n);
    const re = new Float64Array(m + 1);
    const im = new Float64Array(m + 1);
    for (let k = 0; k <= m; k++) {
        const ka = k === m ? 0 : k;
        const kb = k === 0 ? 0 : m - k;
        const ar = zr[ka];
        const ai = zi[ka];
        const br = zr[kb];
        const bi = -zi[kb]; // conj(Z_{M−k})
        const er = (ar + br) / 2;
        const ei = (ai + bi) / 2;
        const or = (ar - br) / 2;
        const oi = (ai - bi) / 2;
        const c = k === m ? -1 : cos[k];
        const s = k === m ? 0 : sin[k];
        // X_k = E − i·e^{−2πik/N}·O
        re[k] = er - s * or + c * oi;
        im[k] = ei - s * oi - c * or;
    }
    return { re, im };
}
/** The real sequence of length N whose spectrum (k = 0..N/2, Hermitian) is (re, im): the inverse of `realFft`. */
export function inverseRealFft(re, im, n) {
    const m = n >>> 1;
    const { cos, sin } = twiddles(n);
    const zr = new Float64Array(m);
    const zi = new Float64Array(m);
    for (let k = 0; k < m; k++) {
        const ar = re[k];
        const ai = im[k];
        const br = re[m - k];
        const bi = -im[m - k]; // conj(Y_{M−k})
        const er = (ar + br) / 2;
        const ei = (ai + bi) / 2;
        const dr = (ar - br) / 2;
        const di = (ai - bi) / 2;
        const c = cos[k];
        const s = sin[k];
        // Z'_k = E' + i·e^{+2πik/N}·D
        zr[k] = er - s * dr - c * di;
        zi[k] = ei - s * di + c * dr;
    }
    fft(zr, zi, true);
    const out = new Float64Array(n);
    for (let j = 0; j < m; j++) {
        out[2 * j] = zr[j] / m;
        out[2 * j + 1] = zi[j] / m;
    }
    return out;
}
//# sourceMappingURL=fft.js.map