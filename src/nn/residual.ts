import type { Rng } from '../random/rng.js';
import { Activation, BatchNorm, Dense, type Layer } from './layers.js';
import { reuse, type BackwardOptions, type Ctx, type Mat, type Param } from './tensor.js';

/**
 * CTGAN's residual block (Xu et al. 2019): y = [ReLU(BN(x·W + b)) | x] — the new features concatenated before the
 * input, so each block widens the representation by `outputs`. Batch norm mixes the examples of a batch: no
 * per-example mode (not for DP-SGD).
 */
export class ResidualConcat implements Layer {
  readonly fc: Dense;
  readonly bn: BatchNorm;
  readonly relu = new Activation('relu');
  readonly params: readonly Param[];
  private y: Mat | null = null;
  private d1: Mat | null = null;
  private dx: Mat | null = null;

  constructor(
    readonly inputs: number,
    readonly outputs: number,
    rng: Rng,
    name = 'residual',
  ) {
    this.fc = new Dense(inputs, outputs, rng, `${name}.fc`);
    this.bn = new BatchNorm(outputs, `${name}.bn`);
    this.params = [...this.fc.params, ...this.bn.params];
  }

  forward(x: Mat, ctx: Ctx): Mat {
    const h = this.relu.forward(this.bn.forward(this.fc.forward(x, ctx), ctx), ctx);
    const o = this.outputs,
      w = o + this.inputs;
    const y = (this.y = reuse(this.y, x.rows, w));
    for (let i = 0; i < x.rows; i++) {
      y.data.set(h.data.subarray(i * o, i * o + o), i * w);
      y.data.set(x.data.subarray(i * this.inputs, (i + 1) * this.inputs), i * w + o);
    }
    return y;
  }

  backward(dy: Mat, ctx: Ctx, opts: BackwardOptions = {}): Mat | null {
    if (opts.params === 'per-example')
      throw new Error('ResidualConcat holds batch norm and cannot give per-example gradients');
    const o = this.outputs,
      n = this.inputs,
      w = o + n,
      B = dy.rows;
    const d1 = (this.d1 = reuse(this.d1, B, o));
    for (let i = 0; i < B; i++) d1.data.set(dy.data.subarray(i * w, i * w + o), i * o);
    const params = { params: opts.params ?? 'sum' } as const;
    const g = this.bn.backward(this.relu.backward(d1, ctx, params)!, ctx, params)!;
    const wantInput = opts.inputGrad !== false;
    const dfc = this.fc.backward(g, ctx, { ...params, inputGrad: wantInput });
    if (!wantInput) return null;
    const dx = (this.dx = reuse(this.dx, B, n));
    for (let i = 0; i < B; i++)
      for (let j = 0; j < n; j++) dx.data[i * n + j] = dfc!.data[i * n + j] + dy.data[i * w + o + j];
    return dx;
  }

  addSquaredNorms(): void {
    throw new Error('ResidualConcat cannot give per-example gradients');
  }
  accumulateScaled(): void {
    throw new Error('ResidualConcat cannot give per-example gradients');
  }
}
