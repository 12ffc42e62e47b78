import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDpSgd, startDpTraining } from '../../../src/synthesizers/dp-training/index.js';
import { tableFromRecords } from '../../../src/table/infer.js';
import type { ColumnSpec, Schema } from '../../../src/table/schema.js';
import type { Row } from '../../../src/table/table.js';

/** The spec as the user declares it after review (`inspect --public-domains`): no fact left inferred. */
function declared(c: ColumnSpec): ColumnSpec {
  const { inferredFacts: _f, ...rest } = c;
  void _f;
  return rest;
}

// penguins (344 rows, 4 numeric columns with missing values, 3 categorical), domains declared public as a user
// would after reviewing `lookalike inspect --public-domains`.
const records = JSON.parse(
  readFileSync(new URL('../../../node_modules/vega-datasets/data/penguins.json', import.meta.url), 'utf8'),
) as Row[];
const publicSchema = (schema: Schema): Schema => ({
  ...schema,
  columns: schema.columns.map((c) =>
    declared(c.domain ? { ...c, domain: { ...c.domain, source: 'public' as const } } : c),
  ),
});

describe('the DP start of a learned synthesizer', () => {
  const { table, schema } = tableFromRecords(records);

  it('refuses domains read off the data, naming every column and both fixes', async () => {
    const e = await startDpTraining(table, schema, { epsilon: 1 }, 'tvae').catch((x: Error) => x);
    expect(String(e)).toMatch(/--public-domains[\s\S]*dpDomains/);
    expect((e as unknown as { problems: string[] }).problems.join('\n')).toMatch(
      /Species[\s\S]*Island[\s\S]*Body Mass/,
    );
  });

  it('pays for every data-derived fact: the transform does not depend on the rows beyond the DP release', async () => {
    const pub = publicSchema(schema);
    const start = await startDpTraining(table, pub, { epsilon: 1 }, 'tvae');
    // one noisy 1-way marginal per modelled column, 10 % of the budget
    expect(start.ledger.entries.map((e) => e.query)).toEqual(Array(7).fill('marginal'));
    expect(start.ledger.rhoSpent).toBeLessThan(0.1001 * start.ledger.rhoBudget);
    // N̂ near 344, N⁺ above it
    expect(Math.abs(start.rowsHat - 344)).toBeLessThan(100);
    expect(start.rowsUpper).toBeGreaterThan(start.rowsHat);
    // the structure (spans, categories, bounds, missing slots) comes from the schema alone: a table with one row
    // less gives the same structure
    const fewer = table.take(Int32Array.from({ length: table.nRows - 1 }, (_, i) => i + 1));
    const other = await startDpTraining(fewer, pub, { epsilon: 1 }, 'tvae');
    const shape = (t: typeof start.transform) =>
      t.toJSON().columns.map((c) => ({
        name: c.name,
        encoding: c.encoding,
        missing: c.missing,
        ...('categories' in c ? { categories: c.categories } : { min: c.min, max: c.max }),
      }));
    expect(shape(other.transform)).toEqual(shape(start.transform));
    const f = start.frequencies.get('Species')!;
    expect(f.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
  });

  it('plans DP-SGD within what is left, with a batch cap from N⁺', async () => {
    const start = await startDpTraining(table, publicSchema(schema), { epsilon: 2 }, 'tvae');
    const plan = planDpSgd(start, { batchSize: 50, epochs: 5, coordinates: 1000 });
    expect(plan.samplingRate).toBeGreaterThan(0.1);
    expect(plan.steps).toBe(Math.ceil(5 / plan.samplingRate));
    expect(plan.batchCap).toBeGreaterThan(plan.expectedBatch);
    expect(plan.capDelta).toBeLessThan(1e-20);
    expect(plan.noiseMultiplier).toBeGreaterThan(0.3);
  }, 120_000);
});
