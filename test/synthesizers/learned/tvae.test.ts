import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tvae, type TvaeModel } from '../../../src/synthesizers/tvae/index.js';
import { loadModel } from '../../../src/synthesizers/registry.js';
import '../../../src/synthesizers/builtin.js';
import { tableFromRecords } from '../../../src/table/infer.js';
import { LookalikeError } from '../../../src/errors.js';
import type { ModelFile } from '../../../src/synthesizers/types.js';

const penguinsPath = fileURLToPath(
  new URL('../../../node_modules/vega-datasets/data/penguins.json', import.meta.url),
);
const { table: penguins, schema } = tableFromRecords(JSON.parse(readFileSync(penguinsPath, 'utf8')));

/** Small settings so the suite stays fast. */
const small = { epochs: 4, batchSize: 64, embeddingDim: 16, compress: [32], decompress: [32] };

describe('tvae on penguins', async () => {
  const events: number[] = [];
  const model = await tvae.fit(penguins, schema, {
    seed: 1,
    options: small,
    onProgress: (e) => events.push(e.done ?? -1),
  });

  it('samples the schema: names, kinds, categories, bounds, integers', () => {
    const syn = model.sample(300, { seed: 2 });
    expect(syn.nRows).toBe(300);
    expect(syn.names).toEqual(penguins.names);
    for (const c of penguins.columns) {
      const s = syn.column(c.name);
      expect(s.kind).toBe(c.kind);
      if (c.kind === 'categorical' && s.kind === 'categorical') {
        for (const k of s.codes) if (k >= 0) expect(c.categories).toContain(s.categories[k]);
      }
      if (c.kind === 'numeric' && s.kind === 'numeric') {
        const real = c.values.filter((v) => v === v);
        const lo = Math.min(...real),
          hi = Math.max(...real);
        for (const v of s.values) if (v === v) expect(v >= lo && v <= hi).toBe(true);
      }
    }
    expect(events).toEqual([1, 2, 3, 4]);
  });

  it('is seed-reproducible: same seed, same model and rows', async () => {
    const again = await tvae.fit(penguins, schema, { seed: 1, options: small });
    expect(JSON.stringify(again.toJSON().params)).toBe(JSON.stringify(model.toJSON().params));
    expect(again.sample(50, { seed: 3 }).toRecords()).toEqual(model.sample(50, { seed: 3 }).toRecords());
    expect(model.sample(50, { seed: 4 }).toRecords()).not.toEqual(model.sample(50, { seed: 3 }).toRecords());
  });

  it('round-trips through its model file (byte-identical samples)', () => {
    const file = JSON.parse(JSON.stringify(model.toJSON())) as ModelFile;
    const back = loadModel(file);
    expect(back.sample(80, { seed: 5 }).toRecords()).toEqual(model.sample(80, { seed: 5 }).toRecords());
    expect(JSON.stringify(back.toJSON().params)).toBe(JSON.stringify(model.toJSON().params));
  });

  it('refuses a model file whose weights do not match their shapes', () => {
    const file = JSON.parse(JSON.stringify(model.toJSON())) as ModelFile & {
      params: { weights: { name: string; shape: number[]; data: string }[] };
    };
    file.params.weights[0].shape = [3, 3];
    file.params.weights[2].data = 'AAAAAA==';
    let err: unknown;
    try {
      loadModel(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LookalikeError);
    const text = (err as LookalikeError).problems.join('\n');
    expect(text).toMatch(/"encoder\.0\.W" has shape \[3,3\] but the model declares/);
    expect(text).toMatch(/"encoder\.out\.W" holds 1 float32 values; its shape needs/);
  });

  it('decodes by sampling the softmax unless asked for the argmax; a file without the field keeps the argmax', () => {
    const file = JSON.parse(JSON.stringify(model.toJSON())) as ModelFile & { params: { decoding?: string } };
    expect(file.params.decoding).toBe('sample');
    const argmax = loadModel({ ...file, params: { ...file.params, decoding: 'argmax' } });
    const { decoding: _, ...older } = file.params;
    expect(
      loadModel({ ...file, params: older })
        .sample(80, { seed: 5 })
        .toRecords(),
    ).toEqual(argmax.sample(80, { seed: 5 }).toRecords());
    expect(argmax.sample(80, { seed: 5 }).toRecords()).not.toEqual(model.sample(80, { seed: 5 }).toRecords());
    expect(() => loadModel({ ...file, params: { ...file.params, decoding: 'mode' } })).toThrow(
      /params\.decoding must be "sample" or "argmax"/,
    );
  });

  it('conditions by rejection', () => {
    const syn = model.sample(40, { seed: 6, conditions: { Species: 'Gentoo' } });
    const sp = syn.column('Species');
    if (sp.kind !== 'categorical') throw new Error('kind');
    expect(Array.from(sp.codes, (k) => sp.categories[k])).toEqual(new Array(40).fill('Gentoo'));
  });
});

describe('tvae refuses bad input', () => {
  it('too few rows: says how many are needed', async () => {
    const tiny = penguins.take(Int32Array.from([0, 1, 2, 3, 4]));
    await expect(tvae.fit(tiny, schema, {})).rejects.toThrow(/has 5 rows; tvae needs at least 10 rows/);
  });

  it('a loss that is not finite stops with the epoch named, and no model', async () => {
    await expect(tvae.fit(penguins, schema, { seed: 1, options: { ...small, lr: 1e30 } })).rejects.toThrow(
      /tvae: the training (validation )?loss became (NaN|Infinity) in epoch \d+; no model was made/,
    );
  });
});

describe('tvae can memorise', () => {
  it('20 rows when asked to (many epochs, no validation): each row comes back through the autoencoder', async () => {
    const complete = penguins.toRecords().filter((r) => Object.values(r).every((v) => v !== null));
    const rows = complete.filter((_, i) => i % 15 === 0).slice(0, 20);
    const { table, schema: s } = tableFromRecords(rows);
    const model = (await tvae.fit(table, s, {
      seed: 3,
      options: {
        epochs: 800,
        lr: 0.003,
        lossFactor: 20,
        batchSize: 20,
        validation: 0,
        embeddingDim: 16,
        compress: [64],
        decompress: [64],
      },
    })) as TvaeModel;
    const back = model.reconstruct(table, 1).toRecords();
    const real = table.toRecords();
    for (const name of table.names) {
      const c = table.column(name);
      if (c.kind === 'numeric') {
        const v = Array.from(c.values);
        const range = Math.max(...v) - Math.min(...v);
        const worst = Math.max(
          ...real.map((r, i) => Math.abs((r[name] as number) - (back[i][name] as number))),
        );
        expect(worst / range, name).toBeLessThan(0.1);
      } else
        expect(
          back.map((r) => r[name]),
          name,
        ).toEqual(real.map((r) => r[name]));
    }
  });
});
