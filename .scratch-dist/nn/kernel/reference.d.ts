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
export declare function referenceGemm(m: number, n: number, k: number, a: Float32Array, transA: boolean, b: Float32Array, transB: boolean, c: Float32Array, accumulate: boolean): void;
/** C[i, j] += bias[j] over m rows of n values, in float32 (the reference of `matmul`'s `bias`). */
export declare function addBiasRows(c: Float32Array, bias: Float32Array, m: number, n: number): void;
/**
 * sums[j] += Σ_kk B[kk, j] (B k×n, or n×k stored when `transB`), each sum in float32 in kk order (the reference of
 * `matmul`'s `bSums`).
 */
export declare function addColumnSums(b: Float32Array, transB: boolean, k: number, n: number, sums: Float32Array): void;
/** c[i] = max(c[i], 0) over the first `count` values, as the ReLU layer computes it ((v + |v|)/2: +0 for −0). */
export declare function reluRows(c: Float32Array, count: number): void;
/** c[i] ×= (mask[i] > 0 ? 1 : 0) over the first `count` values: the ReLU backward, as the ReLU layer computes it. */
export declare function maskRows(c: Float32Array, mask: Float32Array, count: number): void;
/** e^{scale·x[i]} into out[i] for i < n: `expScaled` of vector.ts or its `referenceExpScaled`. */
export type ExpScaled = (x: Float32Array, n: number, scale: number, out: Float32Array) => void;
/** One xoshiro128** word (Blackman & Vigna 2018) from the 4-word state `s`, advanced in place. */
export declare function xoshiro128ss(s: Uint32Array): number;
/**
 * n standard normal draws into out[0, n) (float32), from the xoshiro128** `state` (advanced in place): the
 * ziggurat of ../tensor.ts (`ZIG_X`, `ZIG_F`, R = 3.442619855899) with ../math.ts's exp and log — the reference of
 * the kernel's `normals`, which reproduces it bit for bit.
 */
export declare function referenceNormals(out: Float32Array, n: number, state: Uint32Array, zigX: Float64Array, zigF: Float64Array): void;
/**
 * The latent layer of a VAE, forward. enc: B rows [μ | log σ²] (B × 2E); eps: B × E draws. Writes std = σ =
 * e^{½ log σ²} (by `expFn`), z = μ + ε·σ, dMu = scale·μ, dLv = scale·½(σ² − 1); returns KL(q ‖ N(0, I)) =
 * −½ Σ (1 + log σ² − μ² − σ²), summed in row-major order.
 */
export declare function referenceLatentForward(enc: Float32Array, eps: Float32Array, std: Float32Array, z: Float32Array, dMu: Float32Array, dLv: Float32Array, B: number, E: number, scale: number, expFn: ExpScaled): number;
/** The latent layer, backward: dEnc (B × 2E) = [dz + dMu | dz·ε·½σ + dLv] from dz (B × E). */
export declare function referenceLatentBackward(dz: Float32Array, dMu: Float32Array, dLv: Float32Array, eps: Float32Array, std: Float32Array, dEnc: Float32Array, B: number, E: number): void;
/**
 * Σ_rows Σ_spans cross-entropy of softmax(rec[span]) against the one-hot x[span] (target: the first largest value
 * of x in the span); writes g × its gradient into d[span] (rec, x, d: B × W). The exponentials of the span values
 * less their maximum by `expFn` over `sh` (B × W scratch; columns outside the spans are not read).
 */
export declare function referenceSoftmaxSpans(rec: Float32Array, x: Float32Array, d: Float32Array, spans: readonly {
    readonly start: number;
    readonly width: number;
}[], W: number, B: number, g: number, sh: Float32Array, expFn: ExpScaled): number;
