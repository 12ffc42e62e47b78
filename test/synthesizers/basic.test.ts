import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableFromRecords } from '../../src/table/infer.js';
import '../../src/synthesizers/builtin.js';
import { getSynthesizer, loadModel } from '../../src/synthesizers/registry.js';
import type { Row } from '../../src/table/table.js';

const penguins = JSON.parse(readFileSync('node_modules/vega-datasets/data/penguins.json', 'utf8')) as Row[];
const movies = JSON.parse(readFileSync('node_modules/vega-datasets/data/movies.json', 'utf8')) as Row[];

for (const name of ['independent', 'gaussian-copula']) {
  describe(name, () => {
    it('samples rows that fit the schema of penguins', async () => {
      const { table, schema } = tableFromRecords(penguins);
      const model = await getSynthesizer(name).fit(table, schema, { seed: 1 });
      const s = model.sample(500, { seed: 7 });
      expect(s.nRows).toBe(500);
      expect(s.names).toEqual(table.names);
      for (const c of s.columns) {
        const real = table.column(c.name);
        expect(c.kind).toBe(real.kind);
        if (c.kind === 'categorical' && real.kind === 'categorical') {
          expect(c.categories).toEqual(real.categories);
          for (const k of c.codes) expect(k).toBeGreaterThanOrEqual(-1);
        }
        if (c.kind === 'numeric' && real.kind === 'numeric') {
          const present = [...real.values].filter((v) => !Number.isNaN(v));
          const lo = Math.min(...present),
            hi = Math.max(...present);
          for (const v of c.values)
            if (!Number.isNaN(v)) {
              expect(v).toBeGreaterThanOrEqual(lo);
              expect(v).toBeLessThanOrEqual(hi);
              if (real.integer) expect(Number.isInteger(v)).toBe(true);
            }
        }
      }
      // missing values are kept (penguins has 2 rows with missing measurements, 11 with missing sex)
      const sex = s.column('Sex');
      expect(sex.kind).toBe('categorical');
    });

    it('is reproducible: same seed, same rows; other seed, other rows', async () => {
      const { table, schema } = tableFromRecords(penguins);
      const model = await getSynthesizer(name).fit(table, schema, { seed: 1 });
      expect(model.sample(50, { seed: 3 }).toRecords()).toEqual(model.sample(50, { seed: 3 }).toRecords());
      expect(model.sample(50, { seed: 3 }).toRecords()).not.toEqual(
        model.sample(50, { seed: 4 }).toRecords(),
      );
    });

    it('round-trips through its model file', async () => {
      const { table, schema } = tableFromRecords(movies);
      const model = await getSynthesizer(name).fit(table, schema, { seed: 1 });
      const json = JSON.parse(JSON.stringify(model.toJSON()));
      const back = loadModel(json);
      expect(back.sample(100, { seed: 5 }).toRecords()).toEqual(model.sample(100, { seed: 5 }).toRecords());
    });

    it('keeps missing rates close on movies (nulls and dates)', async () => {
      const { table, schema } = tableFromRecords(movies);
      const model = await getSynthesizer(name).fit(table, schema, { seed: 1 });
      const s = model.sample(table.nRows, { seed: 2 });
      const rate = (t: typeof table, col: string) =>
        t.toRecords().filter((r) => r[col] === null).length / t.nRows;
      for (const col of ['US DVD Sales', 'MPAA Rating', 'Release Date', 'IMDB Rating']) {
        expect(Math.abs(rate(s, col) - rate(table, col))).toBeLessThan(0.05);
      }
      expect(s.column('Release Date').kind).toBe('datetime');
      expect(typeof s.cell('Release Date', 0) === 'string' || s.cell('Release Date', 0) === null).toBe(true);
    });

    it('rejects a corrupted model file, listing the problems', async () => {
      const { table, schema } = tableFromRecords(penguins);
      const model = await getSynthesizer(name).fit(table, schema, { seed: 1 });
      const json = JSON.parse(JSON.stringify(model.toJSON()));
      json.params.columns['Species'] = { kind: 'numeric' };
      expect(() => loadModel(json)).toThrow(/Species/);
    });
  });
}

describe('gaussian-copula dependence', () => {
  it('keeps a strong correlation and a category–number association', async () => {
    const { table, schema } = tableFromRecords(penguins);
    const model = await getSynthesizer('gaussian-copula').fit(table, schema, { seed: 1 });
    const s = model.sample(2000, { seed: 9 });
    const corr = (t: typeof table) => {
      const a = t.column('Flipper Length (mm)'),
        b = t.column('Body Mass (g)');
      if (a.kind !== 'numeric' || b.kind !== 'numeric') throw new Error('kinds');
      let sx = 0,
        sy = 0,
        sxx = 0,
        syy = 0,
        sxy = 0,
        m = 0;
      for (let i = 0; i < t.nRows; i++) {
        const x = a.values[i],
          y = b.values[i];
        if (Number.isNaN(x) || Number.isNaN(y)) continue;
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
        m++;
      }
      return (sxy - (sx * sy) / m) / Math.sqrt((sxx - (sx * sx) / m) * (syy - (sy * sy) / m));
    };
    expect(corr(table)).toBeGreaterThan(0.85);
    // a single Gaussian copula attenuates the Pearson correlation of a species mixture (latent 0.79)
    expect(corr(s)).toBeGreaterThan(0.7);
    // Gentoo penguins are heavier: the category ordering must carry that
    const meanMass = (t: typeof table, species: string) => {
      const rs = t.toRecords().filter((r) => r.Species === species && r['Body Mass (g)'] !== null);
      return rs.reduce((acc, r) => acc + (r['Body Mass (g)'] as number), 0) / rs.length;
    };
    expect(meanMass(s, 'Gentoo') - meanMass(s, 'Adelie')).toBeGreaterThan(800);
  });
});
