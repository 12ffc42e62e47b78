import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ctgan, spanDistance } from '../../../src/synthesizers/ctgan/index.js';
import { WeightAverage } from '../../../src/synthesizers/ctgan/average.js';
import { Param } from '../../../src/nn/tensor.js';
import { fitTransform } from '../../../src/synthesizers/transforms/index.js';
import { modelledSpecs } from '../../../src/synthesizers/common.js';
import { Rng } from '../../../src/random/rng.js';
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
const small = { epochs: 3, batchSize: 40, pac: 4, embeddingDim: 16, generator: [32], discriminator: [32] };

describe('ctgan on penguins', async () => {
  const events: number[] = [];
  const model = await ctgan.fit(penguins, schema, {
    seed: 1,
    options: small,
    onProgress: (e) => events.push(e.done ?? -1),
  });

  it('samples the schema: names, kinds, categories, bounds', () => {
    const syn = model.sample(300, { seed: 2 });
    expect(syn.nRows).toBe(300);
    expect(syn.names).toEqual(penguins.names);
    for (const c of penguins.columns) {
      const s = syn.column(c.name);
      expect(s.kind).toBe(c.kind);
      if (c.kind === 'categorical' && s.kind === 'categorical')
        for (const k of s.codes) if (k >= 0) expect(c.categories).toContain(s.categories[k]);
      if (c.kind === 'numeric' && s.kind === 'numeric') {
        const real = c.values.filter((v) => v === v);
        const lo = Math.min(...real),
          hi = Math.max(...real);
        for (const v of s.values) if (v === v) expect(v >= lo && v <= hi).toBe(true);
      }
    }
    expect(events).toEqual([1, 2, 3]);
  });

  it('is seed-reproducible: same seed, same model and rows', async () => {
    const again = await ctgan.fit(penguins, schema, { seed: 1, options: small });
    expect(JSON.stringify(again.toJSON().params)).toBe(JSON.stringify(model.toJSON().params));
    expect(again.sample(50, { seed: 3 }).toRecords()).toEqual(model.sample(50, { seed: 3 }).toRecords());
    expect(model.sample(50, { seed: 4 }).toRecords()).not.toEqual(model.sample(50, { seed: 3 }).toRecords());
  });

  it('round-trips through its model file (byte-identical samples)', () => {
    const back = loadModel(JSON.parse(JSON.stringify(model.toJSON())) as ModelFile);
    expect(back.sample(80, { seed: 5 }).toRecords()).toEqual(model.sample(80, { seed: 5 }).toRecords());
  });

  it('refuses a model file whose weights or frequencies do not match', () => {
    const file = JSON.parse(JSON.stringify(model.toJSON())) as ModelFile & {
      params: { weights: { name: string; shape: number[] }[]; frequencies: number[][] };
    };
    file.params.weights[0].shape = [2, 2];
    file.params.frequencies[0] = [1];
    let err: unknown;
    try {
      loadModel(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LookalikeError);
    expect((err as LookalikeError).problems.join('\n')).toMatch(/params\.frequencies must hold/);
    file.params.frequencies = (model.toJSON().params as { frequencies: number[][] }).frequencies;
    expect(() => loadModel(file)).toThrow(/"generator\.0\.fc\.W" has shape \[2,2\] but the model declares/);
  });

  it('conditions through the conditional vector, exactly', () => {
    const syn = model.sample(40, { seed: 6, conditions: { Species: 'Chinstrap' } });
    const sp = syn.column('Species');
    if (sp.kind !== 'categorical') throw new Error('kind');
    expect(Array.from(sp.codes, (k) => sp.categories[k])).toEqual(new Array(40).fill('Chinstrap'));
  });

  it('refuses a batch that is not a multiple of pac', async () => {
    await expect(ctgan.fit(penguins, schema, { options: { ...small, batchSize: 30 } })).rejects.toThrow(
      /batchSize \(30\) must be a multiple of pac \(4\)/,
    );
  });

  it('a loss that is not finite stops with the epoch named, and no model', async () => {
    await expect(ctgan.fit(penguins, schema, { seed: 1, options: { ...small, lr: 1e30 } })).rejects.toThrow(
      /ctgan: the training (critic |generator )?loss became (NaN|-?Infinity) in epoch \d+; no model was made/,
    );
  });
});

describe('ctgan generator weight average', () => {
  it('WeightAverage follows s ← d·s + (1 − d)·θ with the warm-up d = min(decay, (1 + t)/(10 + t)); swap swaps', () => {
    const p = new Param('w', [2]);
    p.value.set([1, -2]);
    const avg = new WeightAverage([p], 0.9);
    const want = [1, -2];
    for (let t = 1; t <= 40; t++) {
      p.value[0] = t;
      p.value[1] = Math.sin(t);
      avg.update();
      const d = Math.min(0.9, (1 + t) / (10 + t));
      want[0] = d * want[0] + (1 - d) * t;
      want[1] = d * want[1] + (1 - d) * Math.sin(t);
    }
    const version = p.version;
    avg.swap();
    expect(p.version).toBeGreaterThan(version);
    expect(p.value[0]).toBeCloseTo(want[0], 4);
    expect(p.value[1]).toBeCloseTo(want[1], 5);
    avg.swap();
    expect(Array.from(p.value)).toEqual([40, Math.fround(Math.sin(40))]);
  });

  it('the average changes the saved generator, not the training (same last generator loss)', async () => {
    const off = await ctgan.fit(penguins, schema, { seed: 1, options: { ...small, ema: 0 } });
    const on = await ctgan.fit(penguins, schema, { seed: 1, options: { ...small, ema: 0.9 } });
    type P = { training: { trainLoss: number }; weights: { name: string; data: string }[] };
    const a = off.toJSON().params as P;
    const b = on.toJSON().params as P;
    expect(b.training.trainLoss).toBe(a.training.trainLoss);
    for (let i = 0; i < a.weights.length; i++) expect(b.weights[i].data).not.toBe(a.weights[i].data);
  });

  it('with a validation split and the average on, early stopping reports a finite best epoch and the model samples', async () => {
    const m = await ctgan.fit(penguins, schema, {
      seed: 1,
      options: { ...small, ema: 0.9, validation: 0.2 },
    });
    const t = (m.toJSON().params as { training: { bestEpoch: number; validLoss: number } }).training;
    expect(t.bestEpoch).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(t.validLoss)).toBe(true);
    expect(m.sample(30, { seed: 2 }).nRows).toBe(30);
  });
});

describe('ctgan final correction', () => {
  it("moves the sampled categories' 1-way frequencies to the training rows' (fixed seeds)", async () => {
    const tv = (m: Awaited<ReturnType<typeof ctgan.fit>>) => {
      const syn = m.sample(4000, { seed: 9 });
      let total = 0;
      const cols = penguins.columns.filter((c) => c.kind === 'categorical');
      for (const c of cols) {
        const s = syn.column(c.name);
        if (c.kind !== 'categorical' || s.kind !== 'categorical') throw new Error('kind');
        const freq = (codes: ArrayLike<number>, cats: readonly string[], n: number) => {
          const f = new Map<string, number>();
          for (let i = 0; i < codes.length; i++) {
            const k = codes[i] >= 0 ? cats[codes[i]] : '';
            f.set(k, (f.get(k) ?? 0) + 1 / n);
          }
          return f;
        };
        const a = freq(c.codes, c.categories, c.codes.length);
        const b = freq(s.codes, s.categories, s.codes.length);
        let d = 0;
        for (const k of new Set([...a.keys(), ...b.keys()])) d += Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0));
        total += d / 2 / cols.length;
      }
      return total;
    };
    const off = await ctgan.fit(penguins, schema, { seed: 1, options: { ...small, correction: 0 } });
    const on = await ctgan.fit(penguins, schema, { seed: 1, options: { ...small, correction: 3 } });
    type P = { training: { trainLoss: number } };
    expect((on.toJSON().params as P).training.trainLoss).toBe((off.toJSON().params as P).training.trainLoss);
    const before = tv(off);
    const after = tv(on);
    expect(after).toBeLessThan(0.03);
    expect(after).toBeLessThan(before / 2);
  });
});

describe('ctgan early stopping criterion', () => {
  it('spanDistance sees a broken dependence that the 1-way frequencies hide', () => {
    // x, y ∈ {a, b}: in "same" y = x, in "swapped" y ≠ x — both have 1-way frequencies ½, ½
    const rows = (swap: boolean) =>
      Array.from({ length: 40 }, (_, i) => {
        const x = i % 2 === 0 ? 'a' : 'b';
        return { x, y: swap ? (x === 'a' ? 'b' : 'a') : x };
      });
    const same = tableFromRecords(rows(false));
    const swapped = tableFromRecords(rows(true)).table;
    const tr = fitTransform(same.table, modelledSpecs(same.schema), new Rng(1));
    const a = tr.encode(same.table, new Rng(2));
    const b = tr.encode(swapped, new Rng(2));
    expect(spanDistance(tr, a, 40, a, 40)).toBeCloseTo(0, 12);
    // the one pair (x, y): mass ½ on (a,a), ½ on (b,b) against ½ on (a,b), ½ on (b,a) — total variation 1
    expect(spanDistance(tr, a, 40, b, 40)).toBeCloseTo(1, 12);
  });
});
