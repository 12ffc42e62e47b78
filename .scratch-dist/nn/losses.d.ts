import type { Mat } from './tensor.js';
/**
 * Losses: each returns the loss summed over the batch (a float64) and writes `scale` × its gradient into `grad`
 * (same shape as the prediction; overwritten, not accumulated, in the columns the loss covers). Pass
 * `scale = 1/B` for a batch mean. For DP-SGD keep per-example terms: a loss is a sum over rows, so row i of the
 * gradient is example i's own gradient (times `scale`).
 */
/**
 * Cross-entropy of softmax(logits[:, start..start+width)) against integer targets (−1 = no target in that row:
 * zero loss and gradient). Returns Σ_i −log softmax(z_i)[t_i].
 */
export declare function crossEntropy(logits: Mat, start: number, width: number, targets: Int32Array, grad: Mat, scale?: number, weights?: Float32Array): number;
/**
 * Gaussian negative log-likelihood of `target` under N(pred, σ_j²) per column j of the span, with log σ given per
 * column (`logSigma[j]`, shared by all rows, as TVAE's learned output scale): Σ_ij (x − μ)²/(2σ²) + log σ
 * (the constant ½·log 2π left out). Writes the gradient with respect to `pred` into `grad` and adds the gradient
 * with respect to log σ into `dLogSigma` (both × scale). `mask[i] = 0` skips row i.
 */
export declare function gaussianNll(pred: Mat, start: number, width: number, target: Mat, logSigma: Float32Array, grad: Mat, dLogSigma: Float32Array | null, scale?: number, mask?: Float32Array): number;
/**
 * KL(N(μ, e^{logvar}) ‖ N(0, 1)) summed over rows and dimensions: −½ Σ (1 + logvar − μ² − e^{logvar}).
 * Writes scale × the gradients into dMu and dLogvar.
 */
export declare function klStandardNormal(mu: Mat, logvar: Mat, dMu: Mat, dLogvar: Mat, scale?: number): number;
/** Σ (pred − target)² over the span (all columns by default); gradient 2(pred − target)·scale. */
export declare function squaredError(pred: Mat, target: Mat, grad: Mat, scale?: number, start?: number, width?: number): number;
