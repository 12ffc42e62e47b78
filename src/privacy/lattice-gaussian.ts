import type { SecureRng } from '../random/secure.js';

/**
 * Fast, provably safe Gaussian noise for DP-SGD: integer noise K on a lattice γℤ, added coordinate-wise to a
 * gradient sum, whose privacy is that of the *continuous* Gaussian mechanism up to a certified, negligible slack.
 * docs/privacy.md ("DP-SGD noise") has the proof; the outline:
 *
 * 1. **Table sampler.** J ~ D_{ℤ,r} (the discrete Gaussian, P(j) ∝ exp(−j²/(2r²))) by inversion: the CDF of |J|
 *    is tabulated to 256 bits from BigInt interval arithmetic (every exp bounded above and below), truncated
 *    where the tail is < 2^-127; a uniform U from the SecureRng is compared with the table lazily, 32 bits at a time
 *    (almost always one word decides). The table distribution P̃ is sampled *exactly*, and the construction
 *    certifies P̃(j) ≤ e^η·P(j) for every j and P(j) ≤ e^η·P̃(j) except on a tail of mass δ₀.
 * 2. **Levels.** K = Σ_{ℓ=0..m} L^ℓ·J_ℓ with independent J_ℓ ~ D_{ℤ,r} and L = 2^10. By the Gaussian product
 *    identity and Poisson summation (the smoothing-parameter argument of lattice cryptography: Regev 2005,
 *    Micciancio & Regev 2004, Peikert 2010 Thm. 3.1), when r/√(1+L²) ≥ 2 each level's sum is within a factor
 *    (1 ± 2e^{−8π²}) ≈ 1 ± 1e-34 pointwise of D_{ℤ,s_ℓ}, s_ℓ² = r²Σ_{i≤ℓ}L^{2i}.
 * 3. **Continuous equivalence.** D_{ℤ,s}(· − x) is, within a factor 1 ± 1e-34 pointwise, the law of a
 *    post-processing (randomised rounding with a width-2 discrete Gaussian kernel) of x + N(0, τ²) with
 *    τ² = s² − 2². So adding K to an integer query x is — up to the pointwise factor — post-processing of the
 *    continuous Gaussian mechanism with standard deviation τ (lattice units), and every accountant of the
 *    (subsampled) continuous Gaussian applies verbatim with σ = γτ.
 * 4. **Slack.** Over N noise coordinates the pointwise factors multiply: the mechanism is
 *    (ε* + 2Nη, δ* + e^{ε*+2Nη}·N·δ₀·e^{Nη})-DP when the continuous one is (ε*, δ*)-DP, with η and δ₀ the
 *    per-coordinate totals certified here (η < 1e-29, δ₀ < 1e-37). `LatticeGaussian.slack(N)` returns both.
 *
 * Throughput: m + 1 table draws per coordinate (2 or 3), each about one 32-bit word of randomness and one or two
 * comparisons: tens of millions of coordinates per second (bench/dpsgd.mjs).
 */

/**
 * Library-wide certified maxima of the per-coordinate slack of any `LatticeGaussian` (checked by its constructor):
 * the ledger uses these, never a value stored in a model file.
 */
export const SAMPLER_ETA_MAX = 6e-29;
export const SAMPLER_DELTA0_MAX = 4e-36;

/** log2 of the level base L. */
export const LEVEL_BITS = 10;
const LEVEL_BASE = 2 ** LEVEL_BITS;
/** Width of the randomised-rounding kernel of step 3 (lattice units). */
export const KERNEL_WIDTH = 2;
/** Minimal smoothing ratio r/√(1+L²) of step 2. */
const SMOOTHING = 2;
/** The smallest table width r allowed (so that r/√(1+L²) ≥ 2). */
export const MIN_TABLE_WIDTH = SMOOTHING * Math.sqrt(1 + LEVEL_BASE * LEVEL_BASE);

const FRAC_BITS = 320n; // fixed-point precision of the table computation
const TABLE_BITS = 256; // precision of the stored CDF
const WORDS = TABLE_BITS / 32;
const GUIDE_BITS = 16;
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

/** The tabulated |J| distribution of D_{ℤ,r} for one r. */
export interface GaussianTable {
  /** r² (a double, exact dyadic rational). */
  readonly r2: number;
  /** Largest tabulated |J|; P(|J| > maxAbs) ≤ tail. */
  readonly maxAbs: number;
  /** CDF of |J| on the truncated support: word w of entry j at words[j·WORDS + w] (big-endian 32-bit words). */
  readonly words: Uint32Array;
  /** guide[g] = first j whose CDF exceeds g·2^-16 (g = 0..2^16), for the search. */
  readonly guide: Int32Array;
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
  const zLo = gLo[n - 1];
  const zHi = gHi[n - 1];
  const scale = 1n << BigInt(TABLE_BITS);
  const words = new Uint32Array(n * WORDS);
  const mask = 0xffffffffn;
  const fLo: bigint[] = new Array(n);
  const fHi: bigint[] = new Array(n);
  for (let j = 0; j < n; j++) {
    let lo = j === n - 1 ? scale : (gLo[j] * scale) / zHi;
    let hi = j === n - 1 ? scale : (gHi[j] * scale + zLo - 1n) / zLo;
    if (hi > scale) hi = scale;
    if (lo > hi) lo = hi;
    fLo[j] = lo;
    fHi[j] = hi;
    // the stored value: the lower bound (any value in [lo, hi] is within the certified width)
    let v = lo;
    if (j === n - 1) v = scale; // F(T) = 1 exactly: the table covers its whole (truncated) support
    for (let w = WORDS - 1; w >= 0; w--) {
      words[j * WORDS + w] = Number(v & mask);
      v >>= 32n;
    }
    if (j === n - 1) {
      // 2^256 does not fit in 256 bits: store all ones (U < 1 always holds, and U ≥ 1 − 2^-256 with all further
      // bits ≥ … has probability 2^-256 of reaching the last comparison, where it is decided as "below")
      for (let w = 0; w < WORDS; w++) words[j * WORDS + w] = 0xffffffff;
    }
  }
  // certify: P̃(j) = F̃(j) − F̃(j−1) vs P_T(j) = (G(j) − G(j−1))/Z_T, the truncated exact distribution:
  // |P̃(j) − P_T(j)| ≤ width_j·2^-256 and P_T(j) ≥ pLo_j/Z_hi, so the relative error is ≤ 2^-CERT_BITS when
  // width_j·Z_hi·2^CERT_BITS ≤ pLo_j·2^256 — checked exactly, in BigInt, for every entry
  for (let j = 0; j < n; j++) {
    const width = fHi[j] - fLo[j] + (j > 0 ? fHi[j - 1] - fLo[j - 1] : 0n) + 2n; // units of 2^-256
    const pLoNum = j === 0 ? gLo[0] : gLo[j] - gHi[j - 1]; // a lower bound of G(j) − G(j−1)
    if (pLoNum <= 0n || width * zHi * (1n << CERT_BITS) > pLoNum * scale) {
      throw new Error(`gaussianTable: entry ${j} cannot be certified to 2^-${CERT_BITS} (r² = ${r2})`);
    }
  }
  // P(|J| > T) ≤ 2ρ(T+1)/(1 − e^{−(2T+3)/(2r²)}) / Z
  const decay = -Math.expm1(-(2 * maxAbs + 3) / (2 * r2));
  const tail = (ratioToNumber(2n * rhoNextHi, zLo) / decay) * (1 + 1e-9);
  // log(1 + x) ≤ x for the table's relative error; the truncation renormalises by Z_∞/Z_T ≤ 1/(1 − tail)
  const eta = 2 ** -Number(CERT_BITS) * (1 + 1e-9) + tail * 2;
  if (!(tail < 2 ** -120)) throw new Error(`gaussianTable: the tail ${tail} is too large (r² = ${r2})`);
  // guide table over the first 16 bits
  const guide = new Int32Array((1 << GUIDE_BITS) + 1);
  let j = 0;
  for (let g = 0; g <= 1 << GUIDE_BITS; g++) {
    // first j with F̃(j) > g·2^-16, i.e. with word0 ≥ g·2^16 and not equal to exactly g·2^16·… — use "≥" on the top
    // 16 bits: entries whose top 16 bits are < g are certainly ≤ g·2^-16
    const top = g << (32 - GUIDE_BITS);
    while (j < n - 1 && words[j * WORDS] >>> 0 < top >>> 0) j++;
    guide[g] = j;
  }
  guide[1 << GUIDE_BITS] = n - 1;
  return { r2, maxAbs, words, guide, eta, tail };
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

/**
 * Buffered 32-bit words from a SecureRng, plus single bits. (The SecureRng itself buffers WebCrypto output; this
 * only avoids a method call per word in the hot loop.)
 */
class WordSource {
  private readonly buf = new Uint32Array(16384);
  private pos = 16384;
  private bitWord = 0;
  private bitsLeft = 0;
  constructor(private readonly rng: SecureRng) {}
  word(): number {
    if (this.pos === 16384) {
      this.rng.fillU32(this.buf);
      this.pos = 0;
    }
    return this.buf[this.pos++];
  }
  bit(): number {
    if (this.bitsLeft === 0) {
      this.bitWord = this.word();
      this.bitsLeft = 32;
    }
    this.bitsLeft--;
    const b = this.bitWord & 1;
    this.bitWord >>>= 1;
    return b;
  }
}

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
 * One draw of |J| from the table: the smallest j with U < F̃(j), U uniform in [0, 1) read 32 bits at a time.
 * Exact for the table distribution.
 */
function drawAbs(t: GaussianTable, src: WordSource): number {
  const words = t.words;
  const u0 = src.word();
  const g = u0 >>> (32 - GUIDE_BITS);
  let lo = t.guide[g];
  let hi = t.guide[g + 1];
  // invariant: the answer is in [lo, hi] (every entry before lo has F̃ ≤ U; entry hi has F̃ > U or is the last)
  let u1 = -1; // further words of U, drawn lazily
  let rest: number[] | null = null;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // compare U with F̃(mid)
    let below: boolean; // U < F̃(mid)
    const base = mid * WORDS;
    const f0 = words[base];
    if (u0 !== f0) below = u0 >>> 0 < f0 >>> 0;
    else {
      if (u1 < 0) u1 = src.word();
      const f1 = words[base + 1];
      if (u1 !== f1) below = u1 >>> 0 < f1 >>> 0;
      else {
        rest ??= [];
        below = false;
        let decided = false;
        for (let w = 2; w < WORDS; w++) {
          while (rest.length < w - 1) rest.push(src.word());
          const uw = rest[w - 2];
          const fw = words[base + w];
          if (uw !== fw) {
            below = uw >>> 0 < fw >>> 0;
            decided = true;
            break;
          }
        }
        // all 256 bits equal: U > F̃ with probability 1 (U's further bits are not all zero almost surely);
        // the last entry (all ones) is the exception: U < 1 always
        if (!decided) below = mid === t.maxAbs;
      }
    }
    if (below) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** One draw of J ~ P̃ (the table's discrete Gaussian), signed. */
function drawSigned(t: GaussianTable, src: WordSource): number {
  const a = drawAbs(t, src);
  if (a === 0) return 0;
  return src.bit() === 1 ? -a : a;
}

/** One draw of J from a table (signed): for tests and for callers that need the base distribution itself. */
export function sampleTable(t: GaussianTable, rng: SecureRng): number {
  return drawSigned(t, wordsOf(rng));
}

export interface LatticeGaussianOptions {
  /** Number of levels above the base (m); the noise uses m + 1 table draws per coordinate. Default 2. */
  readonly levels?: number;
}

/**
 * Integer noise K = Σ_{ℓ=0..m} L^ℓ·J_ℓ, J_ℓ ~ D_{ℤ,r} from a certified table (see the module comment), standing in
 * for continuous Gaussian noise of standard deviation `tau` on the integer lattice.
 */
export class LatticeGaussian {
  /** m: levels above the base. */
  readonly levels: number;
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
  private readonly table: GaussianTable;
  private readonly mult: Float64Array;

  /**
   * @param tau the continuous-equivalent standard deviation wanted, in lattice units; the table width is rounded
   *   *up* so that `this.tau ≥ tau`. Needs tau large enough that r ≥ 2√(1+L²) at the chosen number of levels.
   */
  constructor(tau: number, opts: LatticeGaussianOptions = {}) {
    const m = opts.levels ?? 2;
    if (!Number.isInteger(m) || m < 1 || m > 3)
      throw new RangeError(`LatticeGaussian: levels must be 1, 2 or 3 (got ${m})`);
    let sumL2 = 0;
    for (let l = 0; l <= m; l++) sumL2 += LEVEL_BASE ** (2 * l);
    const s2Wanted = tau * tau + KERNEL_WIDTH * KERNEL_WIDTH;
    let r2 = s2Wanted / sumL2;
    if (!(r2 >= MIN_TABLE_WIDTH * MIN_TABLE_WIDTH)) {
      throw new RangeError(
        `LatticeGaussian: τ = ${tau} is too small for ${m} level(s) (needs τ ≥ ${Math.ceil(MIN_TABLE_WIDTH * Math.sqrt(sumL2))})`,
      );
    }
    // round r² up to 24 significant bits (more noise, a short dyadic number for the table)
    const e = Math.floor(Math.log2(r2));
    const unit = 2 ** (e - 23);
    r2 = Math.ceil(r2 / unit) * unit;
    // s² and τ² rounded down (a smaller τ is the conservative direction for the accountant)
    const s2 = r2 * sumL2 * (1 - 1e-15);
    this.levels = m;
    this.r2 = r2;
    this.s = Math.sqrt(s2);
    this.tau = Math.sqrt((s2 - KERNEL_WIDTH * KERNEL_WIDTH) * (1 - 1e-15));
    this.table = gaussianTable(r2);
    this.mult = new Float64Array(m + 1);
    for (let l = 0; l <= m; l++) this.mult[l] = LEVEL_BASE ** l;
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
    const src = wordsOf(rng);
    let k = 0;
    for (let l = 0; l < this.mult.length; l++) k += this.mult[l] * drawSigned(this.table, src);
    return k;
  }

  /** Fill `out` with independent integer noise values. */
  fillInt(out: Float64Array, rng: SecureRng): void {
    const src = wordsOf(rng);
    const t = this.table;
    const mult = this.mult;
    const levels = mult.length;
    for (let i = 0; i < out.length; i++) {
      let k = 0;
      for (let l = 0; l < levels; l++) k += mult[l] * drawSigned(t, src);
      out[i] = k;
    }
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
