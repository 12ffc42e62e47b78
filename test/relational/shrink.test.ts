import { describe, expect, it } from 'vitest';
import { balancedCounts, dealCells, shrinkNoisyCounts } from '../../src/relational/shrink.js';
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

describe('balancedCounts (sampling from released probabilities)', () => {
  it('sums to n, never negative, and is reproducible from its seed', () => {
    const p = [0.5, 0.2, 0.2, 0.1, 0];
    for (const n of [0, 1, 7, 1000, 12345]) {
      const c = balancedCounts(p, n, new Rng(n + 1));
      expect(c.reduce((a, v) => a + v, 0)).toBe(n);
      for (const v of c) expect(v).toBeGreaterThanOrEqual(0);
      expect(c[4]).toBe(0); // a cell of probability 0 gets nothing
      expect(Array.from(balancedCounts(p, n, new Rng(n + 1)))).toEqual(Array.from(c));
    }
  });

  it("77 equal cells of 50 rows: the counts spread like a Poisson(50) sample's quantiles, in every run", () => {
    // a multinomial draw's 77 counts have sd 7.0 on average but 6.1–7.9 across runs (5 %–95 %; outside 6.6–7.4 in
    // 48 % of runs, so a multinomial fails this test with probability 1 − 0.52²⁰ ≈ 1); the balanced
    // ones are the mixture's quantiles (equal cells: the same values whatever the seed), sd 7.11 (20 fixed seeds)
    const p = new Array(77).fill(1 / 77);
    for (let seed = 1; seed <= 20; seed++) {
      const c = balancedCounts(p, 77 * 50, new Rng(seed));
      expect(sd(c)).toBeGreaterThan(6.6);
      expect(sd(c)).toBeLessThan(7.4);
      const sorted = Array.from(c).sort((a, b) => a - b);
      expect(sorted[38]).toBeGreaterThanOrEqual(49);
      expect(sorted[38]).toBeLessThanOrEqual(51);
    }
  });

  it('keeps the cells in the order of their probabilities when these differ by far more than the spread', () => {
    const c = balancedCounts([0.01, 0.1, 0.3, 0.59], 10_000, new Rng(4));
    expect(c[0]).toBeLessThan(c[1]);
    expect(c[1]).toBeLessThan(c[2]);
    expect(c[2]).toBeLessThan(c[3]);
    expect(Math.abs(c[3] - 5900)).toBeLessThan(5 * Math.sqrt(5900));
  });

  it('falls back to independent draws when the mixture table would be too large, still summing to n', () => {
    const c = balancedCounts([0.999, 0.001], 4_500_000, new Rng(2));
    expect(c[0] + c[1]).toBe(4_500_000);
    expect(Math.abs(c[1] - 4500)).toBeLessThan(6 * Math.sqrt(4500));
  });
});

describe('dealCells (stratified deal of cells to rows, post-processing)', () => {
  // 77 cells of 40–60 rows (3,850 rows), 20 % of the rows weigh 2, the rest 1 (berka: accounts with 2 dispositions)
  const per = Int32Array.from({ length: 77 }, (_, v) => 40 + (v % 21));
  const n = per.reduce((a, b) => a + b, 0);
  const weights = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 2 : 1));
  const weightPerCell = (cells: Int32Array) => {
    const w = new Float64Array(per.length);
    cells.forEach((v, i) => (w[v] += weights[i]));
    return w;
  };

  it('gives every cell exactly its number of rows, reproducibly from the seed', () => {
    const a = dealCells(per, weights, new Rng(3));
    const got = new Int32Array(per.length);
    for (const v of a) got[v]++;
    expect(Array.from(got)).toEqual(Array.from(per));
    expect(Array.from(dealCells(per, weights, new Rng(3)))).toEqual(Array.from(a));
  });

  it("keeps each cell's total weight within 1 of its share, where a random deal spreads it by about ±3", () => {
    // stratified: |Σ weights − 1.2 · per| ≤ 1 in every cell (each cell takes its slots evenly along the sorted rows)
    for (const seed of [1, 2, 3]) {
      const w = weightPerCell(dealCells(per, weights, new Rng(seed)));
      for (let v = 0; v < per.length; v++) expect(Math.abs(w[v] - 1.2 * per[v])).toBeLessThanOrEqual(1.0001);
    }
    // without weights the deal is random: the excess weight spreads like a binomial (sd ≈ √(50 · 0.16) ≈ 2.8)
    const r = weightPerCell(dealCells(per, null, new Rng(1)));
    const dev = Array.from(r, (x, v) => Math.abs(x - 1.2 * per[v]));
    expect(Math.max(...dev)).toBeGreaterThan(3);
  });
});
