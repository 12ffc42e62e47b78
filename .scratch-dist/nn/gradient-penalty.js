import { Activation, Dense, Dropout } from './layers.js';
import { mat } from './tensor.js';
/**
 * The WGAN-GP gradient penalty (Gulrajani et al. 2017) of a piecewise-linear critic, with its exact weight gradient
 * — the "double backward" written out by hand instead of taped.
 *
 * The critic is a `Sequential` of `Dense` layers separated by element-wise layers that, at a given input, multiply
 * by a constant: `Activation` relu / leaky-relu (the slope, 1 or the leak) and `Dropout` (its mask). Its last layer
 * is a `Dense` to one output. Then, for a row x, ∇ₓD(x) = u₀·W₀ᵀ where, from the last layer down,
 * u_{K−1} = 1 and u_{k−1} = (u_k·W_kᵀ) ⊙ M_{k−1}, with M_k the product of the multipliers after dense layer k.
 * Those multipliers are piecewise constant in the weights (their derivative is 0 almost everywhere), so for
 * P = λ/G · Σ_g (‖∇ₓD(x_g)‖ − 1)² and t₀ = ∂P/∂(∇ₓD) = λ/G · 2(‖∇‖ − 1)/‖∇‖ · ∇:
 *
 *   ∂P/∂W_k = t_kᵀ·u_k,   t_{k+1} = (t_k·W_k) ⊙ M_k,
 *
 * a handful of GEMMs. Biases do not enter ∇ₓD: their penalty gradient is 0. Checked against finite differences in
 * test/nn/gradient-penalty.test.ts.
 *
 * `penalty(critic, x, lambda, ctx)` runs the critic forward on `x` (rows = the critic's examples: with PacGAN, a
 * row is a pack), adds ∂P/∂W to each dense weight's `grad` and returns P. The critic's forward caches are then
 * those of `x` (no backward is needed or allowed before the next forward).
 */
export function gradientPenalty(critic, x, lambda, ctx) {
    const layers = critic.layers;
    const dense = [];
    const after = [];
    for (const l of layers) {
        if (l instanceof Dense) {
            dense.push(l);
            after.push([]);
        }
        else if ((l instanceof Activation && (l.fn === 'relu' || l.fn === 'leaky-relu')) ||
            l instanceof Dropout) {
            if (!dense.length)
                throw new Error('gradientPenalty: the critic must start with a Dense layer');
            after[after.length - 1].push(l);
        }
        else
            throw new Error('gradientPenalty: the critic may hold only Dense, ReLU/LeakyReLU and Dropout layers');
    }
    const K = dense.length;
    if (!K || dense[K - 1].outputs !== 1)
        throw new Error('gradientPenalty: the critic must end in a Dense to 1 output');
    critic.forward(x, ctx);
    const G = x.rows;
    // multipliers after each dense layer (null = all ones)
    const M = after.map((ls, k) => {
        if (!ls.length)
            return null;
        const n = G * dense[k].outputs;
        const m = new Float32Array(n).fill(1);
        const tmp = new Float32Array(n);
        for (const l of ls) {
            if (l instanceof Activation) {
                l.slopes(tmp);
                for (let i = 0; i < n; i++)
                    m[i] *= tmp[i];
            }
            else {
                const mask = l.lastMask();
                if (mask)
                    for (let i = 0; i < n; i++)
                        m[i] *= mask[i];
            }
        }
        return m;
    });
    // u_k (G × out_k) from the top down; g = ∇ₓD (G × in_0)
    const u = new Array(K);
    u[K - 1] = new Float32Array(G).fill(1);
    let g = new Float32Array(0);
    for (let k = K - 1; k >= 0; k--) {
        const d = dense[k];
        const gin = new Float32Array(G * d.inputs);
        ctx.gemm.matmul(G, d.inputs, d.outputs, u[k], false, d.packedWeight(ctx.gemm, true), true, gin, false);
        if (k === 0)
            g = gin;
        else {
            const m = M[k - 1];
            if (m)
                for (let i = 0; i < gin.length; i++)
                    gin[i] *= m[i];
            u[k - 1] = gin;
        }
    }
    // P and t₀
    const n0 = dense[0].inputs;
    let P = 0;
    let t = new Float32Array(G * n0);
    for (let r = 0; r < G; r++) {
        let s = 0;
        for (let j = 0; j < n0; j++)
            s += g[r * n0 + j] * g[r * n0 + j];
        const norm = Math.sqrt(s);
        P += (norm - 1) * (norm - 1);
        const f = norm > 0 ? ((lambda / G) * 2 * (norm - 1)) / norm : 0;
        for (let j = 0; j < n0; j++)
            t[r * n0 + j] = f * g[r * n0 + j];
    }
    for (let k = 0; k < K; k++) {
        const d = dense[k];
        ctx.gemm.matmul(d.inputs, d.outputs, G, t, true, u[k], false, d.W.grad, true);
        if (k + 1 < K) {
            const next = new Float32Array(G * d.outputs);
            ctx.gemm.matmul(G, d.outputs, d.inputs, t, false, d.packedWeight(ctx.gemm, false), false, next, false);
            const m = M[k];
            if (m)
                for (let i = 0; i < next.length; i++)
                    next[i] *= m[i];
            t = next;
        }
    }
    return (lambda / G) * P;
}
/** A batch viewed as packs of `pac` consecutive rows, one row per pack (PacGAN, Lin et al. 2018): no copy. */
export function packRows(x, pac) {
    if (x.rows % pac !== 0)
        throw new Error(`packRows: ${x.rows} rows are not a multiple of pac = ${pac}`);
    return mat(x.rows / pac, x.cols * pac, x.data);
}
//# sourceMappingURL=gradient-penalty.js.map