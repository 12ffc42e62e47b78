import type { Rng } from '../random/rng.js';
import type { Gemm } from './kernel/gemm.js';
import { exp, log } from './math.js';

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

/**
 * Copy `rows` rows of `width` values from src (row i at srcOff + i·srcStride) to dst (at dstOff + i·dstStride) —
 * a plain loop: no subarray views (a view per row was a garbage-collection cost in the training loops).
 */
export function copyRows(
  src: Float32Array,
  srcOff: number,
  srcStride: number,
  dst: Float32Array,
  dstOff: number,
  dstStride: number,
  rows: number,
  width: number,
): void {
  for (let i = 0, a = srcOff, b = dstOff; i < rows; i++, a += srcStride, b += dstStride)
    for (let j = 0; j < width; j++) dst[b + j] = src[a + j];
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
  /**
   * Only the first `inputGradCols` columns of the input gradient are wanted: a layer that honours it (`Dense` without
   * a fused ReLU mask, `ResidualConcat`) returns rows × inputGradCols and skips the products of the others; other
   * layers return the whole gradient. Default: all.
   */
  readonly inputGradCols?: number;
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

// Ziggurat tables (Marsaglia & Tsang, "The Ziggurat Method for Generating Random Variables", J. Stat. Softw. 2000),
// 128 layers of equal area V under the half density f(x) = e^{−x²/2}: X[1] = R, X[i+1] = √(−2 log(V/X[i] + f(X[i]))),
// X[0] = V/f(R) (the base layer: a rectangle and the tail beyond R), X[128] = 0; F[i] = f(X[i]). Built with math.ts
// and √, so the tables — and every draw — are the same in every engine.
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
/** The ziggurat's layer edges X[0..128] and densities F = f(X) (exported for the kernel's `normals`). */
export const ZIG_X = new Float64Array(129);
export const ZIG_F = new Float64Array(129);
{
  const f = (x: number): number => exp(-0.5 * x * x);
  ZIG_X[0] = ZIG_V / f(ZIG_R);
  ZIG_X[1] = ZIG_R;
  for (let i = 1; i < 127; i++) ZIG_X[i + 1] = Math.sqrt(-2 * log(ZIG_V / ZIG_X[i] + f(ZIG_X[i])));
  ZIG_X[128] = 0;
  for (let i = 0; i <= 128; i++) ZIG_F[i] = f(ZIG_X[i]);
}
const TWO_NEG_24 = 2 ** -24;

/**
 * One standard normal draw by the ziggurat: one 32-bit word picks a layer (7 bits), a sign (1 bit) and a position
 * in the layer (24 bits); about 98.8 % of draws are accepted at once, the rest are resolved exactly by the wedge
 * test or Marsaglia's tail method (with 53-bit uniforms).
 */
function zigguratNormal(rng: Rng): number {
  for (;;) {
    const a = rng.u32();
    const i = a & 127;
    const x = ((a >>> 8) + 0.5) * TWO_NEG_24 * ZIG_X[i];
    const sign = a & 128 ? -1 : 1;
    if (x < ZIG_X[i + 1]) return sign * x;
    if (i === 0) {
      // the tail beyond R (Marsaglia 1964): x = −log(u₁)/R, accepted when −2·log(u₂) > x²
      for (;;) {
        const t = -log(1 - rng.float()) / ZIG_R;
        const y = -log(1 - rng.float());
        if (2 * y > t * t) return sign * (ZIG_R + t);
      }
    }
    if (ZIG_F[i] + rng.float() * (ZIG_F[i + 1] - ZIG_F[i]) < exp(-0.5 * x * x)) return sign * x;
  }
}

/**
 * Fill `out[0, n)` with standard normal draws (the ziggurat: about one 32-bit word per draw, engine-independent).
 * The position within a layer has 24 random bits, finer than the float32 the values are stored in.
 */
export function fillGaussian(out: Float32Array, rng: Rng, n = out.length): void {
  for (let i = 0; i < n; i++) out[i] = zigguratNormal(rng);
}
