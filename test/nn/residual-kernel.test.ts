import { describe, expect, it } from 'vitest';
import { ResidualKernel } from '../../src/nn/kernel/residual.js';
import { createGemmSync, wasmSimdSupported } from '../../src/nn/kernel/wasm.js';
import { Activation, BatchNorm } from '../../src/nn/layers.js';
import { ResidualConcat } from '../../src/nn/residual.js';
import { mat, type Ctx } from '../../src/nn/tensor.js';
import { Rng } from '../../src/random/rng.js';

const bits = (a: Float32Array): number[] => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

/** Random float32 values in ±2^e, e uniform in [−2, 4], with some exact zeros. */
function values(n: number, rng: Rng): Float32Array {
  return Float32Array.from({ length: n }, () =>
    rng.int(13) === 0 ? 0 : (2 * rng.float() - 1) * 2 ** (rng.int(7) - 2),
  );
}

/** The block's element-wise work as the layers did it before the kernel: BatchNorm, a ReLU, the copies. */
function layerByLayer(
  bn: BatchNorm,
  relu: Activation,
  h: Float32Array,
  x: Float32Array,
  B: number,
  n: number,
  training: boolean,
) {
  const o = bn.features;
  const ctx: Ctx = { gemm: createGemmSync({ backend: 'js' }), training, rng: new Rng(0) };
  const r = relu.forward(bn.forward(mat(B, o, h), ctx), ctx);
  const y = new Float32Array(B * (o + n));
  for (let i = 0; i < B; i++) {
    y.set(r.data.subarray(i * o, (i + 1) * o), i * (o + n));
    y.set(x.subarray(i * n, (i + 1) * n), i * (o + n) + o);
  }
  return {
    y,
    backward(dy: Float32Array) {
      const d1 = new Float32Array(B * o);
      for (let i = 0; i < B; i++) d1.set(dy.subarray(i * (o + n), i * (o + n) + o), i * o);
      return bn.backward(relu.backward(mat(B, o, d1), ctx)!, ctx)!.data.slice(0, B * o);
    },
  };
}

function bnWith(o: number, rng: Rng): BatchNorm {
  const bn = new BatchNorm(o, 'bn');
  bn.gamma.value.set(values(o, rng));
  bn.beta.value.set(values(o, rng));
  bn.runningMean.value.set(values(o, rng));
  for (let j = 0; j < o; j++) bn.runningVar.value[j] = 0.1 + 3 * rng.float();
  return bn;
}

const state = (bn: BatchNorm) => ({
  gamma: bn.gamma.value,
  beta: bn.beta.value,
  runningMean: bn.runningMean.value,
  runningVar: bn.runningVar.value,
  momentum: bn.momentum,
  eps: bn.eps,
});

describe('ResidualKernel: batch norm, ReLU and concatenation of the residual block in the kernel', () => {
  it('runs WebAssembly SIMD here', () => expect(wasmSimdSupported()).toBe(true));

  for (const backend of ['auto', 'js'] as const)
    it(`the same bits as BatchNorm + ReLU + copies, forward and backward, training and not (odd shapes, ${backend})`, () => {
      const rng = new Rng(21);
      for (const [B, o, n] of [
        [7, 5, 3],
        [33, 17, 10],
        [1, 4, 6],
        [2, 1, 1],
        [64, 40, 41],
      ] as const)
        for (const training of [true, false]) {
          const seed = rng.u32();
          const a = bnWith(o, new Rng(seed));
          const b = bnWith(o, new Rng(seed));
          const k = new ResidualKernel(o, n, { backend });
          const h = values(B * o, rng);
          const x = values(B * n, rng);
          const want = layerByLayer(a, new Activation('relu'), h, x, B, n, training);
          const y = new Float32Array(B * (o + n));
          k.forward(h, x, B, state(b), training, y);
          expect(bits(y), `y ${B}×${o}+${n}`).toEqual(bits(want.y));
          expect(bits(b.runningMean.value)).toEqual(bits(a.runningMean.value));
          expect(bits(b.runningVar.value)).toEqual(bits(a.runningVar.value));
          const dy = values(B * (o + n), rng);
          const dhWant = want.backward(dy);
          const dh = new Float32Array(B * o);
          b.gamma.grad.set(a.gamma.grad.map(() => 0));
          k.backward(dy, o + n, dh, b.gamma.value, b.gamma.grad, b.beta.grad);
          expect(bits(dh), `dh ${B}×${o}+${n}`).toEqual(bits(dhWant));
          expect(bits(b.gamma.grad)).toEqual(bits(a.gamma.grad));
          expect(bits(b.beta.grad)).toEqual(bits(a.beta.grad));
          // a narrower gradient (only the new features' columns): the same result
          const narrow = new Float32Array(B * o);
          for (let i = 0; i < B; i++) narrow.set(dy.subarray(i * (o + n), i * (o + n) + o), i * o);
          const dh2 = new Float32Array(B * o);
          k.backward(narrow, o, dh2, b.gamma.value, null, null);
          expect(bits(dh2)).toEqual(bits(dhWant));
        }
    });
});

describe('ResidualConcat and Dense with inputGradCols', () => {
  it('the same weight gradients and the same first columns of the input gradient', () => {
    const rng = new Rng(2);
    const ctx: Ctx = { gemm: createGemmSync(), training: true, rng };
    const [B, n, o] = [13, 11, 9];
    const full = new ResidualConcat(n, o, new Rng(4));
    const part = new ResidualConcat(n, o, new Rng(4));
    const x = mat(B, n, values(B * n, rng));
    const dy = mat(B, o + n, values(B * (o + n), rng));
    full.forward(x, ctx);
    part.forward(x, ctx);
    const dxFull = full.backward(dy, ctx)!;
    const q = 5;
    const dxPart = part.backward(dy, ctx, { inputGradCols: q })!;
    expect(dxPart.cols).toBe(q);
    for (let i = 0; i < B; i++)
      expect(bits(dxPart.data.subarray(i * q, (i + 1) * q))).toEqual(
        bits(dxFull.data.subarray(i * n, i * n + q)),
      );
    full.params.forEach((p, k) => expect(bits(part.params[k].grad), p.name).toEqual(bits(p.grad)));
    const first = dxPart.data.slice(0, B * q); // the layer reuses its buffer
    // the block reads only the first o + q columns of its gradient
    const narrow = mat(B, o + q);
    for (let i = 0; i < B; i++)
      narrow.data.set(dy.data.subarray(i * (o + n), i * (o + n) + o + q), i * (o + q));
    part.forward(x, ctx);
    const dxNarrow = part.backward(narrow, ctx, { inputGradCols: q })!;
    expect(bits(dxNarrow.data.subarray(0, B * q))).toEqual(bits(first));
    expect(() => part.backward(narrow, ctx, { inputGradCols: q + 1 })).toThrow(/columns/);
  });
});
