import type { Rng } from '../random/rng.js';
import { ResidualKernel } from './kernel/residual.js';
import { BatchNorm, Dense, type Layer } from './layers.js';
import { reuse, type BackwardOptions, type Ctx, type Mat, type Param } from './tensor.js';

/**
 * CTGAN's residual block (Xu et al. 2019): y = [ReLU(BN(x·W + b)) | x] — the new features concatenated before the
 * input, so each block widens the representation by `outputs`. Batch norm mixes the examples of a batch: no
 * per-example mode (not for DP-SGD). The batch norm, the ReLU and the concatenation run as one kernel call each way
 * (`ResidualKernel`: the same bits as `bn` and a ReLU `Activation` run one after the other, then the copies).
 */
export class ResidualConcat implements Layer {
  readonly fc: Dense;
  /** The batch norm's parameters and running statistics (its forward and backward run in `kernel`). */
  readonly bn: BatchNorm;
  readonly params: readonly Param[];
  private readonly kernel: ResidualKernel;
  private y: Mat | null = null;
  private dh: Mat | null = null;
  private dx: Mat | null = null;

  constructor(
    readonly inputs: number,
    readonly outputs: number,
    rng: Rng,
    name = 'residual',
    opts: { readonly backend?: 'auto' | 'js' } = {},
  ) {
    this.fc = new Dense(inputs, outputs, rng, `${name}.fc`);
    this.bn = new BatchNorm(outputs, `${name}.bn`);
    this.params = [...this.fc.params, ...this.bn.params];
    this.kernel = new ResidualKernel(outputs, inputs, opts);
  }

  forward(x: Mat, ctx: Ctx): Mat {
    const h = this.fc.forward(x, ctx);
    const bn = this.bn;
    const y = (this.y = reuse(this.y, x.rows, this.outputs + this.inputs));
    this.kernel.forward(
      h.data,
      x.data,
      x.rows,
      {
        gamma: bn.gamma.value,
        beta: bn.beta.value,
        runningMean: bn.runningMean.value,
        runningVar: bn.runningVar.value,
        momentum: bn.momentum,
        eps: bn.eps,
      },
      ctx.training,
      y.data,
    );
    if (ctx.training) {
      bn.runningMean.touch();
      bn.runningVar.touch();
    }
    return y;
  }

  /**
   * With `inputGradCols` = q, only the first q columns of the input gradient are computed and returned (B × q; dy
   * then needs only its first outputs + q columns): a caller that discards the others (ctgan's generator: the
   * gradients of the noise and the conditional vector) saves their products.
   */
  backward(dy: Mat, ctx: Ctx, opts: BackwardOptions = {}): Mat | null {
    if (opts.params === 'per-example')
      throw new Error('ResidualConcat holds batch norm and cannot give per-example gradients');
    const o = this.outputs,
      n = this.inputs,
      w = dy.cols,
      B = dy.rows;
    if (w < o)
      throw new Error(`ResidualConcat: a gradient of ${w} columns, fewer than its ${o} new features`);
    const mode = opts.params ?? 'sum';
    const dh = (this.dh = reuse(this.dh, B, o));
    const bn = this.bn;
    this.kernel.backward(
      dy.data,
      w,
      dh.data,
      bn.gamma.value,
      mode === 'sum' ? bn.gamma.grad : null,
      mode === 'sum' ? bn.beta.grad : null,
    );
    const wantInput = opts.inputGrad !== false;
    const q = Math.min(n, opts.inputGradCols ?? n);
    if (wantInput && o + q > w)
      throw new Error(
        `ResidualConcat: ${q} input-gradient columns need ${o + q} columns of gradient, got ${w}`,
      );
    const dfc = this.fc.backward(dh, ctx, { params: mode, inputGrad: wantInput, inputGradCols: q });
    if (!wantInput) return null;
    const dx = (this.dx = reuse(this.dx, B, q));
    addRows(dfc!.data, q, dy.data, o, w, dx.data, B, q);
    return dx;
  }

  addSquaredNorms(): void {
    throw new Error('ResidualConcat cannot give per-example gradients');
  }
  accumulateScaled(): void {
    throw new Error('ResidualConcat cannot give per-example gradients');
  }
}

/** out[i, j] = a[i, j] + b[i, off + j] for j < q (a and out: rows × n; b: rows × stride). */
function addRows(
  a: Float32Array,
  n: number,
  b: Float32Array,
  off: number,
  stride: number,
  out: Float32Array,
  rows: number,
  q: number,
): void {
  for (let i = 0, p = 0, r = off; i < rows; i++, p += n, r += stride)
    for (let j = 0; j < q; j++) out[p + j] = a[p + j] + b[r + j];
}
