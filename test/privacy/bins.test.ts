import { describe, expect, test } from 'vitest';
import { auditEpsilonLowerBound } from '../../src/privacy/audit.js';
import {
  binsFromWeights,
  cellOf,
  fineCounts,
  measureGrid,
  nextUp,
  publicGrid,
  releaseAdaptiveBins,
  treeWeights,
} from '../../src/privacy/bins.js';
import { PrivacyLedger } from '../../src/privacy/ledger.js';
import { SecureRng } from '../../src/random/secure.js';
import { Rng } from '../../src/random/rng.js';
import { discretizer, discretizerFromJSON } from '../../src/table/encode.js';
import '../../src/synthesizers/builtin.js';
import { getSynthesizer, loadModel } from '../../src/synthesizers/registry.js';
import type { Schema } from '../../src/table/schema.js';
import { Table } from '../../src/table/table.js';

const rng = new SecureRng();

describe('adaptive DP bins (privacy/bins.ts)', () => {
  test('the public grid: bounds first and last, point cells at the bounds and 0, log-spaced near 0', () => {
    const g = publicGrid(-100, 900_000, false);
    expect(g[0]).toBe(-100);
    expect(g.at(-1)).toBe(900_000);
    for (let k = 1; k < g.length; k++) expect(g[k]).toBeGreaterThanOrEqual(g[k - 1]);
    // point cells: min, 0 and max each appear twice
    for (const v of [-100, 0, 900_000]) expect(g.filter((x) => x === v)).toHaveLength(2);
    // cells near the mass of a skewed amount are far narrower than the equal-width 900 100 / 256
    const near = g.filter((x) => x > 1000 && x < 10_000);
    expect(near.length).toBeGreaterThan(20);
    // a function of its arguments only
    expect(publicGrid(-100, 900_000, false)).toEqual(g);
    // integer columns: half-integer edges, the point cells [v − ½, v + ½) for 0 and the bounds
    const i = publicGrid(-5, 873_552, true);
    expect(i[0]).toBe(-5);
    expect(i.at(-1)).toBe(873_552);
    for (const e of i.slice(1, -1)) expect(e - Math.floor(e)).toBe(0.5);
    for (const e of [-4.5, -0.5, 0.5, 873_551.5]) expect(i).toContain(e);
    for (let k = 1; k < i.length; k++) expect(i[k]).toBeGreaterThan(i[k - 1]);
    // cellOf: a point cell holds exactly its value; values outside the bounds go to the end cells
    const z = g.indexOf(0);
    expect(cellOf(0, g)).toBe(z);
    expect(cellOf(1e-9, g)).toBe(z + 1);
    expect(cellOf(-1e9, g)).toBe(0);
    expect(cellOf(1e12, g)).toBe(g.length - 2);
    expect(cellOf(900_000, g)).toBe(g.length - 2);
  });

  test('post-processing: empty blocks weigh nothing, cells are scaled to their block', () => {
    // 2 blocks of 4 cells; σ = 10 for both histograms, threshold 1.5σ = 15
    const w = treeWeights([12, 100], 10, [30, 20, -5, 8, 40, 16, 0, 14], 10, 4);
    expect(w.slice(0, 4)).toEqual([0, 0, 0, 0]); // block 12 < 15: empty, whatever its cells say
    expect(w.slice(4)).toEqual([(40 * 100) / 56, (16 * 100) / 56, 0, 0]); // 14 < 15 dropped, then scaled to 100
    // a block above the threshold whose cells are all below it: spread evenly
    expect(treeWeights([40], 10, [1, 2, 3, 4], 10, 4)).toEqual([10, 10, 10, 10]);
  });

  test('post-processing: a point mass gets its own bin, the rest is cut at equal weight', () => {
    // cells of [0, 160]: a point cell {0} with 800, then 16 cells of width 10, 100 in each of the last 8
    const edges = [0, 0, ...Array.from({ length: 16 }, (_, k) => 10 * (k + 1))];
    const weights = [800, ...Array.from({ length: 16 }, (_, k) => (k >= 8 ? 100 : 0))];
    const b = binsFromWeights(edges, weights, 1600, 4);
    expect(b.edges[0]).toBe(0);
    expect(b.edges[1]).toBe(nextUp(0)); // the point mass alone: exactly the zeros
    expect(b.edges.at(-1)).toBe(160);
    expect(b.edges).toEqual([0, nextUp(0), 110, 140, 160]); // the other 800 over the 3 bins left
    // a heavy cell in the middle is cut on both sides
    const mid = binsFromWeights([0, 10, 20, 30, 40, 50], [10, 10, 200, 10, 10], 240, 4);
    expect(mid.edges).toContain(20);
    expect(mid.edges).toContain(30);
    // no weight at all: bins of equally many cells
    expect(binsFromWeights([0, 4, 8, 12, 16], [0, 0, 0, 0], -3, 2).edges).toEqual([0, 8, 16]);
  });

  test('the release is charged to the ledger, prices consistently and loads back', () => {
    const ledger = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const values = Float64Array.from({ length: 5000 }, (_, i) => (i % 10 === 0 ? 1000 * (i / 5000) : 0));
    const b = releaseAdaptiveBins(values, 'debt', { rho: 0.001, min: 0, max: 1000, bins: 8 }, ledger, rng);
    expect(ledger.entries).toHaveLength(2);
    expect(ledger.entries.map((e) => e.query)).toEqual(['bins:blocks', 'bins:cells']);
    for (const e of ledger.entries)
      expect(e).toMatchObject({ columns: ['debt'], mechanism: 'discrete-gaussian' });
    // ρ split in half (each rounded down a hair so that σ² is exactly representable and covers it)
    for (const e of ledger.entries) expect(e.rho).toBeCloseTo(0.0005, 8);
    expect(() => PrivacyLedger.fromJSON(ledger.toJSON())).not.toThrow();
    // 90 % zeros: the first bin holds exactly the zeros
    expect(b.edges[1]).toBe(nextUp(0));
    expect(b.fineEdges).toEqual(publicGrid(0, 1000, false));
    expect(b.edges.length).toBeGreaterThan(3);
  });

  test('decoding draws from the fine histogram within a bin, not uniformly', () => {
    // one bin [0, 100] whose mass sits in the first of 4 fine cells
    const d = discretizerFromJSON({
      ...discretizer(
        {
          name: 'x',
          kind: 'numeric',
          integer: false,
          domain: { min: 0, max: 100, bins: [0, 100], source: 'public' },
        },
        { includeMissing: false },
      ).toJSON(),
      fine: { edges: [0, 25, 50, 75, 100], weights: [100, 0, 0, 0] },
    });
    const col = d.decode(new Int32Array(1000), new Rng(3));
    expect(col.kind === 'numeric' && [...col.values].every((v) => v >= 0 && v < 25)).toBe(true);
  });
});

describe('mst with adaptiveBins', () => {
  test('a skewed column with a point mass: bins paid in the ledger, the model file loads and samples', async () => {
    const n = 4000;
    const debt = Float64Array.from({ length: n }, (_, i) => (i % 6 === 0 ? 100 + ((i * 37) % 9000) : 0));
    const grade = Int32Array.from({ length: n }, (_, i) => i % 3);
    const table = new Table(
      [
        { kind: 'numeric', name: 'debt', values: debt, integer: false },
        { kind: 'categorical', name: 'grade', codes: grade, categories: ['a', 'b', 'c'] },
      ],
      n,
    );
    const schema: Schema = {
      version: 1,
      columns: [
        {
          name: 'debt',
          kind: 'numeric',
          integer: false,
          decimals: 0,
          nullable: false,
          domain: { min: 0, max: 300000, source: 'public' },
        },
        {
          name: 'grade',
          kind: 'categorical',
          nullable: false,
          domain: { categories: ['a', 'b', 'c'], source: 'public' },
        },
      ],
    };
    const model = await getSynthesizer('mst').fit(table, schema, {
      epsilon: 1,
      options: { adaptiveBins: 0.2 },
    });
    const file = model.toJSON();
    const ledger = file.ledger as { entries: { query: string }[] };
    expect(ledger.entries.slice(0, 2).map((e) => e.query)).toEqual(['bins:blocks', 'bins:cells']);
    const d = (file.params as { discretizers: { fine: unknown; edges: number[] }[] }).discretizers[0];
    expect(d.fine).not.toBeNull();
    // most of the mass is the zeros: the first bin is narrow, far below the equal-width 300000/32
    expect(d.edges[1]).toBeLessThan(300000 / 32);
    const s = loadModel(JSON.parse(JSON.stringify(file))).sample(2000, { seed: 1 });
    const col = s.column('debt');
    const small = col.kind === 'numeric' ? [...col.values].filter((v) => v < 10000).length : 0;
    expect(small).toBeGreaterThan(1800); // the equal-width model put ~1/32 of a bin's draws below 10000
  });
});

// The empirical audit of the binning mechanism (docs/privacy.md, "Auditing"): runs without and with a canary row in
// the last fine cell; the score is the sum of the two released noisy counts that the canary moves (its block's and
// its cell's; every other output is independent of it or post-processing). With α = 1e-6, a correct implementation
// makes the first test fail with probability ≤ 1e-6.
describe('auditing the adaptive-bins release', () => {
  const ALPHA = 1e-6;
  const delta = 1e-5;
  const runs = 2000;
  const base = Float64Array.from({ length: 300 }, (_, i) => (i * 7) % 80); // nothing in [80, 100]
  const withCanary = Float64Array.from([...base, 99]);
  const edges = publicGrid(0, 100, false, 16);
  const last = edges.length - 3; // the cell [·, 100) before the point cell {100}
  const opts = { rho: 0.005, branching: 4, blockShare: 0.5 };
  const score = (m: { blocks: Float64Array; cells: Float64Array }) =>
    m.blocks[Math.floor(last / 4)] + m.cells[last];

  test('the Clopper–Pearson lower bound never exceeds the ledger’s claim', () => {
    expect(cellOf(99, edges)).toBe(last);
    expect(base.every((v) => cellOf(v, edges) < last)).toBe(true);
    const scores = (values: Float64Array): Float64Array =>
      Float64Array.from({ length: runs }, () => {
        const ledger = new PrivacyLedger({ epsilon: 10, delta });
        return score(measureGrid(values, 'x', edges, opts, ledger, rng));
      });
    const claim = (() => {
      const l = new PrivacyLedger({ epsilon: 10, delta });
      measureGrid(base, 'x', edges, opts, l, rng);
      return l.guarantee().epsilon;
    })();
    expect(claim).toBeGreaterThan(0.35);
    expect(claim).toBeLessThan(0.4);
    const bound = auditEpsilonLowerBound(scores(base), scores(withCanary), { delta, alpha: ALPHA });
    expect(bound.epsilonLower).toBeLessThanOrEqual(claim);
  }, 240_000);

  test('the audit has power: the same counts without noise are caught', () => {
    const noiseless = (values: Float64Array): Float64Array => {
      const c = fineCounts(values, edges);
      let block = 0;
      for (let k = 4 * Math.floor(last / 4); k < Math.min(c.length, 4 * Math.floor(last / 4) + 4); k++)
        block += c[k];
      return new Float64Array(runs).fill(block + c[last]);
    };
    const bound = auditEpsilonLowerBound(noiseless(base), noiseless(withCanary), { delta, alpha: ALPHA });
    expect(bound.epsilonLower).toBeGreaterThan(1);
  });
});
