import type { Rng } from '../../random/rng.js';
import { EXP_TABLE } from '../math.js';
import { ZIG_F, ZIG_X } from '../tensor.js';
import {
  referenceLatentBackward,
  referenceLatentForward,
  referenceNormals,
  referenceSoftmaxSpans,
} from './reference.js';
import { expScaled } from './vector.js';
import { elementwiseKernel, elementwiseRegions, type ElementwiseKernel } from './wasm.js';

/** A softmax span of an encoded row: `width` values from column `start`. */
export interface SoftmaxSpan {
  readonly start: number;
  readonly width: number;
}

const ALIGN = 64;
const al = (bytes: number): number => Math.ceil(bytes / ALIGN) * ALIGN;
/** Byte offsets below the kernel's heap: 16 bytes of tile scratch, the generator's state, the tables. */
const SCRATCH = 1024;
const STATE = 1088;
const TABLES = 2048;

/**
 * The element-wise work of a VAE training step (tvae) in the kernel's WebAssembly: the latent draws ε, the latent
 * layer (z = μ + ε·σ, KL and their gradients) and the softmax cross-entropy of one-hot spans. ε, σ and the KL
 * gradients stay in the kernel's memory between the forward and the backward; only the encoder's output, z, the
 * decoder's output and the gradients cross. Each operation is bit-identical to its plain-TS reference
 * (`reference.ts`), which is also what runs where WebAssembly SIMD is unavailable.
 *
 * Not thread-safe (one step at a time); the buffers are sized for the largest batch seen.
 */
export class VaeKernel {
  private k: ElementwiseKernel | null = null;
  private f32 = new Float32Array(0);
  private cap = 0;
  private rows = 0;
  // byte offsets in the kernel memory (wasm), or the arrays of the reference path
  private o = {
    enc: 0,
    eps: 0,
    std: 0,
    z: 0,
    dMu: 0,
    dLv: 0,
    dz: 0,
    dEnc: 0,
    rec: 0,
    x: 0,
    d: 0,
    sh: 0,
    spans: 0,
  };
  private ref: {
    eps: Float32Array;
    std: Float32Array;
    dMu: Float32Array;
    dLv: Float32Array;
    sh: Float32Array;
  } | null = null;
  private readonly useWasm: boolean;
  private readonly state = new Uint32Array(4);

  constructor(
    readonly latent: number,
    readonly width: number,
    readonly spans: readonly SoftmaxSpan[],
    opts: { readonly backend?: 'auto' | 'js' } = {},
  ) {
    for (const s of spans)
      if (!(s.start >= 0 && s.width >= 1 && s.start + s.width <= width))
        throw new Error(`VaeKernel: span ${s.start}+${s.width} outside a row of ${width} values`);
    this.useWasm = opts.backend !== 'js' && elementwiseKernel(0) !== null;
  }

  /** The ε of the last `draw`/`setEps` (B × latent), as a copy (tests). */
  eps(): Float32Array {
    const n = this.rows * this.latent;
    if (!this.useWasm) return this.ref!.eps.slice(0, n);
    return this.f32.slice(this.o.eps >> 2, (this.o.eps >> 2) + n);
  }

  private ensure(B: number): void {
    this.rows = B;
    if (B <= this.cap) return;
    const E = this.latent;
    const W = this.width;
    this.cap = B;
    if (!this.useWasm) {
      this.ref = {
        eps: new Float32Array(B * E),
        std: new Float32Array(B * E),
        dMu: new Float32Array(B * E),
        dLv: new Float32Array(B * E),
        sh: new Float32Array(B * W),
      };
      return;
    }
    const be = al(B * E * 4);
    const bw = al(B * W * 4);
    const { k, o } = elementwiseRegions({
      enc: 2 * be,
      eps: be,
      std: be,
      z: be,
      dMu: be,
      dLv: be,
      dz: be,
      dEnc: 2 * be,
      rec: bw,
      x: bw,
      d: bw,
      sh: bw,
      spans: 8 * this.spans.length,
    })!;
    this.k = k;
    this.o = o;
    this.f32 = new Float32Array(k.memory.buffer);
    const f64 = new Float64Array(k.memory.buffer);
    f64.set(EXP_TABLE, TABLES >> 3);
    f64.set(ZIG_X, (TABLES >> 3) + 32);
    f64.set(ZIG_F, (TABLES >> 3) + 32 + 129);
    const i32 = new Int32Array(k.memory.buffer);
    this.spans.forEach((s, i) => {
      i32[(o.spans >> 2) + 2 * i] = s.start;
      i32[(o.spans >> 2) + 2 * i + 1] = s.width;
    });
  }

  /** ε for B rows: standard normal draws from a generator seeded with 4 words of `rng` (xoshiro128**, ziggurat). */
  draw(B: number, rng: Rng): void {
    this.ensure(B);
    const s = this.state;
    for (let i = 0; i < 4; i++) s[i] = rng.u32();
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // xoshiro's one forbidden state
    const n = B * this.latent;
    if (!this.useWasm) {
      referenceNormals(this.ref!.eps, n, s, ZIG_X, ZIG_F);
      return;
    }
    new Uint32Array(this.k!.memory.buffer, STATE, 4).set(s);
    this.k!.exports.normals(this.o.eps, n, STATE, TABLES);
  }

  /** ε for B rows given by the caller (B × latent values). */
  setEps(B: number, eps: Float32Array): void {
    this.ensure(B);
    const n = B * this.latent;
    if (!this.useWasm) this.ref!.eps.set(eps.subarray(0, n));
    else this.f32.set(eps.subarray(0, n), this.o.eps >> 2);
  }

  /**
   * From the encoder's output enc (B × 2·latent rows [μ | log σ²], B of the last `draw`/`setEps`): z = μ + ε·σ into
   * `z` (B × latent); returns KL(q(z|x) ‖ N(0, I)) summed over the batch, and keeps `klScale` × its gradients for
   * `backward`.
   */
  forward(enc: Float32Array, z: Float32Array, klScale: number): number {
    const B = this.rows;
    const E = this.latent;
    if (!this.useWasm) {
      const r = this.ref!;
      return referenceLatentForward(enc, r.eps, r.std, z, r.dMu, r.dLv, B, E, klScale, expScaled);
    }
    const o = this.o;
    const f = this.f32;
    f.set(enc.subarray(0, 2 * B * E), o.enc >> 2);
    const loss = this.k!.exports.latentForward(
      o.enc,
      o.eps,
      o.std,
      o.z,
      o.dMu,
      o.dLv,
      B,
      E,
      klScale,
      SCRATCH,
    );
    z.set(f.subarray(o.z >> 2, (o.z >> 2) + B * E));
    return loss;
  }

  /** The encoder's output gradient (B × 2·latent) from dz (B × latent) and the KL gradients of `forward`. */
  backward(dz: Float32Array, dEnc: Float32Array): void {
    const B = this.rows;
    const E = this.latent;
    if (!this.useWasm) {
      const r = this.ref!;
      referenceLatentBackward(dz, r.dMu, r.dLv, r.eps, r.std, dEnc, B, E);
      return;
    }
    const o = this.o;
    const f = this.f32;
    f.set(dz.subarray(0, B * E), o.dz >> 2);
    this.k!.exports.latentBackward(o.dz, o.dMu, o.dLv, o.eps, o.std, o.dEnc, B, E);
    dEnc.set(f.subarray(o.dEnc >> 2, (o.dEnc >> 2) + 2 * B * E));
  }

  /**
   * Σ_rows Σ_spans cross-entropy of softmax(rec[span]) against the one-hot x[span] over B rows (B ≤ the last
   * `draw`/`setEps`'s); writes g × its gradient into d[span] and 0 into d's other columns (B × width values).
   */
  softmaxLoss(rec: Float32Array, x: Float32Array, d: Float32Array, B: number, g: number): number {
    this.ensure(Math.max(B, this.rows));
    const W = this.width;
    const n = B * W;
    if (!this.useWasm) {
      d.fill(0, 0, n);
      return referenceSoftmaxSpans(rec, x, d, this.spans, W, B, g, this.ref!.sh, expScaled);
    }
    const o = this.o;
    const f = this.f32;
    f.set(rec.subarray(0, n), o.rec >> 2);
    f.set(x.subarray(0, n), o.x >> 2);
    // the kernel writes only the span columns of its d, which are 0 elsewhere (zeroed memory, never written)
    const loss = this.k!.exports.softmaxSpans(
      o.rec,
      o.x,
      o.d,
      o.spans,
      this.spans.length,
      W,
      B,
      g,
      o.sh,
      SCRATCH,
    );
    d.set(f.subarray(o.d >> 2, (o.d >> 2) + n));
    return loss;
  }
}
