import { describe, expect, it } from 'vitest';
import { fitIndependentDP, loadIndependentDP } from '../../src/synthesizers/independent-dp.js';
import { toyTable } from './mst-fixtures.js';
import { LookalikeError } from '../../src/errors.js';

describe('fitIndependentDP (independent with a budget)', () => {
  it('measures each 1-way marginal once, keeps the column distributions, and round-trips', async () => {
    const { table, schema } = toyTable(4000, 8);
    const model = await fitIndependentDP(table, schema, { epsilon: 1, delta: 1e-6 });
    expect(model.synthesizer).toBe('independent');
    const file = JSON.parse(JSON.stringify(model.toJSON()));
    expect(file.ledger.entries.map((e: { columns: string[] }) => e.columns.join())).toEqual([
      'a',
      'b',
      'c',
      'x',
      'f',
    ]);
    expect(file.ledger.total.epsilon).toBeLessThanOrEqual(1);
    const s = model.sample(4000, { seed: 1 });
    const f = s.column('f');
    if (f.kind === 'boolean') {
      const share = f.values.reduce((t, v) => t + v, 0) / 4000;
      expect(Math.abs(share - 0.3)).toBeLessThan(0.04);
    }
    expect(loadIndependentDP(file).sample(50, { seed: 2 }).toRecords()).toEqual(
      model.sample(50, { seed: 2 }).toRecords(),
    );
  });

  it('fails without public domains, naming the columns', async () => {
    const { table, schema } = toyTable(100);
    const bad = {
      ...schema,
      columns: schema.columns.map((c) => (c.name === 'x' ? { ...c, domain: undefined } : c)),
    };
    const e = await fitIndependentDP(table, bad, { epsilon: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).problems).toEqual(['x (numeric): no domain']);
  });
});
