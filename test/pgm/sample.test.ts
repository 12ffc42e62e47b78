import { describe, expect, it } from 'vitest';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { GraphicalModel } from '../../src/pgm/model.js';
import { conditionalBeliefs, sampleCodes } from '../../src/pgm/sample.js';
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

describe('conditional sampling with evidence', () => {
  const sizes = [2, 3, 4, 2, 3];
  const cliques = [[0, 1], [1, 2], [2, 3], [0, 3], [4]];
  const rng0 = new Rng(5);
  const base = new GraphicalModel(sizes, cliques, null, 1);
  const pots = base.potentials.map((p) => p.map(() => 1.2 * rng0.normal()));
  const model = new GraphicalModel(sizes, cliques, pots, 1);

  /** p(x) by enumeration of every cell: Π exp θ_k(x_Ck), normalised. */
  function joint(): Float64Array {
    const cells = sizes.reduce((a, b) => a * b, 1);
    const p = new Float64Array(cells);
    const x = new Array<number>(sizes.length).fill(0);
    let z = 0;
    for (let i = 0; i < cells; i++) {
      let r = i;
      for (let a = sizes.length - 1; a >= 0; a--) {
        x[a] = r % sizes[a];
        r = Math.floor(r / sizes[a]);
      }
      let s = 0;
      cliques.forEach((c, k) => {
        let idx = 0;
        for (const a of c) idx = idx * sizes[a] + x[a];
        s += pots[k][idx];
      });
      p[i] = Math.exp(s);
      z += p[i];
    }
    return p.map((v) => v / z);
  }

  it('draws from p(x | evidence) exactly (chi-square against enumeration, α = 1e-6)', () => {
    // evidence: attribute 2 ∈ {1, 3}, attribute 4 = 0 with weight 1 and = 2 with weight 0.5 (soft)
    const ev = [null, null, Float64Array.of(0, 1, 0, 1), null, Float64Array.of(1, 0, 0.5)];
    const p = joint();
    const post = new Float64Array(p.length);
    const x = new Array<number>(sizes.length);
    for (let i = 0; i < p.length; i++) {
      let r = i;
      for (let a = sizes.length - 1; a >= 0; a--) {
        x[a] = r % sizes[a];
        r = Math.floor(r / sizes[a]);
      }
      post[i] = p[i] * ev[2]![x[2]] * ev[4]![x[4]];
    }
    const z = post.reduce((a, b) => a + b, 0);
    const n = 30000;
    for (const method of ['iid', 'systematic'] as const) {
      const codes = sampleCodes(model, n, new Rng(8), method, ev);
      const obs = counts(codes, sizes, [0, 1, 2, 3, 4], n);
      expect(
        pValue(
          obs,
          post.map((v) => v / z),
          n,
        ),
      ).toBeGreaterThan(1e-6);
      expect(codes[2].filter((v) => v !== 1 && v !== 3).length).toBe(0);
      expect(codes[4].filter((v) => v !== 0 && v !== 2).length).toBe(0);
    }
  });

  it('returns null beliefs for impossible evidence and sampleCodes says so', () => {
    const zeroPots = pots.map((t) => Float64Array.from(t));
    // attribute 0 = 1 is impossible: every cell of clique [0, 1] with a0 = 1 is a structural zero
    for (let j = 3; j < 6; j++) zeroPots[0][j] = -Infinity;
    const m = new GraphicalModel(sizes, cliques, zeroPots, 1);
    const ev = [Float64Array.of(0, 1), null, null, null, null];
    expect(conditionalBeliefs(m, ev)).toBeNull();
    expect(() => sampleCodes(m, 10, new Rng(1), 'iid', ev)).toThrow(/probability 0/);
    expect(conditionalBeliefs(m, [Float64Array.of(1, 0), null, null, null, null])).not.toBeNull();
  });
});
