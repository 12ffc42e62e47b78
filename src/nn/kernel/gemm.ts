/**
 * The GEMM every layer of the engine multiplies with, behind one interface and three backends:
 *
 * - `wasm-simd`: the f32x4 kernel of `assembly/gemm.ts`, compiled from source at build time and embedded;
 * - `wasm-simd` with threads: the same kernel on a shared memory, the row panels of C split between the calling
 *   thread and workers (see `threads.ts`);
 * - `js`: the scalar reference (`reference.ts`), where WebAssembly SIMD is unavailable.
 *
 * All three give bit-identical results (see `referenceGemm`), so nothing a model computes depends on which one ran.
 */
export interface Gemm {
  readonly backend: 'wasm-simd' | 'js';
  /** Threads that share each product (1 = the calling thread only). */
  readonly threads: number;
  /**
   * C (m×n) = op(A)·op(B), or C += op(A)·op(B) when `accumulate`. A: m×k row-major, or k×m with `transA`.
   * B: k×n row-major, or n×k with `transB`, or a `PackedB` made by `pack` (its shape and transposition fixed then).
   * C: m×n row-major. The arrays may be longer than needed; only their leading parts are read and written.
   *
   * Fused work, done while the operands are in the kernel's memory (each bit-identical to its scalar loop in
   * `reference.ts`): `bias` (n values) is added to every row of C after the product (a dense layer's forward);
   * `bSums` (n values) gets the column sums of op(B) added, in k order (a dense layer's bias gradient while its
   * output gradient is the B of the weight gradient); B must then be a plain array, not a `PackedB`.
   * `activation: 'relu'` then replaces every value of C by max(value, 0) (a dense layer followed by a ReLU);
   * `reluMask` (m×n) multiplies C[i, j] by (reluMask[i, j] > 0 ? 1 : 0) (the backward of a ReLU before a dense
   * layer, whose input gradient C is, the ReLU's output being the mask).
   * `sparseA`: a hint that most values of A are 0 (a one-hot encoded input); a backend may then skip the zero terms
   * — same bits, as a float32 sum from +0 never turns into −0 by adding ±0 (for op(A)·B with a packed B and no
   * accumulation, and for Aᵀ·B accumulated into a C that holds no −0, with or without `bSums`). A number s: only
   * A's stored rows from s on are mostly zero — the rows of C from s on (op(A)·B), or the terms of the sum from s on
   * (Aᵀ·B), which are then added after the dense ones, as the sum's order wants.
   * `sparseCols` = s (without `sparseA`): A's stored columns from s on are mostly zero (a one-hot tail of the
   * input, ctgan's conditional vector): for op(A)·B with a packed B and no accumulation, the terms from s on are
   * added after the dense GEMM of the first s, the zero ones skipped, then the epilogue; for Aᵀ·B accumulated (C
   * holding no −0), the rows of C from s on are summed over A's nonzero values only. The same bits either way.
   */
  matmul(
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    transA: boolean,
    b: Float32Array | PackedB,
    transB: boolean,
    c: Float32Array,
    accumulate: boolean,
    bias?: Float32Array | null,
    bSums?: Float32Array | null,
    activation?: 'relu' | null,
    reluMask?: Float32Array | null,
    sparseA?: boolean | number,
    sparseCols?: number,
  ): void;
  /**
   * B (k×n, or n×k stored when `transB`) packed once for many products — a weight used several times per step
   * (forward, backward, several batches) is packed once per step. The handle holds a snapshot of `b`; `repack`
   * refreshes it in place; `release` frees it.
   */
  pack(k: number, n: number, b: Float32Array, transB: boolean): PackedB;
  repack(p: PackedB, b: Float32Array): void;
  release(p: PackedB): void;
  /**
   * Adam's update on this Gemm's threads, for parameters of these sizes (`Adam.step(gemm)` uses it): the moments
   * and a copy of the values and gradients live in the kernel's shared memory, the elements are split between the
   * threads (each element's update is its own: the same bits as one thread). Null without worker threads.
   */
  adamState?(sizes: readonly number[]): SharedAdam | null;
  /** Stop the workers (if any). The Gemm must not be used afterwards. */
  close(): void;
}

export interface PackedB {
  readonly k: number;
  readonly n: number;
  readonly transB: boolean;
}

/** The state of a threaded Adam (see `Gemm.adamState`). */
export interface SharedAdam {
  /** The first and second moments of each parameter (views of the kernel's memory, zero at first). */
  readonly m: readonly Float32Array[];
  readonly v: readonly Float32Array[];
  /**
   * One update of every parameter (`values[k]` in place, from `grads[k]`), in float64 per element as `Adam.step`:
   * g' = g + wd·w; m = b1·m + (1 − b1)·g'; v = b2·v + (1 − b2)·g'·g'; w = w·decay − (lr·(m/c1)) / (√(v/c2) + eps).
   */
  step(
    values: readonly Float32Array[],
    grads: readonly Float32Array[],
    b1: number,
    b2: number,
    c1: number,
    c2: number,
    lr: number,
    eps: number,
    wd: number,
    decay: number,
  ): void;
  /** Free its memory (the moments' views are then invalid). */
  release(): void;
}
