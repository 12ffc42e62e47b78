import { describe, expect, test } from 'vitest';
import { LookalikeError } from '../../../src/errors.js';
import { SecureRng } from '../../../src/random/secure.js';
import { rowsInMemory, startCountFit } from '../../../src/synthesizers/marginal/index.js';
import { aim } from '../../../src/synthesizers/aim/index.js';
import { independent } from '../../../src/synthesizers/independent/index.js';
import { mst } from '../../../src/synthesizers/mst/index.js';
import { privbayes } from '../../../src/synthesizers/privbayes/index.js';
import type { FitOptions, Synthesizer } from '../../../src/synthesizers/types.js';
import { toyTable } from '../mst-fixtures.js';
import { fixedSource } from '../../random/fixed-bytes.js';

async function rejection(p: Promise<unknown>): Promise<LookalikeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LookalikeError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

const { table, schema } = toyTable(2000, 3);
const cases: [Synthesizer, FitOptions['options']][] = [
  [mst, { iters: 50 }],
  [aim, { rounds: 8, iters: 20, finalIters: 20, workload: 2 }],
  [privbayes, { iters: 50 }],
  [independent, { iters: 20 }],
];

describe('fitCounts over CountableRows (issue 15): the model equals the fit from the table', () => {
  test.each(cases.map(([s, o]) => [s.name, s, o] as const))(
    '%s: same noise → same model file',
    async (_name, s, options) => {
      const opts = (seed: number): FitOptions => ({
        epsilon: 1,
        seed: 5,
        options,
        secureRng: new SecureRng(fixedSource(seed)),
      });
      const a = (await s.fit(table, schema, opts(11))).toJSON();
      const b = (await s.fitCounts!(rowsInMemory(table), schema, opts(11))).toJSON();
      expect({ ...b, createdAt: '' }).toEqual({ ...a, createdAt: '' });
    },
  );

  test('refusals: no ε for independent, dpDomains and adaptiveBins (they read values), missing columns', async () => {
    const rows = rowsInMemory(table, 'the test table');
    expect((await rejection(independent.fitCounts!(rows, schema, {}))).message).toMatch(/needs a DP fit/);
    const e = await rejection(
      startCountFit(rows, schema, { epsilon: 1, options: { dpDomains: 0.1, adaptiveBins: 0.1 } }, 'mst'),
    );
    expect(e.kind).toBe('usage');
    expect(e.problems.join('\n')).toMatch(/dpDomains .* needs the rows in memory/);
    expect(e.problems.join('\n')).toMatch(/adaptiveBins .* needs the rows in memory/);
    const other = rowsInMemory(table.drop(['x']), 'the test table');
    const m = await rejection(mst.fitCounts!(other, schema, { epsilon: 1 }));
    expect(m.message).toMatch(/the test table has no column "x"/);
  });

  test('a schema without public domains is refused before anything is counted', async () => {
    let opened = 0;
    const rows = {
      label: 'x',
      open: () => (opened++, Promise.reject(new Error('no'))),
      close: async () => {},
    };
    const noDomain = {
      ...schema,
      columns: schema.columns.map((c) => (c.name === 'a' ? { name: 'a', kind: 'categorical' as const } : c)),
    };
    const e = await rejection(mst.fitCounts!(rows, noDomain, { epsilon: 1 }));
    expect(e.kind).toBe('privacy');
    expect(opened).toBe(0);
  });
});
