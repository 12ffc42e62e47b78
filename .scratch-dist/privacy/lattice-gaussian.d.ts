import type { SecureRng } from '../random/secure.js';
/**
 * Fast, provably safe Gaussian noise for DP-SGD: integer noise K on a lattice γℤ, added coordinate-wise to a
 * gradient sum, whose privacy is that of the *continuous* Gaussian mechanism up to a certified, negligible slack.
 * docs/privacy.md ("DP-SGD noise") has the proof; the outline:
 *
 * 1. **Table sampler.** J ~ D_{ℤ,r} (the discrete Gaussian, P(j) ∝ exp(−j²/(2r²))) by inversion: the CDF of J
 *    is tabulated to 256 bits from BigInt interval arithmetic (every exp bounded above and below), truncated
 *    where the tail is < 2^-127; a uniform U from the SecureRng is located in the table by a guide on its first
 *    ⌈log2(size)⌉ + 1 bits and compared with the few entries left by its first 32-bit word, further words drawn
 *    lazily on a tie (exact integer comparisons only). The table distribution P̃ is sampled *exactly*, and the
 *    construction certifies P̃(j) ≤ e^η·P(j) for every j and P(j) ≤ e^η·P̃(j) except on a tail of mass δ₀.
 * 2. **Levels.** K = Σ_{ℓ=0..m} L^ℓ·J_ℓ with independent J_ℓ ~ D_{ℤ,r} and L = 2^levelBits (default 2^10; DP-SGD's
 *    noise uses 2^7 with m = 2, a table small enough for the CPU caches). By the Gaussian product
 *    identity and Poisson summation (the smoothing-parameter argument of lattice cryptography: Regev 2005,
 *    Micciancio & Regev 2004, Peikert 2010 Thm. 3.1), when r/√(1+L²) ≥ 2 each level's sum is within a factor
 *    (1 ± 2e^{−8π²}) ≈ 1 ± 1e-34 pointwise of D_{ℤ,s_ℓ}, s_ℓ² = r²Σ_{i≤ℓ}L^{2i} (level ℓ needs s_{ℓ−1}·r/s_ℓ ≥ 2,
 *    which follows since s_ℓ² ≤ (1 + L²)·s_{ℓ−1}²).
 * 3. **Continuous equivalence.** D_{ℤ,s}(· − x) is, within a factor 1 ± 1e-34 pointwise, the law of a
 *    post-processing (randomised rounding with a width-2 discrete Gaussian kernel) of x + N(0, τ²) with
 *    τ² = s² − 2². So adding K to an integer query x is — up to the pointwise factor — post-processing of the
 *    continuous Gaussian mechanism with standard deviation τ (lattice units), and every accountant of the
 *    (subsampled) continuous Gaussian applies verbatim with σ = γτ.
 * 4. **Slack.** Over N noise coordinates the pointwise factors multiply: the mechanism is
 *    (ε* + 2Nη, δ* + e^{ε*+2Nη}·N·δ₀·e^{Nη})-DP when the continuous one is (ε*, δ*)-DP, with η and δ₀ the
 *    per-coordinate totals certified here (η < 1e-29, δ₀ < 1e-37). `LatticeGaussian.slack(N)` returns both.
 *
 * Throughput: m + 1 table draws per coordinate, each one 32-bit word of randomness, a guide lookup and a comparison
 * or two: `node bench/dpsgd.mjs --noise`. With three draws per coordinate (DP-SGD's noise) the draws run in a small
 * WebAssembly kernel (src/nn/kernel/assembly/lattice-noise.ts) where the platform has WebAssembly: the same
 * arithmetic as `fill3` below on the same SecureRng words, bit for bit (tested), the words still drawn here with
 * `crypto.getRandomValues` — into the kernel's memory — and every tie with a table entry handed back to this
 * TypeScript, which decides it exactly from further words.
 */
/**
 * Library-wide certified maxima of the per-coordinate slack of any `LatticeGaussian` (checked by its constructor):
 * the ledger uses these, never a value stored in a model file.
 */
export declare const SAMPLER_ETA_MAX = 6e-29;
export declare const SAMPLER_DELTA0_MAX = 4e-36;
/** log2 of the default level base L (`LatticeGaussianOptions.levelBits`). */
export declare const LEVEL_BITS = 10;
/** Width of the randomised-rounding kernel of step 3 (lattice units). */
export declare const KERNEL_WIDTH = 2;
/** The smallest table width r allowed for a level base L = 2^levelBits (so that r/√(1+L²) ≥ 2). */
export declare function minTableWidth(levelBits?: number): number;
/** The smallest table width r allowed at the default level base 2^10. */
export declare const MIN_TABLE_WIDTH: number;
/** The smallest τ a `LatticeGaussian` with `levels` levels above the base and base 2^levelBits can stand for. */
export declare function minTau(levels: number, levelBits?: number): number;
/** The tabulated distribution of D_{ℤ,r} for one r (symmetric, J = −maxAbs..maxAbs). */
export interface GaussianTable {
    /** r² (a double, exact dyadic rational). */
    readonly r2: number;
    /** Largest tabulated |J|; P(|J| > maxAbs) ≤ tail. Entry i of the table is J = i − maxAbs. */
    readonly maxAbs: number;
    /** CDF of J on the truncated support, 256 bits per entry: word w of entry i at words[i·WORDS + w] (big-endian). */
    readonly words: Uint32Array;
    /** The first (most significant) word of every entry, contiguous: the hot data of the search. */
    readonly first: Uint32Array;
    /**
     * guide[g] = the first entry whose CDF is ≥ g·2^-b (g = 0..2^b), b = `guideBits`: the entries U's first b bits
     * allow. b ≈ log2 of the table size (at most 16), so the guide and `first` stay small enough for the CPU caches.
     */
    readonly guide: Int32Array;
    readonly guideBits: number;
    /** Certified: P̃(j)/P(j) ∈ [e^-eta, e^eta] for |j| ≤ maxAbs (P the exact discrete Gaussian). */
    readonly eta: number;
    /** Certified: P(|J| > maxAbs) ≤ tail (the mass the table omits). */
    readonly tail: number;
}
/**
 * Build (or fetch from a per-process cache) the 256-bit CDF table of |J| for J ~ D_{ℤ,r}, r² = `r2` (a double; its
 * exact dyadic value is used). Every probability is bounded by interval arithmetic and the bounds are checked: a
 * table whose certified error would exceed 2^-90 throws (it cannot happen for r² ≤ 2^40).
 * Cost: O(r) BigInt operations (~0.1 s for r ≈ 3000).
 */
export declare function gaussianTable(r2: number): GaussianTable;
/** One draw of J from a table (signed): for tests and for callers that need the base distribution itself. */
export declare function sampleTable(t: GaussianTable, rng: SecureRng): number;
/** Which implementation draws the noise: `auto` — the wasm kernel where available, else TypeScript. */
export type NoiseEngine = 'auto' | 'wasm' | 'js';
/** Whether the wasm noise kernel runs on this platform. */
export declare function wasmNoiseAvailable(): boolean;
export interface LatticeGaussianOptions {
    /** Number of levels above the base (m); the noise uses m + 1 table draws per coordinate. Default 1. */
    readonly levels?: number;
    /**
     * log2 of the level base L (4..10, default 10). A smaller base needs a narrower table (r ≥ 2√(1+L²)) for the same
     * τ with more levels: DP-SGD uses L = 2^7 with two levels (a table small enough for the CPU caches).
     */
    readonly levelBits?: number;
}
/**
 * Integer noise K = Σ_{ℓ=0..m} L^ℓ·J_ℓ, J_ℓ ~ D_{ℤ,r} from a certified table (see the module comment), standing in
 * for continuous Gaussian noise of standard deviation `tau` on the integer lattice.
 */
export declare class LatticeGaussian {
    /** m: levels above the base. */
    readonly levels: number;
    /** log2 of the level base L. */
    readonly levelBits: number;
    /** The table's r² (every level uses the same table). */
    readonly r2: number;
    /** s = r·√(Σ L^{2ℓ}): the width of the discrete Gaussian K approximates. */
    readonly s: number;
    /** τ = √(s² − 2²): the standard deviation of the continuous Gaussian this noise is a post-processing of. */
    readonly tau: number;
    /** Certified per-coordinate log pointwise ratio bound (all steps of the proof). */
    readonly eta: number;
    /** Certified per-coordinate remainder mass (the tables' truncated tails). */
    readonly delta0: number;
    private readonly table;
    private readonly mult;
    /**
     * @param tau the continuous-equivalent standard deviation wanted, in lattice units; the table width is rounded
     *   *up* so that `this.tau ≥ tau`. Needs tau large enough that r ≥ 2√(1+L²) at the chosen number of levels.
     */
    constructor(tau: number, opts?: LatticeGaussianOptions);
    /** One integer noise value K (a safe integer). */
    sampleInt(rng: SecureRng): number;
    /**
     * Fill `out` with independent integer noise values. Each table draw: one word U₀ of U from the buffered
     * SecureRng words, the guide on its first `guideBits` bits, then a scan of the few entries the guide allows, each
     * decided by U₀ alone unless U₀ equals the entry's first word (then `search` compares further words, drawn lazily).
     * With three draws per coordinate and `engine` not `js`, the wasm kernel does the draws (module comment), on words
     * drawn for this call (the SecureRng's buffered words are left alone; unused words are dropped, which changes no
     * distribution). `engine: 'wasm'` throws where the kernel is unavailable.
     */
    fillInt(out: Float64Array, rng: SecureRng, engine?: NoiseEngine): void;
    /**
     * out[i] = (round(sum[i]·inv) + K_i)·gamma for independent noise values K_i — the DP-SGD release of a float sum
     * rounded to the lattice γℤ (gamma = γ, inv = 1/γ, a power of two). `fillInt` then the loop, or (three draws per
     * coordinate, `engine` not `js`) both in one pass of the wasm kernel: the same values on the same words. `out`
     * may be `sum`.
     */
    addToRounded(sum: ArrayLike<number>, gamma: number, inv: number, rng: SecureRng, out: Float64Array | Float32Array, engine?: NoiseEngine, scratch?: Float64Array): void;
    /** Σ_ℓ L^ℓ·maxAbs: a coordinate's table indices minus this is K. */
    private offset;
    /** The wasm path of `fillInt` / `addToRounded`; false when it does not apply (then the caller runs the TS one). */
    private runWasm;
    /**
     * The DP slack of N noise coordinates (step 4 of the module comment): if the continuous mechanism is
     * (ε*, δ*)-DP, this one is (ε* + epsilon, δ* + delta(ε*, δ*))-DP.
     */
    slack(coordinates: number): {
        epsilon: number;
        delta: (epsStar: number, deltaStar: number) => number;
    };
}
/**
 * The DP slack of N coordinates of noise whose law P̃ satisfies P̃ ≤ e^η·P everywhere and P ≤ e^η·P̃ + R with
 * ΣR ≤ δ₀ per coordinate, P the ideal law: for every event E of the whole run (adaptive queries included),
 * P̃_D(E) ≤ e^{Nη}P_D(E) ≤ e^{Nη}(e^{ε*}P_{D'}(E) + δ*) ≤ e^{ε*+2Nη}P̃_{D'}(E) + e^{Nη}δ* + e^{ε*+Nη}·R_N with
 * R_N ≤ Nδ₀·e^{N(η+δ₀)}. So ε grows by 2Nη and δ by (e^{Nη} − 1)δ* + e^{ε*+2Nη+Nδ₀}·Nδ₀ (rounded up).
 */
export declare function samplerSlack(coordinates: number, eta: number, delta0: number): {
    epsilon: number;
    delta: (epsStar: number, deltaStar: number) => number;
};
