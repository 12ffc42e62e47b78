import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/random/rng.js';
import { Activation, Dense, Dropout, Sequential } from '../../src/nn/layers.js';
import { ResidualConcat } from '../../src/nn/residual.js';
import { gradientPenalty, packRows } from '../../src/nn/gradient-penalty.js';
import { mat } from '../../src/nn/tensor.js';
import { ctxOf, dot, randomMat, touchAll, worstRelativeError } from './gradcheck.js';

describe('CTGAN layers against finite differences', () => {
  it('ResidualConcat: [ReLU(BN(x·W + b)) | x], input and parameter gradients', () => {
    const rng = new Rng(5);
    const layer = new ResidualConcat(6, 4, rng);
    const x = randomMat(8, 6, rng, 2);
    const r = randomMat(8, 10, rng);
    const loss = () => {
      touchAll(layer.params);
      return dot(layer.forward(x, ctxOf()), r);
    };
    const y = layer.forward(x, ctxOf());
    // the input is passed through after the new features
    for (let i = 0; i < 8; i++)
      for (let j = 0; j < 6; j++) expect(y.data[i * 10 + 4 + j]).toBe(x.data[i * 6 + j]);
    for (const p of layer.params) if (p.trainable) p.zeroGrad();
    loss();
    const dx = layer.backward(r, ctxOf())!;
    expect(
      worstRelativeError(x.data, Float32Array.from(dx.data.subarray(0, 48)), loss),
      'input',
    ).toBeLessThan(2e-2);
    for (const p of layer.params)
      if (p.trainable)
        expect(worstRelativeError(p.value, Float32Array.from(p.grad), loss), p.name).toBeLessThan(2e-2);
  });

  it('gradientPenalty: the WGAN-GP weight gradient (double backward) of a LeakyReLU/Dropout critic', () => {
    const rng = new Rng(8);
    const critic = new Sequential([
      new Dense(12, 9, rng),
      new Activation('leaky-relu', 0.2),
      new Dropout(0.5),
      new Dense(9, 7, rng),
      new Activation('leaky-relu', 0.2),
      new Dropout(0.5),
      new Dense(7, 1, rng),
    ]);
    const x = randomMat(20, 3, rng, 1.5);
    const packed = packRows(x, 4); // 5 packs of 4 rows
    expect([packed.rows, packed.cols]).toEqual([5, 12]);
    // the same dropout masks every call: the context's stream restarts at the same seed
    const P = () => {
      touchAll(critic.params);
      for (const p of critic.params) p.zeroGrad();
      return gradientPenalty(critic, packed, 10, ctxOf(3));
    };
    // ∇ₓD by finite differences of the critic's output, to check the penalty's value
    const out = (xs: Float32Array) => critic.forward(mat(5, 12, xs), ctxOf(3)).data.slice(0, 5);
    let expected = 0;
    for (let g = 0; g < 5; g++) {
      let s = 0;
      for (let j = 0; j < 12; j++) {
        const xs = Float32Array.from(packed.data);
        const h = 1e-2;
        xs[g * 12 + j] += h;
        const up = out(xs)[g];
        xs[g * 12 + j] -= 2 * h;
        const down = out(xs)[g];
        s += ((up - down) / (2 * h)) ** 2;
      }
      expected += (Math.sqrt(s) - 1) ** 2;
    }
    expect(P()).toBeCloseTo((10 / 5) * expected, 2);
    P();
    for (const p of critic.params) {
      if (!p.trainable) continue;
      const analytic = Float32Array.from(p.grad);
      if (p.name.endsWith('.b')) expect(Array.from(analytic).every((v) => v === 0)).toBe(true);
      else expect(worstRelativeError(p.value, analytic, P, 1e-3), p.name).toBeLessThan(2e-2);
    }
  });
});
