import { describe, expect, it } from 'vitest';
import { createGemm, createGemmSync } from '../../src/nn/kernel/wasm.js';
import { Activation, Dense, Sequential, type Layer } from '../../src/nn/layers.js';
import { mat, type Ctx } from '../../src/nn/tensor.js';
import { Rng } from '../../src/random/rng.js';
import { useNodeThreads } from '../../src/io/nn-threads.js';

function sameBits(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const build = (leadingRelu: boolean): Layer[] => {
  const rng = new Rng(9);
  return [
    ...(leadingRelu ? [new Activation('relu')] : []),
    new Dense(7, 13, rng, 'a'),
    new Activation('relu'),
    new Dense(13, 70, rng, 'b'),
    new Activation('relu'),
    new Dense(70, 3, rng, 'c'),
    new Activation('relu'),
  ];
};

describe('Sequential fuses a Dense and the ReLU after it into one product', () => {
  useNodeThreads();
  for (const [threads, lead] of [
    [1, false],
    [2, false],
    [1, true],
  ] as const)
    it(`the same bits as the layers run one by one (forward, input and parameter gradients; ${threads} thread(s)${lead ? ', a leading ReLU' : ''})`, async () => {
      const gemm = threads === 1 ? createGemmSync() : await createGemm({ threads });
      const rng = new Rng(4);
      const ctx: Ctx = { gemm, training: true, rng };
      const fused = new Sequential(build(lead));
      const plain = build(lead);
      for (let rep = 0; rep < 3; rep++) {
        const B = [9, 600, 1][rep];
        const x = mat(B, 7);
        // negative and positive pre-activations, some exact zeros
        for (let i = 0; i < x.data.length; i++) x.data[i] = rng.int(7) === 0 ? 0 : 2 * rng.float() - 1;
        const y1 = fused.forward(x, ctx);
        let h = x;
        for (const l of plain) h = l.forward(h, ctx);
        expect(sameBits(y1.data.subarray(0, B * 3), h.data.subarray(0, B * 3))).toBe(true);
        const dy = mat(B, 3);
        for (let i = 0; i < dy.data.length; i++) dy.data[i] = 2 * rng.float() - 1;
        const dx1 = fused.backward(dy, ctx)!;
        let g = dy;
        for (let i = plain.length - 1; i >= 0; i--) g = plain[i].backward(g, ctx)!;
        expect(sameBits(dx1.data.subarray(0, B * 7), g.data.subarray(0, B * 7))).toBe(true);
        // no input gradient asked for: the parameter gradients still match
        expect(fused.backward(dy, ctx, { inputGrad: false })).toBe(null);
        g = dy;
        for (let i = plain.length - 1; i >= 0; i--)
          g = plain[i].backward(g, ctx, i === 0 ? { inputGrad: false } : {})!;
        const p2 = plain.flatMap((l) => l.params);
        fused.params.forEach((p, k) => {
          expect(sameBits(p.grad, p2[k].grad), p.name).toBe(true);
        });
      }
      // a ReLU used on its own after a fused forward keeps its own buffer (the Dense's output is not overwritten)
      const act = fused.layers[lead ? 2 : 1] as Activation;
      const dense = fused.layers[lead ? 1 : 0] as Dense;
      const x = mat(2, 7, new Float32Array(14).fill(1));
      const y = dense.forward(x, ctx);
      const before = y.data.slice(0, 26);
      act.forward(mat(2, 13, new Float32Array(26).fill(-1)), ctx);
      expect(sameBits(y.data.subarray(0, 26), before)).toBe(true);
      gemm.close();
    });
});

describe('Dense.sparseFrom: rows from an index on through the sparse path', () => {
  useNodeThreads();
  for (const threads of [1, 2])
    it(`the same bits as the dense product (forward, weight, bias and input gradients; ${threads} thread(s))`, async () => {
      const gemm = threads === 1 ? createGemmSync() : await createGemm({ threads });
      const rng = new Rng(12);
      const ctx: Ctx = { gemm, training: true, rng };
      // odd shapes; the products of the 2-thread case exceed the parallel threshold (2^18 multiply-adds)
      const [k, n] = threads === 1 ? [37, 19] : [263, 131];
      const split = new Dense(k, n, new Rng(3), 'split');
      const plain = new Dense(k, n, new Rng(3), 'plain');
      for (const [B, from] of [
        [23, 11],
        [23, 0],
        [23, 23],
        [9, 1],
        [17, 16],
      ] as const) {
        const x = mat(B, k);
        // dense rows, then one-hot-like rows (about 1 in 10 values nonzero, some −0)
        for (let i = 0; i < B; i++)
          for (let j = 0; j < k; j++)
            x.data[i * k + j] =
              i < from ? 2 * rng.float() - 1 : rng.int(10) === 0 ? rng.float() : rng.int(5) === 0 ? -0 : 0;
        split.sparseFrom = from;
        const y1 = split.forward(x, ctx);
        split.sparseFrom = Infinity; // fixed at the forward: the backward still splits
        const y2 = plain.forward(x, ctx);
        expect(sameBits(y1.data.subarray(0, B * n), y2.data.subarray(0, B * n))).toBe(true);
        const dy = mat(B, n);
        for (let i = 0; i < dy.data.length; i++) dy.data[i] = 2 * rng.float() - 1;
        const dx1 = split.backward(dy, ctx)!;
        const dx2 = plain.backward(dy, ctx)!;
        expect(sameBits(dx1.data.subarray(0, B * k), dx2.data.subarray(0, B * k))).toBe(true);
        expect(sameBits(split.W.grad, plain.W.grad)).toBe(true);
        expect(sameBits(split.b.grad, plain.b.grad)).toBe(true);
      }
      // the gradients were accumulated over the five batches, so the sums compared are not trivial
      expect(split.W.grad.some((v) => v !== 0)).toBe(true);
      gemm.close();
    });
});

describe('Dense.sparseCols: input columns from an index on through the sparse path (issue 11)', () => {
  useNodeThreads();
  for (const threads of [1, 2])
    it(`the same bits as the dense product (forward with and without the ReLU epilogue, weight, bias and input gradients; ${threads} thread(s))`, async () => {
      const gemm = threads === 1 ? createGemmSync() : await createGemm({ threads });
      const rng = new Rng(13);
      const ctx: Ctx = { gemm, training: true, rng };
      // odd shapes; the products of the 2-thread case exceed the parallel threshold (2^18 multiply-adds)
      const [k, n, B] = threads === 1 ? [37, 19, 23] : [263, 131, 41];
      const split = new Dense(k, n, new Rng(3), 'split');
      const plain = new Dense(k, n, new Rng(3), 'plain');
      for (const [from, relu] of [
        [11, false],
        [11, true],
        [0, false],
        [0, true],
        [1, true],
        [k - 1, false],
        [k, false],
        [Math.floor(k / 2), true],
      ] as const) {
        const x = mat(B, k);
        // dense columns, then one-hot-like ones (about 1 in 10 values nonzero, some −0; some rows all zero there)
        for (let i = 0; i < B; i++)
          for (let j = 0; j < k; j++)
            x.data[i * k + j] =
              j < from
                ? 2 * rng.float() - 1
                : i % 5 !== 4 && rng.int(10) === 0
                  ? rng.float()
                  : rng.int(5) === 0
                    ? -0
                    : 0;
        split.sparseCols = from;
        const y1 = split.forwardActivated(x, ctx, relu ? 'relu' : null);
        const y2 = plain.forwardActivated(x, ctx, relu ? 'relu' : null);
        expect(sameBits(y1.data.subarray(0, B * n), y2.data.subarray(0, B * n))).toBe(true);
        const dy = mat(B, n);
        for (let i = 0; i < dy.data.length; i++) dy.data[i] = 2 * rng.float() - 1;
        const dx1 = split.backward(dy, ctx, { inputGradCols: from })!;
        const dx2 = plain.backward(dy, ctx, { inputGradCols: from })!;
        expect(sameBits(dx1.data.subarray(0, B * from), dx2.data.subarray(0, B * from))).toBe(true);
        expect(sameBits(split.W.grad, plain.W.grad)).toBe(true);
        expect(sameBits(split.b.grad, plain.b.grad)).toBe(true);
      }
      // the gradients were accumulated over the batches, the sparse rows included, so the sums compared are not trivial
      expect(split.W.grad.subarray(11 * n, (11 + 1) * n).some((v) => v !== 0)).toBe(true);
      expect(split.W.grad.subarray((k - 1) * n).some((v) => v !== 0)).toBe(true);
      gemm.close();
    });
});
