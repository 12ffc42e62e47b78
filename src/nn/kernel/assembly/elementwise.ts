// AssemblyScript: element-wise kernels of the VAE training step (tvae, issue 11) — standard normal draws, the latent
// layer (reparameterisation, KL and their gradients) and the softmax cross-entropy of one-hot spans. Each is the
// same sequence of IEEE operations as its plain-TS reference in ../reference.ts, so the same bits (tested).
// wasm has no fused multiply-add in the features compiled here, so every a·b + c rounds twice, as in JavaScript.

import { expf4 } from './expf';

// ---- float64 exp and log: ../../math.ts's algorithms, operation for operation ----

const LN2_HI: f64 = 6.9314718036912381649e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const INV_LN2: f64 = 1.442695040888963387;
const LN2: f64 = 0.6931471805599453;
const INV_LN2_N: f64 = INV_LN2 * 32;
const LN2_HI_N: f64 = LN2_HI / 32;
const LN2_LO_N: f64 = LN2_LO / 32;

/** 2^k for k in [−1022, 1023] (a normal float64: exact). */
// @ts-ignore: decorator
@inline
function pow2(k: i32): f64 {
  return reinterpret<f64>(<i64>(k + 1023) << 52);
}

/** math.ts `exp`; `table` holds its 32 float64 values 2^(j/32) (EXP_TABLE). */
export function exp64(x: f64, table: usize): f64 {
  if (!(x <= 709.782712893384)) return x != x ? NaN : Infinity;
  if (x < -745.1332191019412) return 0;
  const y = x * INV_LN2_N;
  // Math.round: the nearest integer, ties towards +∞ (y − ⌊y⌋ is exact)
  let n = Math.floor(y);
  if (y - n >= 0.5) n += 1;
  const r = x - n * LN2_HI_N - n * LN2_LO_N;
  const j = <i32>n & 31;
  const k = <i32>((n - <f64>j) / 32);
  const p = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
  const v = load<f64>(table + (<usize>j << 3)) * p;
  if (k > 1023 || k < -1022) {
    const h = k >> 1;
    return v * pow2(h) * pow2(k - h);
  }
  return v * pow2(k);
}

/** math.ts `log`. */
function log64(x: f64): f64 {
  if (x != x || x < 0) return NaN;
  if (x == 0) return -Infinity;
  if (x == Infinity) return Infinity;
  let e: i32 = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54
    e = -54;
  }
  const bits = reinterpret<u64>(x);
  e += <i32>((bits >> 52) & 0x7ff) - 1023;
  let m = reinterpret<f64>((bits & 0x000fffffffffffff) | 0x3ff0000000000000);
  if (m > Math.SQRT2) {
    m *= 0.5;
    e += 1;
  }
  const s = (m - 1) / (m + 1);
  const z = s * s;
  let p: f64 = 1.0 / 23;
  p = p * z + 1.0 / 21;
  p = p * z + 1.0 / 19;
  p = p * z + 1.0 / 17;
  p = p * z + 1.0 / 15;
  p = p * z + 1.0 / 13;
  p = p * z + 1.0 / 11;
  p = p * z + 1.0 / 9;
  p = p * z + 1.0 / 7;
  p = p * z + 1.0 / 5;
  p = p * z + 1.0 / 3;
  p = p * z + 1;
  return <f64>e * LN2 + 2 * s * p;
}

// ---- standard normal draws: xoshiro128** words, the ziggurat of ../../tensor.ts ----

let s0: u32 = 0, s1: u32 = 0, s2: u32 = 0, s3: u32 = 0;

// @ts-ignore: decorator
@inline
function nextWord(): u32 {
  // xoshiro128** (Blackman & Vigna 2018)
  const r = rotl<u32>(s1 * 5, 7) * 9;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl<u32>(s3, 11);
  return r;
}

// @ts-ignore: decorator
@inline
function uniform53(): f64 {
  const a = nextWord() >>> 5;
  const b = nextWord() >>> 6;
  return (<f64>a * 67108864 + <f64>b) * 1.1102230246251565e-16; // 2^−53
}

const ZIG_R: f64 = 3.442619855899;

/**
 * The rest of one ziggurat draw after the word `a` (layer l, position x) missed the layer's rectangle: the tail
 * beyond R (layer 0) or the wedge test, with further words from the generator in the globals.
 */
function zigguratSlow(a: u32, x: f64, tables: usize): f64 {
  const X = tables + 32 * 8;
  const F = X + 129 * 8;
  let l = <usize>(a & 127);
  let sign: f64 = a & 128 ? -1 : 1;
  for (;;) {
    if (l == 0) {
      for (;;) {
        const t = -log64(1 - uniform53()) / ZIG_R;
        const y = -log64(1 - uniform53());
        if (2 * y > t * t) return sign * (ZIG_R + t);
      }
    }
    const f0 = load<f64>(F + (l << 3));
    const f1 = load<f64>(F + ((l + 1) << 3));
    if (f0 + uniform53() * (f1 - f0) < exp64(-0.5 * x * x, tables)) return sign * x;
    // rejected: a new word, from the top
    a = nextWord();
    l = <usize>(a & 127);
    x = (<f64>(a >>> 8) + 0.5) * 5.9604644775390625e-8 * load<f64>(X + (l << 3));
    sign = a & 128 ? -1 : 1;
    if (x < load<f64>(X + ((l + 1) << 3))) return sign * x;
  }
  return 0; // not reached
}

/**
 * n standard normal draws, rounded to float32, into out[0, n). `state`: the 4 words of xoshiro128** (read, and
 * written back advanced). `tables`: 32 float64 of exp's table, then the ziggurat's 129 X and 129 F (tensor.ts).
 * The common case (a word whose point falls in its layer's rectangle, about 98.8 %) runs with the generator in
 * locals; the rest in `zigguratSlow` with it in the globals.
 */
export function normals(out: usize, n: i32, state: usize, tables: usize): void {
  let a0 = load<u32>(state);
  let a1 = load<u32>(state, 4);
  let a2 = load<u32>(state, 8);
  let a3 = load<u32>(state, 12);
  const X = tables + 32 * 8;
  for (let i = 0; i < n; i++) {
    // xoshiro128**, as nextWord
    const a = rotl<u32>(a1 * 5, 7) * 9;
    const t = a1 << 9;
    a2 ^= a0;
    a3 ^= a1;
    a1 ^= a2;
    a0 ^= a3;
    a2 ^= t;
    a3 = rotl<u32>(a3, 11);
    const l = <usize>(a & 127);
    const x = (<f64>(a >>> 8) + 0.5) * 5.9604644775390625e-8 * load<f64>(X + (l << 3)); // 2^−24
    let v: f64;
    if (x < load<f64>(X + ((l + 1) << 3))) v = a & 128 ? -x : x;
    else {
      s0 = a0;
      s1 = a1;
      s2 = a2;
      s3 = a3;
      v = zigguratSlow(a, x, tables);
      a0 = s0;
      a1 = s1;
      a2 = s2;
      a3 = s3;
    }
    store<f32>(out + (<usize>i << 2), <f32>v);
  }
  store<u32>(state, a0);
  store<u32>(state, a1, 4);
  store<u32>(state, a2, 8);
  store<u32>(state, a3, 12);
}

// ---- the latent layer of a VAE ----

/**
 * From the encoder's rows [μ | log σ²] (enc, B × 2E) and the draws eps (B × E): σ = e^{½ log σ²} (float32 SIMD
 * `expf4`, as `expScaled`), std = σ, z = μ + ε·σ; KL(q ‖ N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²) summed in row-major
 * order (returned), and dMu = scale·μ, dLv = scale·½(σ² − 1). `t`: 16 bytes of scratch.
 */
export function latentForward(
  enc: usize, eps: usize, std: usize, z: usize, dMu: usize, dLv: usize, B: i32, E: i32, scale: f64, t: usize,
): f64 {
  const half = f32x4.splat(0.5);
  const E4 = E & ~3;
  let loss: f64 = 0;
  for (let i = 0; i < B; i++) {
    const er = enc + ((<usize>i * <usize>E) << 3);
    const lv = er + (<usize>E << 2);
    const row = <usize>i * <usize>E;
    // σ of the row, into std
    for (let j = 0; j < E4; j += 4) {
      v128.store(std + ((row + <usize>j) << 2), expf4(f32x4.mul(v128.load(lv + (<usize>j << 2)), half)));
    }
    if (E4 < E) {
      v128.store(t, f32x4.splat(0));
      for (let j = E4; j < E; j++) store<f32>(t + (<usize>(j - E4) << 2), load<f32>(lv + (<usize>j << 2)));
      v128.store(t, expf4(f32x4.mul(v128.load(t), half)));
      for (let j = E4; j < E; j++)
        store<f32>(std + ((row + <usize>j) << 2), load<f32>(t + (<usize>(j - E4) << 2)));
    }
    for (let j = 0; j < E; j++) {
      const k = (row + <usize>j) << 2;
      const m = <f64>load<f32>(er + (<usize>j << 2));
      const l = <f64>load<f32>(lv + (<usize>j << 2));
      const s = <f64>load<f32>(std + k);
      store<f32>(z + k, <f32>(m + <f64>load<f32>(eps + k) * s));
      const v = s * s;
      loss += -0.5 * (1 + l - m * m - v);
      store<f32>(dMu + k, <f32>(scale * m));
      store<f32>(dLv + k, <f32>(scale * 0.5 * (v - 1)));
    }
  }
  return loss;
}

/** The encoder's output gradient dEnc = [dz + dMu | dz·ε·½σ + dLv] (B × 2E) from dz (B × E). */
export function latentBackward(
  dz: usize, dMu: usize, dLv: usize, eps: usize, std: usize, dEnc: usize, B: i32, E: i32,
): void {
  for (let i = 0; i < B; i++) {
    const o = dEnc + ((<usize>i * <usize>E) << 3);
    const ol = o + (<usize>E << 2);
    const row = <usize>i * <usize>E;
    for (let j = 0; j < E; j++) {
      const k = (row + <usize>j) << 2;
      const g = <f64>load<f32>(dz + k);
      store<f32>(o + (<usize>j << 2), <f32>(g + <f64>load<f32>(dMu + k)));
      store<f32>(
        ol + (<usize>j << 2),
        <f32>(g * <f64>load<f32>(eps + k) * 0.5 * <f64>load<f32>(std + k) + <f64>load<f32>(dLv + k)),
      );
    }
  }
}

// ---- softmax cross-entropy of one-hot spans ----

/**
 * Σ_rows Σ_spans cross-entropy of softmax(rec[span]) against the one-hot x[span] (the target: the first largest
 * value of x in the span); writes g × its gradient into d[span]. rec, x, d, sh: B × W; spans: `ns` pairs of i32
 * (start, width). The exponentials of all B·W values of sh in float32 SIMD (`expf4`, as `expScaled`: the values of
 * columns outside the spans are computed and not read); `t`: 16 bytes of scratch.
 */
export function softmaxSpans(
  rec: usize, x: usize, d: usize, spans: usize, ns: i32, W: i32, B: i32, g: f64, sh: usize, t: usize,
): f64 {
  let loss: f64 = 0;
  for (let i = 0; i < B; i++)
    for (let s = 0; s < ns; s++) {
      const o = (<usize>i * <usize>W + <usize>load<i32>(spans + (<usize>s << 3))) << 2;
      const w = load<i32>(spans + (<usize>s << 3), 4);
      let mx: f64 = -Infinity;
      let tj = 0;
      for (let j = 0; j < w; j++) {
        const v = <f64>load<f32>(rec + o + (<usize>j << 2));
        if (v > mx) mx = v;
        if (load<f32>(x + o + (<usize>j << 2)) > load<f32>(x + o + (<usize>tj << 2))) tj = j;
      }
      for (let j = 0; j < w; j++)
        store<f32>(sh + o + (<usize>j << 2), <f32>(<f64>load<f32>(rec + o + (<usize>j << 2)) - mx));
      loss += mx - <f64>load<f32>(rec + o + (<usize>tj << 2));
    }
  const n = B * W;
  const full = <usize>(n >> 2);
  for (let i: usize = 0; i < full; i++) {
    const o = i << 4;
    v128.store(sh + o, expf4(v128.load(sh + o)));
  }
  const rest = n & 3;
  if (rest) {
    const o = full << 4;
    v128.store(t, f32x4.splat(0));
    for (let j = 0; j < rest; j++) store<f32>(t + (<usize>j << 2), load<f32>(sh + o + (<usize>j << 2)));
    v128.store(t, expf4(v128.load(t)));
    for (let j = 0; j < rest; j++) store<f32>(sh + o + (<usize>j << 2), load<f32>(t + (<usize>j << 2)));
  }
  for (let i = 0; i < B; i++)
    for (let s = 0; s < ns; s++) {
      const o = (<usize>i * <usize>W + <usize>load<i32>(spans + (<usize>s << 3))) << 2;
      const w = load<i32>(spans + (<usize>s << 3), 4);
      let sum: f64 = 0;
      let tj = 0;
      for (let j = 0; j < w; j++) {
        sum += <f64>load<f32>(sh + o + (<usize>j << 2));
        if (load<f32>(x + o + (<usize>j << 2)) > load<f32>(x + o + (<usize>tj << 2))) tj = j;
      }
      loss += log64(sum);
      const inv = g / sum;
      for (let j = 0; j < w; j++)
        store<f32>(d + o + (<usize>j << 2), <f32>(<f64>load<f32>(sh + o + (<usize>j << 2)) * inv));
      const at = d + o + (<usize>tj << 2);
      store<f32>(at, <f32>(<f64>load<f32>(at) - g));
    }
  return loss;
}

// ---- products with a sparse left operand (a one-hot encoded input: most of its values are 0) ----

/**
 * C (m×n, leading dimension ldc) = A·B (+ bias, then max(·, 0) with `relu`) for A m×k row-major with mostly zero
 * values, B packed by `packB` (panels of 8 columns). Per row, the nonzero a_ik in k order: acc += f32(a_ik·B[k, :]),
 * in the f32x4 lanes of `gemm`'s tile. Skipping the zero terms keeps gemm's bits: a float32 sum that starts at +0
 * never turns into −0 by adding ±0 (and B is finite: 0·B is ±0). `t`: scratch of ⌈n/8⌉·8 floats, 16-aligned;
 * `idx`: scratch of k i32; bias (0 or ⌈n/8⌉·8 floats, zero-padded).
 */
export function gemmSparseA(
  a: usize, m: i32, k: i32, pb: usize, n: i32, c: usize, ldc: i32, bias: usize, relu: i32, t: usize, idx: usize,
): void {
  const nq = (n + 7) >> 3;
  const zero = f32x4.splat(0);
  for (let i = 0; i < m; i++) {
    const arow = a + ((<usize>i * <usize>k) << 2);
    let nnz = 0;
    for (let kk = 0; kk < k; kk++)
      if (load<f32>(arow + (<usize>kk << 2)) != 0) {
        store<i32>(idx + (<usize>nnz << 2), kk);
        nnz++;
      }
    for (let q = 0; q < nq; q++) {
      let c0 = zero;
      let c1 = zero;
      const panel = pb + ((<usize>q * <usize>k) << 5);
      for (let z = 0; z < nnz; z++) {
        const kk = load<i32>(idx + (<usize>z << 2));
        const av = f32x4.splat(load<f32>(arow + (<usize>kk << 2)));
        const b = panel + (<usize>kk << 5);
        c0 = f32x4.add(c0, f32x4.mul(av, v128.load(b)));
        c1 = f32x4.add(c1, f32x4.mul(av, v128.load(b, 16)));
      }
      if (bias) {
        c0 = f32x4.add(c0, v128.load(bias + (<usize>q << 5)));
        c1 = f32x4.add(c1, v128.load(bias + (<usize>q << 5), 16));
      }
      if (relu) {
        c0 = f32x4.max(c0, zero);
        c1 = f32x4.max(c1, zero);
      }
      v128.store(t + (<usize>q << 5), c0);
      v128.store(t + (<usize>q << 5), c1, 16);
    }
    memory.copy(c + ((<usize>i * <usize>ldc) << 2), t, <usize>n << 2);
  }
}

/**
 * C (m×n) += A[:, k0:k]·B[k0:k, :] for the mostly-zero columns [k0, k) of A (m rows, leading dimension lda) and the
 * same rows of a packed B (panel stride kp ≥ k), then + bias and max(·, 0) as `gemm`'s epilogue: C holds the sums
 * of the first k0 terms (a `gemm` with k = k0 and no epilogue) and every element goes on adding f32(a·b) for its
 * nonzero terms kk = k0, k0 + 1, … in order — the order of `gemm` over all k, the zero terms skipped (a float32 sum
 * from +0 never turns into −0 by adding ±0, so skipping them keeps the bits). `t`: nq·8 floats (16-aligned);
 * `idx`: k − k0 ints.
 */
export function gemmSparseTail(
  a: usize, lda: i32, m: i32, k0: i32, k: i32, pb: usize, kp: i32, n: i32, c: usize, ldc: i32, bias: usize,
  relu: i32, t: usize, idx: usize,
): void {
  const nq = (n + 7) >> 3;
  const zero = f32x4.splat(0);
  for (let i = 0; i < m; i++) {
    const arow = a + ((<usize>i * <usize>lda) << 2);
    let nnz = 0;
    for (let kk = k0; kk < k; kk++)
      if (load<f32>(arow + (<usize>kk << 2)) != 0) {
        store<i32>(idx + (<usize>nnz << 2), kk);
        nnz++;
      }
    if (nnz == 0 && !bias && !relu) continue;
    const crow = c + ((<usize>i * <usize>ldc) << 2);
    memory.copy(t, crow, <usize>n << 2);
    for (let q = 0; q < nq; q++) {
      const tq = t + (<usize>q << 5);
      let c0 = v128.load(tq);
      let c1 = v128.load(tq, 16);
      const panel = pb + ((<usize>q * <usize>kp) << 5);
      for (let z = 0; z < nnz; z++) {
        const kk = load<i32>(idx + (<usize>z << 2));
        const av = f32x4.splat(load<f32>(arow + (<usize>kk << 2)));
        const b = panel + (<usize>kk << 5);
        c0 = f32x4.add(c0, f32x4.mul(av, v128.load(b)));
        c1 = f32x4.add(c1, f32x4.mul(av, v128.load(b, 16)));
      }
      if (bias) {
        c0 = f32x4.add(c0, v128.load(bias + (<usize>q << 5)));
        c1 = f32x4.add(c1, v128.load(bias + (<usize>q << 5), 16));
      }
      if (relu) {
        c0 = f32x4.max(c0, zero);
        c1 = f32x4.max(c1, zero);
      }
      v128.store(tq, c0);
      v128.store(tq, c1, 16);
    }
    memory.copy(crow, t, <usize>n << 2);
  }
}

/**
 * G (k×n, row-major) += Aᵀ·D for A m×k row-major with mostly zero values and D m×n row-major: per row i of A in
 * order, G[kk, :] += f32(a_ik·D[i, :]) for its nonzero a_ik — each element summed over i in order from its old value,
 * as `gemm` with transA and accumulate (the zero terms skipped: see gemmSparseA; G must hold no −0). With `sums` ≠ 0,
 * also sums[j] += D[i, j] over i in order, in float32 (the bias gradient, as packB's). A's rows have leading dimension
 * `lda` (≥ k); only its columns [k0, k) are read and G's rows [k0, k) written (a mostly-zero tail of A's columns,
 * the rest of G by the GEMM: its rows are independent sums).
 */
export function gemmSparseAt(
  a: usize, m: i32, k: i32, lda: i32, k0: i32, d: usize, n: i32, g: usize, sums: usize,
): void {
  const n4 = n & ~3;
  for (let i = 0; i < m; i++) {
    const arow = a + ((<usize>i * <usize>lda) << 2);
    const drow = d + ((<usize>i * <usize>n) << 2);
    for (let kk = k0; kk < k; kk++) {
      const av = load<f32>(arow + (<usize>kk << 2));
      if (av == 0) continue;
      const s = f32x4.splat(av);
      const grow = g + ((<usize>kk * <usize>n) << 2);
      for (let j = 0; j < n4; j += 4) {
        const o = <usize>j << 2;
        v128.store(grow + o, f32x4.add(v128.load(grow + o), f32x4.mul(s, v128.load(drow + o))));
      }
      for (let j = n4; j < n; j++) {
        const o = <usize>j << 2;
        store<f32>(grow + o, load<f32>(grow + o) + av * load<f32>(drow + o));
      }
    }
    if (sums) {
      for (let j = 0; j < n4; j += 4) {
        const o = <usize>j << 2;
        v128.store(sums + o, f32x4.add(v128.load(sums + o), v128.load(drow + o)));
      }
      for (let j = n4; j < n; j++) {
        const o = <usize>j << 2;
        store<f32>(sums + o, load<f32>(sums + o) + load<f32>(drow + o));
      }
    }
  }
}
