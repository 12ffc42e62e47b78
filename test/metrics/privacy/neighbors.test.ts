import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/random/rng.js';
import { distance, nearestTwo, sortCandidates } from '../../../src/metrics/privacy/neighbors.js';
import type { Encoded } from '../../../src/metrics/privacy/space.js';

/** Random rows with few distinct values (many ties) and ~10% missing cells. */
function randomRows(rng: Rng, n: number, nNum: number, nCat: number, levels: number): Encoded {
  const num = new Float64Array(n * nNum);
  const cat = new Int32Array(n * nCat);
  for (let i = 0; i < num.length; i++)
    num[i] = rng.float() < 0.1 ? NaN : rng.int(5) / 4 + (rng.float() < 0.2 ? 0.3 : 0);
  for (let i = 0; i < cat.length; i++) cat[i] = rng.float() < 0.1 ? -1 : rng.int(levels);
  return { n, nNum, nCat, num, cat, numCols: [], catCols: [] };
}

function bruteForce(q: Encoded, c: Encoded, excludeSelf = false): { d1: number[]; d2: number[] } {
  const d1: number[] = [],
    d2: number[] = [];
  for (let i = 0; i < q.n; i++) {
    const ds: number[] = [];
    for (let j = 0; j < c.n; j++) if (!(excludeSelf && i === j)) ds.push(distance(q, i, c, j));
    ds.sort((a, b) => a - b);
    d1.push(ds[0]);
    d2.push(ds[1] ?? Infinity);
  }
  return { d1, d2 };
}

describe('distance', () => {
  it('is the Gower mean of clipped numeric differences and category mismatches, missing handled', () => {
    const a: Encoded = {
      n: 1,
      nNum: 2,
      nCat: 2,
      num: Float64Array.of(0.2, NaN),
      cat: Int32Array.of(1, -1),
      numCols: [],
      catCols: [],
    };
    const b: Encoded = {
      n: 1,
      nNum: 2,
      nCat: 2,
      num: Float64Array.of(1.7, NaN),
      cat: Int32Array.of(2, -1),
      numCols: [],
      catCols: [],
    };
    const c: Encoded = {
      n: 1,
      nNum: 2,
      nCat: 2,
      num: Float64Array.of(0.5, 0),
      cat: Int32Array.of(1, 3),
      numCols: [],
      catCols: [],
    };
    // |0.2-1.7| clipped to 1, both missing 0, mismatch 1, both missing 0
    expect(distance(a, 0, b, 0)).toBeCloseTo(2 / 4, 12);
    // 0.3 + one missing 1 + match 0 + one missing 1
    expect(distance(a, 0, c, 0)).toBeCloseTo(2.3 / 4, 12);
    expect(distance(a, 0, a, 0)).toBe(0);
  });
});

describe('nearestTwo', () => {
  it.each([
    [3, 4, 6],
    [2, 9, 3], // three packed words: run skips on the first two
    [2, 9, 300], // more than 254 categories: the unpacked path
    [0, 5, 3],
    [4, 0, 1],
  ])('agrees with brute force (nNum %i, nCat %i, %i levels)', (nNum, nCat, levels) => {
    const rng = new Rng(7 + nNum * 10 + nCat);
    const q = randomRows(rng, 150, nNum, nCat, levels);
    const c = randomRows(rng, 230, nNum, nCat, levels);
    const fast = nearestTwo(q, c);
    const slow = bruteForce(q, c);
    for (let i = 0; i < q.n; i++) {
      expect(fast.d1[i]).toBeCloseTo(slow.d1[i], 12);
      expect(fast.d2[i]).toBeCloseTo(slow.d2[i], 12);
      expect(distance(q, i, c, fast.i1[i])).toBeCloseTo(slow.d1[i], 12);
    }
  });

  it('excludes the row itself when asked, and splits work by query range', () => {
    const rng = new Rng(3);
    const x = randomRows(rng, 200, 2, 3, 4);
    const fast = nearestTwo(x, sortCandidates(x), { excludeSelf: true });
    const slow = bruteForce(x, x, true);
    for (let i = 0; i < x.n; i++) expect(fast.d1[i]).toBeCloseTo(slow.d1[i], 12);
    const part = nearestTwo(x, x, { excludeSelf: true, from: 50, to: 120 });
    expect(part.d1.length).toBe(70);
    for (let r = 0; r < 70; r++) expect(part.d1[r]).toBeCloseTo(slow.d1[50 + r], 12);
  });

  it('breaks ties for the nearest uniformly at random when given an Rng', () => {
    // 4 identical candidates, 4000 identical queries: each candidate should be reported ~1000 times
    const c: Encoded = {
      n: 4,
      nNum: 1,
      nCat: 1,
      num: new Float64Array(4),
      cat: new Int32Array(4),
      numCols: [],
      catCols: [],
    };
    const q: Encoded = {
      n: 4000,
      nNum: 1,
      nCat: 1,
      num: new Float64Array(4000),
      cat: new Int32Array(4000),
      numCols: [],
      catCols: [],
    };
    const r = nearestTwo(q, c, { rng: new Rng(8) });
    const counts = [0, 0, 0, 0];
    for (const i of r.i1) counts[i]++;
    // chi-square with 3 df; 30 is far beyond its 1e-6 quantile (≈ 30.7 is p = 1.4e-6)
    const chi = counts.reduce((s, k) => s + (k - 1000) ** 2 / 1000, 0);
    expect(chi).toBeLessThan(30);
    expect(Math.min(...r.d1)).toBe(0);
    // without an Rng the first candidate met is reported, the same for every query
    const det = nearestTwo(q, c).i1;
    expect(det.every((i) => i === det[0])).toBe(true);
  });
});
