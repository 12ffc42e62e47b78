import { exp, log } from './math.js';
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
export function crossEntropy(logits, start, width, targets, grad, scale = 1, weights) {
    const c = logits.cols;
    let loss = 0;
    for (let i = 0; i < logits.rows; i++) {
        const o = i * c + start;
        const t = targets[i];
        if (t < 0) {
            for (let j = 0; j < width; j++)
                grad.data[o + j] = 0;
            continue;
        }
        const w = weights ? weights[i] : 1;
        let mx = -Infinity;
        for (let j = 0; j < width; j++)
            if (logits.data[o + j] > mx)
                mx = logits.data[o + j];
        let s = 0;
        for (let j = 0; j < width; j++)
            s += exp(logits.data[o + j] - mx);
        const lse = mx + log(s);
        loss += w * (lse - logits.data[o + t]);
        for (let j = 0; j < width; j++) {
            const p = exp(logits.data[o + j] - lse);
            grad.data[o + j] = scale * w * (p - (j === t ? 1 : 0));
        }
    }
    return loss;
}
/**
 * Gaussian negative log-likelihood of `target` under N(pred, σ_j²) per column j of the span, with log σ given per
 * column (`logSigma[j]`, shared by all rows, as TVAE's learned output scale): Σ_ij (x − μ)²/(2σ²) + log σ
 * (the constant ½·log 2π left out). Writes the gradient with respect to `pred` into `grad` and adds the gradient
 * with respect to log σ into `dLogSigma` (both × scale). `mask[i] = 0` skips row i.
 */
export function gaussianNll(pred, start, width, target, logSigma, grad, dLogSigma, scale = 1, mask) {
    const c = pred.cols;
    const tc = target.cols;
    let loss = 0;
    for (let j = 0; j < width; j++) {
        const ls = logSigma[j];
        const inv2 = exp(-2 * ls);
        let dls = 0;
        for (let i = 0; i < pred.rows; i++) {
            const k = i * c + start + j;
            if (mask && mask[i] === 0) {
                grad.data[k] = 0;
                continue;
            }
            const d = pred.data[k] - target.data[i * tc + start + j];
            loss += 0.5 * d * d * inv2 + ls;
            grad.data[k] = scale * d * inv2;
            dls += 1 - d * d * inv2;
        }
        if (dLogSigma)
            dLogSigma[j] += scale * dls;
    }
    return loss;
}
/**
 * KL(N(μ, e^{logvar}) ‖ N(0, 1)) summed over rows and dimensions: −½ Σ (1 + logvar − μ² − e^{logvar}).
 * Writes scale × the gradients into dMu and dLogvar.
 */
export function klStandardNormal(mu, logvar, dMu, dLogvar, scale = 1) {
    const n = mu.rows * mu.cols;
    let loss = 0;
    for (let i = 0; i < n; i++) {
        const m = mu.data[i], lv = logvar.data[i];
        const e = exp(lv);
        loss += -0.5 * (1 + lv - m * m - e);
        dMu.data[i] = scale * m;
        dLogvar.data[i] = scale * 0.5 * (e - 1);
    }
    return loss;
}
/** Σ (pred − target)² over the span (all columns by default); gradient 2(pred − target)·scale. */
export function squaredError(pred, target, grad, scale = 1, start = 0, width = pred.cols) {
    const c = pred.cols, tc = target.cols;
    let loss = 0;
    for (let i = 0; i < pred.rows; i++)
        for (let j = 0; j < width; j++) {
            const k = i * c + start + j;
            const d = pred.data[k] - target.data[i * tc + start + j];
            loss += d * d;
            grad.data[k] = 2 * scale * d;
        }
    return loss;
}
//# sourceMappingURL=losses.js.map