import { describe, expect, it } from 'vitest';
import { subsampleIndices } from '../../src/metrics/subsample.js';
import { Rng } from '../../src/random/rng.js';

describe('subsampleIndices (Knuth, Algorithm S)', () => {
  it('m distinct indices in increasing order, all of them when m = n, none when m = 0', () => {
    const a = subsampleIndices(1000, 37, new Rng(1));
    expect(a).toHaveLength(37);
    for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
    expect(a[0]).toBeGreaterThanOrEqual(0);
    expect(a[36]).toBeLessThan(1000);
    expect([...subsampleIndices(5, 5, new Rng(2))]).toEqual([0, 1, 2, 3, 4]);
    expect(subsampleIndices(5, 0, new Rng(2))).toHaveLength(0);
    expect([...subsampleIndices(1000, 37, new Rng(1))]).toEqual([...a]);
  });

  it('every index is taken with probability m/n (chi-square over 20,000 draws, fixed seed)', () => {
    const n = 10;
    const m = 3;
    const draws = 20000;
    const hits = new Array<number>(n).fill(0);
    const rng = new Rng(11);
    for (let k = 0; k < draws; k++) for (const i of subsampleIndices(n, m, rng)) hits[i]++;
    const expected = (draws * m) / n;
    const chi2 = hits.reduce((s, h) => s + (h - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: P(χ² > 45) ≈ 1e-6 under uniform inclusion (fixed seed: deterministic anyway)
    expect(chi2).toBeLessThan(45);
  });
});
