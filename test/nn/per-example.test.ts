import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/random/rng.js';
import { Activation, BatchNorm, Dense, Embedding, LayerNorm, Sequential } from '../../src/nn/layers.js';
import { clipPerExample } from '../../src/nn/per-example.js';
import { mat, type Mat } from '../../src/nn/tensor.js';
import { ctxOf, randomMat } from './gradcheck.js';

/** Row i of m as a 1-row Mat. */
function row(m: Mat, i: number): Mat {
  return mat(1, m.cols, m.data.slice(i * m.cols, (i + 1) * m.cols));
}

describe('per-example gradients for DP-SGD', () => {
  const rng = new Rng(9);
  const net = new Sequential([
    new Dense(5, 7, rng),
    new LayerNorm(7),
    new Activation('tanh'),
    new Dense(7, 3, rng),
  ]);
  const x = randomMat(6, 5, rng);
  const dy = randomMat(6, 3, rng, 3);

  // the truth: one backward per example, gradients materialised
  const perExample = Array.from({ length: 6 }, (_, i) => {
    for (const p of net.params) p.zeroGrad();
    net.forward(row(x, i), ctxOf());
    net.backward(row(dy, i), ctxOf());
    return net.params.map((p) => Float64Array.from(p.grad));
  });
  const trueNorms = perExample.map((gs) =>
    Math.sqrt(gs.reduce((s, g) => s + g.reduce((a, v) => a + v * v, 0), 0)),
  );

  it('ghost norms equal the norms of materialised per-example gradients', () => {
    net.forward(x, ctxOf());
    net.backward(dy, ctxOf(), { params: 'per-example' });
    const acc = new Float64Array(6);
    net.addSquaredNorms(acc);
    for (let i = 0; i < 6; i++) expect(Math.sqrt(acc[i])).toBeCloseTo(trueNorms[i], 4);
  });

  it('a per-example backward leaves Param.grad alone; clipPerExample adds the clipped sum', () => {
    for (const p of net.params) p.zeroGrad();
    net.forward(x, ctxOf());
    net.backward(dy, ctxOf(), { params: 'per-example' });
    expect(net.params.every((p) => p.grad.every((v) => v === 0))).toBe(true);
    const C = Math.min(...trueNorms) * 1.5; // some examples clipped, some not
    const { norms, scales } = clipPerExample([net], 6, C, ctxOf());
    for (let i = 0; i < 6; i++) {
      expect(norms[i]).toBeCloseTo(trueNorms[i], 4);
      expect(norms[i] * scales[i]).toBeLessThanOrEqual(C);
    }
    expect(scales.some((s) => s < 1) && scales.some((s) => s === 1)).toBe(true);
    net.params.forEach((p, k) => {
      for (let j = 0; j < p.grad.length; j++) {
        let want = 0;
        for (let i = 0; i < 6; i++) want += Math.min(1, C / trueNorms[i]) * perExample[i][k][j];
        expect(p.grad[j]).toBeCloseTo(want, 4);
      }
    });
  });

  it('embeddings give per-example norms too', () => {
    const e = new Embedding(4, 3, rng);
    const idx = new Int32Array([1, 1, 3]);
    e.lookup(idx);
    const g = randomMat(3, 3, rng);
    e.backward(g, { params: 'per-example' });
    const acc = new Float64Array(3);
    e.addSquaredNorms(acc);
    for (let i = 0; i < 3; i++) {
      let s = 0;
      for (let j = 0; j < 3; j++) s += g.data[i * 3 + j] ** 2;
      expect(acc[i]).toBeCloseTo(s, 6);
    }
  });

  it('batch norm refuses per-example mode (it mixes the examples)', () => {
    const bn = new BatchNorm(5);
    bn.forward(x, ctxOf());
    expect(() => bn.backward(randomMat(6, 5, rng), ctxOf(), { params: 'per-example' })).toThrow(/DP-SGD/);
  });

  it('a clipping norm ≤ 0 is refused', () => {
    expect(() => clipPerExample([net], 6, 0, ctxOf())).toThrow(/> 0/);
  });
});
