import { Activation, BatchNorm, Dense } from './layers.js';
import { copyRows, reuse } from './tensor.js';
/**
 * CTGAN's residual block (Xu et al. 2019): y = [ReLU(BN(x·W + b)) | x] — the new features concatenated before the
 * input, so each block widens the representation by `outputs`. Batch norm mixes the examples of a batch: no
 * per-example mode (not for DP-SGD).
 */
export class ResidualConcat {
    inputs;
    outputs;
    fc;
    bn;
    relu = new Activation('relu');
    params;
    y = null;
    d1 = null;
    dx = null;
    constructor(inputs, outputs, rng, name = 'residual') {
        this.inputs = inputs;
        this.outputs = outputs;
        this.fc = new Dense(inputs, outputs, rng, `${name}.fc`);
        this.bn = new BatchNorm(outputs, `${name}.bn`);
        this.params = [...this.fc.params, ...this.bn.params];
    }
    forward(x, ctx) {
        const h = this.relu.forward(this.bn.forward(this.fc.forward(x, ctx), ctx), ctx);
        const o = this.outputs, w = o + this.inputs;
        const y = (this.y = reuse(this.y, x.rows, w));
        copyRows(h.data, 0, o, y.data, 0, w, x.rows, o);
        copyRows(x.data, 0, this.inputs, y.data, o, w, x.rows, this.inputs);
        return y;
    }
    backward(dy, ctx, opts = {}) {
        if (opts.params === 'per-example')
            throw new Error('ResidualConcat holds batch norm and cannot give per-example gradients');
        const o = this.outputs, n = this.inputs, w = o + n, B = dy.rows;
        const d1 = (this.d1 = reuse(this.d1, B, o));
        copyRows(dy.data, 0, w, d1.data, 0, o, B, o);
        const params = { params: opts.params ?? 'sum' };
        const g = this.bn.backward(this.relu.backward(d1, ctx, params), ctx, params);
        const wantInput = opts.inputGrad !== false;
        const dfc = this.fc.backward(g, ctx, { ...params, inputGrad: wantInput });
        if (!wantInput)
            return null;
        const dx = (this.dx = reuse(this.dx, B, n));
        addRows(dfc.data, dy.data, o, w, dx.data, B, n);
        return dx;
    }
    addSquaredNorms() {
        throw new Error('ResidualConcat cannot give per-example gradients');
    }
    accumulateScaled() {
        throw new Error('ResidualConcat cannot give per-example gradients');
    }
}
/** out[i, j] = a[i, j] + b[i, off + j] (a and out: rows × n; b: rows × stride). */
function addRows(a, b, off, stride, out, rows, n) {
    for (let i = 0, p = 0, q = off; i < rows; i++, p += n, q += stride)
        for (let j = 0; j < n; j++)
            out[p + j] = a[p + j] + b[q + j];
}
//# sourceMappingURL=residual.js.map