import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredPublic } from './declared-public.js';
import { argn } from '../../src/synthesizers/argn/index.js';
import '../../src/synthesizers/builtin.js';
import { loadModel } from '../../src/synthesizers/registry.js';
import { tableFromRecords } from '../../src/table/infer.js';
import { LookalikeError } from '../../src/errors.js';
import type { Row } from '../../src/table/table.js';
import type { ModelFile } from '../../src/synthesizers/types.js';
import { createGemmSync } from '../../src/nn/kernel/wasm.js';
import { Rng } from '../../src/random/rng.js';
import { SecureRng } from '../../src/random/secure.js';
import { correctMarginals } from '../../src/synthesizers/argn/dp.js';
import { ArgnNet, netShape } from '../../src/synthesizers/argn/network.js';
import { fixedSource } from '../random/fixed-bytes.js';

// penguins with its domains declared public, as a user would after reviewing `lookalike inspect --public-domains`
const records = JSON.parse(readFileSync('node_modules/vega-datasets/data/penguins.json', 'utf8')) as Row[];
const { table, schema } = tableFromRecords(records);
const publicSchema = declaredPublic;
const OPTIONS = { epochs: 3, batchSize: 64 };

describe('argn with --epsilon (DP-SGD)', () => {
  it('refuses domains read off the data, naming the columns', async () => {
    const e = await argn.fit(table, schema, { epsilon: 1, options: OPTIONS }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).kind).toBe('privacy');
    expect((e as LookalikeError).problems.join('\n')).toMatch(/Species[\s\S]*Island[\s\S]*Body Mass/);
  });

  it('fits end to end on public domains: schema respected, ledger within the budget, round trip', async () => {
    const pub = publicSchema(schema);
    const model = await argn.fit(table, pub, { epsilon: 2, seed: 1, options: OPTIONS });
    expect(model.privacy.type).toBe('dp');
    const g = model.privacy as { epsilon: number; delta: number };
    expect(g.epsilon).toBeLessThanOrEqual(2);
    expect(g.delta).toBeLessThanOrEqual(1e-9);
    const s = model.sample(200, { seed: 3 });
    expect(s.nRows).toBe(200);
    const species = s.column('Species');
    expect(species.kind).toBe('categorical');
    if (species.kind === 'categorical')
      expect([...species.categories].sort()).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    const mass = s.column('Body Mass (g)');
    if (mass.kind === 'numeric')
      for (const v of mass.values) if (!Number.isNaN(v)) expect(v >= 2700 && v <= 6300).toBe(true);
    // the ledger: 7 noisy 1-way marginals, then one DP-SGD run with its parameters
    const file = JSON.parse(JSON.stringify(model.toJSON())) as ModelFile;
    const ledger = file.ledger as {
      accounting: string;
      entries: { query: string; mechanism: string; delta?: number; subsampled?: Record<string, number> }[];
    };
    expect(ledger.accounting).toBe('zcdp+subsampled');
    expect(ledger.entries.slice(0, 7).map((e) => e.query)).toEqual(Array(7).fill('marginal'));
    const sgd = ledger.entries[7];
    expect(ledger.entries).toHaveLength(8);
    expect(sgd.mechanism).toBe('subsampled-gaussian');
    expect(sgd.query).toBe('argn DP-SGD');
    expect(sgd.delta).toBeGreaterThan(0);
    const sub = sgd.subsampled!;
    expect(sub.clippingNorm).toBe(1);
    expect(sub.sensitivity).toBeGreaterThanOrEqual(1);
    expect(sub.noiseMultiplier).toBeGreaterThan(0.3);
    // q = batch / N̂ (N̂ noisy, near 344), steps = ⌈epochs / q⌉
    expect(sub.samplingRate).toBeGreaterThan(64 / 450);
    expect(sub.samplingRate).toBeLessThan(64 / 250);
    expect(sub.steps).toBe(Math.ceil(3 / sub.samplingRate));
    expect((file.params as { training: unknown }).training).toEqual({ epochs: 3, bestEpoch: 3, dp: true });
    const back = loadModel(file);
    expect(back.privacy).toEqual(model.privacy);
    expect(back.sample(50, { seed: 4 }).toRecords()).toEqual(model.sample(50, { seed: 4 }).toRecords());
    // conditional sampling is post-processing: the ledger does not change
    const before = JSON.stringify(model.toJSON().ledger);
    const gentoo = model.sample(40, { seed: 5, conditions: { Species: 'Gentoo' } }).toRecords();
    expect(gentoo.every((r) => r.Species === 'Gentoo')).toBe(true);
    expect(JSON.stringify(model.toJSON().ledger)).toBe(before);
  });

  it('refuses dropout under DP (its masks are drawn by position in the batch), saying why', async () => {
    const e = await argn
      .fit(table, publicSchema(schema), { epsilon: 1, options: { ...OPTIONS, dropout: 0.25 } })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).kind).toBe('usage');
    expect((e as LookalikeError).message).toMatch(/dropout must be 0/);
    expect((e as LookalikeError).problems.join(' ')).toMatch(/position in the batch/);
  });

  it('refuses a budget too small for the epochs asked', async () => {
    const e = await argn
      .fit(table, publicSchema(schema), { epsilon: 0.05, options: { epochs: 100, batchSize: 32 } })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).kind).toBe('privacy');
  });

  it('the final correction rakes each head toward its target marginal in the generation order; a null target is left as trained', () => {
    const net = new ArgnNet(netShape([3, 5, 4], 'M'), new Rng(11), 0);
    // strong dependences and baselines far from the targets
    for (const d of [...net.h1, ...net.out]) {
      for (let i = 0; i < d.W.value.length; i++) d.W.value[i] *= 4;
      d.W.touch();
    }
    net.out[1].b.value.set([2, -1, 0, 1, -2]);
    net.out[1].b.touch();
    const targets = [
      Float64Array.from([0.6, 0.3, 0.1]),
      Float64Array.from([0.05, 0.4, 0.2, 0.3, 0.05]),
      null,
    ];
    const before2 = Float32Array.from(net.out[2].b.value);
    const gemm = createGemmSync();
    const order = [1, 0, 2];
    correctMarginals(net, order, targets, 1, gemm, new Rng(3));
    expect([...net.out[2].b.value]).toEqual([...before2]);
    // drawn in the same order with fresh coins: each corrected column's frequencies are its target (40,000 rows:
    // the standard error of a frequency is ≤ 0.0025, the correction's own from 8,192 rows ≤ 0.006; 0.03 is > 4 of both
    // together: false-failure rate < 1e-4, and the seeds are fixed)
    const n = 40_000;
    const ctx = { gemm, training: false, rng: new Rng(5) };
    const tokens = net.sample(n, order, [null, null, null], 1, 1, ctx, new Rng(6));
    for (const j of [0, 1]) {
      const f = new Float64Array(targets[j]!.length);
      for (const t of tokens[j]) f[t] += 1 / n;
      for (let k = 0; k < f.length; k++) expect(Math.abs(f[k] - targets[j]![k])).toBeLessThan(0.03);
    }
    gemm.close();
  });

  it('the final correction is post-processing: same ledger, and only the heads’ output biases move', async () => {
    const pub = publicSchema(schema);
    const fit = (correction: number) =>
      argn.fit(table, pub, {
        epsilon: 2,
        seed: 1,
        options: { ...OPTIONS, correction },
        secureRng: new SecureRng(fixedSource(12)),
      });
    const [a, b] = [(await fit(0)).toJSON(), (await fit(2)).toJSON()];
    expect(JSON.stringify(b.ledger)).toBe(JSON.stringify(a.ledger));
    const wa = (a.params as { weights: { name: string; data: string }[] }).weights;
    const wb = (b.params as { weights: { name: string; data: string }[] }).weights;
    const moved = wb.filter((w, i) => w.data !== wa[i].data).map((w) => w.name);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((nm) => /^head\d+\.out\.b$/.test(nm))).toBe(true);
  });
});
