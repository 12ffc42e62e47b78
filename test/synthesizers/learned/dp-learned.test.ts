import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredPublic } from '../declared-public.js';
import { LookalikeError } from '../../../src/errors.js';
import '../../../src/synthesizers/builtin.js';
import { loadModel, getSynthesizer } from '../../../src/synthesizers/registry.js';
import { tableFromRecords } from '../../../src/table/infer.js';
import type { Row } from '../../../src/table/table.js';
import type { ModelFile } from '../../../src/synthesizers/types.js';

// penguins (344 rows) with its domains declared public, as a user would after reviewing
// `lookalike inspect --public-domains`
const records = JSON.parse(
  readFileSync(new URL('../../../node_modules/vega-datasets/data/penguins.json', import.meta.url), 'utf8'),
) as Row[];
const { table, schema } = tableFromRecords(records);
const publicSchema = declaredPublic;

const CASES = [
  { name: 'tvae', options: { epochs: 2, batchSize: 64, compress: [32], decompress: [32], embeddingDim: 16 } },
  {
    name: 'ctgan',
    options: { epochs: 2, batchSize: 64, generator: [32], discriminator: [32], embeddingDim: 16 },
  },
];

describe.each(CASES)('$name with --epsilon (DP-SGD)', ({ name, options }) => {
  const synth = () => getSynthesizer(name);

  it('refuses domains read off the data, naming the columns', async () => {
    const e = await synth()
      .fit(table, schema, { epsilon: 1, options })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).kind).toBe('privacy');
    expect((e as LookalikeError).problems.join('\n')).toMatch(/Species[\s\S]*Island[\s\S]*Body Mass/);
  });

  it('fits end to end on public domains: schema respected, ledger within the budget, noisy default rows, round trip', async () => {
    const model = await synth().fit(table, publicSchema(schema), { epsilon: 2, seed: 1, options });
    expect(model.privacy.type).toBe('dp');
    const g = model.privacy as { epsilon: number; delta: number };
    expect(g.epsilon).toBeLessThanOrEqual(2);
    expect(g.delta).toBeLessThanOrEqual(1e-9);
    // the default row count is the noisy N̂, a whole number near 344 (never read off the rows)
    expect(Number.isInteger(model.defaultRows)).toBe(true);
    expect(Math.abs(model.defaultRows! - 344)).toBeLessThan(100);
    const s = model.sample(200, { seed: 3 });
    expect(s.nRows).toBe(200);
    const species = s.column('Species');
    if (species.kind === 'categorical')
      expect([...species.categories].sort()).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    const mass = s.column('Body Mass (g)');
    if (mass.kind === 'numeric')
      for (const v of mass.values) if (!Number.isNaN(v)) expect(v >= 2700 && v <= 6300).toBe(true);
    // the ledger: 7 noisy 1-way marginals, then one DP-SGD run
    const file = JSON.parse(JSON.stringify(model.toJSON())) as ModelFile;
    const ledger = file.ledger as {
      accounting: string;
      entries: { query: string; mechanism: string; delta?: number; subsampled?: Record<string, number> }[];
    };
    expect(ledger.accounting).toBe('zcdp+subsampled');
    expect(ledger.entries.slice(0, 7).map((e) => e.query)).toEqual(Array(7).fill('marginal'));
    expect(ledger.entries).toHaveLength(8);
    const sgd = ledger.entries[7];
    expect(sgd.mechanism).toBe('subsampled-gaussian');
    expect(sgd.query).toBe(`${name} DP-SGD`);
    expect(sgd.delta).toBeGreaterThan(0);
    const sub = sgd.subsampled!;
    expect(sub.clippingNorm).toBe(1);
    expect(sub.sensitivity).toBeGreaterThanOrEqual(1);
    expect(sub.samplingRate).toBeGreaterThan(64 / 450);
    expect(sub.samplingRate).toBeLessThan(64 / 250);
    expect(sub.steps).toBe(Math.ceil(2 / sub.samplingRate));
    const back = loadModel(file);
    expect(back.privacy).toEqual(model.privacy);
    expect(back.defaultRows).toBe(model.defaultRows);
    expect(back.sample(50, { seed: 4 }).toRecords()).toEqual(model.sample(50, { seed: 4 }).toRecords());
    // a DP file without its noisy row count is refused
    const broken = JSON.parse(JSON.stringify(file)) as { params: { dp?: unknown } };
    delete broken.params.dp;
    expect(() => loadModel(broken)).toThrow(/params\.dp\.rows/);
  }, 120_000);

  it('refuses a budget too small for the epochs asked, naming ε and the epochs', async () => {
    const e = await synth()
      .fit(table, publicSchema(schema), {
        epsilon: 0.05,
        options: { ...options, epochs: 100, batchSize: 32 },
      })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).kind).toBe('privacy');
    expect((e as LookalikeError).message).toMatch(/ε = 0\.05[\s\S]*100 epochs/);
  }, 60_000);
});

describe('ctgan with --epsilon', () => {
  it('refuses PacGAN packs of more than one row, saying why', async () => {
    const e = await getSynthesizer('ctgan')
      .fit(table, publicSchema(schema), { epsilon: 1, options: { pac: 10 } })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).kind).toBe('usage');
    expect((e as LookalikeError).message).toMatch(/pac must be 1/);
  });

  it('draws its conditional vector by the noisy (paid-for) category frequencies, kept in the model file', async () => {
    const model = await getSynthesizer('ctgan').fit(table, publicSchema(schema), {
      epsilon: 4,
      seed: 2,
      options: { epochs: 1, batchSize: 64, generator: [16], discriminator: [16], embeddingDim: 8 },
    });
    const params = model.toJSON().params as { frequencies: number[][] };
    // Species (3), Island (3), Sex (2 + missing): frequencies near the true ones (152/68/124 of 344 for Species)
    const species = params.frequencies[0];
    expect(species).toHaveLength(3);
    expect(species.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    expect(Math.abs(species[0] - 152 / 344)).toBeLessThan(0.2);
  }, 60_000);
});
