import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableFromRecords } from '../../src/table/infer.js';
import type { Row } from '../../src/table/table.js';
import type { ColumnSpec, Schema } from '../../src/table/schema.js';
import { isNumericDomain } from '../../src/table/schema.js';
import { mst } from '../../src/synthesizers/mst/index.js';
import { aim } from '../../src/synthesizers/aim/index.js';
import { privbayes } from '../../src/synthesizers/privbayes/index.js';
import { fitIndependentDP } from '../../src/synthesizers/independent-dp.js';

/** The spec as the user declares it after review (`inspect --public-domains`): no fact left inferred. */
function declared(c: ColumnSpec): ColumnSpec {
  const { inferredFacts: _f, ...rest } = c;
  void _f;
  return rest;
}

// End to end on a real table shipped by the npm package vega-datasets (penguins: 344 rows, 4 numeric columns with
// missing values, 3 categorical). The inferred domains are declared public here, as a user would after reviewing
// `lookalike inspect --public-domains`.
const records = JSON.parse(
  readFileSync(new URL('../../node_modules/vega-datasets/data/penguins.json', import.meta.url), 'utf8'),
) as Row[];

function publicSchema(schema: Schema): Schema {
  return {
    ...schema,
    columns: schema.columns.map((c) =>
      declared(c.domain ? { ...c, domain: { ...c.domain, source: 'public' as const } } : c),
    ),
  };
}

describe('DP synthesizers end to end on vega-datasets penguins', () => {
  const { table, schema } = tableFromRecords(records);
  const pub = publicSchema(schema);
  const fits = [
    ['mst', () => mst.fit(table, pub, { epsilon: 1, options: { iters: 300 } })],
    ['aim', () => aim.fit(table, pub, { epsilon: 1, options: { iters: 50, finalIters: 200 } })],
    ['privbayes', () => privbayes.fit(table, pub, { epsilon: 1, options: { iters: 300 } })],
    ['independent (DP)', () => fitIndependentDP(table, pub, { epsilon: 1 })],
  ] as const;
  for (const [name, fit] of fits) {
    it(`${name}: a sample of the schema's columns and kinds, inside the domains, within budget`, async () => {
      const model = await fit();
      if (model.privacy.type !== 'dp') throw new Error('not DP');
      expect(model.privacy.epsilon).toBeLessThanOrEqual(1);
      const s = model.sample(500, { seed: 1 });
      expect(s.names).toEqual(table.names);
      for (const spec of pub.columns) {
        const col = s.column(spec.name);
        expect(col.kind).toBe(spec.kind);
        if (col.kind === 'numeric' && isNumericDomain(spec.domain)) {
          const { min, max } = spec.domain;
          const present = [...col.values].filter((v) => !Number.isNaN(v));
          expect(present.every((v) => v >= min && v <= max)).toBe(true);
          if (spec.integer) expect(present.every((v) => Number.isInteger(v))).toBe(true);
        }
      }
    });
  }

  it('refuses the inferred (private) domains', async () => {
    await expect(mst.fit(table, schema, { epsilon: 1 })).rejects.toThrow(/Species \(categorical\)/);
  });
});
