import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, test } from 'vitest';
import {
  gaussianTable,
  LatticeGaussian,
  MIN_TABLE_WIDTH,
  minTau,
  SAMPLER_DELTA0_MAX,
  SAMPLER_ETA_MAX,
  sampleTable,
  samplerSlack,
} from '../../src/privacy/lattice-gaussian.js';
import { SecureRng } from '../../src/random/secure.js';
import { chiSquareBinnedP } from './chi-square.js';

// Distribution tests: fixed numbers of draws, chi-square goodness of fit at α = 1e-6 — a correct sampler fails a
// test with probability 1e-6; the power checks show a wrong distribution fails.
const ALPHA = 1e-6;
const rng = new SecureRng();

/** Counts of draws in [−hi, hi] (index j + hi) and the exact discrete Gaussian expectation. */
function tableTest(r2Table: number, r2Pmf: number, draws: number): number {
  const t = gaussianTable(r2Table);
  const hi = Math.ceil(Math.sqrt(r2Pmf) * 8);
  const obs = new Float64Array(2 * hi + 3); // first and last cells: the two tails
  for (let i = 0; i < draws; i++) {
    const j = sampleTable(t, rng);
    obs[j < -hi ? 0 : j > hi ? obs.length - 1 : j + hi + 1]++;
  }
  let z = 0;
  const lim = Math.ceil(Math.sqrt(r2Pmf) * 40);
  for (let j = -lim; j <= lim; j++) z += Math.exp((-j * j) / (2 * r2Pmf));
  const exp = new Float64Array(obs.length);
  let inside = 0;
  for (let j = -hi; j <= hi; j++) {
    exp[j + hi + 1] = (Math.exp((-j * j) / (2 * r2Pmf)) / z) * draws;
    inside += exp[j + hi + 1];
  }
  exp[0] = exp[obs.length - 1] = (draws - inside) / 2;
  return chiSquareBinnedP(obs, exp);
}

describe('the certified table of D_ℤ,r', () => {
  test.each([2.5, 10, 1000])('draws follow the exact discrete Gaussian (r² = %s)', (r2) => {
    expect(tableTest(r2, r2, 200_000)).toBeGreaterThan(ALPHA);
  });
  test('power: r² = 12 draws are rejected against the r² = 10 pmf', () => {
    expect(tableTest(12, 10, 200_000)).toBeLessThan(ALPHA);
  });
  test('certified bounds: relative error ≤ 2^-90 per entry, tail ≤ 2^-120', () => {
    for (const r2 of [1, 10, 2049 ** 2, 4000 ** 2 + 0.25]) {
      const t = gaussianTable(r2);
      expect(t.eta).toBeLessThan(2 ** -90);
      expect(t.tail).toBeLessThan(2 ** -120);
      expect(t.maxAbs).toBeGreaterThan(13 * Math.sqrt(r2));
    }
    expect(() => gaussianTable(0.5)).toThrow();
  });
});

describe('LatticeGaussian: K = J₀ + L·J₁ (+ L²·J₂)', () => {
  test.each([
    [1, 10, 'auto'],
    [2, 10, 'auto'], // three draws per coordinate: the wasm kernel
    [2, 7, 'wasm'], // DP-SGD's noise (DpSgdNoise), as it runs
    [2, 7, 'js'], // its TypeScript reference (lattice-noise-wasm.test.ts: the same bits on the same words)
    [3, 5, 'auto'],
  ] as const)(
    'draws follow N(0, s²) on 40 equal-probability bins (%s level(s) above a base of 2^%s, engine %s)',
    (levels, levelBits, engine) => {
      const tau = minTau(levels, levelBits) * 1.3;
      if (levelBits === 10) {
        let sumL2 = 0;
        for (let l = 0; l <= levels; l++) sumL2 += 2 ** (20 * l);
        expect(tau).toBeCloseTo(Math.sqrt(MIN_TABLE_WIDTH ** 2 * sumL2 - 4) * 1.3, 3);
      }
      const lg = new LatticeGaussian(tau, { levels, levelBits });
      expect(lg.tau).toBeGreaterThanOrEqual(tau);
      const draws = 200_000;
      const bins = 40;
      const out = new Float64Array(draws);
      lg.fillInt(out, rng, engine);
      // bin edges at the quantiles of N(0, s²); a bin [a, b] of integers has probability Φ((b+½)/s) − Φ((a−½)/s)
      // under D_ℤ,s up to a relative 1/s² (s > 2e6 here)
      const edges: number[] = [];
      for (let k = 1; k < bins; k++)
        edges.push(Math.round(lg.s * Math.SQRT2 * inverseErf((2 * k) / bins - 1)));
      const obs = new Float64Array(bins);
      for (const v of out) {
        let b = 0;
        while (b < bins - 1 && v >= edges[b]) b++;
        obs[b]++;
      }
      const exp = new Float64Array(bins);
      for (let b = 0; b < bins; b++) {
        const lo = b === 0 ? -Infinity : edges[b - 1] - 0.5;
        const hi = b === bins - 1 ? Infinity : edges[b] - 0.5;
        exp[b] = (normalCdf(hi, 0, lg.s) - normalCdf(lo, 0, lg.s)) * draws;
      }
      expect(chiSquareBinnedP(obs, exp)).toBeGreaterThan(ALPHA);
      // power: the same draws against a 3 % wider Gaussian are rejected
      const wrong = new Float64Array(bins);
      for (let b = 0; b < bins; b++) {
        const lo = b === 0 ? -Infinity : edges[b - 1] - 0.5;
        const hi = b === bins - 1 ? Infinity : edges[b] - 0.5;
        wrong[b] = (normalCdf(hi, 0, lg.s * 1.03) - normalCdf(lo, 0, lg.s * 1.03)) * draws;
      }
      expect(chiSquareBinnedP(obs, wrong)).toBeLessThan(ALPHA);
      // the low digits are spread too: K mod 2 is a fair coin (chi-square on 2 cells)
      let odd = 0;
      for (const v of out) odd += Math.abs(v) % 2;
      expect(chiSquareBinnedP([odd, draws - odd], [draws / 2, draws / 2])).toBeGreaterThan(ALPHA);
    },
  );

  test('a tie of U₀ with an entry is decided by U’s further words (crafted words, the DP-SGD sampler)', () => {
    const lg = new LatticeGaussian(minTau(2, 7) * 1.3, { levels: 2, levelBits: 7 });
    const t = gaussianTable(lg.r2);
    const k = t.maxAbs + 3; // an entry near the middle: J = 3
    const f0 = t.first[k];
    const f1 = t.words[k * 8 + 1];
    expect(t.first[k + 1]).toBeGreaterThan(f0 + 1);
    expect(f1).toBeGreaterThan(0);
    expect(f1).toBeLessThan(0xffffffff);
    // draw 1: U₀ = F̃(3)'s first word, U₁ just below its second → U < F̃(3) → J₀ = 3;
    // draw 2: U₀ ties again, U₁ just above → U > F̃(3) → J₁ = 4; draw 3: U₀ one above F̃(3)'s first word → J₂ = 4
    const words = [f0, f1 - 1, f0, f1 + 1, f0 + 1];
    const crafted = {
      getRandomValues<T extends Uint32Array>(a: T): T {
        for (let i = 0; i < a.length; i++) a[i] = words[i] ?? 0x80000000;
        return a;
      },
    };
    const out = new Float64Array(1);
    lg.fillInt(out, new SecureRng(crafted));
    expect(out[0]).toBe(3 + 128 * 4 + 128 * 128 * 4);
    // the same three draws one by one through the base table
    const one = new SecureRng(crafted);
    expect([sampleTable(t, one), sampleTable(t, one), sampleTable(t, one)]).toEqual([3, 4, 4]);
  });

  test('τ = √(s² − 2²) is never above s; the slack is certified and tiny', () => {
    const lg = new LatticeGaussian(3e6, { levels: 1 });
    expect(lg.tau).toBeLessThan(lg.s);
    expect(lg.tau).toBeGreaterThanOrEqual(3e6);
    expect(lg.eta).toBeLessThanOrEqual(SAMPLER_ETA_MAX);
    expect(lg.delta0).toBeLessThanOrEqual(SAMPLER_DELTA0_MAX);
    // 10^6 coordinates × 10^5 steps: ε grows by < 1e-16, δ by < 1e-20 at ε = 10
    const slack = samplerSlack(1e11, SAMPLER_ETA_MAX, SAMPLER_DELTA0_MAX);
    expect(slack.epsilon).toBeLessThan(1e-16);
    expect(slack.delta(10, 1e-9)).toBeLessThan(1e-20);
    expect(() => new LatticeGaussian(1000, { levels: 1 })).toThrow(/too small/);
  });
});

/** erf⁻¹ by Newton on erf (for bin edges only). */
function inverseErf(y: number): number {
  let x = 0;
  for (let i = 0; i < 60; i++) {
    const e = 2 * normalCdf(x * Math.SQRT2, 0, 1) - 1 - y;
    x -= e / ((2 / Math.sqrt(Math.PI)) * Math.exp(-x * x));
  }
  return x;
}
