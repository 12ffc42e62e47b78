import { describe, expect, it } from 'vitest';
import { shrinkNoisyCounts } from '../../src/relational/shrink.js';
import { Rng } from '../../src/random/rng.js';

const sd = (x: ArrayLike<number>) => {
  const a = Array.from(x);
  const m = a.reduce((s, v) => s + v, 0) / a.length;
  return Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / a.length);
};

describe('shrinkNoisyCounts (empirical Bayes, post-processing)', () => {
  // 70 cells of about 50 and 7 large ones, σ = 13: the shape of berka's accounts per district (fixed seed)
  const truth = [...Array.from({ length: 70 }, (_, i) => 44 + (i % 12)), 90, 110, 130, 150, 170, 300, 550];
  const sigma = 13;
  const rng = new Rng(7);
  const noisy = Float64Array.from(truth, (x) => x + sigma * rng.normal());

  it('is non-negative, keeps the order of the noisy counts, and leaves isolated large counts near their value', () => {
    const s = shrinkNoisyCounts(Float64Array.from([-30, -5, 0, 3, ...noisy]), sigma);
    for (const v of s) expect(v).toBeGreaterThanOrEqual(0);
    const withNeg = [-30, -5, 0, 3, ...noisy];
    for (let i = 0; i < withNeg.length; i++)
      for (let j = 0; j < withNeg.length; j++)
        if (withNeg[i] < withNeg[j]) expect(s[i]).toBeLessThanOrEqual(s[j] + 1e-9);
    expect(Math.abs(s[s.length - 1] - noisy[noisy.length - 1])).toBeLessThan(2 * sigma);
  });

  it('pulls together the counts the noise cannot tell apart: the bulk spreads far less than the noise', () => {
    const s = shrinkNoisyCounts(noisy, sigma);
    const bulkNoisy = Array.from(noisy.slice(0, 70));
    const bulk = Array.from(s.slice(0, 70));
    // the true bulk spreads by 3.5, the noisy one by about 13.5; the shrunk one by a few units
    expect(sd(bulkNoisy)).toBeGreaterThan(10);
    expect(sd(bulk)).toBeLessThan(6);
    const mean = bulk.reduce((a, v) => a + v, 0) / bulk.length;
    expect(Math.abs(mean - 49.5)).toBeLessThan(5);
  });

  it('without noise to remove (σ small) returns the counts', () => {
    const s = shrinkNoisyCounts([3, 10, 40], 0.01);
    expect(Array.from(s, (v) => Math.round(v))).toEqual([3, 10, 40]);
  });
});
