import { vectorKernel } from './kernel/wasm.js';
/**
 * Adam (Kingma & Ba 2015) with bias correction, optional L2 (Adam) or decoupled (AdamW) weight decay, over the
 * trainable parameters given. Moments and arithmetic in float64 per element, stored as float32. `step()` bumps each
 * parameter's version (packed weights are refreshed lazily).
 */
export class Adam {
    params;
    m;
    v;
    t = 0;
    lr;
    b1;
    b2;
    eps;
    wd;
    dwd;
    /** The wasm path: m and v live in the kernel's memory; each step copies w and g in and w out. */
    kernel = null;
    /** Where `step` runs (see AdamOptions.backend). */
    get backend() {
        return this.kernel ? 'wasm-simd' : 'js';
    }
    constructor(params, opts) {
        this.params = params.filter((p) => p.trainable);
        const total = this.params.reduce((s, p) => s + p.size, 0);
        const largest = this.params.reduce((s, p) => Math.max(s, p.size), 0);
        // moments, then w and g of the largest parameter; each array starts on a 16-byte boundary
        const pad = (x) => Math.ceil(x / 4) * 4;
        const vk = (opts.backend ?? 'auto') === 'auto' && total > 0
            ? vectorKernel(2 * this.params.reduce((s, p) => s + pad(p.size), 0) + 2 * pad(largest))
            : null;
        if (vk) {
            let at = vk.base;
            const take = (n) => {
                const off = at;
                at += pad(n) * 4;
                return off;
            };
            const m = this.params.map((p) => take(p.size));
            const v = this.params.map((p) => take(p.size));
            this.kernel = { heap: vk.heap, adam: vk.adam, w: take(largest), g: take(largest), m, v };
            this.m = this.params.map((p, k) => new Float32Array(vk.heap.buffer, m[k], p.size));
            this.v = this.params.map((p, k) => new Float32Array(vk.heap.buffer, v[k], p.size));
        }
        else {
            this.m = this.params.map((p) => new Float32Array(p.size));
            this.v = this.params.map((p) => new Float32Array(p.size));
        }
        this.lr = opts.lr;
        this.b1 = opts.beta1 ?? 0.9;
        this.b2 = opts.beta2 ?? 0.999;
        this.eps = opts.eps ?? 1e-8;
        this.wd = opts.weightDecay ?? 0;
        this.dwd = opts.decoupledWeightDecay ?? 0;
    }
    zeroGrad() {
        for (const p of this.params)
            p.zeroGrad();
    }
    step() {
        this.t++;
        const c1 = 1 - this.b1 ** this.t;
        const c2 = 1 - this.b2 ** this.t;
        const { b1, b2, eps, wd, dwd, lr } = this;
        const K = this.kernel;
        if (K) {
            const decay = 1 - lr * dwd;
            for (let k = 0; k < this.params.length; k++) {
                const p = this.params[k];
                const n = p.size;
                K.heap.set(p.value, K.w >> 2);
                K.heap.set(p.grad, K.g >> 2);
                K.adam(K.w, K.g, K.m[k], K.v[k], n, b1, b2, c1, c2, lr, eps, wd, decay);
                p.value.set(K.heap.subarray(K.w >> 2, (K.w >> 2) + n));
                p.touch();
            }
            return;
        }
        for (let k = 0; k < this.params.length; k++) {
            const p = this.params[k];
            const w = p.value, g = p.grad, m = this.m[k], v = this.v[k];
            for (let i = 0; i < w.length; i++) {
                const gi = g[i] + wd * w[i];
                const mi = b1 * m[i] + (1 - b1) * gi;
                const vi = b2 * v[i] + (1 - b2) * gi * gi;
                m[i] = mi;
                v[i] = vi;
                w[i] = w[i] * (1 - lr * dwd) - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
            }
            p.touch();
        }
    }
}
/** The global L2 norm of the parameters' gradients. */
export function gradNorm(params) {
    let s = 0;
    for (const p of params)
        for (let i = 0; i < p.grad.length; i++)
            s += p.grad[i] * p.grad[i];
    return Math.sqrt(s);
}
/** Scale all gradients so their global L2 norm is at most `maxNorm` (PyTorch `clip_grad_norm_`); returns the norm before. */
export function clipGradNorm(params, maxNorm) {
    const norm = gradNorm(params);
    if (norm > maxNorm) {
        const f = maxNorm / (norm + 1e-6);
        for (const p of params)
            for (let i = 0; i < p.grad.length; i++)
                p.grad[i] *= f;
    }
    return norm;
}
/** True when every value and gradient is finite. */
export function allFinite(params) {
    for (const p of params) {
        for (let i = 0; i < p.value.length; i++)
            if (!Number.isFinite(p.value[i]))
                return false;
        for (let i = 0; i < p.grad.length; i++)
            if (!Number.isFinite(p.grad[i]))
                return false;
    }
    return true;
}
//# sourceMappingURL=optim.js.map