import { referenceResidualBackward, referenceResidualForward } from './reference.js';
import { elementwiseKernel, elementwiseRegions, type ElementwiseKernel } from './wasm.js';

const ALIGN = 64;
const al = (bytes: number): number => Math.ceil(bytes / ALIGN) * ALIGN;

/** The batch norm's parameters and running statistics (o float32 each; rm, rv updated in training). */
export interface BatchNormState {
  readonly gamma: Float32Array;
  readonly beta: Float32Array;
  readonly runningMean: Float32Array;
  readonly runningVar: Float32Array;
  readonly momentum: number;
  readonly eps: number;
}

/**
 * The element-wise work of CTGAN's residual block [ReLU(BN(h)) | x] (`ResidualConcat`, h its dense layer's output)
 * in the kernel's WebAssembly: one call forward (batch norm, ReLU and the concatenation) and one backward (the
 * ReLU's and the batch norm's backward, the beta and gamma gradients). x̂, the batch norm's output and 1/σ stay in
 * the kernel's memory between them; h, x and dy go in, y, the gradients come out. Bit-identical to its plain-TS
 * reference (`referenceResidualForward`/`Backward` in reference.ts, the loops of `BatchNorm`, the ReLU and the
 * copies), which is also what runs where WebAssembly SIMD is unavailable.
 *
 * One instance per block (it holds that block's caches); buffers sized for the largest batch seen.
 */
export class ResidualKernel {
  private k: ElementwiseKernel | null = null;
  private f32 = new Float32Array(0);
  private f64 = new Float64Array(0);
  private cap = 0;
  private rows = 0;
  private trained = false;
  private o = {
    h: 0,
    x: 0,
    y: 0,
    xh: 0,
    yb: 0,
    dy: 0,
    r: 0,
    dbn: 0,
    g: 0,
    b: 0,
    rm: 0,
    rv: 0,
    inv: 0,
    m: 0,
    v: 0,
  };
  private ref: {
    xh: Float32Array;
    yb: Float32Array;
    r: Float32Array;
    inv: Float32Array;
    mean: Float64Array;
    vr: Float64Array;
  } | null = null;
  private readonly useWasm: boolean;

  constructor(
    /** Width of h (the block's new features). */
    readonly outputs: number,
    /** Width of x (the block's input). */
    readonly inputs: number,
    opts: { readonly backend?: 'auto' | 'js' } = {},
  ) {
    this.useWasm = opts.backend !== 'js' && elementwiseKernel(0) !== null;
  }

  private ensure(B: number): void {
    this.rows = B;
    if (B <= this.cap) return;
    const o = this.outputs;
    const n = this.inputs;
    this.cap = B;
    if (!this.useWasm) {
      this.ref = {
        xh: new Float32Array(B * o),
        yb: new Float32Array(B * o),
        r: new Float32Array(B * o),
        inv: new Float32Array(o),
        mean: new Float64Array(o),
        vr: new Float64Array(o),
      };
      return;
    }
    const bo = al(B * o * 4);
    const bw = al(B * (o + n) * 4);
    const { k, o: off } = elementwiseRegions({
      h: bo,
      x: B * n * 4,
      y: bw,
      xh: bo,
      yb: bo,
      dy: bw,
      r: bo,
      dbn: bo,
      g: o * 4,
      b: o * 4,
      rm: o * 4,
      rv: o * 4,
      inv: o * 4,
      m: o * 8,
      v: o * 8,
    })!;
    this.k = k;
    this.o = off;
    this.f32 = new Float32Array(k.memory.buffer);
    this.f64 = new Float64Array(k.memory.buffer);
  }

  /**
   * y (B × (outputs + inputs)) = [relu(BN(h)) | x] for h (B × outputs) and x (B × inputs); in training the batch
   * statistics, with the running ones updated in `bn` (the caller marks them changed).
   */
  forward(
    h: Float32Array,
    x: Float32Array,
    B: number,
    bn: BatchNormState,
    training: boolean,
    y: Float32Array,
  ): void {
    this.ensure(B);
    this.trained = training;
    const o = this.outputs;
    const n = this.inputs;
    if (!this.useWasm) {
      const r = this.ref!;
      referenceResidualForward(
        h,
        x,
        B,
        o,
        n,
        bn.gamma,
        bn.beta,
        bn.runningMean,
        bn.runningVar,
        training,
        bn.momentum,
        bn.eps,
        r.mean,
        r.vr,
        r.inv,
        r.xh,
        r.yb,
        y,
      );
      return;
    }
    const f = this.f32;
    const p = this.o;
    f.set(h.subarray(0, B * o), p.h >> 2);
    f.set(x.subarray(0, B * n), p.x >> 2);
    f.set(bn.gamma, p.g >> 2);
    f.set(bn.beta, p.b >> 2);
    f.set(bn.runningMean, p.rm >> 2);
    f.set(bn.runningVar, p.rv >> 2);
    this.k!.exports.residualForward(
      p.h,
      p.x,
      B,
      o,
      n,
      p.g,
      p.b,
      p.rm,
      p.rv,
      training ? 1 : 0,
      bn.momentum,
      bn.eps,
      p.m,
      p.v,
      p.inv,
      p.xh,
      p.yb,
      p.y,
    );
    if (training) {
      bn.runningMean.set(f.subarray(p.rm >> 2, (p.rm >> 2) + o));
      bn.runningVar.set(f.subarray(p.rv >> 2, (p.rv >> 2) + o));
    }
    y.set(f.subarray(p.y >> 2, (p.y >> 2) + B * (o + n)));
  }

  /**
   * From dy (B rows of w ≥ outputs values: the gradient of the forward's y, or of its first w columns; the first
   * `outputs` columns are read): the
   * gradient of h into dh (B × outputs); with `gammaGrad`/`betaGrad`, adds the batch norm's parameter gradients.
   */
  backward(
    dy: Float32Array,
    w: number,
    dh: Float32Array,
    gamma: Float32Array,
    gammaGrad: Float32Array | null,
    betaGrad: Float32Array | null,
  ): void {
    const B = this.rows;
    const o = this.outputs;
    let sumDy: Float64Array, sumDyXh: Float64Array;
    if (!this.useWasm) {
      const r = this.ref!;
      referenceResidualBackward(dy, B, o, w, r.yb, r.xh, gamma, r.inv, this.trained, r.mean, r.vr, r.r, dh);
      sumDy = r.mean;
      sumDyXh = r.vr;
    } else {
      const f = this.f32;
      const p = this.o;
      f.set(dy.subarray(0, B * w), p.dy >> 2);
      f.set(gamma, p.g >> 2);
      this.k!.exports.residualBackward(
        p.dy,
        B,
        o,
        w,
        p.yb,
        p.xh,
        p.g,
        p.inv,
        this.trained ? 1 : 0,
        p.m,
        p.v,
        p.r,
        p.dbn,
      );
      dh.set(f.subarray(p.dbn >> 2, (p.dbn >> 2) + B * o));
      sumDy = this.f64.subarray(p.m >> 3, (p.m >> 3) + o);
      sumDyXh = this.f64.subarray(p.v >> 3, (p.v >> 3) + o);
    }
    if (gammaGrad && betaGrad)
      for (let j = 0; j < o; j++) {
        gammaGrad[j] += sumDyXh[j];
        betaGrad[j] += sumDy[j];
      }
  }
}
