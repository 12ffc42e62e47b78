import type { Rng } from '../random/rng.js';
import type { Gemm, PackedB } from './kernel/gemm.js';
import { SpanKernel } from './kernel/span.js';
import { exp, log as logOf, sigmoid, tanh } from './math.js';
import { Param, reuse, gaussian, type BackwardOptions, type Ctx, type Mat } from './tensor.js';

/**
 * Layers with hand-derived backward passes (no tape): each layer caches what its backward needs during `forward`,
 * owns its output and input-gradient buffers (valid until its next call), and accumulates parameter gradients
 * into `Param.grad`. Contract:
 *
 * - `forward(x, ctx)` then `backward(dy, ctx, opts)` — one backward per forward, in reverse order through a stack.
 *   A layer may be run forward on several batches per step only if each forward is followed by its backward
 *   before the next forward.
 * - `backward` returns the input gradient (or null with `inputGrad: false`) and, per `opts.params`, adds the summed
 *   parameter gradient (`sum`, the default), nothing (`none`), or records what DP-SGD needs (`per-example`): then
 *   `addSquaredNorms` gives each example's squared gradient norm without materialising per-example gradients
 *   ("ghost norms": for a dense layer ‖x_i‖²·‖dy_i‖² + ‖dy_i‖², Goodfellow 2015, Li et al. 2022) and
 *   `accumulateScaled(s)` adds Σ_i s_i·g_i — the clipped sum. Batch norm mixes examples and refuses that mode.
 * - Weights are packed for the GEMM once per version (an optimiser step bumps it), however often they are used.
 */
export interface Layer {
  /** Trainable parameters and saved state (running statistics), in a fixed order. */
  readonly params: readonly Param[];
  forward(x: Mat, ctx: Ctx): Mat;
  backward(dy: Mat, ctx: Ctx, opts?: BackwardOptions): Mat | null;
  /** After a `per-example` backward: add each example's squared parameter-gradient norm to `acc[i]`. */
  addSquaredNorms(acc: Float64Array): void;
  /** After a `per-example` backward: add Σ_i scale[i]·(example i's gradient) to the parameters' `grad`. */
  accumulateScaled(scale: Float32Array, ctx: Ctx): void;
}

const NO_INPUT_GRAD = { inputGrad: false } as const;
export { NO_INPUT_GRAD };

function checkCols(layer: string, x: Mat, cols: number): void {
  if (x.cols !== cols) throw new Error(`${layer}: expected ${cols} columns, got ${x.cols}`);
}

/** Uniform(−bound, bound) initialisation from a seeded stream. */
export function initUniform(p: Float32Array, bound: number, rng: Rng): void {
  for (let i = 0; i < p.length; i++) p[i] = (2 * rng.float() - 1) * bound;
}

/** A weight packed for one Gemm, refreshed when its version changes. */
class PackCache {
  private gemm: Gemm | null = null;
  private packed: PackedB | null = null;
  private version = -1;
  constructor(
    private readonly w: Param,
    private readonly k: number,
    readonly n: number,
    private readonly trans: boolean,
  ) {}
  get(gemm: Gemm): PackedB {
    if (this.gemm !== gemm || !this.packed) {
      this.gemm = gemm;
      this.packed = gemm.pack(this.k, this.n, this.w.value, this.trans);
      this.version = this.w.version;
    } else if (this.version !== this.w.version) {
      gemm.repack(this.packed, this.w.value);
      this.version = this.w.version;
    }
    return this.packed;
  }
}

/**
 * Fully connected: y = x·W + b, W stored [in, out] row-major. Initialised as PyTorch's `nn.Linear`
 * (W and b uniform in ±1/√in).
 */
export class Dense implements Layer {
  readonly W: Param;
  readonly b: Param;
  readonly params: readonly Param[];
  private readonly fwd: PackCache;
  private readonly bwd: PackCache;
  /** Wᵀ's first columns only (a backward with `inputGradCols`). */
  private bwdPart: PackCache | null = null;
  private x: Mat | null = null;
  private y: Mat | null = null;
  private dx: Mat | null = null;
  private dy: Mat | null = null;
  private tmp: Mat | null = null;
  /**
   * Most input values are 0 (a one-hot encoded table row): the forward product and the weight gradient skip the
   * zero terms (`Gemm.matmul`'s `sparseA`; the same bits).
   */
  sparseInput = false;
  /**
   * Rows from this index on are mostly zero (the real rows of a critic batch [fake | real]): the forward product and
   * the weight gradient of the next forward/backward pair take the dense rows through the GEMM and these through
   * the sparse path (`sparseA` as a row index) — the same bits, as the rows of C are independent and the weight
   * gradient's sum over rows is taken in order either way. Set it before the forward; `Infinity` (the default):
   * none.
   */
  sparseFrom = Infinity;
  /**
   * Input columns from this index on are mostly zero (ctgan's generator: the one-hot conditional vector at the tail of
   * every layer's input): the forward product adds their terms after the dense ones and the weight gradient's rows
   * for them are summed over the nonzero values only (`Gemm.matmul`'s `sparseCols`; the same bits). `Infinity` (the
   * default): none. Not used together with `sparseInput` or `sparseFrom` (those win).
   */
  sparseCols = Infinity;
  /** The first sparse row of the cached input (fixed at the forward). */
  private xSparse = Infinity;

  constructor(
    readonly inputs: number,
    readonly outputs: number,
    rng: Rng,
    name = 'dense',
  ) {
    this.W = new Param(`${name}.W`, [inputs, outputs]);
    this.b = new Param(`${name}.b`, [outputs]);
    const bound = 1 / Math.sqrt(inputs);
    initUniform(this.W.value, bound, rng);
    initUniform(this.b.value, bound, rng);
    this.params = [this.W, this.b];
    this.fwd = new PackCache(this.W, inputs, outputs, false);
    this.bwd = new PackCache(this.W, outputs, inputs, true);
  }

  /** W packed for `gemm` as the right operand of x·W (or, `transposed`, of dy·Wᵀ), packed once per weight version. */
  packedWeight(gemm: Gemm, transposed: boolean): PackedB {
    return (transposed ? this.bwd : this.fwd).get(gemm);
  }

  forward(x: Mat, ctx: Ctx): Mat {
    return this.forwardActivated(x, ctx, null);
  }

  /**
   * relu(x·W + b) with the ReLU done in the GEMM's epilogue (`Sequential` uses it for a Dense followed by a ReLU
   * `Activation`, which then adopts the output: see `Activation.adopt`). The backward is the plain Dense backward.
   */
  forwardActivated(x: Mat, ctx: Ctx, activation: 'relu' | null): Mat {
    checkCols('Dense', x, this.inputs);
    this.x = x;
    const y = (this.y = reuse(this.y, x.rows, this.outputs));
    const r0 = (this.xSparse = this.sparseInput ? 0 : Math.max(0, Math.min(x.rows, this.sparseFrom)));
    ctx.gemm.matmul(
      x.rows,
      this.outputs,
      this.inputs,
      x.data,
      false,
      this.fwd.get(ctx.gemm),
      false,
      y.data,
      false,
      this.b.value,
      null,
      activation,
      null,
      r0 < x.rows ? r0 : false,
      this.sparseCols < this.inputs ? this.sparseCols : undefined,
    );
    return y;
  }

  backward(dy: Mat, ctx: Ctx, opts: BackwardOptions = {}): Mat | null {
    return this.backwardMasked(dy, ctx, opts, false);
  }

  /**
   * The backward, and with `throughRelu` also the backward of a ReLU whose output is this layer's input: the input
   * gradient is multiplied by (x > 0) in the GEMM's epilogue (`Sequential` uses it; the same bits as the ReLU's
   * own backward).
   */
  backwardMasked(dy: Mat, ctx: Ctx, opts: BackwardOptions, throughRelu: boolean): Mat | null {
    const x = this.x!;
    const mode = opts.params ?? 'sum';
    if (mode === 'sum') this.accumulate(x, dy, ctx);
    this.dy = mode === 'per-example' ? dy : null;
    if (opts.inputGrad === false) return null;
    // with inputGradCols, the first q columns only: Wᵀ's first q columns are W's first q rows (a pack of their own)
    const q = throughRelu ? this.inputs : Math.min(this.inputs, opts.inputGradCols ?? this.inputs);
    let wt = this.bwd;
    if (q < this.inputs) {
      if (!this.bwdPart || this.bwdPart.n !== q) this.bwdPart = new PackCache(this.W, this.outputs, q, true);
      wt = this.bwdPart;
    }
    const dx = (this.dx = reuse(this.dx, dy.rows, q));
    ctx.gemm.matmul(
      dy.rows,
      q,
      this.outputs,
      dy.data,
      false,
      wt.get(ctx.gemm),
      true,
      dx.data,
      false,
      null,
      null,
      null,
      throughRelu ? x.data : null,
    );
    return dx;
  }

  private accumulate(x: Mat, dy: Mat, ctx: Ctx): void {
    // the bias gradient (column sums of dy) is summed while dy is packed for the weight gradient; sparse rows of x
    // (from xSparse on) are added after the dense ones, in the sum's order
    const r0 = Math.min(this.xSparse, x.rows);
    ctx.gemm.matmul(
      this.inputs,
      this.outputs,
      x.rows,
      x.data,
      true,
      dy.data,
      false,
      this.W.grad,
      true,
      null,
      this.b.grad,
      null,
      null,
      r0 < x.rows ? r0 : false,
      this.sparseCols < this.inputs ? this.sparseCols : undefined,
    );
  }

  addSquaredNorms(acc: Float64Array): void {
    const x = this.x!,
      dy = this.dy!;
    if (!dy) throw new Error('Dense: addSquaredNorms needs a backward with params: per-example first');
    for (let i = 0; i < x.rows; i++) {
      let sx = 0,
        sg = 0;
      for (let j = 0, o = i * x.cols; j < x.cols; j++) sx += x.data[o + j] * x.data[o + j];
      for (let j = 0, o = i * dy.cols; j < dy.cols; j++) sg += dy.data[o + j] * dy.data[o + j];
      acc[i] += sx * sg + sg;
    }
  }

  accumulateScaled(scale: Float32Array, ctx: Ctx): void {
    const dy = this.dy!;
    if (!dy) throw new Error('Dense: accumulateScaled needs a backward with params: per-example first');
    const t = (this.tmp = reuse(this.tmp, dy.rows, dy.cols));
    for (let i = 0; i < dy.rows; i++) {
      const s = scale[i];
      for (let j = 0, o = i * dy.cols; j < dy.cols; j++) t.data[o + j] = dy.data[o + j] * s;
    }
    this.accumulate(this.x!, t, ctx);
  }
}

/** Layers without parameters share these no-ops. */
abstract class Stateless implements Layer {
  readonly params: readonly Param[] = [];
  abstract forward(x: Mat, ctx: Ctx): Mat;
  abstract backward(dy: Mat, ctx: Ctx, opts?: BackwardOptions): Mat | null;
  addSquaredNorms(): void {}
  accumulateScaled(): void {}
}

type Fn = 'relu' | 'leaky-relu' | 'silu' | 'tanh' | 'sigmoid';

/** Element-wise activations: ReLU, LeakyReLU(slope), SiLU (x·σ(x)), tanh, sigmoid. */
export class Activation extends Stateless {
  private x: Mat | null = null;
  private y: Mat | null = null;
  /** This layer's own output buffer (`y` may be a Dense's, after `adopt`). */
  private own: Mat | null = null;
  private dx: Mat | null = null;
  /** [slope, 1]: the derivative indexed by (x > 0), for the branch-free loops. */
  private readonly slopeTable: Float64Array;
  constructor(
    readonly fn: Fn,
    readonly slope = 0.01,
  ) {
    super();
    this.slopeTable = Float64Array.of(fn === 'relu' ? 0 : slope, 1);
  }

  /**
   * Take `y` = relu(pre-activation), already computed (by `Dense.forwardActivated`), as this ReLU's forward: the
   * backward's mask (x > 0) is the same read off y, since relu(x) > 0 exactly when x > 0.
   */
  adopt(y: Mat): Mat {
    if (this.fn !== 'relu') throw new Error(`Activation(${this.fn}): only a ReLU can adopt a fused output`);
    this.x = y;
    this.y = y;
    return y;
  }

  forward(x: Mat, _ctx: Ctx): Mat {
    this.x = x;
    const y = (this.y = this.own = reuse(this.own, x.rows, x.cols));
    const n = x.rows * x.cols;
    const a = x.data,
      o = y.data;
    switch (this.fn) {
      // branch-free forms: the sign of a pre-activation is a coin flip, and a mispredicted branch per value cost
      // more than the arithmetic; (v + |v|)/2 is exactly max(v, 0) in float64
      case 'relu':
        for (let i = 0; i < n; i++) {
          const v = a[i];
          o[i] = (v + Math.abs(v)) * 0.5;
        }
        break;
      case 'leaky-relu': {
        const slopes = this.slopeTable;
        for (let i = 0; i < n; i++) {
          const v = a[i];
          o[i] = v * slopes[+(v > 0)];
        }
        break;
      }
      case 'silu':
        for (let i = 0; i < n; i++) o[i] = a[i] * sigmoid(a[i]);
        break;
      case 'tanh':
        for (let i = 0; i < n; i++) o[i] = tanh(a[i]);
        break;
      case 'sigmoid':
        for (let i = 0; i < n; i++) o[i] = sigmoid(a[i]);
        break;
    }
    return y;
  }

  backward(dy: Mat, _ctx: Ctx, opts: BackwardOptions = {}): Mat | null {
    if (opts.inputGrad === false) return null;
    const x = this.x!.data,
      y = this.y!.data,
      g = dy.data;
    const dx = (this.dx = reuse(this.dx, dy.rows, dy.cols));
    const o = dx.data;
    const n = dy.rows * dy.cols;
    switch (this.fn) {
      case 'relu':
        for (let i = 0; i < n; i++) o[i] = g[i] * +(x[i] > 0);
        break;
      case 'leaky-relu': {
        const slopes = this.slopeTable;
        for (let i = 0; i < n; i++) o[i] = g[i] * slopes[+(x[i] > 0)];
        break;
      }
      case 'silu':
        for (let i = 0; i < n; i++) {
          const sg = sigmoid(x[i]);
          o[i] = g[i] * sg * (1 + x[i] * (1 - sg));
        }
        break;
      case 'tanh':
        for (let i = 0; i < n; i++) o[i] = g[i] * (1 - y[i] * y[i]);
        break;
      case 'sigmoid':
        for (let i = 0; i < n; i++) o[i] = g[i] * y[i] * (1 - y[i]);
        break;
    }
    return dx;
  }

  /** The derivative's value at each cached input (1 or slope for ReLU-like): used by the WGAN-GP double backward. */
  slopes(out: Float32Array): void {
    const x = this.x!.data;
    const n = this.x!.rows * this.x!.cols;
    if (this.fn !== 'relu' && this.fn !== 'leaky-relu')
      throw new Error(`Activation(${this.fn}): not piecewise linear`);
    const slopes = this.slopeTable;
    for (let i = 0; i < n; i++) out[i] = slopes[+(x[i] > 0)];
  }
}

/** Inverted dropout: in training, zero each value with probability p and scale the rest by 1/(1−p). */
export class Dropout extends Stateless {
  private mask: Float32Array = new Float32Array(0);
  private y: Mat | null = null;
  private dx: Mat | null = null;
  private active = false;
  constructor(readonly p: number) {
    super();
    if (!(p >= 0 && p < 1)) throw new Error(`Dropout: p must be in [0, 1), got ${p}`);
  }
  forward(x: Mat, ctx: Ctx): Mat {
    this.active = ctx.training && this.p > 0;
    if (!this.active) return x;
    const n = x.rows * x.cols;
    if (this.mask.length < n) this.mask = new Float32Array(n);
    const keep = 1 / (1 - this.p);
    const y = (this.y = reuse(this.y, x.rows, x.cols));
    for (let i = 0; i < n; i++) {
      const m = ctx.rng.float32() < this.p ? 0 : keep;
      this.mask[i] = m;
      y.data[i] = x.data[i] * m;
    }
    return y;
  }
  backward(dy: Mat, _ctx: Ctx, opts: BackwardOptions = {}): Mat | null {
    if (opts.inputGrad === false) return null;
    if (!this.active) return dy;
    const dx = (this.dx = reuse(this.dx, dy.rows, dy.cols));
    const n = dy.rows * dy.cols;
    for (let i = 0; i < n; i++) dx.data[i] = dy.data[i] * this.mask[i];
    return dx;
  }
  /** The last mask (0 or 1/(1−p) per value), or null when dropout was inactive. */
  lastMask(): Float32Array | null {
    return this.active ? this.mask : null;
  }
}

/**
 * Batch normalisation over the batch dimension (Ioffe & Szegedy 2015), as PyTorch's `BatchNorm1d`: biased batch
 * variance to normalise, running mean and unbiased variance updated with `momentum` in training and used in
 * evaluation. Mixes examples, so it cannot run under DP-SGD (per-example mode throws).
 */
export class BatchNorm implements Layer {
  readonly gamma: Param;
  readonly beta: Param;
  readonly runningMean: Param;
  readonly runningVar: Param;
  readonly params: readonly Param[];
  private xhat: Mat | null = null;
  private y: Mat | null = null;
  private dx: Mat | null = null;
  private invStd = new Float32Array(0);
  private trained = false;
  /** Per-feature float64 scratch: the batch mean and variance (forward), Σdy and Σdy·x̂ (backward). */
  private readonly mean: Float64Array;
  private readonly vr: Float64Array;

  constructor(
    readonly features: number,
    name = 'bn',
    readonly eps = 1e-5,
    readonly momentum = 0.1,
  ) {
    this.gamma = new Param(`${name}.gamma`, [features]);
    this.gamma.value.fill(1);
    this.beta = new Param(`${name}.beta`, [features]);
    this.runningMean = new Param(`${name}.running_mean`, [features], false);
    this.runningVar = new Param(`${name}.running_var`, [features], false);
    this.runningVar.value.fill(1);
    this.params = [this.gamma, this.beta, this.runningMean, this.runningVar];
    this.invStd = new Float32Array(features);
    this.mean = new Float64Array(features);
    this.vr = new Float64Array(features);
  }

  forward(x: Mat, ctx: Ctx): Mat {
    checkCols('BatchNorm', x, this.features);
    const d = this.features,
      B = x.rows;
    const xh = (this.xhat = reuse(this.xhat, B, d));
    const y = (this.y = reuse(this.y, B, d));
    this.trained = ctx.training;
    const mean = this.mean,
      vr = this.vr;
    if (ctx.training) {
      columnMoments(x.data, B, d, mean, vr);
      const rm = this.runningMean.value,
        rv = this.runningVar.value,
        mo = this.momentum;
      for (let j = 0; j < d; j++) {
        rm[j] = (1 - mo) * rm[j] + mo * mean[j];
        rv[j] = (1 - mo) * rv[j] + mo * (B > 1 ? vr[j] / (B - 1) : vr[j]);
        vr[j] /= B;
      }
      this.runningMean.touch();
      this.runningVar.touch();
    } else {
      for (let j = 0; j < d; j++) {
        mean[j] = this.runningMean.value[j];
        vr[j] = this.runningVar.value[j];
      }
    }
    for (let j = 0; j < d; j++) this.invStd[j] = 1 / Math.sqrt(vr[j] + this.eps);
    normalise(x.data, B, d, mean, this.invStd, this.gamma.value, this.beta.value, xh.data, y.data);
    return y;
  }

  backward(dy: Mat, _ctx: Ctx, opts: BackwardOptions = {}): Mat | null {
    const mode = opts.params ?? 'sum';
    if (mode === 'per-example')
      throw new Error('BatchNorm mixes the examples of a batch and cannot run under DP-SGD; use LayerNorm');
    const d = this.features,
      B = dy.rows;
    const xh = this.xhat!.data;
    const sumDy = this.mean,
      sumDyXh = this.vr;
    sumDy.fill(0);
    sumDyXh.fill(0);
    for (let i = 0, o = 0; i < B; i++, o += d) columnSums2(dy.data, xh, o, d, sumDy, sumDyXh);
    if (mode === 'sum')
      for (let j = 0; j < d; j++) {
        this.gamma.grad[j] += sumDyXh[j];
        this.beta.grad[j] += sumDy[j];
      }
    if (opts.inputGrad === false) return null;
    const dx = (this.dx = reuse(this.dx, B, d));
    batchNormInputGrad(
      dy.data,
      xh,
      B,
      d,
      this.gamma.value,
      this.invStd,
      sumDy,
      sumDyXh,
      this.trained,
      dx.data,
    );
    return dx;
  }

  addSquaredNorms(): void {
    throw new Error('BatchNorm cannot give per-example gradients');
  }
  accumulateScaled(): void {
    throw new Error('BatchNorm cannot give per-example gradients');
  }
}

// Batch norm's loops as small kernels (kept optimised by V8; see the tvae step).

/** Per column of x (B × d): mean and biased variance (two passes, float64). */
function columnMoments(x: Float32Array, B: number, d: number, mean: Float64Array, vr: Float64Array): void {
  mean.fill(0);
  vr.fill(0);
  for (let i = 0, o = 0; i < B; i++, o += d) for (let j = 0; j < d; j++) mean[j] += x[o + j];
  for (let j = 0; j < d; j++) mean[j] /= B;
  for (let i = 0, o = 0; i < B; i++, o += d)
    for (let j = 0; j < d; j++) {
      const t = x[o + j] - mean[j];
      vr[j] += t * t;
    }
}

function normalise(
  x: Float32Array,
  B: number,
  d: number,
  mean: Float64Array,
  invStd: Float32Array,
  g: Float32Array,
  b: Float32Array,
  xh: Float32Array,
  y: Float32Array,
): void {
  for (let i = 0, o = 0; i < B; i++, o += d)
    for (let j = 0; j < d; j++) {
      const h = (x[o + j] - mean[j]) * invStd[j];
      xh[o + j] = h;
      y[o + j] = g[j] * h + b[j];
    }
}

function columnSums2(
  dy: Float32Array,
  xh: Float32Array,
  o: number,
  d: number,
  s1: Float64Array,
  s2: Float64Array,
): void {
  for (let j = 0; j < d; j++) {
    const v = dy[o + j];
    s1[j] += v;
    s2[j] += v * xh[o + j];
  }
}

function batchNormInputGrad(
  dy: Float32Array,
  xh: Float32Array,
  B: number,
  d: number,
  g: Float32Array,
  invStd: Float32Array,
  sumDy: Float64Array,
  sumDyXh: Float64Array,
  trained: boolean,
  dx: Float32Array,
): void {
  for (let i = 0, o = 0; i < B; i++, o += d)
    for (let j = 0; j < d; j++) {
      const k = o + j;
      dx[k] = trained
        ? ((g[j] * invStd[j]) / B) * (B * dy[k] - sumDy[j] - xh[k] * sumDyXh[j])
        : g[j] * invStd[j] * dy[k];
    }
}

/** Layer normalisation over each row's features (Ba, Kiros & Hinton 2016), with gain and bias. */
export class LayerNorm implements Layer {
  readonly gamma: Param;
  readonly beta: Param;
  readonly params: readonly Param[];
  private xhat: Mat | null = null;
  private y: Mat | null = null;
  private dx: Mat | null = null;
  private dy: Mat | null = null;
  private invStd = new Float32Array(0);

  constructor(
    readonly features: number,
    name = 'ln',
    readonly eps = 1e-5,
  ) {
    this.gamma = new Param(`${name}.gamma`, [features]);
    this.gamma.value.fill(1);
    this.beta = new Param(`${name}.beta`, [features]);
    this.params = [this.gamma, this.beta];
  }

  forward(x: Mat, _ctx: Ctx): Mat {
    checkCols('LayerNorm', x, this.features);
    const d = this.features,
      B = x.rows;
    const xh = (this.xhat = reuse(this.xhat, B, d));
    const y = (this.y = reuse(this.y, B, d));
    if (this.invStd.length < B) this.invStd = new Float32Array(B);
    const g = this.gamma.value,
      b = this.beta.value;
    for (let i = 0; i < B; i++) {
      const o = i * d;
      let m = 0;
      for (let j = 0; j < d; j++) m += x.data[o + j];
      m /= d;
      let v = 0;
      for (let j = 0; j < d; j++) v += (x.data[o + j] - m) ** 2;
      const inv = 1 / Math.sqrt(v / d + this.eps);
      this.invStd[i] = inv;
      for (let j = 0; j < d; j++) {
        const h = (x.data[o + j] - m) * inv;
        xh.data[o + j] = h;
        y.data[o + j] = g[j] * h + b[j];
      }
    }
    return y;
  }

  backward(dy: Mat, _ctx: Ctx, opts: BackwardOptions = {}): Mat | null {
    const d = this.features,
      B = dy.rows;
    const xh = this.xhat!.data;
    const mode = opts.params ?? 'sum';
    if (mode === 'sum') this.accumulate(dy, null);
    this.dy = mode === 'per-example' ? dy : null;
    if (opts.inputGrad === false) return null;
    const dx = (this.dx = reuse(this.dx, B, d));
    const g = this.gamma.value;
    for (let i = 0; i < B; i++) {
      const o = i * d;
      let s1 = 0,
        s2 = 0;
      for (let j = 0; j < d; j++) {
        const gh = dy.data[o + j] * g[j];
        s1 += gh;
        s2 += gh * xh[o + j];
      }
      const inv = this.invStd[i] / d;
      for (let j = 0; j < d; j++) dx.data[o + j] = inv * (d * dy.data[o + j] * g[j] - s1 - xh[o + j] * s2);
    }
    return dx;
  }

  private accumulate(dy: Mat, scale: Float32Array | null): void {
    const d = this.features;
    const xh = this.xhat!.data;
    for (let i = 0; i < dy.rows; i++) {
      const s = scale ? scale[i] : 1;
      for (let j = 0, o = i * d; j < d; j++) {
        this.gamma.grad[j] += s * dy.data[o + j] * xh[o + j];
        this.beta.grad[j] += s * dy.data[o + j];
      }
    }
  }

  addSquaredNorms(acc: Float64Array): void {
    const dy = this.dy!;
    const d = this.features;
    const xh = this.xhat!.data;
    for (let i = 0; i < dy.rows; i++) {
      let s = 0;
      for (let j = 0, o = i * d; j < d; j++) {
        const g = dy.data[o + j];
        s += g * g * (1 + xh[o + j] * xh[o + j]);
      }
      acc[i] += s;
    }
  }

  accumulateScaled(scale: Float32Array): void {
    this.accumulate(this.dy!, scale);
  }
}

/** A stack of layers run in order; backward runs them in reverse. */
export class Sequential implements Layer {
  readonly params: readonly Param[];
  constructor(readonly layers: readonly Layer[]) {
    this.params = layers.flatMap((l) => l.params);
  }
  forward(x: Mat, ctx: Ctx): Mat {
    let h = x;
    const ls = this.layers;
    for (let i = 0; i < ls.length; i++) {
      const l = ls[i];
      const next = i + 1 < ls.length ? ls[i + 1] : null;
      if (l instanceof Dense && next instanceof Activation && next.fn === 'relu') {
        // Dense + ReLU in one product (the same bits as the two layers one after the other)
        h = next.adopt(l.forwardActivated(h, ctx, 'relu'));
        i++;
      } else h = l.forward(h, ctx);
    }
    return h;
  }
  backward(dy: Mat, ctx: Ctx, opts: BackwardOptions = {}): Mat | null {
    let g: Mat | null = dy;
    const ls = this.layers;
    for (let i = ls.length - 1; i >= 0; i--) {
      const l = ls[i];
      const prev = i > 0 ? ls[i - 1] : null;
      if (
        l instanceof Dense &&
        prev instanceof Activation &&
        prev.fn === 'relu' &&
        (i > 1 || opts.inputGrad !== false)
      ) {
        // the Dense's input gradient and the ReLU's backward in one product (the mask is the Dense's input)
        g = l.backwardMasked(g!, ctx, i > 1 ? { params: opts.params } : opts, true);
        i--;
      } else g = l.backward(g!, ctx, i === 0 ? opts : { params: opts.params });
    }
    return g;
  }
  addSquaredNorms(acc: Float64Array): void {
    for (const l of this.layers) l.addSquaredNorms(acc);
  }
  accumulateScaled(scale: Float32Array, ctx: Ctx): void {
    for (const l of this.layers) l.accumulateScaled(scale, ctx);
  }
}

/**
 * Embedding: a table of `count` vectors of `dim` values; `lookup(index)` gives one row per index (initialised
 * N(0, 1), as PyTorch's `nn.Embedding`). Its per-example norms assume one index per example, as `lookup` takes.
 */
export class Embedding {
  readonly table: Param;
  readonly params: readonly Param[];
  private index: Int32Array | null = null;
  private y: Mat | null = null;
  private dy: Mat | null = null;

  constructor(
    readonly count: number,
    readonly dim: number,
    rng: Rng,
    name = 'embedding',
  ) {
    this.table = new Param(`${name}.table`, [count, dim]);
    for (let i = 0; i < this.table.value.length; i++) this.table.value[i] = gaussian(rng);
    this.params = [this.table];
  }

  lookup(index: Int32Array, rows = index.length): Mat {
    this.index = index;
    const d = this.dim;
    const y = (this.y = reuse(this.y, rows, d));
    const t = this.table.value;
    for (let i = 0; i < rows; i++) {
      const k = index[i];
      if (!(k >= 0 && k < this.count)) throw new Error(`Embedding: index ${k} outside [0, ${this.count})`);
      y.data.set(t.subarray(k * d, k * d + d), i * d);
    }
    return y;
  }

  backward(dy: Mat, opts: BackwardOptions = {}): void {
    const mode = opts.params ?? 'sum';
    if (mode === 'sum') this.accumulate(dy, null);
    this.dy = mode === 'per-example' ? dy : null;
  }

  private accumulate(dy: Mat, scale: Float32Array | null): void {
    const d = this.dim,
      g = this.table.grad,
      idx = this.index!;
    for (let i = 0; i < dy.rows; i++) {
      const s = scale ? scale[i] : 1;
      const o = idx[i] * d;
      for (let j = 0; j < d; j++) g[o + j] += s * dy.data[i * d + j];
    }
  }

  addSquaredNorms(acc: Float64Array): void {
    const dy = this.dy!;
    for (let i = 0; i < dy.rows; i++) {
      let s = 0;
      for (let j = 0, o = i * this.dim; j < this.dim; j++) s += dy.data[o + j] * dy.data[o + j];
      acc[i] += s;
    }
  }

  accumulateScaled(scale: Float32Array): void {
    this.accumulate(this.dy!, scale);
  }
}

/** One output span of a generator: which columns and how they are activated. */
export interface Span {
  readonly start: number;
  readonly width: number;
  readonly fn: 'identity' | 'tanh' | 'softmax' | 'gumbel-softmax';
}

/**
 * Per-span output activations of a generator (CTGAN's `_apply_activate`): tanh, softmax, or Gumbel-softmax
 * (Jang, Gu & Poole 2017: softmax((z + g)/τ) with Gumbel noise g, differentiable in z).
 */
export class SpanActivation extends Stateless {
  private y: Mat | null = null;
  private dx: Mat | null = null;
  /** The kernel for rows of `kernelWidth` values (undefined: not made yet; null: the loops below). */
  private kernel: SpanKernel | null | undefined = undefined;
  private kernelWidth = -1;
  /** Whether the last forward ran in the kernel (its backward then does too). */
  private inKernel = false;
  constructor(
    readonly spans: readonly Span[],
    readonly tau = 0.2,
    /** `auto`: the kernel's WebAssembly (`SpanKernel`) where available; `js`: the loops here (the same bits). */
    readonly backend: 'auto' | 'js' = 'auto',
  ) {
    super();
  }

  private kernelFor(width: number): SpanKernel | null {
    if (this.backend === 'js') return null;
    if (this.kernel === undefined || this.kernelWidth !== width) {
      this.kernel = SpanKernel.create(this.spans, width, 1 / this.tau);
      this.kernelWidth = width;
    }
    return this.kernel;
  }

  /**
   * In training the Gumbel noise comes from `Math.log` (engine-dependent, 4x faster: a fit is reproducible on one
   * machine); outside training from the engine-independent `gumbel`, so sampling a model file gives the same bytes
   * everywhere. The noise is drawn here in either case; the rest runs in the kernel where it can.
   */
  forward(x: Mat, ctx: Ctx): Mat {
    const y = (this.y = reuse(this.y, x.rows, x.cols));
    const c = x.cols;
    const rows = x.rows;
    const k = this.kernelFor(c);
    this.inKernel = k !== null;
    if (k) {
      const noise = k.noise(rows);
      for (const s of this.spans)
        if (s.fn === 'gumbel-softmax') {
          if (ctx.training) gumbelFast(noise, s.start, s.width, c, rows, ctx.rng);
          else
            for (let i = 0, o = s.start; i < rows; i++, o += c)
              for (let j = 0; j < s.width; j++) noise[o + j] = gumbel(ctx.rng);
        }
      k.forward(x.data, y.data);
      return y;
    }
    y.data.set(x.data.subarray(0, rows * c));
    for (const s of this.spans) {
      if (s.fn === 'tanh') tanhSpan(x.data, y.data, s.start, s.width, c, rows);
      else if (s.fn === 'softmax')
        for (let i = 0; i < rows; i++) softmaxInPlace(y.data, i * c + s.start, s.width, 1);
      else if (s.fn === 'gumbel-softmax') {
        if (ctx.training) addGumbelFast(y.data, s.start, s.width, c, rows, ctx.rng);
        else
          for (let i = 0, o = s.start; i < rows; i++, o += c)
            for (let j = 0; j < s.width; j++) y.data[o + j] += gumbel(ctx.rng);
        for (let i = 0; i < rows; i++) softmaxInPlace(y.data, i * c + s.start, s.width, 1 / this.tau);
      }
    }
    return y;
  }

  backward(dy: Mat, _ctx: Ctx, opts: BackwardOptions = {}): Mat | null {
    if (opts.inputGrad === false) return null;
    const y = this.y!.data;
    const c = dy.cols;
    const dx = (this.dx = reuse(this.dx, dy.rows, c));
    if (this.inKernel) {
      this.kernel!.backward(dy.data, dx.data);
      return dx;
    }
    dx.data.set(dy.data.subarray(0, dy.rows * c));
    for (const s of this.spans) {
      for (let i = 0; i < dy.rows; i++) {
        const o = i * c + s.start;
        if (s.fn === 'tanh')
          for (let j = 0; j < s.width; j++) dx.data[o + j] = dy.data[o + j] * (1 - y[o + j] ** 2);
        else if (s.fn !== 'identity') {
          const inv = s.fn === 'gumbel-softmax' ? 1 / this.tau : 1;
          let dot = 0;
          for (let j = 0; j < s.width; j++) dot += y[o + j] * dy.data[o + j];
          for (let j = 0; j < s.width; j++) dx.data[o + j] = inv * y[o + j] * (dy.data[o + j] - dot);
        }
      }
    }
    return dx;
  }
}

function tanhSpan(x: Float32Array, y: Float32Array, start: number, w: number, c: number, rows: number): void {
  for (let i = 0, o = start; i < rows; i++, o += c) for (let j = 0; j < w; j++) y[o + j] = tanh(x[o + j]);
}

/** y[span] += Gumbel noise −log(−log u), with `Math.log` (training only: see SpanActivation.forward). */
function addGumbelFast(y: Float32Array, start: number, w: number, c: number, rows: number, rng: Rng): void {
  for (let i = 0, o = start; i < rows; i++, o += c)
    for (let j = 0; j < w; j++) {
      const u = (rng.u32() + 0.5) / 4294967296;
      y[o + j] += -Math.log(-Math.log(u));
    }
}

/** noise[span] = Gumbel noise −log(−log u), with `Math.log`, in the order of `addGumbelFast` (training only). */
function gumbelFast(noise: Float64Array, start: number, w: number, c: number, rows: number, rng: Rng): void {
  for (let i = 0, o = start; i < rows; i++, o += c)
    for (let j = 0; j < w; j++) {
      const u = (rng.u32() + 0.5) / 4294967296;
      noise[o + j] = -Math.log(-Math.log(u));
    }
}

/** softmax(scale·v) over v[from, from + n), in place. */
export function softmaxInPlace(v: Float32Array, from: number, n: number, scale: number): void {
  let mx = -Infinity;
  for (let j = 0; j < n; j++) if (v[from + j] * scale > mx) mx = v[from + j] * scale;
  let s = 0;
  for (let j = 0; j < n; j++) {
    const e = exp(v[from + j] * scale - mx);
    v[from + j] = e;
    s += e;
  }
  for (let j = 0; j < n; j++) v[from + j] /= s;
}

/** A standard Gumbel draw, −log(−log u). */
export function gumbel(rng: Rng): number {
  const u = (rng.u32() + 0.5) / 4294967296; // in (0, 1), never 0 or 1
  return -logOf(-logOf(u));
}
