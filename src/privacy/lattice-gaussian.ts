import { LATTICE_NOISE_WASM } from '../nn/kernel/lattice-noise-wasm.generated.js';
import type { SecureRng } from '../random/secure.js';
import { requireSecureRng } from './samplers.js';

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
export const SAMPLER_ETA_MAX = 6e-29;
export const SAMPLER_DELTA0_MAX = 4e-36;

/** log2 of the default level base L (`LatticeGaussianOptions.levelBits`). */
export const LEVEL_BITS = 10;
/** Width of the randomised-rounding kernel of step 3 (lattice units). */
export const KERNEL_WIDTH = 2;
/** Minimal smoothing ratio r/√(1+L²) of step 2. */
const SMOOTHING = 2;
/** The smallest table width r allowed for a level base L = 2^levelBits (so that r/√(1+L²) ≥ 2). */
export function minTableWidth(levelBits: number = LEVEL_BITS): number {
  return SMOOTHING * Math.sqrt(1 + 4 ** levelBits);
}
/** The smallest table width r allowed at the default level base 2^10. */
export const MIN_TABLE_WIDTH = minTableWidth(LEVEL_BITS);
/** The smallest τ a `LatticeGaussian` with `levels` levels above the base and base 2^levelBits can stand for. */
export function minTau(levels: number, levelBits: number = LEVEL_BITS): number {
  let sumL2 = 0;
  for (let l = 0; l <= levels; l++) sumL2 += 4 ** (levelBits * l);
  return Math.sqrt(minTableWidth(levelBits) ** 2 * sumL2 - KERNEL_WIDTH ** 2);
}

const FRAC_BITS = 320n; // fixed-point precision of the table computation
const TABLE_BITS = 256; // precision of the stored CDF
const WORDS = TABLE_BITS / 32;
/** Most bits of U's first word the guide indexes (a table of ≤ 2^16 + 1 entries). */
const GUIDE_BITS_MAX = 16;
/** The table stops where P(|J| > T) < 2^-TAIL_BITS. */
const TAIL_BITS = 127;
/** Certified relative precision of every tabulated probability: 2^-CERT_BITS. */
const CERT_BITS = 96n;

// ---------------------------------------------------------------------------------------------------------------
// Fixed-point interval arithmetic: a value v ∈ [0, 1] is a BigInt k standing for k·2^-FRAC_BITS.

const ONE = 1n << FRAC_BITS;

function mulDown(a: bigint, b: bigint): bigint {
  return (a * b) >> FRAC_BITS;
}
function mulUp(a: bigint, b: bigint): bigint {
  return (a * b + ONE - 1n) >> FRAC_BITS;
}

/**
 * [lo, hi] bounds of exp(−num/den) in fixed point, for 0 ≤ num/den ≤ 1/4 (Taylor series; the terms alternate and
 * decrease, so the truncation error is below the first omitted term; each term's rounding adds ≤ 1 unit).
 */
function expNegInterval(num: bigint, den: bigint): [bigint, bigint] {
  let term = ONE; // x^k/k! rounded down
  let sum = ONE;
  let k = 1n;
  let sign = -1n;
  for (;;) {
    term = (term * num) / (den * k); // floor
    if (term === 0n) break;
    sum += sign * term;
    sign = -sign;
    k += 1n;
  }
  // the k-th computed term is below the exact x^k/k! by at most k units (each floor loses < 1 unit and x/k ≤ 1
  // carries the earlier loss along undiminished at worst), so the sum of the K used terms errs by ≤ K(K+1)/2 units;
  // the first omitted term (computed 0, exact < K + 1 units) bounds the alternating tail
  const err = (k * (k + 1n)) / 2n + k + 2n;
  return [sum - err, sum + err];
}

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

const tableCache = new Map<number, GaussianTable>();

/**
 * Build (or fetch from a per-process cache) the 256-bit CDF table of |J| for J ~ D_{ℤ,r}, r² = `r2` (a double; its
 * exact dyadic value is used). Every probability is bounded by interval arithmetic and the bounds are checked: a
 * table whose certified error would exceed 2^-90 throws (it cannot happen for r² ≤ 2^40).
 * Cost: O(r) BigInt operations (~0.1 s for r ≈ 3000).
 */
export function gaussianTable(r2: number): GaussianTable {
  if (!(r2 >= 1 && r2 <= 2 ** 40) || !Number.isFinite(r2))
    throw new RangeError(`gaussianTable: need 1 ≤ r² ≤ 2^40 (got ${r2})`);
  const cached = tableCache.get(r2);
  if (cached) return cached;
  const table = buildTable(r2);
  tableCache.set(r2, table);
  return table;
}

function dyadic(x: number): { num: bigint; den: bigint } {
  // x is a double: x = m·2^e exactly; scale to an integer numerator
  let den = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return { num: BigInt(v), den };
}

function buildTable(r2: number): GaussianTable {
  const { num: vNum, den: vDen } = dyadic(r2); // r² = vNum/vDen
  // the support: exp(−T²/(2r²)) ≤ 2^-(TAIL_BITS+12) makes the tail (≤ ρ(T+1)/(1−e^{−(2T+3)/(2r²)})/Z) < 2^-TAIL_BITS
  const maxAbs = Math.ceil(Math.sqrt(2 * r2 * (TAIL_BITS + 12) * Math.LN2));
  // a = exp(−1/(2r²)) = exp(−vDen/(2·vNum)); a² = exp(−1/r²)
  const [aLo, aHi] = expNegInterval(vDen, 2n * vNum);
  const a2Lo = mulDown(aLo, aLo);
  const a2Hi = mulUp(aHi, aHi);
  // ρ(j) = exp(−j²/(2r²)); ρ(j+1) = ρ(j)·b_j, b_j = a^(2j+1) = b_{j−1}·a²
  const n = maxAbs + 1;
  const gLo: bigint[] = new Array(n);
  const gHi: bigint[] = new Array(n);
  let rhoLo = ONE;
  let rhoHi = ONE;
  let bLo = aLo;
  let bHi = aHi;
  let sumLo = ONE; // weight 1 for j = 0
  let sumHi = ONE;
  gLo[0] = sumLo;
  gHi[0] = sumHi;
  for (let j = 1; j < n; j++) {
    rhoLo = mulDown(rhoLo, bLo);
    rhoHi = mulUp(rhoHi, bHi);
    bLo = mulDown(bLo, a2Lo);
    bHi = mulUp(bHi, a2Hi);
    sumLo += 2n * rhoLo; // |J| = j has two preimages ±j
    sumHi += 2n * rhoHi;
    gLo[j] = sumLo;
    gHi[j] = sumHi;
  }
  // rho(T+1) for the tail bound
  const rhoNextHi = mulUp(rhoHi, bHi);
  // S = Σ_{|j| ≤ T} ρ(|j|) = H(T), H(m) = ρ(0) + 2Σ_{1..m} ρ(i) (gLo/gHi bound H)
  const zLo = gLo[n - 1];
  const zHi = gHi[n - 1];
  const scale = 1n << BigInt(TABLE_BITS);
  const half = scale / 2n;
  // the symmetric table: entry i ↔ j = i − T, CDF F(j) = P(J ≤ j) = ½ + H(j)/(2S) for j ≥ 0 and
  // ½ − H(|j|−1)/(2S) for j < 0 — bounded from H/S ∈ [H_lo/S_hi, H_hi/S_lo]
  const size = 2 * maxAbs + 1;
  const words = new Uint32Array(size * WORDS);
  const fLo: bigint[] = new Array(size);
  const fHi: bigint[] = new Array(size);
  // H/S via reciprocals (one multiplication instead of a division per entry): with K bits,
  // invLo = ⌊2^K/S_hi⌋ ≤ 2^K/S ≤ ⌈2^K/S_lo⌉ = invHi, so ⌊H_lo·½·invLo/2^K⌋ ≤ H·½/S ≤ ⌈H_hi·½·invHi/2^K⌉
  const kBits = FRAC_BITS + BigInt(TABLE_BITS) + 64n;
  const invLo = (1n << kBits) / zHi;
  const invHi = ((1n << kBits) + zLo - 1n) / zLo;
  // ½·2^256 = 2^255: the product with ½·scale is a shift, folded into the final one
  const shiftBits = kBits - BigInt(TABLE_BITS - 1);
  const sMask = (1n << shiftBits) - 1n;
  const ratioLo = (h: bigint): bigint => (h * invLo) >> shiftBits;
  const ratioHi = (h: bigint): bigint => {
    const x = h * invHi;
    return (x >> shiftBits) + ((x & sMask) === 0n ? 0n : 1n);
  };
  for (let i = 0; i < size; i++) {
    const j = i - maxAbs;
    let lo: bigint;
    let hi: bigint;
    if (i === size - 1) {
      lo = hi = scale; // F(T) = 1: the table covers its whole (truncated) support
    } else if (j >= 0) {
      lo = half + ratioLo(gLo[j]);
      hi = half + ratioHi(gHi[j]);
    } else {
      const m = -j - 1;
      lo = half - ratioHi(gHi[m]);
      hi = half - ratioLo(gLo[m]);
    }
    if (hi > scale) hi = scale;
    if (lo < 0n) lo = 0n;
    if (lo > hi) lo = hi;
    fLo[i] = lo;
    fHi[i] = hi;
    // the stored value: the lower bound (any value in [lo, hi] is within the certified width), as 8 big-endian words
    if (i === size - 1) {
      // 2^256 does not fit in 256 bits: store all ones. The search never compares with the last entry (it is
      // the answer whenever U is above every other entry), so this only marks the end.
      for (let w = 0; w < WORDS; w++) words[i * WORDS + w] = 0xffffffff;
    } else {
      const hex = lo.toString(16).padStart(WORDS * 8, '0');
      for (let w = 0; w < WORDS; w++) words[i * WORDS + w] = parseInt(hex.slice(w * 8, w * 8 + 8), 16);
    }
  }
  // certify: P̃(j) = F̃(j) − F̃(j−1) vs P_T(j) = ρ(|j|)/S, the truncated exact distribution:
  // |P̃(j) − P_T(j)| ≤ width_j·2^-256 and P_T(j) ≥ ρ_lo(|j|)/S_hi, so the relative error is ≤ 2^-CERT_BITS when
  // width_j·S_hi·2^CERT_BITS ≤ ρ_lo(|j|)·2^256 — checked exactly, in BigInt, for every entry
  for (let i = 0; i < size; i++) {
    const m = Math.abs(i - maxAbs);
    const width = fHi[i] - fLo[i] + (i > 0 ? fHi[i - 1] - fLo[i - 1] : 0n) + 2n; // units of 2^-256
    const rhoLoM = m === 0 ? gLo[0] : (gLo[m] - gHi[m - 1]) / 2n; // a lower bound of ρ(m)
    if (rhoLoM <= 0n || width * zHi * (1n << CERT_BITS) > rhoLoM * scale) {
      throw new Error(
        `gaussianTable: entry ${i - maxAbs} cannot be certified to 2^-${CERT_BITS} (r² = ${r2})`,
      );
    }
  }
  // P(|J| > T) ≤ 2ρ(T+1)/(1 − e^{−(2T+3)/(2r²)}) / S
  const decay = -Math.expm1(-(2 * maxAbs + 3) / (2 * r2));
  const tail = (ratioToNumber(2n * rhoNextHi, zLo) / decay) * (1 + 1e-9);
  // log(1 + x) ≤ x for the table's relative error; the truncation renormalises by S_∞/S ≤ 1/(1 − tail)
  const eta = 2 ** -Number(CERT_BITS) * (1 + 1e-9) + tail * 2;
  if (!(tail < 2 ** -120)) throw new Error(`gaussianTable: the tail ${tail} is too large (r² = ${r2})`);
  // guide table over the first 16 bits: guide[g] = first entry whose top 16 bits are ≥ g (every earlier entry
  // is < g·2^-16 ≤ U when U's top 16 bits are g, so the answer is ≥ guide[g]; entry guide[g+1] is ≥ (g+1)·2^-16 > U,
  // so the answer is ≤ guide[g+1])
  const guideBits = Math.min(GUIDE_BITS_MAX, Math.max(4, Math.ceil(Math.log2(size)) + 1));
  const guide = new Int32Array((1 << guideBits) + 1);
  let i = 0;
  for (let g = 0; g < 1 << guideBits; g++) {
    const top = (g * 2 ** (32 - guideBits)) >>> 0;
    while (i < size - 1 && words[i * WORDS] < top) i++;
    guide[g] = i;
  }
  guide[1 << guideBits] = size - 1;
  const first = new Uint32Array(size);
  for (let k = 0; k < size; k++) first[k] = words[k * WORDS];
  return { r2, maxAbs, words, first, guide, guideBits, eta, tail };
}

/** a/b for positive BigInts, as a double rounded up (no overflow for huge operands). */
function ratioToNumber(a: bigint, b: bigint): number {
  if (a === 0n) return 0;
  const la = a.toString(16).length * 4;
  const lb = b.toString(16).length * 4;
  const shiftA = Math.max(0, la - 60);
  const shiftB = Math.max(0, lb - 60);
  const x = Number(a >> BigInt(shiftA)) / Number(b >> BigInt(shiftB));
  return x * 2 ** (shiftA - shiftB) * (1 + 1e-15);
}

// ---------------------------------------------------------------------------------------------------------------
// Sampling

/** Buffered 32-bit words from a SecureRng (refilled 16,384 words at a time straight from WebCrypto). */
class WordSource {
  pos = BUF_WORDS;
  /** `buf`: where the words go (default a buffer of its own; the wasm path passes a view of the kernel's memory). */
  constructor(
    private readonly rng: SecureRng,
    readonly buf: Uint32Array = new Uint32Array(BUF_WORDS),
  ) {}
  refill(): void {
    this.rng.fillU32(this.buf);
    this.pos = 0;
  }
  word(): number {
    if (this.pos === BUF_WORDS) this.refill();
    return this.buf[this.pos++];
  }
}
const BUF_WORDS = 16384;

const wordSources = new WeakMap<SecureRng, WordSource>();
function wordsOf(rng: SecureRng): WordSource {
  let s = wordSources.get(rng);
  if (!s) {
    s = new WordSource(rng);
    wordSources.set(rng, s);
  }
  return s;
}

/**
 * The table index of U: the smallest i in [lo, hi] with U < F̃(i), U uniform in [0, 1) whose first 32 bits are u0
 * and whose further bits are drawn lazily, 32 at a time. Exact for the table distribution.
 */
function search(t: GaussianTable, u0: number, lo: number, hi: number, src: WordSource): number {
  const words = t.words;
  const first = t.first;
  let u1 = -1; // U's second word, drawn when first needed
  let deep: number[] | null = null; // U's words 3..8, drawn when first needed (kept: U is one number)
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const f0 = first[mid];
    let below: boolean; // U < F̃(mid)
    if (u0 !== f0) below = u0 < f0;
    else {
      const base = mid * WORDS;
      if (u1 < 0) u1 = src.word();
      const f1 = words[base + 1];
      if (u1 !== f1) below = u1 < f1;
      else below = belowDeep(words, base, src, (deep ??= []));
    }
    if (below) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * U < F̃ when U's first 64 bits equal F̃'s (probability ~2^-64 per comparison): U's further words, drawn lazily and
 * kept in `deep` for any later comparison of the same U.
 */
function belowDeep(words: Uint32Array, base: number, src: WordSource, deep: number[]): boolean {
  for (let w = 2; w < WORDS; w++) {
    if (deep.length < w - 1) deep.push(src.word());
    const uw = deep[w - 2];
    const fw = words[base + w];
    if (uw !== fw) return uw < fw;
  }
  return false; // all 256 bits equal: U > F̃ almost surely (U's further bits are not all zero)
}

/** One draw of J ~ P̃ (the table's discrete Gaussian), signed. */
function drawSigned(t: GaussianTable, src: WordSource): number {
  const u0 = src.word();
  const g = u0 >>> (32 - t.guideBits);
  const lo = t.guide[g];
  const hi = t.guide[g + 1];
  return (lo === hi ? lo : search(t, u0, lo, hi, src)) - t.maxAbs;
}

/** One draw of J from a table (signed): for tests and for callers that need the base distribution itself. */
export function sampleTable(t: GaussianTable, rng: SecureRng): number {
  requireSecureRng(rng);
  return drawSigned(t, wordsOf(rng));
}

/**
 * The table index of one draw whose U has first word u0 (src.pos just past it): the guide on u0's first bits, then
 * a scan of the few entries the guide allows, each decided by u0 alone unless u0 equals the entry's first word
 * (then `search` compares U's further words, drawn lazily — exact).
 */
function drawAt(t: GaussianTable, src: WordSource, u0: number): number {
  const first = t.first;
  let idx = t.guide[u0 >>> (32 - t.guideBits)];
  const hi = t.guide[(u0 >>> (32 - t.guideBits)) + 1];
  // the answer is the first entry in [idx, hi] above U; entry hi is above U (guide), so scan the others
  while (idx < hi) {
    const f = first[idx];
    if (u0 < f) return idx; // U < F̃(idx)
    if (u0 === f) return search(t, u0, idx, hi, src); // a tie on the first word
    idx++; // U > F̃(idx)
  }
  return idx;
}

/**
 * One coordinate K − offset = Σ_ℓ mult[ℓ]·(table index of draw ℓ) with every word taken through `src.word()` (which
 * refills the buffer when it runs out, also in the middle of a tie's comparison): the general path, and the path of
 * every coordinate in which a draw ties with a table entry's first word. On the same words it consumes exactly
 * what `fill3` (and the wasm kernel) would.
 */
function slowCoordinate(t: GaussianTable, src: WordSource, mult: Float64Array, offset: number): number {
  let k = -offset;
  for (let l = 0; l < mult.length; l++) k += mult[l] * drawAt(t, src, src.word());
  return k;
}

/**
 * `fillInt` for three table draws per coordinate (K = J₀ + L·J₁ + L²·J₂): out[i..], until `end` or until fewer than
 * three buffered words are left; returns the next i. The common case of `drawAt` inlined (locals, no calls); a
 * coordinate with a tie is redrawn from its first word by `slowCoordinate` (the same words, the same decisions up to
 * the tie, then U's further words drawn through the source — never read past the buffer). This is the reference
 * the wasm kernel (src/nn/kernel/assembly/lattice-noise.ts) is tested against.
 */
function fill3(
  t: GaussianTable,
  src: WordSource,
  out: Float64Array,
  i: number,
  end: number,
  mult: Float64Array,
  offset: number,
): number {
  const buf = src.buf;
  const guide = t.guide;
  const first = t.first;
  const shift = 32 - t.guideBits;
  const l1 = mult[1];
  const l2 = mult[2];
  let pos = src.pos;
  coords: for (; i < end && pos <= BUF_WORDS - 3; i++) {
    const start = pos;
    let k = -offset;
    for (let l = 0; l < 3; l++) {
      const u0 = buf[pos++];
      const g = u0 >>> shift;
      let idx = guide[g];
      const hi = guide[g + 1];
      while (idx < hi) {
        const f = first[idx];
        if (u0 < f) break;
        if (u0 === f) {
          src.pos = start;
          out[i] = slowCoordinate(t, src, mult, offset);
          pos = src.pos;
          continue coords;
        }
        idx++;
      }
      k += (l === 0 ? 1 : l === 1 ? l1 : l2) * idx;
    }
    out[i] = k;
  }
  src.pos = pos;
  return i;
}

// ---------------------------------------------------------------------------------------------------------------
// The wasm noise kernel (three draws per coordinate)

/** Which implementation draws the noise: `auto` — the wasm kernel where available, else TypeScript. */
export type NoiseEngine = 'auto' | 'wasm' | 'js';

interface NoiseExports {
  fill3(
    words: number,
    pos: number,
    end: number,
    rec: number,
    guide: number,
    first: number,
    shift: number,
    out: number,
    sums: number,
    i0: number,
    n: number,
    l1: number,
    l2: number,
    offset: number,
    gamma: number,
    inv: number,
    post: number,
  ): number;
  stoppedAt(): number;
  stoppedAtTie(): number;
  addF32(dst: number, src: number, n: number): void;
}

/** Byte offset of the kernel's word buffer (page 1: nothing of the module's own lives there). */
const K_WORDS = 65536;
const K_PAGE = 65536;
/** float32 values of the staging area `addF32` copies a vector into (a 256 × 256 weight matrix in one piece). */
const K_STAGE = 65536;

/** One instance of the noise kernel with a memory of its own: [words | bucket records | guide | first | staging | data]. */
class NoiseKernel {
  private readonly memory = new WebAssembly.Memory({ initial: 2 });
  private readonly e: NoiseExports;
  private table: GaussianTable | null = null;
  private recOff = 0;
  private guideOff = 0;
  private firstOff = 0;
  private stageOff = 0;
  private dataOff = 0;
  private stage: Float32Array | null = null;

  constructor(module: WebAssembly.Module) {
    const abort = (): never => {
      throw new Error('lattice noise kernel: abort');
    };
    this.e = new WebAssembly.Instance(module, { env: { memory: this.memory, abort } })
      .exports as unknown as NoiseExports;
  }

  /**
   * The table in the kernel's memory and room for n float64 values after it; returns the word buffer and the data
   * views (valid until the next call with another table or a larger n: growing the memory detaches them).
   */
  prepare(t: GaussianTable, n: number): { words: Uint32Array; data: Float64Array } {
    if (this.table !== t) {
      const buckets = t.guide.length - 1;
      this.recOff = K_WORDS + BUF_WORDS * 4;
      this.guideOff = this.recOff + buckets * 8;
      this.firstOff = this.guideOff + Math.ceil((t.guide.length * 4) / 64) * 64;
      this.stageOff = this.firstOff + Math.ceil((t.first.length * 4) / 64) * 64;
      this.stage = null;
      this.dataOff = this.stageOff + K_STAGE * 4;
      this.grow(this.dataOff);
      new Int32Array(this.memory.buffer, this.guideOff, t.guide.length).set(t.guide);
      new Uint32Array(this.memory.buffer, this.firstOff, t.first.length).set(t.first);
      // per guide bucket: [lo, f0] — f0 the one entry's first word, 2^32 − 1 for none, lo | 2^31 for two or more
      const rec = new Uint32Array(this.memory.buffer, this.recOff, buckets * 2);
      for (let g = 0; g < buckets; g++) {
        const lo = t.guide[g];
        const span = t.guide[g + 1] - lo;
        rec[2 * g] = span >= 2 ? (lo | 0x80000000) >>> 0 : lo;
        rec[2 * g + 1] = span === 1 ? t.first[lo] : 0xffffffff;
      }
      this.table = t;
    }
    this.grow(this.dataOff + n * 8);
    return {
      words: new Uint32Array(this.memory.buffer, K_WORDS, BUF_WORDS),
      data: new Float64Array(this.memory.buffer, this.dataOff, n),
    };
  }

  private grow(bytes: number): void {
    const need = Math.ceil(bytes / K_PAGE) - this.memory.buffer.byteLength / K_PAGE;
    if (need > 0) this.memory.grow(need);
  }

  /**
   * data[i] for i < n: K (sums = false) or (round(data[i]·inv) + K)·gamma·post (sums = true), the words drawn from
   * `rng` into the kernel's buffer, ties drawn by `slowCoordinate` from the same buffer. `data` and `words` are this
   * kernel's views from `prepare`.
   */
  run(
    t: GaussianTable,
    rng: SecureRng,
    data: Float64Array,
    words: Uint32Array,
    mult: Float64Array,
    offset: number,
    sums: boolean,
    gamma: number,
    inv: number,
    post: number,
  ): void {
    const e = this.e;
    const n = data.length;
    const src = new WordSource(rng, words);
    const shift = 32 - t.guideBits;
    const dataOff = this.dataOff;
    let i = 0;
    while (i < n) {
      if (src.pos > BUF_WORDS - 3) src.refill();
      i = e.fill3(
        K_WORDS,
        src.pos,
        BUF_WORDS,
        this.recOff,
        this.guideOff,
        this.firstOff,
        shift,
        dataOff,
        sums ? dataOff : 0,
        i,
        n,
        mult[1],
        mult[2],
        offset,
        gamma,
        inv,
        post,
      );
      src.pos = e.stoppedAt();
      if (e.stoppedAtTie()) {
        const k = slowCoordinate(t, src, mult, offset);
        data[i] = sums ? (Math.round(data[i] * inv) + k) * gamma * post : k;
        i++;
      }
    }
  }

  /** data[at + j] += v[j] (float32 v), through the staging area, in the kernel (`addF32`). */
  addF32(data: Float64Array, at: number, v: Float32Array): void {
    if (this.stage?.buffer !== this.memory.buffer)
      this.stage = new Float32Array(this.memory.buffer, this.stageOff, K_STAGE);
    const stage = this.stage;
    for (let j = 0; j < v.length; j += K_STAGE) {
      const len = Math.min(K_STAGE, v.length - j);
      stage.set(len === v.length ? v : v.subarray(j, j + len));
      this.e.addF32(data.byteOffset + (at + j) * 8, this.stageOff, len);
    }
  }
}

let noiseModule: WebAssembly.Module | null | undefined;
/** The compiled noise kernel, or null where WebAssembly (with SIMD) is unavailable or refuses the module. */
function noiseKernelModule(): WebAssembly.Module | null {
  if (noiseModule === undefined) {
    try {
      const bin = atob(LATTICE_NOISE_WASM);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      noiseModule = new WebAssembly.Module(bytes);
      new NoiseKernel(noiseModule); // instantiates here, or throws
    } catch {
      noiseModule = null;
    }
  }
  return noiseModule;
}

let sharedKernel: NoiseKernel | null | undefined;
/** The kernel `fillInt` and `addToRounded` share (its memory is scratch for the duration of one call). */
function noiseKernel(): NoiseKernel | null {
  if (sharedKernel === undefined) {
    const m = noiseKernelModule();
    sharedKernel = m ? new NoiseKernel(m) : null;
  }
  return sharedKernel;
}

/**
 * DP-SGD's step in a noise kernel of its own: a float64 sum `data` of `n` values, to which float32 vectors are added
 * (`addF32`, the same additions as `data[i] += v[j]`), released in place with lattice noise (`release`: the values
 * of `LatticeGaussian.addToRounded`, then × post). `data` lives in the kernel's memory for the object's lifetime —
 * no copy into or out of the kernel. Only where `wasmNoiseAvailable()` and for three draws per coordinate.
 */
export class LatticeSum {
  readonly data: Float64Array;
  private readonly kernel: NoiseKernel;
  private readonly words: Uint32Array;

  constructor(
    private readonly sampler: LatticeGaussian,
    n: number,
  ) {
    const m = sampler.levels === 2 ? noiseKernelModule() : null;
    if (!m) throw new Error('LatticeSum needs the wasm noise kernel and three draws per coordinate');
    this.kernel = new NoiseKernel(m);
    const { words, data } = this.kernel.prepare(sampler.table, n);
    this.words = words;
    this.data = data;
  }

  /** data[at + j] += v[j] for every j. */
  addF32(at: number, v: Float32Array): void {
    if (at < 0 || at + v.length > this.data.length) throw new RangeError('LatticeSum.addF32: out of range');
    this.kernel.addF32(this.data, at, v);
  }

  /** data[i] = (round(data[i]·inv) + K_i)·gamma·post, K from the SecureRng (gamma a power of two, inv = 1/gamma). */
  release(gamma: number, inv: number, post: number, rng: SecureRng): void {
    requireSecureRng(rng);
    const s = this.sampler;
    this.kernel.run(s.table, rng, this.data, this.words, s.mult, s.offset(), true, gamma, inv, post);
  }
}

/** Whether the wasm noise kernel runs on this platform. */
export function wasmNoiseAvailable(): boolean {
  return noiseKernel() !== null;
}

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
export class LatticeGaussian {
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
  /** @internal the table (shared with `LatticeSum`). */
  readonly table: GaussianTable;
  /** @internal L^ℓ for ℓ = 0..m. */
  readonly mult: Float64Array;

  /**
   * @param tau the continuous-equivalent standard deviation wanted, in lattice units; the table width is rounded
   *   *up* so that `this.tau ≥ tau`. Needs tau large enough that r ≥ 2√(1+L²) at the chosen number of levels.
   */
  constructor(tau: number, opts: LatticeGaussianOptions = {}) {
    const m = opts.levels ?? 1;
    if (!Number.isInteger(m) || m < 1 || m > 3)
      throw new RangeError(`LatticeGaussian: levels must be 1, 2 or 3 (got ${m})`);
    const bits = opts.levelBits ?? LEVEL_BITS;
    if (!Number.isInteger(bits) || bits < 4 || bits > 10)
      throw new RangeError(`LatticeGaussian: levelBits must be a whole number in 4..10 (got ${bits})`);
    const base = 2 ** bits;
    let sumL2 = 0;
    for (let l = 0; l <= m; l++) sumL2 += base ** (2 * l);
    const s2Wanted = tau * tau + KERNEL_WIDTH * KERNEL_WIDTH;
    let r2 = s2Wanted / sumL2;
    const rMin = minTableWidth(bits);
    if (!(r2 >= rMin * rMin)) {
      throw new RangeError(
        `LatticeGaussian: τ = ${tau} is too small for ${m} level(s) of base 2^${bits} (needs τ ≥ ${Math.ceil(rMin * Math.sqrt(sumL2))})`,
      );
    }
    // round r² up to 24 significant bits (more noise, a short dyadic number for the table)
    const e = Math.floor(Math.log2(r2));
    const unit = 2 ** (e - 23);
    r2 = Math.ceil(r2 / unit) * unit;
    // s² and τ² rounded down (a smaller τ is the conservative direction for the accountant)
    const s2 = r2 * sumL2 * (1 - 1e-15);
    this.levels = m;
    this.levelBits = bits;
    this.r2 = r2;
    this.s = Math.sqrt(s2);
    this.tau = Math.sqrt((s2 - KERNEL_WIDTH * KERNEL_WIDTH) * (1 - 1e-15));
    this.table = gaussianTable(r2);
    this.mult = new Float64Array(m + 1);
    for (let l = 0; l <= m; l++) this.mult[l] = base ** l;
    // per-coordinate η: m+1 tables, plus the smoothing steps (each ≤ 4·2e^{−2π²·κ²}, doubled per level by the
    // renormalisation) and the kernel step — all far below the tables' 2^-90, bounded here generously by 1e-30.
    this.eta = (m + 1) * this.table.eta + 1e-30;
    this.delta0 = (m + 1) * this.table.tail;
    if (!(this.eta <= SAMPLER_ETA_MAX && this.delta0 <= SAMPLER_DELTA0_MAX)) {
      throw new Error(
        `LatticeGaussian: certified slack η = ${this.eta}, δ₀ = ${this.delta0} exceeds the library maxima`,
      );
    }
  }

  /** One integer noise value K (a safe integer). */
  sampleInt(rng: SecureRng): number {
    requireSecureRng(rng);
    const src = wordsOf(rng);
    let k = 0;
    for (let l = 0; l < this.mult.length; l++) k += this.mult[l] * drawSigned(this.table, src);
    return k;
  }

  /**
   * Fill `out` with independent integer noise values. Each table draw: one word U₀ of U from the buffered
   * SecureRng words, the guide on its first `guideBits` bits, then a scan of the few entries the guide allows, each
   * decided by U₀ alone unless U₀ equals the entry's first word (then `search` compares further words, drawn lazily).
   * With three draws per coordinate and `engine` not `js`, the wasm kernel does the draws (module comment), on words
   * drawn for this call (the SecureRng's buffered words are left alone; unused words are dropped, which changes no
   * distribution). `engine: 'wasm'` throws where the kernel is unavailable.
   */
  fillInt(out: Float64Array, rng: SecureRng, engine: NoiseEngine = 'auto'): void {
    requireSecureRng(rng);
    if (this.runWasm(out, false, 1, 1, rng, engine)) return;
    const src = wordsOf(rng);
    const t = this.table;
    const mult = this.mult;
    const levels = mult.length;
    const n = out.length;
    const offset = this.offset();
    let i = 0;
    while (i < n) {
      // whole coordinates from the buffered words; words left at the end of a buffer are skipped (skipping unused
      // uniform words, whatever their values, changes no distribution). A tie's further words (`search`) may take
      // words or refill the buffer mid-coordinate: the loops stop as soon as fewer than `levels` words are left.
      if (src.pos > BUF_WORDS - levels) src.refill();
      if (levels === 3) i = fill3(t, src, out, i, n, mult, offset);
      else {
        for (; i < n && src.pos <= BUF_WORDS - levels; i++) out[i] = slowCoordinate(t, src, mult, offset);
      }
    }
  }

  /**
   * out[i] = (round(sum[i]·inv) + K_i)·gamma for independent noise values K_i — the DP-SGD release of a float sum
   * rounded to the lattice γℤ (gamma = γ, inv = 1/γ, a power of two), times `post` (default 1: no change).
   * `fillInt` then the loop, or (three draws per coordinate, `engine` not `js`) both in one pass of the wasm kernel:
   * the same values on the same words. `out` may be `sum`.
   */
  addToRounded(
    sum: ArrayLike<number>,
    gamma: number,
    inv: number,
    rng: SecureRng,
    out: Float64Array | Float32Array,
    engine: NoiseEngine = 'auto',
    scratch?: Float64Array,
    post = 1,
  ): void {
    requireSecureRng(rng);
    const n = out.length;
    if (sum.length !== n) throw new RangeError('LatticeGaussian.addToRounded: sum and out differ in length');
    if (this.runWasm(out, true, gamma, inv, rng, engine, sum, post)) return;
    const k = scratch && scratch.length === n ? scratch : new Float64Array(n);
    this.fillInt(k, rng, 'js');
    for (let i = 0; i < n; i++) out[i] = (Math.round(sum[i] * inv) + k[i]) * gamma * post;
  }

  /** @internal Σ_ℓ L^ℓ·maxAbs: a coordinate's table indices minus this is K. */
  offset(): number {
    return this.table.maxAbs * this.mult.reduce((a, b) => a + b, 0);
  }

  /** The wasm path of `fillInt` / `addToRounded`; false when it does not apply (then the caller runs the TS one). */
  private runWasm(
    out: Float64Array | Float32Array,
    sums: boolean,
    gamma: number,
    inv: number,
    rng: SecureRng,
    engine: NoiseEngine,
    sum?: ArrayLike<number>,
    post = 1,
  ): boolean {
    if (engine === 'js' || out.length === 0) return false;
    const kernel = this.mult.length === 3 ? noiseKernel() : null;
    if (!kernel) {
      if (engine === 'wasm')
        throw new Error(
          'LatticeGaussian: the wasm noise kernel needs WebAssembly and three draws per coordinate',
        );
      return false;
    }
    const { words, data } = kernel.prepare(this.table, out.length);
    if (sums) data.set(sum!);
    kernel.run(this.table, rng, data, words, this.mult, this.offset(), sums, gamma, inv, post);
    out.set(data);
    return true;
  }

  /**
   * The DP slack of N noise coordinates (step 4 of the module comment): if the continuous mechanism is
   * (ε*, δ*)-DP, this one is (ε* + epsilon, δ* + delta(ε*, δ*))-DP.
   */
  slack(coordinates: number): { epsilon: number; delta: (epsStar: number, deltaStar: number) => number } {
    return samplerSlack(coordinates, this.eta, this.delta0);
  }
}

/**
 * The DP slack of N coordinates of noise whose law P̃ satisfies P̃ ≤ e^η·P everywhere and P ≤ e^η·P̃ + R with
 * ΣR ≤ δ₀ per coordinate, P the ideal law: for every event E of the whole run (adaptive queries included),
 * P̃_D(E) ≤ e^{Nη}P_D(E) ≤ e^{Nη}(e^{ε*}P_{D'}(E) + δ*) ≤ e^{ε*+2Nη}P̃_{D'}(E) + e^{Nη}δ* + e^{ε*+Nη}·R_N with
 * R_N ≤ Nδ₀·e^{N(η+δ₀)}. So ε grows by 2Nη and δ by (e^{Nη} − 1)δ* + e^{ε*+2Nη+Nδ₀}·Nδ₀ (rounded up).
 */
export function samplerSlack(
  coordinates: number,
  eta: number,
  delta0: number,
): { epsilon: number; delta: (epsStar: number, deltaStar: number) => number } {
  const nEta = coordinates * eta;
  const nDelta = coordinates * delta0;
  return {
    epsilon: 2 * nEta * (1 + 1e-9),
    delta: (epsStar: number, deltaStar: number) =>
      (Math.expm1(nEta) * deltaStar + Math.exp(epsStar + 2 * nEta + nDelta) * nDelta) * (1 + 1e-9),
  };
}
