import { describe, expect, it } from 'vitest';
import { tableFromRecords } from '../../src/table/infer.js';
import { ddpm, betaSchedule, checkFinite, reverseCategorical } from '../../src/synthesizers/ddpm/index.js';
import type { ModelFile } from '../../src/synthesizers/types.js';
import { errorOf, expectSchemaKept, penguins as loadPenguins } from './learned-fixtures.js';

const { table: penguins, schema } = loadPenguins();

type Params = { epochs: number; betas: number[]; weights: { name: string; shape: number[]; data: string }[] };

// tiny settings: the suite must stay fast
const small = { epochs: 30, width: 32, depth: 2, steps: 10, batchSize: 32, threads: 1 };

describe('ddpm on penguins', async () => {
  const events: string[] = [];
  const model = await ddpm.fit(penguins, schema, {
    seed: 1,
    options: small,
    onProgress: (e) => events.push(e.message ?? ''),
  });
  const syn = model.sample(300, { seed: 7 });

  it('keeps columns, kinds, domains, integers and ranges; reports progress per epoch', () => {
    expectSchemaKept(penguins, syn, 300);
    expect(events.filter((m) => /^epoch \d+: loss [\d.]+, validation [\d.]+$/.test(m)).length).toBe(
      (model.toJSON().params as Params).epochs,
    );
  });

  it('is reproducible: the same seed gives the same model bytes and rows', async () => {
    const again = await ddpm.fit(penguins, schema, { seed: 1, options: small });
    expect(JSON.stringify(again.toJSON().params)).toBe(JSON.stringify(model.toJSON().params));
    // the same n and seed give the same rows (a row depends on n: the noise is drawn step by step for all rows)
    expect(model.sample(300, { seed: 7 }).toRecords()).toEqual(syn.toRecords());
    expect(model.sample(300, { seed: 8 }).toRecords()).not.toEqual(syn.toRecords());
  });

  it('anneals the learning rate linearly by default; lrDecay "none" keeps it (a different model)', async () => {
    const short = { ...small, epochs: 3, validation: 0 };
    const bytes = async (o: Record<string, unknown>) =>
      JSON.stringify((await ddpm.fit(penguins, schema, { seed: 1, options: o })).toJSON().params);
    const byDefault = await bytes(short);
    expect(await bytes({ ...short, lrDecay: 'linear' })).toBe(byDefault);
    expect(await bytes({ ...short, lrDecay: 'none' })).not.toBe(byDefault);
  });

  it('round-trips through JSON, says it is not DP, and refuses weights that do not match their shapes', () => {
    const file = JSON.parse(JSON.stringify(model.toJSON())) as ModelFile & { params: Params };
    expect(file.privacy).toEqual({ type: 'none' });
    expect(ddpm.privacy).toBe('none');
    const back = ddpm.load(file);
    expect(back.sample(50, { seed: 3 }).toRecords()).toEqual(model.sample(50, { seed: 3 }).toRecords());
    const bad = JSON.parse(JSON.stringify(file)) as typeof file;
    bad.params.weights[0].shape = [3, 3];
    bad.params.betas[0] = 2;
    const e = errorOf(() => ddpm.load(bad));
    expect(e.problems.join('\n')).toMatch(/betas must be 10 numbers in \(0, 1\)/);
    const bad2 = JSON.parse(JSON.stringify(file)) as typeof file;
    bad2.params.weights[0].shape = [3, 3];
    expect(errorOf(() => ddpm.load(bad2)).problems.join('\n')).toMatch(/h0\.W/);
  });

  it('samples conditionally by rejection', () => {
    const s = model.sample(30, { seed: 2, conditions: { Species: 'Gentoo' } });
    expect(s.toRecords().every((r) => r.Species === 'Gentoo')).toBe(true);
  });
});

describe('ddpm: schedules, bad input, learning', () => {
  it('has increasing cosine and linear schedules in (0, 1)', () => {
    for (const kind of ['cosine', 'linear'] as const) {
      const b = betaSchedule(kind, 50);
      expect(b).toHaveLength(50);
      for (let t = 0; t < 50; t++) {
        expect(b[t] > 0 && b[t] < 1).toBe(true);
        if (t) expect(b[t]).toBeGreaterThanOrEqual(b[t - 1]);
      }
    }
  });

  it('the categorical reverse step with the exact p(x_0 | x_t) gives back the data marginal', () => {
    // one categorical, π = (0.7, 0.2, 0.1), T = 50 cosine: run the marginal of x_t backwards from q(x_T) through
    // the reverse steps fed with the exact posterior p(x_0 | x_t) ∝ π(x_0)·q(x_t | x_0); the result must be π
    // (the plug-in step without the normalisers q(x_t | x_0) ends near 0.53 / 0.27 / 0.20)
    const pi = [0.7, 0.2, 0.1];
    const K = 3;
    const betas = betaSchedule('cosine', 50);
    const T = betas.length;
    const abar = [1];
    for (let t = 1; t <= T; t++) abar.push(abar[t - 1] * (1 - betas[t - 1]));
    const qt = (t: number, x0: number, xt: number) => abar[t] * (x0 === xt ? 1 : 0) + (1 - abar[t]) / K;
    let m = [0, 1, 2].map((c) => pi.reduce((s, p, x0) => s + p * qt(T, x0, c), 0));
    for (let t = T; t >= 1; t--) {
      const next = [0, 0, 0];
      for (let c = 0; c < K; c++) {
        const p = Float64Array.from(pi, (q, x0) => q * qt(t, x0, c));
        const tot =
          t > 1
            ? reverseCategorical(p, K, c, 1 - betas[t - 1], abar[t], abar[t - 1])
            : p.reduce((a, b) => a + b);
        for (let j = 0; j < K; j++) next[j] += (m[c] * p[j]) / tot;
      }
      m = next;
    }
    m.forEach((x, j) => expect(x).toBeCloseTo(pi[j], 10));
  });

  it('says how many rows it needs; a loss that is not finite stops the fit naming the epoch', async () => {
    const { table, schema: s } = tableFromRecords(Array.from({ length: 12 }, (_, i) => ({ a: i, b: 'x' })));
    await expect(ddpm.fit(table, s)).rejects.toThrow(/the table has 12 rows; ddpm needs at least 20/);
    // the fit calls checkFinite on every batch's loss and every validation loss
    expect(() => checkFinite(NaN, 7, 'training')).toThrow(/the training loss became NaN at epoch 7/);
    expect(() => checkFinite(Infinity, 3, 'validation')).toThrow(
      /validation loss became Infinity at epoch 3/,
    );
    expect(() => checkFinite(1.5, 1, 'training')).not.toThrow();
  });

  it('learns: a deterministic category pair is kept far more often than by chance', async () => {
    // y = f(x) for 4 categories: independent columns would pair them right 1/4 of the time
    const recs = Array.from({ length: 400 }, (_, i) => ({ x: `c${i % 4}`, y: `d${((i % 4) * 3) % 4}` }));
    const { table, schema: s } = tableFromRecords(recs);
    const m = await ddpm.fit(table, s, {
      seed: 2,
      options: {
        epochs: 60,
        width: 64,
        depth: 2,
        steps: 20,
        batchSize: 100,
        threads: 1,
        validation: 0,
        lr: 0.005,
      },
    });
    const out = m.sample(400, { seed: 1 }).toRecords();
    const ok = out.filter((r) => r.y === `d${(Number(String(r.x).slice(1)) * 3) % 4}`).length;
    expect(ok / 400).toBeGreaterThan(0.6);
  });
});
