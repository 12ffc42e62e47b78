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
