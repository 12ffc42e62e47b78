import { describe, expect, it } from 'vitest';
import { aim } from '../../src/synthesizers/aim/index.js';
import { toyTable } from './mst-fixtures.js';

describe('aim', () => {
  it('spends its budget through the ledger, keeps dependence and round-trips its model file', async () => {
    const { table, schema } = toyTable(2000, 3);
    const model = await aim.fit(table, schema, {
      epsilon: 3,
      delta: 1e-6,
      options: { iters: 30, finalIters: 200 },
    });
    expect(model.privacy.type).toBe('dp');
    const file = JSON.parse(JSON.stringify(model.toJSON()));
    const ledger = file.ledger as {
      entries: { query: string; mechanism: string }[];
      total: { epsilon: number };
    };
    expect(ledger.total.epsilon).toBeLessThanOrEqual(3);
    expect(ledger.total.epsilon).toBeGreaterThan(2.9); // AIM spends (almost) all of it
    expect(ledger.entries.slice(0, 5).every((e) => e.mechanism === 'discrete-gaussian')).toBe(true);
    const selections = ledger.entries.filter((e) => e.mechanism === 'exponential').length;
    expect(selections).toBeGreaterThan(0);
    expect(ledger.entries.length).toBe(5 + 2 * selections);
    const s = model.sample(2000, { seed: 1 });
    const ca = s.column('a');
    const cb = s.column('b');
    let agree = 0;
    if (ca.kind === 'categorical' && cb.kind === 'categorical')
      for (let i = 0; i < 2000; i++) if (ca.codes[i] === cb.codes[i]) agree++;
    expect(agree / 2000).toBeGreaterThan(0.7);
    expect(aim.load(file).sample(200, { seed: 2 }).toRecords()).toEqual(
      model.sample(200, { seed: 2 }).toRecords(),
    );
  });

  it('validates its options, listing every problem', async () => {
    const { table, schema } = toyTable(100);
    await expect(
      aim.fit(table, schema, { epsilon: 1, options: { workload: 4, maxModelSize: -1, iters: 0.5 } }),
    ).rejects.toThrow(/maxModelSize[\s\S]*iters[\s\S]*workload/);
    await expect(
      aim.fit(table, schema, { epsilon: 1, options: { workload: [['a', 'zz']] } }),
    ).rejects.toThrow(/"zz"/);
  });

  it('accepts an explicit workload and respects it', async () => {
    const { table, schema } = toyTable(1000, 4);
    const model = await aim.fit(table, schema, {
      epsilon: 2,
      options: { workload: [['a', 'b']], iters: 20, finalIters: 50 },
    });
    const cols = (model.toJSON().ledger as { entries: { mechanism: string; columns: string[] }[] }).entries
      .filter((e) => e.mechanism === 'discrete-gaussian')
      .map((e) => e.columns.join(','));
    // only subsets of the workload clique beyond the 1-way marginals
    for (const c of cols.slice(5)) expect(['a', 'b', 'a,b']).toContain(c);
  });
});
