import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/random/rng.js';
import { exp, log, log1p, tanh, sigmoid, logSumExp } from '../../src/nn/math.js';
import { Adam, clipGradNorm, gradNorm } from '../../src/nn/optim.js';
import { Param, fillGaussian } from '../../src/nn/tensor.js';
import { base64ToBytes, bytesToBase64, readWeights, writeWeights } from '../../src/nn/serialize.js';
import { Dense } from '../../src/nn/layers.js';

describe('engine-independent math', () => {
  it('exp and log agree with Math to a few float64 ulp over a wide range', () => {
    for (let x = -740; x <= 709; x += 0.37) {
      const e = exp(x);
      expect(Math.abs(e - Math.exp(x)) / Math.exp(x)).toBeLessThan(4e-15);
    }
    for (const x of [1e-310, 1e-300, 1e-8, 0.1, 0.5, 0.9999, 1, 1.0001, 2, 10, 1e10, 1e300]) {
      expect(Math.abs(log(x) - Math.log(x))).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(Math.log(x))));
    }
    expect(exp(NaN)).toBeNaN();
    expect(exp(1000)).toBe(Infinity);
    expect(exp(-1000)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log1p(1e-20)).toBe(1e-20);
    expect(tanh(0.3)).toBeCloseTo(Math.tanh(0.3), 14);
    expect(tanh(1e-6)).toBeCloseTo(Math.tanh(1e-6), 20);
    expect(sigmoid(-800)).toBe(0);
    expect(logSumExp([1000, 1000], 0, 2)).toBeCloseTo(1000 + Math.LN2, 10);
  });

  it('Gaussian draws are reproducible from the seed and look standard normal (fixed seed)', () => {
    const a = new Float32Array(20001),
      b = new Float32Array(20001);
    fillGaussian(a, new Rng(4));
    fillGaussian(b, new Rng(4));
    expect(a).toEqual(b);
    let s = 0,
      s2 = 0;
    for (const v of a) {
      s += v;
      s2 += v * v;
    }
    expect(Math.abs(s / a.length)).toBeLessThan(0.03);
    expect(Math.abs(s2 / a.length - 1)).toBeLessThan(0.04);
  });
});

describe('ziggurat normal draws', () => {
  // Φ by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7, far below the tolerances here)
  const phi = (x: number): number => {
    const z = Math.abs(x) / Math.SQRT2;
    const t = 1 / (1 + 0.3275911 * z);
    const erf =
      1 -
      ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
        t *
        Math.exp(-z * z);
    return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  };

  it('match the standard normal CDF (Kolmogorov–Smirnov) and its tails beyond the base layer (fixed seed)', () => {
    const n = 400_000;
    const a = new Float32Array(n);
    fillGaussian(a, new Rng(11));
    const sorted = Float64Array.from(a).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = phi(sorted[i]);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    // KS critical value at α = 1e-6: √(−ln(α/2)/(2n)) ≈ 0.0043 for n = 400,000 (a correct sampler fails 1 in 10⁶ seeds)
    expect(d).toBeLessThan(0.0043);
    // the tail |x| > 3.4426 (Marsaglia's tail method) holds 2·(1 − Φ(3.4426)) ≈ 5.76e-4 of the mass: ~230 draws,
    // Poisson sd ≈ 15; ±5 sd ≈ α 1e-6
    const tail = a.filter((v) => Math.abs(v) > 3.442619855899).length;
    const expected = n * 2 * (1 - phi(3.442619855899));
    expect(Math.abs(tail - expected)).toBeLessThan(5 * Math.sqrt(expected));
    // and the far tail is reached: |x| > 4 has probability 6.3e-5 (~25 draws)
    expect(a.some((v) => Math.abs(v) > 4)).toBe(true);
  });
});

describe('optimisers', () => {
  it('Adam: one step moves each weight by lr·sign(g) (bias-corrected), L2 and decoupled decay as PyTorch', () => {
    const p = new Param('w', [3], true, new Float32Array([1, -2, 3]));
    p.grad.set([0.5, -0.25, 0]);
    const adam = new Adam([p], { lr: 0.1 });
    adam.step();
    expect(p.value[0]).toBeCloseTo(0.9, 6);
    expect(p.value[1]).toBeCloseTo(-1.9, 6);
    expect(p.value[2]).toBe(3);
    expect(p.version).toBe(1);
    const q = new Param('w', [1], true, new Float32Array([2]));
    new Adam([q], { lr: 0.1, decoupledWeightDecay: 0.5 }).step(); // grad 0: only the decay
    expect(q.value[0]).toBeCloseTo(2 * (1 - 0.05), 6);
  });

  it('gradient clipping scales to the max norm', () => {
    const p = new Param('w', [2]);
    p.grad.set([3, 4]);
    expect(clipGradNorm([p], 1)).toBeCloseTo(5, 6);
    expect(gradNorm([p])).toBeCloseTo(1, 5);
  });
});

describe('weights in model files', () => {
  it('base64 round trips every length', () => {
    for (let n = 0; n < 10; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect(base64ToBytes(bytesToBase64(b))).toEqual(b);
      expect(bytesToBase64(b)).toBe(Buffer.from(b).toString('base64'));
    }
    expect(base64ToBytes('ab$=')).toBeNull();
    expect(base64ToBytes('abc')).toBeNull();
  });

  it('writes and reads back every bit; refuses wrong shapes, lengths, names and non-finite values', () => {
    const rng = new Rng(1);
    const a = new Dense(3, 2, rng, 'l1');
    const b = new Dense(3, 2, new Rng(2), 'l1');
    const saved = writeWeights(a.params);
    expect(readWeights(saved, b.params)).toEqual([]);
    expect(b.W.value).toEqual(a.W.value);
    expect(b.W.version).toBe(1);

    const bad = JSON.parse(JSON.stringify(saved));
    bad[0].shape = [2, 3];
    bad[1].data = bytesToBase64(new Uint8Array(4));
    bad.push({ name: 'extra', shape: [1], data: 'AAAAAA==' });
    const c = new Dense(3, 2, new Rng(3), 'l1');
    const before = c.W.value.slice();
    const problems = readWeights(bad, c.params);
    expect(problems).toEqual([
      'weights: "l1.W" has shape [2,3] but the model declares [3, 2]',
      'weights: "l1.b" holds 1 float32 values; its shape needs 2',
      'weights: "extra" is not a parameter of this model',
    ]);
    expect(c.W.value).toEqual(before);

    const nan = JSON.parse(JSON.stringify(saved));
    nan[1].data = bytesToBase64(new Uint8Array(new Float32Array([NaN, 1]).buffer));
    expect(readWeights(nan, c.params)).toEqual(['weights: "l1.b" has 1 values that are not finite numbers']);
    expect(readWeights({}, c.params)).toEqual(['weights must be a list of {name, shape, data}']);
    expect(readWeights([saved[0]], c.params)).toEqual(['weights: "l1.b" is missing']);
  });
});
