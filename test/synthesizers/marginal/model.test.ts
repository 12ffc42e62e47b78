import { describe, expect, it } from 'vitest';
import { LookalikeError } from '../../../src/errors.js';
import { tableFromRecords } from '../../../src/table/infer.js';
import { schemaToMetadata } from '../../../src/table/metadata.js';
import { getSynthesizer } from '../../../src/synthesizers/registry.js';
import '../../../src/synthesizers/builtin.js';

describe('MarginalModel.sample (every DP synthesizer)', () => {
  it('rounds float columns to the decimals of the schema, as the non-DP synthesizers do', async () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ x: (i % 97) / 10 + 0.5, g: i % 3 ? 'a' : 'b' }));
    const { schema: inferred } = tableFromRecords(records);
    const { table, schema } = tableFromRecords(records, schemaToMetadata(inferred, true));
    expect(schema.columns.find((c) => c.name === 'x')?.decimals).toBe(1);
    for (const name of ['independent', 'mst', 'aim', 'privbayes']) {
      const model = await getSynthesizer(name).fit(table, schema, { epsilon: 1, delta: 1e-9, seed: 1 });
      const x = model.sample(100, { seed: 2 }).column('x');
      expect(x.kind).toBe('numeric');
      if (x.kind !== 'numeric') continue;
      for (const v of x.values) expect(Math.round(v * 10) / 10, name).toBe(v);
    }
  });

  it('refuses a bins or maxExactIntegers option that is not a usable whole number (bins=0 wrote every float empty)', async () => {
    const records = Array.from({ length: 50 }, (_, i) => ({ x: i / 10, n: i % 7 }));
    const { schema: inferred } = tableFromRecords(records);
    const { table, schema } = tableFromRecords(records, schemaToMetadata(inferred, true));
    for (const name of ['independent', 'mst', 'aim', 'privbayes']) {
      for (const options of [{ bins: 0 }, { bins: 'abc' }, { bins: 2.5 }, { maxExactIntegers: -1 }]) {
        const e = await getSynthesizer(name)
          .fit(table, schema, { epsilon: 1, options })
          .catch((x: unknown) => x);
        expect(e, `${name} ${JSON.stringify(options)}`).toBeInstanceOf(LookalikeError);
        expect((e as LookalikeError).kind).toBe('usage');
        expect((e as LookalikeError).message).toMatch(/option (bins|maxExactIntegers) must be/);
      }
    }
  });
});
