import { describe, expect, it } from 'vitest';
import { createGemm } from '../../src/nn/kernel/wasm.js';
import { Adam } from '../../src/nn/optim.js';
import { Param } from '../../src/nn/tensor.js';
import { Rng } from '../../src/random/rng.js';
import { useNodeThreads } from '../../src/io/nn-threads.js';

function sameBits(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('Adam in the WebAssembly kernel against the scalar reference', () => {
  const shapes: number[][] = [[1], [3], [7, 5], [130], [2, 2]];
  for (const opts of [
    { lr: 1e-3 },
    { lr: 2e-3, beta1: 0.5, beta2: 0.9, weightDecay: 1e-5 },
    { lr: 1e-2, decoupledWeightDecay: 0.01, eps: 1e-6 },
  ])
    it(`the same bits, step after step, on odd sizes (${JSON.stringify(opts)})`, () => {
      const rng = new Rng(3);
      const make = (): Param[] => shapes.map((s, i) => new Param(`p${i}`, s));
      const a = make(),
        b = make();
      for (let k = 0; k < a.length; k++)
        for (let i = 0; i < a[k].size; i++) a[k].value[i] = b[k].value[i] = (2 * rng.float() - 1) * 3;
      const fast = new Adam(a, opts);
      const ref = new Adam(b, { ...opts, backend: 'js' });
      expect(fast.backend).toBe('wasm-simd');
      expect(ref.backend).toBe('js');
      for (let step = 0; step < 25; step++) {
        for (let k = 0; k < a.length; k++)
          for (let i = 0; i < a[k].size; i++)
            // mixed magnitudes, and now and then an exact zero
            a[k].grad[i] = b[k].grad[i] =
              rng.int(9) === 0 ? 0 : (2 * rng.float() - 1) * 2 ** (rng.int(20) - 10);
        if (step === 10) fast.lr = ref.lr = opts.lr / 3; // the learning rate may change between steps
        const v0 = a[0].version;
        fast.step();
        ref.step();
        expect(a[0].version).toBe(v0 + 1);
        for (let k = 0; k < a.length; k++)
          expect(sameBits(a[k].value, b[k].value), `step ${step}, p${k}`).toBe(true);
      }
    });

  it('a parameter changed between steps (a clamp, a restore) is read afresh', () => {
    const a = new Param('w', [5]),
      b = new Param('w', [5]);
    const fast = new Adam([a], { lr: 0.1 });
    const ref = new Adam([b], { lr: 0.1, backend: 'js' });
    a.grad.fill(1);
    b.grad.fill(1);
    fast.step();
    ref.step();
    a.value[2] = b.value[2] = 7;
    fast.step();
    ref.step();
    expect(sameBits(a.value, b.value)).toBe(true);
  });
});

describe("Adam on a Gemm's worker threads (issue 11)", () => {
  useNodeThreads();
  it('the same bits as the scalar reference, the moments carried into the threaded state and back', async () => {
    const gemm = await createGemm({ threads: 2 });
    expect(gemm.threads).toBe(2);
    // sizes over several chunks of 4,096 elements, odd ones between them
    const shapes: number[][] = [[3], [97, 131], [7, 5], [9001], [1]];
    const opts = { lr: 2e-3, beta1: 0.5, beta2: 0.9, weightDecay: 1e-5, decoupledWeightDecay: 0.01 };
    const rng = new Rng(4);
    const make = (): Param[] => shapes.map((s, i) => new Param(`p${i}`, s));
    const a = make(),
      b = make();
    for (let k = 0; k < a.length; k++)
      for (let i = 0; i < a[k].size; i++) a[k].value[i] = b[k].value[i] = (2 * rng.float() - 1) * 3;
    const fast = new Adam(a, opts);
    const ref = new Adam(b, { ...opts, backend: 'js' });
    for (let step = 0; step < 30; step++) {
      for (let k = 0; k < a.length; k++)
        for (let i = 0; i < a[k].size; i++)
          a[k].grad[i] = b[k].grad[i] =
            rng.int(9) === 0 ? 0 : (2 * rng.float() - 1) * 2 ** (rng.int(20) - 10);
      // steps 0–9 on the optimiser's own kernel, 10–19 on the threads, 20–29 back on its own kernel
      const v0 = a[1].version;
      fast.step(step >= 10 && step < 20 ? gemm : undefined);
      ref.step();
      expect(a[1].version).toBe(v0 + 1);
      for (let k = 0; k < a.length; k++)
        expect(sameBits(a[k].value, b[k].value), `step ${step}, p${k}`).toBe(true);
    }
    gemm.close();
  });
});
