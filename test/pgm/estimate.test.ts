import { describe, expect, it } from 'vitest';
import { estimateModel, estimateTotal } from '../../src/pgm/estimate.js';
import type { Measurement } from '../../src/pgm/estimate.js';
import { cellCount, indexMap, sumTo } from '../../src/pgm/factor.js';
import { calibrateLog, CalibrationPlan } from '../../src/pgm/inference.js';
import { buildJunctionTree } from '../../src/pgm/junction-tree.js';
import { GraphicalModel } from '../../src/pgm/model.js';
import { Rng } from '../../src/random/rng.js';

/** A random joint count table over all attributes (integer counts, some zero). */
function randomJoint(sizes: number[], seed: number): Float64Array {
  const rng = new Rng(seed);
  const n = cellCount(sizes);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.float() < 0.15 ? 0 : 1 + rng.int(20);
  return x;
}

function marginalOf(joint: Float64Array, sizes: number[], attrs: number[]): Float64Array {
  const all = sizes.map((_, i) => i);
  return sumTo(joint, indexMap(all, sizes, attrs), new Float64Array(cellCount(attrs.map((a) => sizes[a]))));
}

function exactMeasurements(joint: Float64Array, sizes: number[], cliques: number[][]): Measurement[] {
  return cliques.map((c) => ({ attrs: c, values: marginalOf(joint, sizes, c), sigma: 1 }));
}

function maxRelErr(a: Float64Array, b: Float64Array): number {
  let t = 0;
  let e = 0;
  for (let i = 0; i < a.length; i++) {
    e = Math.max(e, Math.abs(a[i] - b[i]));
    t += b[i];
  }
  return e / t;
}

const cases: [string, number[], number[][]][] = [
  [
    'tree',
    [3, 2, 4, 2],
    [
      [0, 1],
      [1, 2],
      [1, 3],
    ],
  ],
  [
    'cycle',
    [2, 3, 2, 2],
    [
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 3],
    ],
  ],
  [
    'disconnected',
    [3, 2, 2, 3],
    [
      [0, 1],
      [2, 3],
    ],
  ],
  ['single clique', [2, 3, 4], [[0, 1, 2]]],
  ['overlapping 3-way and 1-way', [2, 3, 2, 3, 2], [[0, 1, 2], [2, 3, 4], [1], [0, 4]]],
];

describe('estimateModel (Private-PGM mirror descent)', () => {
  for (const [name, sizes, cliques] of cases) {
    it(`reproduces exact marginals with zero noise: ${name}`, () => {
      const joint = randomJoint(sizes, 7);
      const ms = exactMeasurements(joint, sizes, cliques);
      const { model } = estimateModel(sizes, ms, { iters: 3000 });
      const total = joint.reduce((s, v) => s + v, 0);
      expect(model.total).toBeCloseTo(total, 8);
      for (const m of ms) expect(maxRelErr(model.marginal(m.attrs as number[]), m.values)).toBeLessThan(1e-4);
    });
  }

  it('plain (unaccelerated) mirror descent reaches the same exact marginals', () => {
    const sizes = [3, 2, 4, 2];
    const joint = randomJoint(sizes, 9);
    const ms = exactMeasurements(joint, sizes, [
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 3],
    ]);
    const { model } = estimateModel(sizes, ms, { iters: 5000, accelerated: false });
    for (const m of ms) expect(maxRelErr(model.marginal(m.attrs as number[]), m.values)).toBeLessThan(1e-4);
  });

  it('estimates the total by inverse-variance weighting', () => {
    const t = estimateTotal([
      { attrs: [0], values: Float64Array.from([10, 10]), sigma: 1 },
      { attrs: [1], values: Float64Array.from([40]), sigma: 1 },
    ]);
    // sums 20 (variance 2) and 40 (variance 1): (20/2 + 40/1) / (1/2 + 1)
    expect(t).toBeCloseTo(100 / 3, 12);
  });

  it('rejects bad measurements listing every problem', () => {
    expect(() =>
      estimateModel(
        [2, 2],
        [
          { attrs: [1, 0], values: new Float64Array(4), sigma: 1 },
          { attrs: [0], values: new Float64Array(3), sigma: 0 },
        ],
      ),
    ).toThrow(/strictly increasing[\s\S]*3 values[\s\S]*sigma/);
  });

  it('unmeasured attributes come out uniform and queries across cliques use elimination', () => {
    const sizes = [2, 3, 2, 2];
    const joint = randomJoint(sizes, 3);
    const ms = exactMeasurements(joint, sizes, [
      [0, 1],
      [1, 2],
    ]);
    const { model } = estimateModel(sizes, ms, { iters: 2000 });
    const m3 = model.marginal([3]);
    expect(m3[0]).toBeCloseTo(m3[1], 6);
    // p(0,2) = Σ_1 p(0,1) p(1,2) / p(1) for the chain model
    const p01 = marginalOf(joint, sizes, [0, 1]);
    const p12 = marginalOf(joint, sizes, [1, 2]);
    const p1 = marginalOf(joint, sizes, [1]);
    const total = p1.reduce((s, v) => s + v, 0);
    const got = model.marginal([0, 2]);
    for (let a = 0; a < 2; a++)
      for (let c = 0; c < 2; c++) {
        let want = 0;
        for (let b = 0; b < 3; b++) want += (p01[a * 3 + b] * p12[b * 2 + c]) / p1[b];
        expect(got[a * 2 + c] / total).toBeCloseTo(want / total, 4);
      }
  });
});

describe('belief propagation', () => {
  it('matches the log-space reference and brute force on a random tree model', () => {
    const sizes = [2, 3, 2, 4, 2];
    const cliques = [
      [0, 1],
      [1, 2, 3],
      [3, 4],
      [0, 4],
    ];
    const rng = new Rng(5);
    const model0 = new GraphicalModel(sizes, cliques, null, 10);
    const pots = model0.potentials.map((p) => p.map(() => 3 * rng.normal()));
    const model = new GraphicalModel(sizes, cliques, pots, 10);
    const jt = model.jt;
    const tp = model.treePotentials();
    const fast = new CalibrationPlan(jt).calibrate(tp, 10);
    const slow = calibrateLog(jt, tp, 10);
    fast.forEach((b, c) => b.forEach((v, i) => expect(v).toBeCloseTo(Math.exp(slow[c].values[i]), 10)));
    // brute force joint
    const all = [0, 1, 2, 3, 4];
    const n = cellCount(sizes);
    const logp = new Float64Array(n);
    cliques.forEach((c, k) => {
      const map = indexMap(all, sizes, [...c].sort());
      for (let i = 0; i < n; i++) logp[i] += pots[k][map[i]];
    });
    let z = 0;
    for (const v of logp) z += Math.exp(v);
    const joint = logp.map((v) => (10 * Math.exp(v)) / z);
    for (const q of [[0], [1, 3], [0, 2, 4], [2, 4], [0, 1, 2, 3, 4]]) {
      const want = marginalOf(joint, sizes, q);
      const got = model.marginal(q);
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 9));
    }
  });

  it('falls back to log space when probability-space messages underflow', () => {
    // p(a,b,c) ∝ exp(θ01(a,b) + θ12(b,c)) with θ01 = −800 where b = 1 and θ12 = −800 where b = 0: every cell has
    // log-potential −800, so p is uniform, but exp(−800) underflows to 0 in each clique separately
    const pots = [Float64Array.from([0, -800, 0, -800]), Float64Array.from([-800, -800, 0, 0])];
    const model = new GraphicalModel(
      [2, 2, 2],
      [
        [0, 1],
        [1, 2],
      ],
      pots,
      8,
    );
    for (const q of [[0], [1], [2], [0, 2]])
      for (const v of model.marginal(q)) expect(v).toBeCloseTo(8 / 2 ** q.length, 9);
  });

  it('builds the tree over model cliques', () => {
    const jt = buildJunctionTree(
      [2, 2, 2],
      [
        [0, 1],
        [1, 2],
      ],
    );
    expect(jt.cliques.length).toBe(2);
  });
});
