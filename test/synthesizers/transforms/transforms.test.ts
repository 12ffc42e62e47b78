import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/random/rng.js';
import { Table, type Row } from '../../../src/table/table.js';
import type { ColumnSpec } from '../../../src/table/schema.js';
import {
  fitTransform,
  normalCdf,
  transformFromJSON,
  TableTransform,
  TransformError,
} from '../../../src/synthesizers/transforms/index.js';
import { digamma, fitBayesianGmm } from '../../../src/synthesizers/transforms/gmm.js';
import { modelledSpecs } from '../../../src/synthesizers/common.js';
import { inferSchema, tableFromRecords } from '../../../src/table/infer.js';

const penguins = JSON.parse(readFileSync('node_modules/vega-datasets/data/penguins.json', 'utf8')) as Row[];

function roundTrip(t: TableTransform, table: Table, seed = 1): Table {
  const enc = t.encode(table, new Rng(seed));
  return new Table(t.decode(enc, table.nRows, new Rng(seed + 1)));
}

describe('Bayesian Gaussian mixture (1-D, Dirichlet-process prior)', () => {
  it('digamma matches known values', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 12);
    expect(digamma(0.5)).toBeCloseTo(-1.9635100260214235, 12);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 12);
  });

  it('finds the two modes of a two-component mixture and drops the unused components (fixed seed)', () => {
    const rng = new Rng(3);
    const x = new Float64Array(6000);
    for (let i = 0; i < x.length; i++) x[i] = i % 3 === 0 ? 100 + 5 * rng.normal() : 10 + rng.normal();
    const m = fitBayesianGmm(x, new Rng(1));
    const order = m.means.map((_, k) => k).sort((a, b) => m.weights[b] - m.weights[a]);
    const big = order.slice(0, 2).sort((a, b) => m.means[a] - m.means[b]);
    expect(m.means[big[0]]).toBeCloseTo(10, 0);
    expect(m.means[big[1]]).toBeCloseTo(100, 0);
    expect(m.weights[big[0]] + m.weights[big[1]]).toBeGreaterThan(0.97);
    expect(m.weights.length).toBeLessThan(10);
    expect(fitBayesianGmm(x, new Rng(1))).toEqual(m); // deterministic
  });

  it('a constant column is one narrow mode', () => {
    const m = fitBayesianGmm(new Float64Array([5, 5, 5]), new Rng(1));
    expect(m.means).toEqual([5]);
    expect(m.weights).toEqual([1]);
  });
});

describe('table transforms', () => {
  const { table, schema } = tableFromRecords(penguins);
  const specs = modelledSpecs(schema);

  for (const numeric of ['modes', 'quantile'] as const) {
    it(`${numeric}: decode(encode(x)) gives back penguins (categories, missing values, integers exact)`, () => {
      const t = fitTransform(table, specs, new Rng(5), { numeric });
      const back = roundTrip(t, table);
      expect(t.clippedValues).toBe(0);
      for (const s of specs) {
        const a = table.column(s.name),
          b = back.column(s.name);
        expect(b.kind).toBe(a.kind);
        if (a.kind === 'categorical' && b.kind === 'categorical')
          for (let i = 0; i < table.nRows; i++)
            expect(a.codes[i] < 0 ? null : a.categories[a.codes[i]]).toBe(
              b.codes[i] < 0 ? null : b.categories[b.codes[i]],
            );
        if (a.kind === 'numeric' && b.kind === 'numeric') {
          const range = (s.domain as { max: number; min: number }).max - (s.domain as { min: number }).min;
          for (let i = 0; i < table.nRows; i++) {
            if (Number.isNaN(a.values[i])) expect(b.values[i]).toBeNaN();
            else if (a.integer) expect(b.values[i]).toBe(a.values[i]);
            else expect(Math.abs(b.values[i] - a.values[i])).toBeLessThan(range * 1e-5);
          }
        }
      }
    });
  }

  it('quantile: a value held by many rows at the minimum encodes to the middle of its run, not to −5.2', () => {
    // 90 zeros and 10 values 1..10: the zeros cover the first 90 % of the knots, so they map near Φ⁻¹(0.45) ≈ −0.13
    const records = Array.from({ length: 100 }, (_, i) => ({ g: i < 90 ? 0 : i - 89 }));
    const { table: t0, schema: s0 } = tableFromRecords(records);
    const t = fitTransform(t0, modelledSpecs(s0), new Rng(1), { numeric: 'quantile' });
    const enc = t.encode(t0, new Rng(1));
    expect(enc[0]).toBeGreaterThan(-0.5);
    expect(enc[0]).toBeLessThan(0);
    expect(enc[99]).toBeGreaterThan(2); // the maximum, held once, stays at the top
    const back = new Table(t.decode(enc, 100, new Rng(2)));
    expect(Array.from((back.column('g') as { values: Float64Array }).values)).toEqual(
      records.map((r) => r.g),
    );
  });

  it('spans: tanh alpha + softmax modes (+ missing mode) per numeric; softmax categories (+ missing)', () => {
    const t = fitTransform(table, specs, new Rng(5));
    const species = t.spans.filter((s) => t.columns[s.column].name === 'Species');
    expect(species).toEqual([{ column: 0, role: 'category', start: 0, width: 3, fn: 'softmax' }]);
    const beak = t.spans.filter((s) => t.columns[s.column].name === 'Beak Length (mm)');
    expect(beak.map((s) => [s.role, s.fn])).toEqual([
      ['alpha', 'tanh'],
      ['mode', 'softmax'],
    ]);
    const c = t.columns[beak[0].column];
    expect(c.encoding === 'modes' && c.missing).toBe(true); // 2 penguins without measurements
    expect(beak[1].width).toBe(c.encoding === 'modes' ? c.modes.weights.length + 1 : -1);
    expect(t.width).toBe(t.spans.reduce((s, x) => s + x.width, 0));
    const enc = t.encode(table, new Rng(1));
    for (let i = 0; i < table.nRows; i++)
      for (const s of t.spans) {
        if (s.fn !== 'softmax') continue;
        let sum = 0;
        for (let j = 0; j < s.width; j++) sum += enc[i * t.width + s.start + j];
        expect(sum).toBe(1);
      }
  });

  it('datetimes and booleans round trip; decoded values are clipped to the bounds', () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({
      when: `2024-0${1 + (i % 9)}-1${i % 10}`,
      flag: i % 3 === 0,
      n: i % 7,
    }));
    const { table: t2, schema: s2 } = tableFromRecords(rows);
    const t = fitTransform(t2, modelledSpecs(s2), new Rng(1));
    const back = roundTrip(t, t2);
    expect(back.toRecords()).toEqual(t2.toRecords());
    // an alpha of ±1 in the widest mode decodes inside [min, max]
    const enc = t.encode(t2, new Rng(1));
    for (const s of t.spans)
      if (s.role === 'alpha') for (let i = 0; i < t2.nRows; i++) enc[i * t.width + s.start] = 1;
    const col = new Table(t.decode(enc, t2.nRows, new Rng(2))).column('n');
    if (col.kind === 'numeric') for (const v of col.values) expect(v >= 0 && v <= 6).toBe(true);
  });

  it('refuses columns it cannot represent, naming each', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ many: `c${i}` }));
    const specs3: ColumnSpec[] = [
      {
        name: 'many',
        kind: 'categorical',
        domain: { categories: rows.map((r) => r.many), source: 'inferred' },
      },
      { name: 'empty', kind: 'numeric' },
      { name: 'ok', kind: 'numeric' },
    ];
    const t3b = new Table([
      {
        kind: 'categorical',
        name: 'many',
        codes: Int32Array.from(rows, (_, i) => i),
        categories: rows.map((r) => r.many),
      },
      { kind: 'numeric', name: 'empty', values: new Float64Array(30).fill(NaN), integer: false },
      { kind: 'numeric', name: 'ok', values: Float64Array.from(rows, (_, i) => i), integer: true },
    ]);
    let err: unknown;
    try {
      fitTransform(t3b, specs3, new Rng(1), { maxCategories: 20 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TransformError);
    expect((err as TransformError).problems).toEqual([
      'column "many" has 30 categories; the learned synthesizers one-hot encode at most 20 (declare it as id or text, or raise maxCategories)',
      'column "empty" has no values (all missing): there is nothing to learn',
    ]);
  });

  it('data-dependent fits are pluggable: modes, quantiles and bounds from the caller', () => {
    const calls: string[] = [];
    const t = fitTransform(table, specs, new Rng(1), {
      fitters: {
        modes: (spec) => {
          calls.push(spec.name);
          return { weights: [0.5, 0.5], means: [0, 1000], stds: [500, 500] };
        },
        bounds: () => [0, 10000],
      },
    });
    expect(calls).toEqual(specs.filter((s) => s.kind === 'numeric').map((s) => s.name));
    const c = t.columns.find((x) => x.encoding === 'modes')!;
    expect(c.encoding === 'modes' && c.modes.means).toEqual([0, 1000]);
    expect(c.encoding === 'modes' && [c.min, c.max]).toEqual([0, 10000]);
    const q = fitTransform(table, specs, new Rng(1), {
      numeric: 'quantile',
      fitters: { quantiles: () => [0, 1, 2] },
    });
    expect(
      q.columns
        .filter((x) => x.encoding === 'quantile')
        .every((x) => x.encoding === 'quantile' && x.knots.length === 3),
    ).toBe(true);
  });

  it('JSON round trip; malformed JSON lists every problem', () => {
    const t = fitTransform(table, specs, new Rng(5));
    const back = transformFromJSON(JSON.parse(JSON.stringify(t.toJSON())));
    expect(back).toBeInstanceOf(TableTransform);
    expect((back as TableTransform).spans).toEqual(t.spans);
    const bad = JSON.parse(JSON.stringify(t.toJSON()));
    bad.columns[0].categories = [];
    bad.columns[2].modes.stds[0] = -1;
    bad.columns[3].encoding = 'magic';
    expect(transformFromJSON(bad)).toEqual([
      'transform column 1 ("Species"): "categories" must be a non-empty list of strings',
      'transform column 3 ("Beak Length (mm)"): stds must be > 0 and weights ≥ 0',
      'transform column 4 ("Beak Depth (mm)"): unknown encoding "magic"',
    ]);
    expect(transformFromJSON(null)).toEqual(['transform must be {version: 1, columns: [...]}']);
  });

  it('normalCdf is accurate to 1e-7', () => {
    for (const z of [-6, -3, -1, -0.1, 0, 0.5, 2, 4]) {
      const want = 0.5 * (1 + erf(z / Math.SQRT2));
      expect(Math.abs(normalCdf(z) - want)).toBeLessThan(1e-7);
    }
  });

  it('inferred schemas of penguins are what the other tests expect', () => {
    expect(inferSchema).toBeTypeOf('function');
    expect(specs.map((s) => s.kind)).toEqual([
      'categorical',
      'categorical',
      'numeric',
      'numeric',
      'numeric',
      'numeric',
      'categorical',
    ]);
  });
});

/** erf by its Taylor series (|x| < 5 here): the reference for normalCdf. */
function erf(x: number): number {
  let sum = 0,
    term = x;
  for (let n = 0; n < 200; n++) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
