import { exp, log } from '../math.js';

/**
 * The scalar reference GEMM: the semantics every backend reproduces bit for bit, and the fallback when
 * WebAssembly SIMD is unavailable.
 *
 * C (m×n) = op(A) · op(B), or C += op(A) · op(B) when `accumulate`. A is m×k row-major (or, with `transA`, stored
 * k×m); B is k×n row-major (or, with `transB`, stored n×k). Every element is one float32 running sum in k order:
 * `acc = accumulate ? C[i,j] : 0; for kk: acc = f32(acc + f32(A[i,kk]·B[kk,j]))`. The SIMD kernel sums each element
 * in exactly this order (its lanes are elements, never partial sums), so both give identical bits — which is what
 * makes a model's bytes independent of the backend and of the thread count.
 */
export function referenceGemm(
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  transA: boolean,
  b: Float32Array,
  transB: boolean,
  c: Float32Array,
  accumulate: boolean,
): void {
  const f = Math.fround;
  if (!accumulate) c.fill(0, 0, m * n);
  if (!transB) {
    // i-k-j order: per element the sum still runs over k in order; the inner loop walks rows of B and C
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      for (let kk = 0; kk < k; kk++) {
        const av = transA ? a[kk * m + i] : a[i * k + kk];
        const bk = kk * n;
        for (let j = 0; j < n; j++) c[ci + j] = f(c[ci + j] + f(av * b[bk + j]));
      }
    }
  } else {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = c[i * n + j];
        const bj = j * k;
        if (transA) for (let kk = 0; kk < k; kk++) acc = f(acc + f(a[kk * m + i] * b[bj + kk]));
        else {
          const ai = i * k;
          for (let kk = 0; kk < k; kk++) acc = f(acc + f(a[ai + kk] * b[bj + kk]));
        }
        c[i * n + j] = acc;
      }
    }
  }
}

/** C[i, j] += bias[j] over m rows of n values, in float32 (the reference of `matmul`'s `bias`). */
export function addBiasRows(c: Float32Array, bias: Float32Array, m: number, n: number): void {
  for (let i = 0, o = 0; i < m; i++, o += n) for (let j = 0; j < n; j++) c[o + j] += bias[j];
}

/**
 * sums[j] += Σ_kk B[kk, j] (B k×n, or n×k stored when `transB`), each sum in float32 in kk order (the reference of
 * `matmul`'s `bSums`).
 */
export function addColumnSums(
  b: Float32Array,
  transB: boolean,
  k: number,
  n: number,
  sums: Float32Array,
): void {
  if (!transB) {
    for (let kk = 0, o = 0; kk < k; kk++, o += n) for (let j = 0; j < n; j++) sums[j] += b[o + j];
  } else {
    for (let j = 0; j < n; j++) {
      let s = sums[j];
      for (let kk = 0; kk < k; kk++) s = Math.fround(s + b[j * k + kk]);
      sums[j] = s;
    }
  }
}

/** c[i] = max(c[i], 0) over the first `count` values, as the ReLU layer computes it ((v + |v|)/2: +0 for −0). */
export function reluRows(c: Float32Array, count: number): void {
  for (let i = 0; i < count; i++) {
    const v = c[i];
    c[i] = (v + Math.abs(v)) * 0.5;
  }
}

/** c[i] ×= (mask[i] > 0 ? 1 : 0) over the first `count` values: the ReLU backward, as the ReLU layer computes it. */
export function maskRows(c: Float32Array, mask: Float32Array, count: number): void {
  for (let i = 0; i < count; i++) c[i] = c[i] * +(mask[i] > 0);
}

// ---- references of the element-wise kernels of assembly/elementwise.ts (the VAE step; tvae, issue 11) ----

/** e^{scale·x[i]} into out[i] for i < n: `expScaled` of vector.ts or its `referenceExpScaled`. */
export type ExpScaled = (x: Float32Array, n: number, scale: number, out: Float32Array) => void;

/** One xoshiro128** word (Blackman & Vigna 2018) from the 4-word state `s`, advanced in place. */
export function xoshiro128ss(s: Uint32Array): number {
  const r = Math.imul(rotl32(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl32(s[3], 11);
  return r;
}

function rotl32(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function uniform53(s: Uint32Array): number {
  const a = xoshiro128ss(s) >>> 5;
  const b = xoshiro128ss(s) >>> 6;
  return (a * 67108864 + b) * 2 ** -53;
}

/**
 * n standard normal draws into out[0, n) (float32), from the xoshiro128** `state` (advanced in place): the
 * ziggurat of ../tensor.ts (`ZIG_X`, `ZIG_F`, R = 3.442619855899) with ../math.ts's exp and log — the reference of
 * the kernel's `normals`, which reproduces it bit for bit.
 */
export function referenceNormals(
  out: Float32Array,
  n: number,
  state: Uint32Array,
  zigX: Float64Array,
  zigF: Float64Array,
): void {
  const R = 3.442619855899;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (;;) {
      const a = xoshiro128ss(state);
      const l = a & 127;
      const x = ((a >>> 8) + 0.5) * 2 ** -24 * zigX[l];
      const sign = a & 128 ? -1 : 1;
      if (x < zigX[l + 1]) {
        v = sign * x;
        break;
      }
      if (l === 0) {
        for (;;) {
          const t = -log(1 - uniform53(state)) / R;
          const y = -log(1 - uniform53(state));
          if (2 * y > t * t) {
            v = sign * (R + t);
            break;
          }
        }
        break;
      }
      if (zigF[l] + uniform53(state) * (zigF[l + 1] - zigF[l]) < exp(-0.5 * x * x)) {
        v = sign * x;
        break;
      }
    }
    out[i] = v;
  }
}

/**
 * The latent layer of a VAE, forward. enc: B rows [μ | log σ²] (B × 2E); eps: B × E draws. Writes std = σ =
 * e^{½ log σ²} (by `expFn`), z = μ + ε·σ, dMu = scale·μ, dLv = scale·½(σ² − 1); returns KL(q ‖ N(0, I)) =
 * −½ Σ (1 + log σ² − μ² − σ²), summed in row-major order.
 */
export function referenceLatentForward(
  enc: Float32Array,
  eps: Float32Array,
  std: Float32Array,
  z: Float32Array,
  dMu: Float32Array,
  dLv: Float32Array,
  B: number,
  E: number,
  scale: number,
  expFn: ExpScaled,
): number {
  let loss = 0;
  for (let i = 0; i < B; i++) {
    const o = 2 * i * E;
    expFn(enc.subarray(o + E, o + 2 * E), E, 0.5, std.subarray(i * E, (i + 1) * E));
    for (let j = 0; j < E; j++) {
      const k = i * E + j;
      const m = enc[o + j];
      const l = enc[o + E + j];
      const s = std[k];
      z[k] = m + eps[k] * s;
      const v = s * s;
      loss += -0.5 * (1 + l - m * m - v);
      dMu[k] = scale * m;
      dLv[k] = scale * 0.5 * (v - 1);
    }
  }
  return loss;
}

/** The latent layer, backward: dEnc (B × 2E) = [dz + dMu | dz·ε·½σ + dLv] from dz (B × E). */
export function referenceLatentBackward(
  dz: Float32Array,
  dMu: Float32Array,
  dLv: Float32Array,
  eps: Float32Array,
  std: Float32Array,
  dEnc: Float32Array,
  B: number,
  E: number,
): void {
  for (let i = 0; i < B; i++) {
    const o = 2 * i * E;
    for (let j = 0; j < E; j++) {
      const k = i * E + j;
      const g = dz[k];
      dEnc[o + j] = g + dMu[k];
      dEnc[o + E + j] = g * eps[k] * 0.5 * std[k] + dLv[k];
    }
  }
}

/**
 * Σ_rows Σ_spans cross-entropy of softmax(rec[span]) against the one-hot x[span] (target: the first largest value
 * of x in the span); writes g × its gradient into d[span] (rec, x, d: B × W). The exponentials of the span values
 * less their maximum by `expFn` over `sh` (B × W scratch; columns outside the spans are not read).
 */
export function referenceSoftmaxSpans(
  rec: Float32Array,
  x: Float32Array,
  d: Float32Array,
  spans: readonly { readonly start: number; readonly width: number }[],
  W: number,
  B: number,
  g: number,
  sh: Float32Array,
  expFn: ExpScaled,
): number {
  let loss = 0;
  for (let i = 0; i < B; i++)
    for (const s of spans) {
      const o = i * W + s.start;
      const w = s.width;
      let mx = -Infinity;
      let t = 0;
      for (let j = 0; j < w; j++) {
        const v = rec[o + j];
        if (v > mx) mx = v;
        if (x[o + j] > x[o + t]) t = j;
      }
      for (let j = 0; j < w; j++) sh[o + j] = rec[o + j] - mx;
      loss += mx - rec[o + t];
    }
  expFn(sh, B * W, 1, sh);
  for (let i = 0; i < B; i++)
    for (const s of spans) {
      const o = i * W + s.start;
      const w = s.width;
      let sum = 0;
      let t = 0;
      for (let j = 0; j < w; j++) {
        sum += sh[o + j];
        if (x[o + j] > x[o + t]) t = j;
      }
      loss += log(sum);
      const inv = g / sum;
      for (let j = 0; j < w; j++) d[o + j] = sh[o + j] * inv;
      d[o + t] -= g;
    }
  return loss;
}

/**
 * CTGAN's residual block [ReLU(BN(h)) | x], forward, for B rows (the reference of the kernel's `residualForward`):
 * batch norm as layers.ts's `BatchNorm` (training: batch mean and biased variance per column in float64, rows in
 * order, two passes; running statistics (1 − momentum)·r + momentum·s updated in place, the variance unbiased;
 * otherwise the running statistics), invStd = 1/√(var + eps), x̂ = (h − mean)·invStd, yb = gamma·x̂ + beta, the
 * ReLU (yb + |yb|)/2 into y's first o columns and x into the other n. h: B×o, x: B×n, y: B×(o+n); mean, vr: o
 * float64 scratch; invStd (o), xh and yb (B×o): out, kept for the backward.
 */
export function referenceResidualForward(
  h: Float32Array,
  x: Float32Array,
  B: number,
  o: number,
  n: number,
  gamma: Float32Array,
  beta: Float32Array,
  rm: Float32Array,
  rv: Float32Array,
  training: boolean,
  momentum: number,
  eps: number,
  mean: Float64Array,
  vr: Float64Array,
  invStd: Float32Array,
  xh: Float32Array,
  yb: Float32Array,
  y: Float32Array,
): void {
  if (training) {
    mean.fill(0, 0, o);
    vr.fill(0, 0, o);
    for (let i = 0, r = 0; i < B; i++, r += o) for (let j = 0; j < o; j++) mean[j] += h[r + j];
    for (let j = 0; j < o; j++) mean[j] /= B;
    for (let i = 0, r = 0; i < B; i++, r += o)
      for (let j = 0; j < o; j++) {
        const t = h[r + j] - mean[j];
        vr[j] += t * t;
      }
    for (let j = 0; j < o; j++) {
      rm[j] = (1 - momentum) * rm[j] + momentum * mean[j];
      rv[j] = (1 - momentum) * rv[j] + momentum * (B > 1 ? vr[j] / (B - 1) : vr[j]);
      vr[j] /= B;
    }
  } else
    for (let j = 0; j < o; j++) {
      mean[j] = rm[j];
      vr[j] = rv[j];
    }
  for (let j = 0; j < o; j++) invStd[j] = 1 / Math.sqrt(vr[j] + eps);
  const w = o + n;
  for (let i = 0, r = 0, q = 0; i < B; i++, r += o, q += w) {
    for (let j = 0; j < o; j++) {
      const t = (h[r + j] - mean[j]) * invStd[j];
      xh[r + j] = t;
      yb[r + j] = gamma[j] * t + beta[j];
      const v = yb[r + j];
      y[q + j] = (v + Math.abs(v)) * 0.5;
    }
    for (let j = 0; j < n; j++) y[q + o + j] = x[i * n + j];
  }
}

/**
 * The residual block's ReLU and batch norm, backward, for B rows (the reference of the kernel's
 * `residualBackward`): r = dy·(yb > 0 ? 1 : 0) over dy's first o columns (dy: B×w); Σr and Σr·x̂ per column
 * (float64, rows in order) into sumDy, sumDyXh (the gradients of beta and gamma); the gradient of h into dbn (B×o):
 * (gamma·invStd/B)·(B·r − Σr − x̂·Σr·x̂) when the forward used batch statistics (`trained`), else gamma·invStd·r.
 * r: B×o scratch.
 */
export function referenceResidualBackward(
  dy: Float32Array,
  B: number,
  o: number,
  w: number,
  yb: Float32Array,
  xh: Float32Array,
  gamma: Float32Array,
  invStd: Float32Array,
  trained: boolean,
  sumDy: Float64Array,
  sumDyXh: Float64Array,
  r: Float32Array,
  dbn: Float32Array,
): void {
  sumDy.fill(0, 0, o);
  sumDyXh.fill(0, 0, o);
  for (let i = 0, p = 0, q = 0; i < B; i++, p += o, q += w)
    for (let j = 0; j < o; j++) {
      r[p + j] = dy[q + j] * +(yb[p + j] > 0);
      const v = r[p + j];
      sumDy[j] += v;
      sumDyXh[j] += v * xh[p + j];
    }
  for (let i = 0, p = 0; i < B; i++, p += o)
    for (let j = 0; j < o; j++) {
      const k = p + j;
      dbn[k] = trained
        ? ((gamma[j] * invStd[j]) / B) * (B * r[k] - sumDy[j] - xh[k] * sumDyXh[j])
        : gamma[j] * invStd[j] * r[k];
    }
}
