import type { Rng } from '../random/rng.js';
import type { Gemm } from './kernel/gemm.js';
import { log } from './math.js';

/**
 * A batch of rows: `rows × cols` float32 values, row-major. `data` may be longer than rows·cols (a reused buffer);
 * only the leading rows·cols values count.
 */
export interface Mat {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
}

export function mat(rows: number, cols: number, data?: Float32Array): Mat {
  if (data && data.length < rows * cols) throw new Error(`mat: ${data.length} values for ${rows}×${cols}`);
  return { rows, cols, data: data ?? new Float32Array(rows * cols) };
}

/**
 * A reusable output buffer: returns a Mat of the requested shape over `prev`'s storage when it is large enough.
 * Layers own their outputs and gradients this way: a result is valid until the layer's next call.
 */
export function reuse(prev: Mat | null, rows: number, cols: number): Mat {
  const need = rows * cols;
  if (prev && prev.data.buffer.byteLength >= need * 4) {
    const data = new Float32Array(prev.data.buffer, 0, need);
    return { rows, cols, data };
  }
  return { rows, cols, data: new Float32Array(Math.max(need, 1)) };
}

/** A parameter (or a saved statistic such as a running mean): values, gradient and a version bumped on change. */
export class Param {
  readonly name: string;
  readonly shape: readonly number[];
  readonly value: Float32Array;
  /** Gradient of the loss (summed over the batch unless a layer says otherwise); empty for non-trainable state. */
  readonly grad: Float32Array;
  readonly trainable: boolean;
  /** Bumped whenever `value` changes (optimiser step, load) so packed copies are refreshed. */
  version = 0;

  constructor(name: string, shape: readonly number[], trainable = true, value?: Float32Array) {
    const size = shape.reduce((a, b) => a * b, 1);
    this.name = name;
    this.shape = shape;
    this.value = value ?? new Float32Array(size);
    if (this.value.length !== size)
      throw new Error(`param ${name}: ${this.value.length} values for [${shape}]`);
    this.trainable = trainable;
    this.grad = new Float32Array(trainable ? size : 0);
  }

  get size(): number {
    return this.value.length;
  }

  zeroGrad(): void {
    this.grad.fill(0);
  }

  /** Mark `value` as changed. */
  touch(): void {
    this.version++;
  }
}

/** What a forward or backward pass needs besides its input. */
export interface Ctx {
  readonly gemm: Gemm;
  /** Training mode: dropout active, batch norm on batch statistics (updating its running statistics). */
  readonly training: boolean;
  /** Randomness for dropout and Gumbel noise (training) — a seeded stream. */
  readonly rng: Rng;
}

/**
 * How a backward pass treats parameters: `sum` accumulates the gradient of the summed loss into `Param.grad`;
 * `none` skips parameter gradients (e.g. backpropagating a generator's loss through a frozen discriminator);
 * `per-example` records what each layer needs to compute per-example gradient norms and clipped sums later
 * (DP-SGD; see per-example.ts).
 */
export type ParamGradMode = 'sum' | 'none' | 'per-example';

export interface BackwardOptions {
  /** Compute the gradient with respect to the input (default true). */
  readonly inputGrad?: boolean;
  readonly params?: ParamGradMode;
}

/** A standard normal draw by the polar method, using only exact arithmetic and `math.log` (engine-independent). */
export function gaussian(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.float() - 1;
    const v = 2 * rng.float() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * log(s)) / s);
  }
}

/** Fill `out` with standard normal draws (pairs from the polar method). */
export function fillGaussian(out: Float32Array, rng: Rng, n = out.length): void {
  let i = 0;
  while (i < n) {
    const u = 2 * rng.float() - 1;
    const v = 2 * rng.float() - 1;
    const s = u * u + v * v;
    if (!(s > 0 && s < 1)) continue;
    const f = Math.sqrt((-2 * log(s)) / s);
    out[i++] = u * f;
    if (i < n) out[i++] = v * f;
  }
}
