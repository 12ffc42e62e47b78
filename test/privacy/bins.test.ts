import { describe, expect, test } from 'vitest';
import { auditEpsilonLowerBound } from '../../src/privacy/audit.js';
import { binsFromNoisyCounts, fineCounts, releaseAdaptiveBins } from '../../src/privacy/bins.js';
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
  test('post-processing: a point mass gets its own bin, the rest is cut at equal mass', () => {
    // 16 fine cells of [0, 160]: 800 in the first cell (a point mass at 0), 100 in each of cells 8..15
    const noisy = Array.from({ length: 16 }, (_, k) => (k === 0 ? 800 : k >= 8 ? 100 : -3));
    const b = binsFromNoisyCounts(noisy, 0, 160, 4);
    expect(b.edges[0]).toBe(0);
    expect(b.edges[1]).toBe(10); // the point mass alone
    expect(b.edges.at(-1)).toBe(160);
    expect(b.fineWeights.slice(1, 8)).toEqual([0, 0, 0, 0, 0, 0, 0]); // negative noisy counts clipped
    expect(b.total).toBe(800 + 800 - 21);
    // no mass at all: equal-width bins
    expect(binsFromNoisyCounts(new Array(16).fill(-1), 0, 16, 4).edges).toEqual([0, 4, 8, 12, 16]);
  });

  test('the release is charged to the ledger, prices consistently and loads back', () => {
    const ledger = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const values = Float64Array.from({ length: 5000 }, (_, i) => (i % 10 === 0 ? 1000 * (i / 5000) : 0));
    const b = releaseAdaptiveBins(values, 'debt', { rho: 0.001, min: 0, max: 1000, bins: 8 }, ledger, rng);
    expect(ledger.entries).toHaveLength(1);
    expect(ledger.entries[0]).toMatchObject({
      query: 'bins:histogram',
      columns: ['debt'],
      mechanism: 'discrete-gaussian',
    });
    expect(() => PrivacyLedger.fromJSON(ledger.toJSON())).not.toThrow();
    // 90 % zeros: the first bin is the first fine cell
    expect(b.edges[1]).toBeCloseTo(1000 / 256, 9);
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
    expect(ledger.entries[0].query).toBe('bins:histogram');
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
// the last fine cell; the score is the released weight of that cell. With α = 1e-6, a correct implementation makes
// the first test fail with probability ≤ 1e-6.
describe('auditing the adaptive-bins release', () => {
  const ALPHA = 1e-6;
  const delta = 1e-5;
  const runs = 2000;
  const base = Float64Array.from({ length: 300 }, (_, i) => (i * 7) % 90); // nothing in [90, 100]
  const withCanary = Float64Array.from([...base, 99]);
  const opts = { rho: 0.005, min: 0, max: 100, bins: 4, fine: 16 };

  test('the Clopper–Pearson lower bound never exceeds the ledger’s claim', () => {
    const scores = (values: Float64Array): Float64Array =>
      Float64Array.from({ length: runs }, () => {
        const ledger = new PrivacyLedger({ epsilon: 10, delta });
        return releaseAdaptiveBins(values, 'x', opts, ledger, rng).fineWeights[15];
      });
    const claim = (() => {
      const l = new PrivacyLedger({ epsilon: 10, delta });
      releaseAdaptiveBins(base, 'x', opts, l, rng);
      return l.guarantee().epsilon;
    })();
    expect(claim).toBeGreaterThan(0.35);
    expect(claim).toBeLessThan(0.4);
    const bound = auditEpsilonLowerBound(scores(base), scores(withCanary), { delta, alpha: ALPHA });
    expect(bound.epsilonLower).toBeLessThanOrEqual(claim);
  }, 240_000);

  test('the audit has power: the same bins without noise are caught', () => {
    const noiseless = (values: Float64Array): Float64Array =>
      Float64Array.from(
        { length: runs },
        () => binsFromNoisyCounts(fineCounts(values, 0, 100, 16), 0, 100, 4).fineWeights[15],
      );
    const bound = auditEpsilonLowerBound(noiseless(base), noiseless(withCanary), { delta, alpha: ALPHA });
    expect(bound.epsilonLower).toBeGreaterThan(1);
  });
});
