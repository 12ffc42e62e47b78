import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { SecureRng } from '../../src/random/secure.js';
import type { CategoricalColumn } from '../../src/table/column.js';
import { tableFromRecords } from '../../src/table/infer.js';
import type { Schema } from '../../src/table/schema.js';
import { PrivacyLedger } from '../../src/privacy/ledger.js';
import {
  categoryThreshold,
  columnsNeedingDomains,
  defaultNumericGrid,
  discreteGaussianTail,
  dpQuantile,
  parseDomainOption,
  releaseCategories,
  releaseDomains,
  releaseNumericBounds,
  remapCategories,
  requirePublicDomains,
} from '../../src/privacy/domains.js';

const rng = new SecureRng();

const schema: Schema = {
  version: 1,
  columns: [
    { name: 'age', kind: 'numeric', integer: true, domain: { min: 17, max: 90, source: 'inferred' } },
    { name: 'income', kind: 'numeric' },
    { name: 'sex', kind: 'categorical', domain: { categories: ['F', 'M'], source: 'public' } },
    { name: 'city', kind: 'categorical', domain: { categories: ['Oslo', 'Paris'], source: 'inferred' } },
    { name: 'ok', kind: 'boolean' },
    {
      name: 'when',
      kind: 'datetime',
      format: 'YYYY-MM-DD',
      domain: { min: '2020-01-01', max: '2021-01-01', source: 'dp' },
    },
  ],
};

describe('requirePublicDomains', () => {
  test('names every column without a public/DP domain, both fixes, and no values', () => {
    expect(columnsNeedingDomains(schema).map((c) => c.name)).toEqual(['age', 'income', 'city']);
    let err: LookalikeError | undefined;
    try {
      requirePublicDomains(schema);
    } catch (e) {
      err = e as LookalikeError;
    }
    expect(err).toBeInstanceOf(LookalikeError);
    expect(err!.kind).toBe('privacy');
    expect(err!.problems).toEqual([
      'age (numeric): domain source "inferred"',
      'income (numeric): no domain',
      'city (categorical): domain source "inferred"',
    ]);
    expect(err!.message).toMatch(/--public-domains --out meta\.json/);
    expect(err!.message).toMatch(/--metadata meta\.json/);
    expect(err!.message).toMatch(/--option dpDomains=0\.1/);
    expect(err!.message).not.toMatch(/Oslo|Paris|17|90/);
    expect(() => requirePublicDomains(schema, ['sex', 'ok', 'when'])).not.toThrow();
  });
  test('parseDomainOption', () => {
    expect(parseDomainOption(undefined)).toBeNull();
    expect(parseDomainOption('false')).toBeNull();
    expect(parseDomainOption(true)).toBe(0.1);
    expect(parseDomainOption('0.25')).toBe(0.25);
    expect(() => parseDomainOption('2')).toThrow(/dpDomains/);
  });
});

/** Exact P(Z ≥ m) for Z ~ N_ℤ(0, σ²), by summing the pmf. */
function exactTail(m: number, sigma2: number): number {
  let z = 0;
  let t = 0;
  const r = Math.ceil(Math.sqrt(sigma2) * 60) + 10;
  for (let y = -r; y <= r; y++) {
    const w = Math.exp((-y * y) / (2 * sigma2));
    z += w;
    if (y >= m) t += w;
  }
  return t / z;
}

describe('thresholded histogram', () => {
  test('the tail bound is an upper bound, and the threshold is the smallest that meets δ', () => {
    for (const sigma2 of [0.5, 4, 50, 5000]) {
      for (const m of [1, 2, 5, 20, 100])
        expect(discreteGaussianTail(m, sigma2)).toBeGreaterThanOrEqual(exactTail(m, sigma2));
      for (const delta of [1e-3, 1e-9]) {
        const tau = categoryThreshold(sigma2, delta);
        expect(exactTail(tau - 1, sigma2)).toBeLessThanOrEqual(delta);
        // not grossly conservative: one less would be within a factor ~4 of δ or above it
        expect(discreteGaussianTail(tau - 2, sigma2)).toBeGreaterThan(delta);
      }
    }
  });

  test('frequent categories are released, rare ones merged into "other"; the ledger holds ρ and δ', () => {
    const categories = ['a', 'b', 'c', 'other', 'unused'];
    const codes = new Int32Array(9000);
    for (let i = 0; i < 9000; i++) codes[i] = i < 5000 ? 0 : i < 7000 ? 1 : i < 8999 ? 3 : 2; // a, b, other: many; c: 1
    const col: CategoricalColumn = { kind: 'categorical', name: 'city', codes, categories };
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-6 });
    const d = releaseCategories(col, { rho: 0.005, delta: 1e-7 }, l, rng);
    expect(d).toEqual({ categories: ['a', 'b', 'other', 'other (merged)'], source: 'dp' });
    expect(l.entries[0]).toMatchObject({
      query: 'domain:categories',
      columns: ['city'],
      mechanism: 'thresholded-discrete-gaussian',
      delta: 1e-7,
    });
    expect(l.entries[0].rho).toBeLessThanOrEqual(0.005);
    const r = remapCategories(col, d);
    expect(r.categories).toEqual(d.categories);
    expect([r.codes[0], r.codes[6000], r.codes[8000], r.codes[8999]]).toEqual([0, 1, 2, 3]);
  });
});

describe('numeric bounds', () => {
  const ages = Float64Array.from({ length: 30000 }, (_, i) => 17 + (i % 74));
  test('noisy magnitude histogram: ages 17–90 → [16, 96]; outliers are clipped', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const withOutlier = Float64Array.from([...ages, 1e9, NaN]);
    expect(releaseNumericBounds(withOutlier, 'age', true, { rho: 0.001, spurious: 1e-7 }, l, rng)).toEqual({
      min: 16,
      max: 96,
      source: 'dp',
    });
    expect(l.entries).toHaveLength(1);
    expect(l.entries[0]).toMatchObject({
      query: 'domain:bounds',
      columns: ['age'],
      mechanism: 'discrete-gaussian',
    });
  });
  test('DP quantile by the exponential mechanism on a public grid', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const q = dpQuantile(ages, { q: 0.5, rho: 0.002, grid: defaultNumericGrid(), column: 'age' }, l, rng);
    expect(q).toBe(48); // median 53.5: candidates 48 (2432 rows off) and 64 (4054 off); ε = 0.126 makes 48 certain
    expect(l.entries[0]).toMatchObject({ mechanism: 'exponential', query: 'domain:quantile(0.5)' });
  });
});

describe('releaseDomains on seattle-weather (vega-datasets)', () => {
  test('every domain released under DP, charged to the ledger, within budget', () => {
    const text = readFileSync('node_modules/vega-datasets/data/seattle-weather.csv', 'utf8')
      .trim()
      .split('\n');
    const head = text[0].split(',');
    const records = text.slice(1).map((line) => {
      const f = line.split(',');
      return Object.fromEntries(head.map((h, j) => [h, j === 0 || j === 5 ? f[j] : Number(f[j])]));
    });
    const { table, schema: inferred } = tableFromRecords(records);
    expect(columnsNeedingDomains(inferred).length).toBe(6);
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const before = l.rhoRemaining;
    const out = releaseDomains(table, inferred, l, rng, { fraction: 0.5 });
    expect(out.released).toEqual(['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather']);
    expect(() => requirePublicDomains(out.schema)).not.toThrow();
    for (const c of out.schema.columns) expect(c.domain?.source).toBe('dp');
    const date = out.schema.columns.find((c) => c.name === 'date')!.domain as { min: string; max: string };
    expect(date.min <= '2012-01-01' && date.max >= '2015-12-31').toBe(true);
    const temp = out.schema.columns.find((c) => c.name === 'temp_max')!.domain as {
      min: number;
      max: number;
    };
    expect(temp.min).toBeLessThanOrEqual(10); // bins with a few rows (below 0 °C) fall under the threshold: clipped
    expect(temp.max).toBeGreaterThanOrEqual(24);
    const weather = out.schema.columns.find((c) => c.name === 'weather')!.domain as unknown as {
      categories: string[];
    };
    expect(weather.categories).toContain('rain');
    expect(weather.categories).toContain('sun');
    expect(weather.categories[weather.categories.length - 1]).toBe('other');
    expect(l.entries).toHaveLength(6);
    expect(l.deltaSpent).toBeLessThanOrEqual(0.5e-9);
    expect(l.rhoSpent).toBeLessThanOrEqual(before * 0.5);
    expect(l.guarantee().epsilon).toBeLessThanOrEqual(1);
    // a second call has nothing left to release and costs nothing
    expect(releaseDomains(out.table, out.schema, l, rng).released).toEqual([]);
  });
});
