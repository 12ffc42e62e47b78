import { EXP_TABLE } from '../math.js';
import { elementwiseKernel, elementwiseRegions, type ElementwiseKernel } from './wasm.js';

const ALIGN = 64;
const al = (bytes: number): number => Math.ceil(bytes / ALIGN) * ALIGN;
/** Byte offset of exp's table (32 float64) below the kernel's heap. */
const TABLE = 2048;
const FN = { identity: 0, tanh: 1, softmax: 2, 'gumbel-softmax': 3 } as const;

/** An output span of a generator (as layers.ts `Span`). */
interface KernelSpan {
  readonly start: number;
  readonly width: number;
  readonly fn: keyof typeof FN;
}

/**
 * `SpanActivation`'s work in the kernel's WebAssembly (assembly/span.ts): one call forward (the Gumbel noise added,
 * tanh, softmax and Gumbel-softmax per span) and one backward, with the output kept in the kernel's memory between
 * them. The caller fills the noise (`noise(B)`, float64, at each Gumbel span's places) before the forward. The same
 * bits as `SpanActivation`'s own loops (its reference, and the fallback where WebAssembly SIMD is unavailable).
 * Buffers sized for the largest batch seen; null from `create` without SIMD.
 */
export class SpanKernel {
  private f32 = new Float32Array(0);
  private f64 = new Float64Array(0);
  private cap = 0;
  private rows = 0;
  private o = { x: 0, n: 0, y: 0, dy: 0, dx: 0, spans: 0 };
  private k: ElementwiseKernel | null = null;

  private constructor(
    private readonly spans: readonly KernelSpan[],
    private readonly width: number,
    private readonly invTau: number,
  ) {}

  static create(spans: readonly KernelSpan[], width: number, invTau: number): SpanKernel | null {
    return elementwiseKernel(0) ? new SpanKernel(spans, width, invTau) : null;
  }

  private ensure(B: number): void {
    this.rows = B;
    if (B <= this.cap) return;
    const c = this.width;
    this.cap = B;
    const bc = al(B * c * 4);
    const { k, o } = elementwiseRegions({
      x: bc,
      n: B * c * 8,
      y: bc,
      dy: bc,
      dx: bc,
      spans: 12 * this.spans.length,
    })!;
    this.k = k;
    this.o = o;
    this.f32 = new Float32Array(k.memory.buffer);
    this.f64 = new Float64Array(k.memory.buffer);
    this.f64.set(EXP_TABLE, TABLE >> 3);
    const i32 = new Int32Array(k.memory.buffer);
    this.spans.forEach((s, i) => {
      i32[(o.spans >> 2) + 3 * i] = s.start;
      i32[(o.spans >> 2) + 3 * i + 1] = s.width;
      i32[(o.spans >> 2) + 3 * i + 2] = FN[s.fn];
    });
  }

  /** The noise buffer for B rows (B × width float64, read at the Gumbel spans' places by the next `forward`). */
  noise(B: number): Float64Array {
    this.ensure(B);
    return this.f64.subarray(this.o.n >> 3, (this.o.n >> 3) + B * this.width);
  }

  /** y (B × width) = the activated x; B as in the last `noise` call. */
  forward(x: Float32Array, y: Float32Array): void {
    const B = this.rows;
    const n = B * this.width;
    const o = this.o;
    this.f32.set(x.subarray(0, n), o.x >> 2);
    this.k!.exports.spanForward(o.x, o.n, o.y, B, this.width, o.spans, this.spans.length, this.invTau, TABLE);
    y.set(this.f32.subarray(o.y >> 2, (o.y >> 2) + n));
  }

  /** dx (B × width) from dy through the last forward's activations. */
  backward(dy: Float32Array, dx: Float32Array): void {
    const B = this.rows;
    const n = B * this.width;
    const o = this.o;
    this.f32.set(dy.subarray(0, n), o.dy >> 2);
    this.k!.exports.spanBackward(o.dy, o.y, o.dx, B, this.width, o.spans, this.spans.length, this.invTau);
    dx.set(this.f32.subarray(o.dx >> 2, (o.dx >> 2) + n));
  }
}
