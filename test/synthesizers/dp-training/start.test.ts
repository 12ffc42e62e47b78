import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dense, Sequential } from '../../../src/nn/layers.js';
import { mat, type Ctx } from '../../../src/nn/tensor.js';
import { Rng } from '../../../src/random/rng.js';
import {
  dpSgdFor,
  marginalLogits,
  normSub,
  planDpSgd,
  startDpTraining,
  trainDpSgd,
} from '../../../src/synthesizers/dp-training/index.js';
import { ctxOf } from '../../nn/gradcheck.js';
import { fixedSource } from '../../random/fixed-bytes.js';
import { SecureRng } from '../../../src/random/secure.js';
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

  it('trains exactly the planned steps, reports epochs without losses, charges one entry; a step without a DP-SGD step is refused and charges nothing', async () => {
    const start = await startDpTraining(table, publicSchema(schema), { epsilon: 2 }, 'tvae');
    const net = new Sequential([new Dense(2, 1, new Rng(1))]);
    const plan = planDpSgd(start, { batchSize: 50, epochs: 2, coordinates: 3 });
    const ctx: Ctx = ctxOf();
    const run = (rows: Int32Array, c: Ctx): void => {
      const out = net.forward(mat(rows.length, 2), c);
      net.backward(mat(out.rows, 1), c, { params: 'per-example', inputGrad: false });
    };
    const before = start.ledger.entries.length;
    const broken = dpSgdFor([net], plan, 1);
    expect(() =>
      trainDpSgd(start, plan, broken, { synthesizer: 'tvae', epochs: 2 }, (t) => {
        if (t < 3) broken.step(table.nRows, run, ctx, start.secureRng);
      }),
    ).toThrow(/step 4 took 0 DP-SGD steps/);
    expect(start.ledger.entries).toHaveLength(before);
    const dp = dpSgdFor([net], plan, 1);
    const events: string[] = [];
    trainDpSgd(
      start,
      plan,
      dp,
      { synthesizer: 'tvae', epochs: 2, onProgress: (e) => events.push(`${e.done}/${e.total} ${e.message}`) },
      () => void dp.step(table.nRows, run, ctx, start.secureRng),
    );
    expect(dp.stepsTaken).toBe(plan.steps);
    expect(events.at(-1)).toBe(`2/2 DP epoch 2 (step ${plan.steps} of ${plan.steps})`);
    expect(events.length).toBeGreaterThanOrEqual(2);
    const entry = start.ledger.entries.at(-1)!;
    expect(start.ledger.entries).toHaveLength(before + 1);
    expect(entry.query).toBe('tvae DP-SGD');
    expect(entry.mechanism).toBe('subsampled-gaussian');
    expect(entry.delta).toBe(plan.capDelta);
    expect(entry.subsampled?.steps).toBe(plan.steps);
  }, 120_000);

  it('marginalLogits: every softmax span starts at the noisy 1-way marginal it was paid for', async () => {
    const start = await startDpTraining(table, publicSchema(schema), { epsilon: 2 }, 'tvae');
    const b = marginalLogits(start.transform, start);
    const softmax = (from: number, width: number): number[] => {
      const e = Array.from({ length: width }, (_, k) => Math.exp(b[from + k]));
      const t = e.reduce((x, y) => x + y, 0);
      return e.map((x) => x / t);
    };
    for (const span of start.transform.spans) {
      const c = start.transform.columns[span.column];
      const m = start.marginals[span.column];
      if (span.fn !== 'softmax') {
        expect(b[span.start]).toBe(0);
        continue;
      }
      const p = softmax(span.start, span.width);
      const total = m.counts.reduce((x, y) => x + y, 0);
      if (c.encoding === 'one-hot') {
        // category j's share is its noisy count over the total (floored at 1e-4 before normalising)
        c.categories.forEach((cat, j) => {
          const k = m.labels.indexOf(cat);
          expect(p[j]).toBeCloseTo(Math.max(m.counts[k] / total, 1e-4), 3);
        });
      } else if (c.encoding === 'modes') {
        // the present share is spread over the modes by their weights; the missing slot takes the missing share
        const present = p.slice(0, c.modes.weights.length).reduce((x, y) => x + y, 0);
        const missing = m.missing ? m.counts[m.counts.length - 1] / total : 0;
        expect(present).toBeCloseTo(1 - missing, 2);
      }
    }
  }, 120_000);

  it('normSub removes the clamping excess: one shift δ, counts ≥ 0 summing to N̂; unchanged when they sum to ≤ N̂', () => {
    const m = {
      counts: Float64Array.from([80, 12, 0, 3, 0, 9]),
      labels: ['a', 'b', 'c', 'd', 'e', 'f'],
      missing: false,
    };
    const [out] = normSub([m], 95);
    expect(out.counts.reduce((s, x) => s + x, 0)).toBeCloseTo(95, 6);
    // sum 104 > 95: the four non-zero cells lose δ = 9/4 each (all stay ≥ 0)
    const d = 80 - out.counts[0];
    expect(d).toBeCloseTo(2.25, 6);
    for (let k = 0; k < 6; k++) expect(out.counts[k]).toBeCloseTo(Math.max(0, m.counts[k] - d), 6);
    expect(normSub([m], 200)[0]).toBe(m);
  });

  it('with normSub the knots and frequencies come from the cleaned counts; the paid-for marginals and the ledger are the same', async () => {
    const pub = publicSchema(schema);
    const opts = () => ({ epsilon: 1, seed: 2, secureRng: new SecureRng(fixedSource(9)) });
    const plain = await startDpTraining(table, pub, opts(), 'argn', { numeric: 'quantile' });
    const clean = await startDpTraining(table, pub, opts(), 'argn', { numeric: 'quantile', normSub: true });
    expect(JSON.stringify(clean.ledger.toJSON())).toBe(JSON.stringify(plain.ledger.toJSON()));
    expect(clean.marginals.map((m) => [...m.counts])).toEqual(plain.marginals.map((m) => [...m.counts]));
    const i = clean.specs.findIndex((s) => s.name === 'Island');
    const want = normSub(clean.marginals, clean.rowsHat)[i].counts;
    const total = want.reduce((s, x) => s + x, 0);
    const f = clean.frequencies.get('Island')!;
    for (let k = 0; k < f.length; k++) expect(f[k]).toBeCloseTo(want[k] / total, 9);
  });
});
