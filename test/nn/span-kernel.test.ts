import { describe, expect, it } from 'vitest';
import { createGemmSync, wasmSimdSupported } from '../../src/nn/kernel/wasm.js';
import { SpanActivation, type Span } from '../../src/nn/layers.js';
import { mat, type Ctx } from '../../src/nn/tensor.js';
import { Rng } from '../../src/random/rng.js';

const bits = (a: Float32Array): number[] => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

/** Spans over a row of width W: pieces of 1..7 values, each with a random activation (some rows end in a gap). */
function spansOf(W: number, rng: Rng): Span[] {
  const fns = ['identity', 'tanh', 'softmax', 'gumbel-softmax'] as const;
  const out: Span[] = [];
  for (let at = 0; at < W;) {
    const w = Math.min(W - at, 1 + rng.int(7));
    if (rng.int(6)) out.push({ start: at, width: w, fn: fns[rng.int(4)] });
    at += w;
  }
  return out;
}

/** Values across the branches of tanh and exp: tiny (|x| < 1e-4), ordinary, beyond ±20, some zeros. */
function values(n: number, rng: Rng): Float32Array {
  return Float32Array.from({ length: n }, () => {
    const r = rng.int(10);
    const s = rng.int(2) ? 1 : -1;
    if (r === 0) return 0;
    if (r === 1) return s * 1e-5 * rng.float();
    if (r === 2) return s * (20 + 100 * rng.float());
    return s * 4 * rng.float();
  });
}

describe('SpanActivation in the kernel (SpanKernel) against its own loops', () => {
  it('runs WebAssembly SIMD here', () => expect(wasmSimdSupported()).toBe(true));

  for (const training of [true, false])
    it(`the same bits forward and backward (odd shapes, ${training ? 'training: Math.log noise' : 'sampling: math.ts noise'})`, () => {
      const rng = new Rng(31);
      for (const [B, W] of [
        [7, 13],
        [1, 1],
        [33, 29],
        [500, 158],
      ] as const) {
        const spans = spansOf(W, rng);
        const kernel = new SpanActivation(spans, 0.2);
        const loops = new SpanActivation(spans, 0.2, 'js');
        const seed = rng.u32();
        const c1: Ctx = { gemm: createGemmSync(), training, rng: new Rng(seed) };
        const c2: Ctx = { gemm: createGemmSync({ backend: 'js' }), training, rng: new Rng(seed) };
        for (let rep = 0; rep < 2; rep++) {
          const x = mat(B, W, values(B * W, rng));
          const y1 = kernel.forward(x, c1);
          const y2 = loops.forward(x, c2);
          expect(bits(y1.data.subarray(0, B * W)), `y ${B}×${W}`).toEqual(bits(y2.data.subarray(0, B * W)));
          const dy = mat(B, W, values(B * W, rng));
          const d1 = kernel.backward(dy, c1)!;
          const d2 = loops.backward(dy, c2)!;
          expect(bits(d1.data.subarray(0, B * W)), `dx ${B}×${W}`).toEqual(bits(d2.data.subarray(0, B * W)));
        }
        // the same noise was drawn: the two streams are still in step
        expect(c1.rng.u32()).toBe(c2.rng.u32());
      }
    });
});
