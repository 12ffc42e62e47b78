// AssemblyScript source of the f32 GEMM kernel (compiled to WebAssembly SIMD by scripts/build-wasm.mjs).
//
// C (m×n) = op(A) (m×k) · op(B) (k×n), optionally accumulated into C. The caller copies A and B into linear memory,
// `packA` / `packB` rearrange them into panels (handling transposition), and `gemm` runs a 4×8 register tile over
// the panels (Goto & van de Geijn, "Anatomy of high-performance matrix multiplication", 2008, with one level of
// k-blocking). Every C element is summed in the same order — starting from 0 (or C's old value when accumulating),
// adding fround(a·b) for k = 0, 1, … — whatever the tile, block or thread split, so the result is bit-identical
// to the scalar reference in ../reference.ts.
//
// Packed A: row panel p (rows 4p..4p+3) at float offset p·4·k; within it, for each kk, the 4 rows' values.
// Packed B: column panel q (cols 8q..8q+7) at float offset q·8·k; within it, for each kk, the 8 columns' values.
// Rows/columns past m/n are packed as zeros.

import { expf4 } from './expf';

const KC: i32 = 256;

/** Pack row panels [p0, p1) of A. A is m×k, stored row-major with leading dimension lda, or (trans) k×m. */
export function packA(src: usize, lda: i32, trans: i32, m: i32, k: i32, dst: usize, p0: i32, p1: i32): void {
  for (let p = p0; p < p1; p++) {
    const r0 = p << 2;
    let out = dst + ((<usize>p * <usize>k) << 4);
    if (trans) {
      if (r0 + 4 <= m) {
        for (let kk = 0; kk < k; kk++) {
          v128.store(out, v128.load(src + ((<usize>kk * <usize>lda + <usize>r0) << 2)));
          out += 16;
        }
      } else {
        for (let kk = 0; kk < k; kk++) {
          for (let r = 0; r < 4; r++) {
            const i = r0 + r;
            store<f32>(out + (r << 2), i < m ? load<f32>(src + ((<usize>kk * <usize>lda + <usize>i) << 2)) : 0);
          }
          out += 16;
        }
      }
    } else {
      for (let r = 0; r < 4; r++) {
        const i = r0 + r;
        let o = out + (r << 2);
        if (i < m) {
          let s = src + ((<usize>i * <usize>lda) << 2);
          for (let kk = 0; kk < k; kk++) {
            store<f32>(o, load<f32>(s));
            s += 4;
            o += 16;
          }
        } else {
          for (let kk = 0; kk < k; kk++) {
            store<f32>(o, 0);
            o += 16;
          }
        }
      }
    }
  }
}

/**
 * Pack column panels [q0, q1) of B. B is k×n, stored row-major with leading dimension ldb, or (trans) n×k.
 * With `sums` ≠ 0, also sums[j] += B[kk, j] for kk = 0, 1, … in order, in float32 (the bias gradient of a dense
 * layer while its output gradient is packed: the same bits as the scalar loop over rows).
 */
export function packB(
  src: usize, ldb: i32, trans: i32, k: i32, n: i32, dst: usize, q0: i32, q1: i32, sums: usize,
): void {
  for (let q = q0; q < q1; q++) {
    const c0 = q << 3;
    let out = dst + ((<usize>q * <usize>k) << 5);
    if (!trans) {
      if (c0 + 8 <= n) {
        let s = src + (<usize>c0 << 2);
        const stride = <usize>ldb << 2;
        if (sums) {
          const sp = sums + (<usize>c0 << 2);
          let s0 = v128.load(sp);
          let s1 = v128.load(sp, 16);
          for (let kk = 0; kk < k; kk++) {
            const v0 = v128.load(s);
            const v1 = v128.load(s, 16);
            v128.store(out, v0);
            v128.store(out, v1, 16);
            s0 = f32x4.add(s0, v0);
            s1 = f32x4.add(s1, v1);
            s += stride;
            out += 32;
          }
          v128.store(sp, s0);
          v128.store(sp, s1, 16);
        } else {
          for (let kk = 0; kk < k; kk++) {
            v128.store(out, v128.load(s));
            v128.store(out, v128.load(s, 16), 16);
            s += stride;
            out += 32;
          }
        }
      } else {
        for (let kk = 0; kk < k; kk++) {
          for (let c = 0; c < 8; c++) {
            const j = c0 + c;
            if (j < n) {
              const v = load<f32>(src + ((<usize>kk * <usize>ldb + <usize>j) << 2));
              store<f32>(out + (c << 2), v);
              if (sums) store<f32>(sums + (<usize>j << 2), load<f32>(sums + (<usize>j << 2)) + v);
            } else store<f32>(out + (c << 2), 0);
          }
          out += 32;
        }
      }
    } else {
      for (let c = 0; c < 8; c++) {
        const j = c0 + c;
        let o = out + (c << 2);
        if (j < n) {
          let s = src + ((<usize>j * <usize>ldb) << 2);
          let acc: f32 = sums ? load<f32>(sums + (<usize>j << 2)) : 0;
          for (let kk = 0; kk < k; kk++) {
            const v = load<f32>(s);
            store<f32>(o, v);
            acc += v;
            s += 4;
            o += 32;
          }
          if (sums) store<f32>(sums + (<usize>j << 2), acc);
        } else {
          for (let kk = 0; kk < k; kk++) {
            store<f32>(o, 0);
            o += 32;
          }
        }
      }
    }
  }
}

// @ts-ignore: decorator
@inline
function tile(
  a: usize, b: usize, kc: i32, c: usize, ldc: i32, rows: i32, cols: i32, init: i32, t: usize, bias: usize,
  relu: i32, mask: usize,
): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  const stride = <usize>ldc << 2;
  const full = rows == 4 && cols == 8;
  if (init) {
    if (full) {
      c00 = v128.load(c);
      c01 = v128.load(c, 16);
      c10 = v128.load(c + stride);
      c11 = v128.load(c + stride, 16);
      c20 = v128.load(c + 2 * stride);
      c21 = v128.load(c + 2 * stride, 16);
      c30 = v128.load(c + 3 * stride);
      c31 = v128.load(c + 3 * stride, 16);
    } else {
      memory.fill(t, 0, 128);
      for (let r = 0; r < rows; r++)
        for (let j = 0; j < cols; j++)
          store<f32>(t + ((<usize>(r * 8 + j)) << 2), load<f32>(c + <usize>r * stride + (<usize>j << 2)));
      c00 = v128.load(t);
      c01 = v128.load(t, 16);
      c10 = v128.load(t, 32);
      c11 = v128.load(t, 48);
      c20 = v128.load(t, 64);
      c21 = v128.load(t, 80);
      c30 = v128.load(t, 96);
      c31 = v128.load(t, 112);
    }
  }
  for (let kk = 0; kk < kc; kk++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let av = v128.load32_splat(a);
    c00 = f32x4.add(c00, f32x4.mul(av, b0));
    c01 = f32x4.add(c01, f32x4.mul(av, b1));
    av = v128.load32_splat(a, 4);
    c10 = f32x4.add(c10, f32x4.mul(av, b0));
    c11 = f32x4.add(c11, f32x4.mul(av, b1));
    av = v128.load32_splat(a, 8);
    c20 = f32x4.add(c20, f32x4.mul(av, b0));
    c21 = f32x4.add(c21, f32x4.mul(av, b1));
    av = v128.load32_splat(a, 12);
    c30 = f32x4.add(c30, f32x4.mul(av, b0));
    c31 = f32x4.add(c31, f32x4.mul(av, b1));
    a += 16;
    b += 32;
  }
  if (bias) {
    // the epilogue: + bias[j] after the whole sum (as the scalar `y += b` after the product)
    const b0 = v128.load(bias);
    const b1 = v128.load(bias, 16);
    c00 = f32x4.add(c00, b0);
    c01 = f32x4.add(c01, b1);
    c10 = f32x4.add(c10, b0);
    c11 = f32x4.add(c11, b1);
    c20 = f32x4.add(c20, b0);
    c21 = f32x4.add(c21, b1);
    c30 = f32x4.add(c30, b0);
    c31 = f32x4.add(c31, b1);
  }
  if (relu) {
    // max(v, +0): +0 for −0 and negatives, NaN stays NaN — as the scalar (v + |v|)/2
    const z = f32x4.splat(0);
    c00 = f32x4.max(c00, z);
    c01 = f32x4.max(c01, z);
    c10 = f32x4.max(c10, z);
    c11 = f32x4.max(c11, z);
    c20 = f32x4.max(c20, z);
    c21 = f32x4.max(c21, z);
    c30 = f32x4.max(c30, z);
    c31 = f32x4.max(c31, z);
  }
  if (mask && full) {
    // the ReLU backward: × 1 where mask > 0, else × 0 (as the scalar g·(x > 0): −0 and NaN alike)
    const one = f32x4.splat(1);
    const z = f32x4.splat(0);
    c00 = f32x4.mul(c00, v128.and(f32x4.gt(v128.load(mask), z), one));
    c01 = f32x4.mul(c01, v128.and(f32x4.gt(v128.load(mask, 16), z), one));
    c10 = f32x4.mul(c10, v128.and(f32x4.gt(v128.load(mask + stride), z), one));
    c11 = f32x4.mul(c11, v128.and(f32x4.gt(v128.load(mask + stride, 16), z), one));
    c20 = f32x4.mul(c20, v128.and(f32x4.gt(v128.load(mask + 2 * stride), z), one));
    c21 = f32x4.mul(c21, v128.and(f32x4.gt(v128.load(mask + 2 * stride, 16), z), one));
    c30 = f32x4.mul(c30, v128.and(f32x4.gt(v128.load(mask + 3 * stride), z), one));
    c31 = f32x4.mul(c31, v128.and(f32x4.gt(v128.load(mask + 3 * stride, 16), z), one));
  }
  if (full) {
    v128.store(c, c00);
    v128.store(c, c01, 16);
    v128.store(c + stride, c10);
    v128.store(c + stride, c11, 16);
    v128.store(c + 2 * stride, c20);
    v128.store(c + 2 * stride, c21, 16);
    v128.store(c + 3 * stride, c30);
    v128.store(c + 3 * stride, c31, 16);
  } else {
    v128.store(t, c00);
    v128.store(t, c01, 16);
    v128.store(t, c10, 32);
    v128.store(t, c11, 48);
    v128.store(t, c20, 64);
    v128.store(t, c21, 80);
    v128.store(t, c30, 96);
    v128.store(t, c31, 112);
    for (let r = 0; r < rows; r++)
      for (let j = 0; j < cols; j++) {
        let v = load<f32>(t + ((<usize>(r * 8 + j)) << 2));
        if (mask) v *= load<f32>(mask + <usize>r * stride + (<usize>j << 2)) > 0 ? <f32>1 : <f32>0;
        store<f32>(c + <usize>r * stride + (<usize>j << 2), v);
      }
  }
}

/**
 * C rows [4·p0, 4·p1) ∩ [0, m) of C = A·B (+ C when accumulate ≠ 0), from packed A and B. C is row-major with
 * leading dimension ldc; `scratch` is 128 bytes (16-aligned) of the calling thread's own. Threads split the row panels;
 * the sum order of every element does not depend on the split. With `bias` ≠ 0 (n floats, padded with zeros to a
 * multiple of 8), C[i, j] += bias[j] once the sum is complete; with `relu` ≠ 0, then C[i, j] = max(C[i, j], 0); with
 * `mask` ≠ 0 (m×n, leading dimension ldc), C[i, j] ×= (mask[i, j] > 0 ? 1 : 0). `kpb` is the k of B's packing (its
 * panels' stride, ≥ k: a B packed with more rows than the product's first k uses; 0 = k).
 */
export function gemm(
  pa: usize, pb: usize, m: i32, n: i32, k: i32, c: usize, ldc: i32, accumulate: i32, p0: i32, p1: i32, scratch: usize,
  bias: usize, relu: i32, mask: usize, kpb: i32,
): void {
  const nq = (n + 7) >> 3;
  const kb0 = kpb > 0 ? kpb : k;
  for (let kb = 0; kb < k; kb += KC) {
    const kc = min(KC, k - kb);
    const init = kb > 0 || accumulate != 0 ? 1 : 0;
    const last = kb + kc >= k;
    const act = last ? relu : 0;
    for (let p = p0; p < p1; p++) {
      const rows = min(4, m - (p << 2));
      const a = pa + ((<usize>p * <usize>k + <usize>kb) << 4);
      const crow = c + ((<usize>(p << 2) * <usize>ldc) << 2);
      const mrow = mask && last ? mask + ((<usize>(p << 2) * <usize>ldc) << 2) : 0;
      for (let q = 0; q < nq; q++) {
        const cols = min(8, n - (q << 3));
        const bq = bias && last ? bias + (<usize>(q << 3) << 2) : 0;
        tile(a, pb + ((<usize>q * <usize>kb0 + <usize>kb) << 5), kc, crow + (<usize>(q << 3) << 2), ldc, rows, cols, init, scratch, bq, act,
          mrow ? mrow + (<usize>(q << 3) << 2) : 0);
      }
    }
  }
}

// @ts-ignore: decorator
@inline
function adamLanes(
  w: v128, g: v128, m: v128, v: v128, b1: v128, ob1: v128, b2: v128, ob2: v128, c1: v128, c2: v128, lr: v128,
  eps: v128, wd: v128, decay: v128, mo: usize, vo: usize, wo: usize,
): void {
  // float64 lanes, each operation in the order of the scalar reference (optim.ts), so the same bits
  const gi = f64x2.add(g, f64x2.mul(wd, w));
  const mi = f64x2.add(f64x2.mul(b1, m), f64x2.mul(ob1, gi));
  const vi = f64x2.add(f64x2.mul(b2, v), f64x2.mul(f64x2.mul(ob2, gi), gi));
  const step = f64x2.div(f64x2.mul(lr, f64x2.div(mi, c1)), f64x2.add(f64x2.sqrt(f64x2.div(vi, c2)), eps));
  v128.store64_lane(mo, f32x4.demote_f64x2_zero(mi), 0);
  v128.store64_lane(vo, f32x4.demote_f64x2_zero(vi), 0);
  v128.store64_lane(wo, f32x4.demote_f64x2_zero(f64x2.sub(f64x2.mul(w, decay), step)), 0);
}

/**
 * One Adam update of n float32 parameters in place (w, with gradient g and moments m, v), in float64 per element as
 * the scalar reference `Adam.step` in ../../optim.ts: g' = g + wd·w; m = b1·m + (1 − b1)·g'; v = b2·v + (1 − b2)·g'·g';
 * w = w·decay − (lr·(m/c1)) / (√(v/c2) + eps), with m and v stored rounded to float32 but used unrounded. Two lanes
 * of float64 at a time (IEEE operations: the same bits as the scalar code).
 */
export function adam(
  w: usize, g: usize, m: usize, v: usize, n: i32, b1: f64, b2: f64, c1: f64, c2: f64, lr: f64, eps: f64, wd: f64,
  decay: f64,
): void {
  const B1 = f64x2.splat(b1), OB1 = f64x2.splat(1 - b1), B2 = f64x2.splat(b2), OB2 = f64x2.splat(1 - b2);
  const C1 = f64x2.splat(c1), C2 = f64x2.splat(c2), LR = f64x2.splat(lr), EPS = f64x2.splat(eps);
  const WD = f64x2.splat(wd), DECAY = f64x2.splat(decay);
  const pairs = <usize>(n >> 1);
  for (let i: usize = 0; i < pairs; i++) {
    const o = i << 3;
    adamLanes(
      f64x2.promote_low_f32x4(v128.load64_zero(w + o)),
      f64x2.promote_low_f32x4(v128.load64_zero(g + o)),
      f64x2.promote_low_f32x4(v128.load64_zero(m + o)),
      f64x2.promote_low_f32x4(v128.load64_zero(v + o)),
      B1, OB1, B2, OB2, C1, C2, LR, EPS, WD, DECAY, m + o, v + o, w + o,
    );
  }
  if (n & 1) {
    const o = pairs << 3;
    const wi = <f64>load<f32>(w + o);
    const gi = <f64>load<f32>(g + o) + wd * wi;
    const mi = b1 * <f64>load<f32>(m + o) + (1 - b1) * gi;
    const vi = b2 * <f64>load<f32>(v + o) + (1 - b2) * gi * gi;
    store<f32>(m + o, <f32>mi);
    store<f32>(v + o, <f32>vi);
    store<f32>(w + o, <f32>(wi * decay - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps)));
  }
}

// ---- element-wise kernels of the training steps (float32 lanes) ----

/** out[i] = e^{scale·x[i]} for i < n (`expf4`; x and out may be the same). The tail is padded in `t` (16 bytes). */
export function expScaled(x: usize, out: usize, n: i32, scale: f32, t: usize): void {
  const s = f32x4.splat(scale);
  const full = <usize>(n >> 2);
  for (let i: usize = 0; i < full; i++) {
    const o = i << 4;
    v128.store(out + o, expf4(f32x4.mul(v128.load(x + o), s)));
  }
  const rest = n & 3;
  if (rest) {
    const o = full << 4;
    v128.store(t, f32x4.splat(0));
    for (let j = 0; j < rest; j++) store<f32>(t + (<usize>j << 2), load<f32>(x + o + (<usize>j << 2)));
    v128.store(t, expf4(f32x4.mul(v128.load(t), s)));
    for (let j = 0; j < rest; j++) store<f32>(out + o + (<usize>j << 2), load<f32>(t + (<usize>j << 2)));
  }
}

// The element-wise kernels of helper modules, each in its own file (compiled into this one module).
export * from './elementwise';
export * from './residual';
export * from './span';
