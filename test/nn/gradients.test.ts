import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/random/rng.js';
import {
  Activation,
  BatchNorm,
  Dense,
  Dropout,
  Embedding,
  LayerNorm,
  Sequential,
  SpanActivation,
  type Layer,
} from '../../src/nn/layers.js';
import { crossEntropy, gaussianNll, klStandardNormal, squaredError } from '../../src/nn/losses.js';
import { mat, type Mat } from '../../src/nn/tensor.js';
import { ctxOf, dot, randomMat, touchAll, worstRelativeError } from './gradcheck.js';

// Float32 forward passes with h = 1e-2: a correct gradient agrees to ~1e-3; a wrong one is off by O(1).
const TOL = 2e-2;

/** Check input and parameter gradients of a layer under the loss Σ r·y. */
function checkLayer(layer: Layer, x: Mat, seed = 1): void {
  const rng = new Rng(seed);
  const r = randomMat(x.rows, layer.forward(x, ctxOf()).cols, rng);
  const loss = (): number => {
    touchAll(layer.params);
    return dot(layer.forward(x, ctxOf()), r);
  };
  for (const p of layer.params) if (p.trainable) p.zeroGrad();
  loss();
  const dx = layer.backward(r, ctxOf())!;
  const analyticX = Float32Array.from(dx.data.subarray(0, x.rows * x.cols));
  expect(worstRelativeError(x.data, analyticX, loss), 'input gradient').toBeLessThan(TOL);
  for (const p of layer.params) {
    if (!p.trainable) continue;
    const analytic = Float32Array.from(p.grad);
    expect(worstRelativeError(p.value, analytic, loss), p.name).toBeLessThan(TOL);
  }
}

describe('finite-difference gradient checks', () => {
  const rng = new Rng(42);

  it('Dense', () => checkLayer(new Dense(7, 5, rng), randomMat(6, 7, rng)));

  for (const fn of ['relu', 'leaky-relu', 'silu', 'tanh', 'sigmoid'] as const) {
    it(`Activation ${fn}`, () => checkLayer(new Activation(fn, 0.2), randomMat(5, 9, rng, 2)));
  }

  it('Dropout (fixed mask)', () => checkLayer(new Dropout(0.5), randomMat(4, 10, rng)));

  it('BatchNorm in training mode', () => {
    const bn = new BatchNorm(6);
    for (let j = 0; j < 6; j++) {
      bn.gamma.value[j] = 0.5 + rng.float();
      bn.beta.value[j] = rng.float() - 0.5;
    }
    checkLayer(bn, randomMat(8, 6, rng, 3));
  });

  it('BatchNorm in evaluation mode uses the running statistics', () => {
    const bn = new BatchNorm(3);
    bn.runningMean.value.set([1, 2, 3]);
    bn.runningVar.value.set([4, 1, 0.25]);
    const y = bn.forward(mat(1, 3, new Float32Array([3, 2, 3.5])), ctxOf(1, false));
    expect(Array.from(y.data).map((v) => +v.toFixed(4))).toEqual([1, 0, 1]);
  });

  it('LayerNorm', () => {
    const ln = new LayerNorm(8);
    for (let j = 0; j < 8; j++) ln.gamma.value[j] = 0.5 + rng.float();
    checkLayer(ln, randomMat(5, 8, rng, 2));
  });

  it('Sequential of dense, norm and activations', () =>
    checkLayer(
      new Sequential([new Dense(6, 8, rng), new LayerNorm(8), new Activation('silu'), new Dense(8, 3, rng)]),
      randomMat(5, 6, rng),
    ));

  it('SpanActivation: tanh, softmax and Gumbel-softmax spans', () =>
    checkLayer(
      new SpanActivation(
        [
          { start: 0, width: 1, fn: 'tanh' },
          { start: 1, width: 3, fn: 'softmax' },
          { start: 4, width: 4, fn: 'gumbel-softmax' },
        ],
        0.5,
      ),
      randomMat(6, 9, rng),
    ));

  it('Embedding', () => {
    const e = new Embedding(5, 3, rng);
    const idx = new Int32Array([0, 3, 3, 4]);
    const r = randomMat(4, 3, rng);
    const loss = (): number => dot(e.lookup(idx), r);
    e.table.zeroGrad();
    loss();
    e.backward(r);
    expect(worstRelativeError(e.table.value, Float32Array.from(e.table.grad), loss)).toBeLessThan(TOL);
  });
});

describe('finite-difference checks of the losses', () => {
  const rng = new Rng(3);

  it('cross-entropy over a span, with ignored rows and weights', () => {
    const z = randomMat(5, 6, rng, 2);
    const t = new Int32Array([0, 2, -1, 1, 3]);
    const w = new Float32Array([1, 0.5, 1, 2, 1]);
    const g = mat(5, 6);
    const loss = (): number => crossEntropy(z, 1, 4, t, mat(5, 6), 1, w);
    crossEntropy(z, 1, 4, t, g, 1, w);
    expect(worstRelativeError(z.data, Float32Array.from(g.data), loss)).toBeLessThan(TOL);
    // columns outside the span have no gradient
    for (let i = 0; i < 5; i++) expect(g.data[i * 6] === 0 && g.data[i * 6 + 5] === 0).toBe(true);
  });

  it('Gaussian NLL with respect to the mean and the log scale', () => {
    const pred = randomMat(6, 4, rng);
    const target = randomMat(6, 4, rng);
    const ls = new Float32Array([0.1, -0.3]);
    const mask = new Float32Array([1, 1, 0, 1, 1, 1]);
    const g = mat(6, 4);
    const dls = new Float32Array(2);
    gaussianNll(pred, 1, 2, target, ls, g, dls, 1, mask);
    const loss = (): number => gaussianNll(pred, 1, 2, target, ls, mat(6, 4), null, 1, mask);
    const analytic = new Float32Array(24);
    for (let i = 0; i < 6; i++) for (let j = 1; j < 3; j++) analytic[i * 4 + j] = g.data[i * 4 + j];
    expect(worstRelativeError(pred.data, analytic, loss)).toBeLessThan(TOL);
    expect(worstRelativeError(ls, Float32Array.from(dls), loss)).toBeLessThan(TOL);
  });

  it('KL to the standard normal', () => {
    const mu = randomMat(4, 3, rng);
    const lv = randomMat(4, 3, rng);
    const dmu = mat(4, 3),
      dlv = mat(4, 3);
    klStandardNormal(mu, lv, dmu, dlv);
    const loss = (): number => klStandardNormal(mu, lv, mat(4, 3), mat(4, 3));
    expect(worstRelativeError(mu.data, Float32Array.from(dmu.data), loss)).toBeLessThan(TOL);
    expect(worstRelativeError(lv.data, Float32Array.from(dlv.data), loss)).toBeLessThan(TOL);
  });

  it('squared error', () => {
    const p = randomMat(3, 5, rng);
    const t = randomMat(3, 5, rng);
    const g = mat(3, 5);
    squaredError(p, t, g);
    const loss = (): number => squaredError(p, t, mat(3, 5));
    expect(worstRelativeError(p.data, Float32Array.from(g.data), loss)).toBeLessThan(TOL);
  });
});
