/**
 * An in-place iterative radix-2 complex FFT over separate real/imaginary Float64Arrays, for the PRV accountant's
 * convolutions. Twiddle factors come from Math.cos/Math.sin of 2πk/N directly (no recurrence), so each is within a
 * few ulps; with that, the computed transform satisfies ‖ŷ − y‖₂ ≤ log₂N·η·‖y‖₂ with η ≈ 1e-15 (Higham, "Accuracy
 * and Stability of Numerical Algorithms", 2nd ed., Thm. 24.2) — the accountant charges a bound of this form.
 * Written here because no small, maintained npm FFT offers what the accountant needs (Float64, power-of-two sizes
 * up to 2^23, no allocation per call), and it is forty lines.
 */
/** Relative error constant the accountant assumes per butterfly level (≥ 5× the textbook value for exact twiddles). */
export declare const FFT_ETA = 4e-15;
/**
 * In-place FFT of (re, im), length a power of two. `inverse` computes the unnormalised inverse (divide by n
 * yourself). Forward: X_k = Σ x_j e^{−2πijk/n}.
 */
export declare function fft(re: Float64Array, im: Float64Array, inverse?: boolean): void;
/**
 * The spectrum X_k, k = 0..N/2, of a real sequence x of even length N (a power of two), from one complex FFT of
 * length N/2 on z_j = x_{2j} + i·x_{2j+1} (the standard packing; X_{N−k} = conj(X_k) gives the rest).
 */
export declare function realFft(x: Float64Array): {
    re: Float64Array;
    im: Float64Array;
};
/** The real sequence of length N whose spectrum (k = 0..N/2, Hermitian) is (re, im): the inverse of `realFft`. */
export declare function inverseRealFft(re: Float64Array, im: Float64Array, n: number): Float64Array;
