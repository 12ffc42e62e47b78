import { describe, expect, it } from 'vitest';
import { mst } from '../../src/synthesizers/mst/index.js';
import type { Schema } from '../../src/table/schema.js';
import { LookalikeError } from '../../src/errors.js';
import { toyTable } from './mst-fixtures.js';

describe('mst', () => {
  it('fits within budget, keeps dependence, decodes typed values, and round-trips its model file', async () => {
    const { table, schema } = toyTable();
    const model = await mst.fit(table, schema, { epsilon: 2, delta: 1e-6, options: { iters: 300 } });
    expect(model.privacy.type).toBe('dp');
    if (model.privacy.type === 'dp') expect(model.privacy.epsilon).toBeLessThanOrEqual(2);
    const s = model.sample(2000, { seed: 5 });
    expect(s.names).toEqual(['a', 'b', 'c', 'x', 'f']);
    const x = s.column('x');
    expect(x.kind).toBe('numeric');
    if (x.kind === 'numeric') {
      expect(x.integer).toBe(true);
      expect([...x.values].every((v) => Number.isInteger(v) && v >= 0 && v <= 29)).toBe(true);
    }
    const c = s.column('c');
    if (c.kind === 'categorical') expect([...c.codes].some((k) => k < 0)).toBe(true); // missing modelled
    // a and b agree ~ 0.8 + 0.2/3 of the time in the data; independence would give 1/3
    const ca = s.column('a');
    const cb = s.column('b');
    let agree = 0;
    if (ca.kind === 'categorical' && cb.kind === 'categorical')
      for (let i = 0; i < 2000; i++) if (ca.codes[i] === cb.codes[i]) agree++;
    expect(agree / 2000).toBeGreaterThan(0.7);
    // model file round trip: same rows from the same seed
    const file = JSON.parse(JSON.stringify(model.toJSON()));
    expect(file.ledger.entries.length).toBe(5 + 4 + 4); // 1-way, tree picks, 2-way
    const again = mst.load(file);
    expect(again.sample(300, { seed: 9 }).toRecords()).toEqual(model.sample(300, { seed: 9 }).toRecords());
  });

  it('refuses domains read off the private data, naming the columns and the fixes', async () => {
    const { table, schema } = toyTable(200);
    const inferred: Schema = {
      ...schema,
      columns: schema.columns.map((c) =>
        c.domain ? { ...c, domain: { ...c.domain, source: 'inferred' as const } } : c,
      ),
    };
    const err = await mst.fit(table, inferred, { epsilon: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LookalikeError);
    const e = err as LookalikeError;
    expect(e.kind).toBe('privacy');
    expect(e.problems.join('\n')).toMatch(/^a \(categorical\)[\s\S]*\nb [\s\S]*\nc [\s\S]*\nx \(numeric\)/);
    expect(e.message).toMatch(/--public-domains/);
  });

  it('releases missing domains under DP when asked (dpDomains), paying from the same budget', async () => {
    const { table, schema } = toyTable(3000, 2);
    const inferred: Schema = {
      ...schema,
      columns: schema.columns.map((c) =>
        c.domain ? { ...c, domain: { ...c.domain, source: 'inferred' as const } } : c,
      ),
    };
    const model = await mst.fit(table, inferred, {
      epsilon: 2,
      delta: 1e-6,
      options: { dpDomains: 0.1, iters: 100 },
    });
    expect(model.schema.columns.filter((c) => c.domain).every((c) => c.domain!.source === 'dp')).toBe(true);
    const ledger = model.toJSON().ledger as { entries: { query: string }[]; total: { epsilon: number } };
    expect(ledger.entries.length).toBeGreaterThan(13);
    expect(ledger.total.epsilon).toBeLessThanOrEqual(2);
    expect(model.sample(100).nRows).toBe(100);
  });

  it('refuses a budget too small to measure anything useful, saying what is needed', async () => {
    const { table, schema } = toyTable(200);
    const e = await mst.fit(table, schema, { epsilon: 1e-4, delta: 1e-9 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).kind).toBe('privacy');
    expect((e as LookalikeError).message).toMatch(/too small[\s\S]*needs at least ε = /);
  });

  it('needs a budget and rejects a bad one', async () => {
    const { table, schema } = toyTable(200);
    await expect(mst.fit(table, schema, {})).rejects.toThrow(/epsilon/);
    await expect(mst.fit(table, schema, { epsilon: -1, delta: 2 })).rejects.toThrow(/epsilon[\s\S]*delta/);
  });

  it('rejects a corrupted model file listing the problems', async () => {
    const { table, schema } = toyTable(500);
    const model = await mst.fit(table, schema, { epsilon: 1, options: { iters: 50 } });
    const file = JSON.parse(JSON.stringify(model.toJSON()));
    file.params.potentials[0] = [1, 2];
    file.params.sizes = [1];
    expect(() => mst.load(file)).toThrow(/sizes[\s\S]*|potentials/);
  });
});
