import { describe, expect, it } from 'vitest';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { GraphicalModel } from '../../src/pgm/model.js';
import { sampleCodes } from '../../src/pgm/sample.js';
import { Rng } from '../../src/random/rng.js';

function counts(codes: Int32Array[], sizes: number[], attrs: number[], n: number): Float64Array {
  let cells = 1;
  for (const a of attrs) cells *= sizes[a];
  const out = new Float64Array(cells);
  for (let r = 0; r < n; r++) {
    let idx = 0;
    for (const a of attrs) idx = idx * sizes[a] + codes[a][r];
    out[idx]++;
  }
  return out;
}

/** Pearson chi-square p-value of observed counts against expected probabilities (cells with p = 0 must be empty). */
function pValue(obs: Float64Array, expected: Float64Array, n: number): number {
  let stat = 0;
  let df = -1;
  for (let i = 0; i < obs.length; i++) {
    const e = expected[i] * n;
    if (e === 0) {
      expect(obs[i]).toBe(0);
      continue;
    }
    stat += ((obs[i] - e) * (obs[i] - e)) / e;
    df++;
  }
  return 1 - chisquareCdf(stat, df);
}

describe('sampleCodes', () => {
  const sizes = [2, 3, 4, 2, 3];
  const cliques = [[0, 1], [1, 2], [2, 3], [0, 3], [4]];
  const rng0 = new Rng(11);
  const base = new GraphicalModel(sizes, cliques, null, 1);
  const pots = base.potentials.map((p) => p.map(() => 1.5 * rng0.normal()));
  pots[1][5] = -Infinity; // a structural zero
  const model = new GraphicalModel(sizes, cliques, pots, 1);
  const n = 20000;

  for (const method of ['iid', 'systematic'] as const) {
    it(`draws records with the model's marginals (${method}, chi-square α = 1e-6)`, () => {
      const codes = sampleCodes(model, n, new Rng(99), method);
      let bad = 0;
      for (let a = 0; a < sizes.length; a++) for (const v of codes[a]) if (!(v >= 0 && v < sizes[a])) bad++;
      expect(bad).toBe(0);
      for (const q of [
        [0, 1],
        [1, 2],
        [2, 3],
        [0, 3],
        [0, 2, 4],
        [1, 3],
      ]) {
        expect(pValue(counts(codes, sizes, q, n), model.marginal(q), n)).toBeGreaterThan(1e-6);
      }
    });
  }

  it('systematic sampling keeps one-clique counts within one of their expectation at the root', () => {
    const codes = sampleCodes(model, n, new Rng(3), 'systematic');
    const root = [...model.jt.cliques[0]];
    const obs = counts(codes, sizes, root, n);
    const p = model.marginal(root);
    obs.forEach((o, i) => expect(Math.abs(o - p[i] * n)).toBeLessThanOrEqual(1));
  });

  it('is reproducible from the seed', () => {
    const a = sampleCodes(model, 500, new Rng(4));
    const b = sampleCodes(model, 500, new Rng(4));
    expect(a).toEqual(b);
  });
});
