import type { Gemm, SharedAdam } from './kernel/gemm.js';
import { vectorKernel } from './kernel/wasm.js';
import type { Param } from './tensor.js';

export interface AdamOptions {
  readonly lr: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly eps?: number;
  /** L2 penalty added to the gradient (PyTorch `Adam(weight_decay=…)`), default 0. */
  readonly weightDecay?: number;
  /** Decoupled weight decay (AdamW, Loshchilov & Hutter 2019): θ ← θ − lr·wd·θ, default 0. */
  readonly decoupledWeightDecay?: number;
  /**
   * Where the update runs: `auto` (default) the kernel's WebAssembly SIMD `adam` where available, else this file's
   * scalar loop; `js` the scalar loop. Both give the same bits (the kernel does the same float64 operations).
   */
  readonly backend?: 'auto' | 'js';
}

/**
 * Adam (Kingma & Ba 2015) with bias correction, optional L2 (Adam) or decoupled (AdamW) weight decay, over the
 * trainable parameters given. Moments and arithmetic in float64 per element, stored as float32. `step()` bumps each
 * parameter's version (packed weights are refreshed lazily).
 */
export class Adam {
  readonly params: readonly Param[];
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  private t = 0;
  lr: number;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;
  private readonly wd: number;
  private readonly dwd: number;
  /** The wasm path: m and v live in the kernel's memory; each step copies w and g in and w out. */
  private readonly kernel: {
    readonly heap: Float32Array;
    readonly adam: (...args: number[]) => void;
    readonly w: number;
    readonly g: number;
    readonly m: number[];
    readonly v: number[];
  } | null = null;

  /** The threaded state on a Gemm's workers (`step(gemm)`), holding the moments while it is in use. */
  private shared: { readonly gemm: Gemm; readonly state: SharedAdam } | null = null;

  /** Where `step` runs (see AdamOptions.backend). */
  get backend(): 'wasm-simd' | 'js' {
    return this.kernel ? 'wasm-simd' : 'js';
  }

  constructor(params: readonly Param[], opts: AdamOptions) {
    this.params = params.filter((p) => p.trainable);
    const total = this.params.reduce((s, p) => s + p.size, 0);
    const largest = this.params.reduce((s, p) => Math.max(s, p.size), 0);
    // moments, then w and g of the largest parameter; each array starts on a 16-byte boundary
    const pad = (x: number): number => Math.ceil(x / 4) * 4;
    const vk =
      (opts.backend ?? 'auto') === 'auto' && total > 0
        ? vectorKernel(2 * this.params.reduce((s, p) => s + pad(p.size), 0) + 2 * pad(largest))
        : null;
    if (vk) {
      let at = vk.base;
      const take = (n: number): number => {
        const off = at;
        at += pad(n) * 4;
        return off;
      };
      const m = this.params.map((p) => take(p.size));
      const v = this.params.map((p) => take(p.size));
      this.kernel = { heap: vk.heap, adam: vk.adam, w: take(largest), g: take(largest), m, v };
      this.m = this.params.map((p, k) => new Float32Array(vk.heap.buffer, m[k], p.size));
      this.v = this.params.map((p, k) => new Float32Array(vk.heap.buffer, v[k], p.size));
    } else {
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

  zeroGrad(): void {
    for (const p of this.params) p.zeroGrad();
  }

  /**
   * One update. With a `gemm` that has worker threads (and the kernel backend), the update is split over its
   * threads (`Gemm.adamState`; the same bits: each element's update is its own); the moments move into its memory
   * at the first such step and back when a step runs without it.
   */
  step(gemm?: Gemm): void {
    this.t++;
    const c1 = 1 - this.b1 ** this.t;
    const c2 = 1 - this.b2 ** this.t;
    const { b1, b2, eps, wd, dwd, lr } = this;
    const K = this.kernel;
    const want = K && gemm && gemm.threads > 1 && gemm.adamState ? gemm : null;
    if (this.shared && this.shared.gemm !== want) {
      // the moments back into this optimiser's own arrays
      const { state } = this.shared;
      for (let k = 0; k < this.params.length; k++) {
        this.m[k].set(state.m[k]);
        this.v[k].set(state.v[k]);
      }
      state.release();
      this.shared = null;
    }
    if (want && !this.shared) {
      const state = want.adamState!(this.params.map((p) => p.size));
      if (state) {
        for (let k = 0; k < this.params.length; k++) {
          state.m[k].set(this.m[k]);
          state.v[k].set(this.v[k]);
        }
        this.shared = { gemm: want, state };
      }
    }
    if (this.shared) {
      this.shared.state.step(
        this.params.map((p) => p.value),
        this.params.map((p) => p.grad),
        b1,
        b2,
        c1,
        c2,
        lr,
        eps,
        wd,
        1 - lr * dwd,
      );
      for (const p of this.params) p.touch();
      return;
    }
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
      const w = p.value,
        g = p.grad,
        m = this.m[k],
        v = this.v[k];
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
export function gradNorm(params: readonly Param[]): number {
  let s = 0;
  for (const p of params) for (let i = 0; i < p.grad.length; i++) s += p.grad[i] * p.grad[i];
  return Math.sqrt(s);
}

/** Scale all gradients so their global L2 norm is at most `maxNorm` (PyTorch `clip_grad_norm_`); returns the norm before. */
export function clipGradNorm(params: readonly Param[], maxNorm: number): number {
  const norm = gradNorm(params);
  if (norm > maxNorm) {
    const f = maxNorm / (norm + 1e-6);
    for (const p of params) for (let i = 0; i < p.grad.length; i++) p.grad[i] *= f;
  }
  return norm;
}

/** True when every value and gradient is finite. */
export function allFinite(params: readonly Param[]): boolean {
  for (const p of params) {
    for (let i = 0; i < p.value.length; i++) if (!Number.isFinite(p.value[i])) return false;
    for (let i = 0; i < p.grad.length; i++) if (!Number.isFinite(p.grad[i])) return false;
  }
  return true;
}
