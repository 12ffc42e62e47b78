import { describe, expect, it } from 'vitest';
import { privbayes } from '../../src/synthesizers/privbayes/index.js';
import { toyTable } from './mst-fixtures.js';

describe('privbayes', () => {
  it('builds a network through the ledger, keeps dependence and round-trips its model file', async () => {
    const { table, schema } = toyTable(3000, 5);
    const model = await privbayes.fit(table, schema, {
      epsilon: 3,
      delta: 1e-6,
      seed: 1,
      options: { iters: 300 },
    });
    const file = JSON.parse(JSON.stringify(model.toJSON()));
    const entries = file.ledger.entries as { mechanism: string; columns: string[] }[];
    // 1 first marginal, 4 selections, 4 family marginals
    expect(entries.map((e) => e.mechanism)).toEqual([
      'discrete-gaussian',
      ...Array(4).fill('exponential'),
      ...Array(4).fill('discrete-gaussian'),
    ]);
    expect(file.ledger.total.epsilon).toBeLessThanOrEqual(3);
    const s = model.sample(2000, { seed: 1 });
    const ca = s.column('a');
    const cb = s.column('b');
    let agree = 0;
    if (ca.kind === 'categorical' && cb.kind === 'categorical')
      for (let i = 0; i < 2000; i++) if (ca.codes[i] === cb.codes[i]) agree++;
    expect(agree / 2000).toBeGreaterThan(0.7);
    expect(privbayes.load(file).sample(100, { seed: 3 }).toRecords()).toEqual(
      model.sample(100, { seed: 3 }).toRecords(),
    );
  });

  it('validates options', async () => {
    const { table, schema } = toyTable(100);
    await expect(
      privbayes.fit(table, schema, { epsilon: 1, options: { degree: -1, theta: 0 } }),
    ).rejects.toThrow(/degree[\s\S]*theta/);
  });
});
