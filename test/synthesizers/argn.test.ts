import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { argn } from '../../src/synthesizers/argn/index.js';
import type { ArgnModel } from '../../src/synthesizers/argn/model.js';
import type { ArgnNet } from '../../src/synthesizers/argn/network.js';
import { createGemmSync } from '../../src/nn/kernel/wasm.js';
import {
  fitTokenColumn,
  encodeColumn,
  decodeColumn,
  cardinality,
} from '../../src/synthesizers/argn/encode.js';
import '../../src/synthesizers/builtin.js';
import { loadModel } from '../../src/synthesizers/registry.js';
import { tableFromRecords } from '../../src/table/infer.js';
import { Rng } from '../../src/random/rng.js';
import { LookalikeError } from '../../src/errors.js';
import type { Model, ModelFile } from '../../src/synthesizers/types.js';
import type { Column } from '../../src/table/column.js';

type Row = Record<string, string | number | boolean | null>;
const penguins = JSON.parse(readFileSync('node_modules/vega-datasets/data/penguins.json', 'utf8')) as Row[];
const { table, schema } = tableFromRecords(penguins);
const SMALL = { epochs: 25, batchSize: 32 };

let cached: Promise<Model> | null = null;
const fitted = () => (cached ??= argn.fit(table, schema, { seed: 3, options: SMALL }));

async function refusal(p: Promise<unknown>): Promise<LookalikeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LookalikeError);
    return e as LookalikeError;
  }
  throw new Error('expected a refusal');
}

describe('argn tokenisation', () => {
  it('keeps few distinct values exact, bins the rest with spikes of their own, and decodes within the bins', () => {
    const n = 2000;
    const rng = new Rng(1);
    const values = Float64Array.from({ length: n }, (_, i) =>
      i % 3 === 0 ? 0 : i % 50 === 1 ? NaN : Math.round(rng.float() * 10000),
    );
    const col: Column = { kind: 'numeric', name: 'g', values, integer: true };
    const t = fitTokenColumn({ name: 'g', kind: 'numeric', integer: true }, col, {
      bins: 20,
      maxDiscrete: 10,
    });
    expect(t.encoding).toBe('binned');
    expect(t.missing).toBe(true);
    // 0 holds a third of the rows: a bin [0, 0] of its own
    expect(t.lo![0]).toBe(0);
    expect(t.hi![0]).toBe(0);
    expect(cardinality(t)).toBeLessThanOrEqual(21);
    const tokens = encodeColumn(t, col);
    const back = decodeColumn(t, tokens, new Rng(2)) as { values: Float64Array };
    for (let i = 0; i < n; i++) {
      const k = tokens[i];
      if (Number.isNaN(values[i])) expect(back.values[i]).toBeNaN();
      else {
        expect(values[i]).toBeGreaterThanOrEqual(t.lo![k]);
        expect(values[i]).toBeLessThanOrEqual(t.hi![k]);
        expect(back.values[i]).toBeGreaterThanOrEqual(t.lo![k]);
        expect(back.values[i]).toBeLessThanOrEqual(t.hi![k]);
        expect(Number.isInteger(back.values[i])).toBe(true);
      }
    }
    const few: Column = {
      kind: 'numeric',
      name: 'h',
      values: Float64Array.from([3, 1, 3, 2.5]),
      integer: false,
    };
    const d = fitTokenColumn({ name: 'h', kind: 'numeric' }, few, { bins: 20, maxDiscrete: 10 });
    expect(d).toMatchObject({ encoding: 'discrete', values: [1, 2.5, 3], missing: false });
    expect(Array.from(encodeColumn(d, few))).toEqual([2, 0, 2, 1]);
  });
});

describe('argn end to end on penguins', () => {
  it('samples rows of the schema: kinds, categories, ranges, missing values', async () => {
    const model = await fitted();
    expect(model.privacy).toEqual({ type: 'none' });
    const s = model.sample(300, { seed: 1 });
    expect(s.nRows).toBe(300);
    expect(s.names).toEqual(table.names);
    for (const spec of schema.columns) {
      const a = table.column(spec.name);
      const b = s.column(spec.name);
      expect(b.kind).toBe(a.kind);
      if (a.kind === 'categorical' && b.kind === 'categorical') {
        expect(b.categories).toEqual(a.categories);
        expect(b.codes.every((c) => c >= -1 && c < a.categories.length)).toBe(true);
      }
      if (a.kind === 'numeric' && b.kind === 'numeric') {
        const real = Array.from(a.values).filter((v) => !Number.isNaN(v));
        const lo = Math.min(...real);
        const hi = Math.max(...real);
        for (const v of b.values) if (!Number.isNaN(v)) expect(v >= lo && v <= hi).toBe(true);
        if (a.integer)
          expect(Array.from(b.values).every((v) => Number.isNaN(v) || Number.isInteger(v))).toBe(true);
      }
    }
  });

  it('is seed-reproducible: the same fit gives the same weights, the same seed the same rows', async () => {
    const model = await fitted();
    const again = await argn.fit(table, schema, { seed: 3, options: SMALL });
    expect(JSON.stringify(again.toJSON().params)).toBe(JSON.stringify(model.toJSON().params));
    expect(model.sample(100, { seed: 9 }).toRecords()).toEqual(model.sample(100, { seed: 9 }).toRecords());
    expect(model.sample(100, { seed: 9 }).toRecords()).not.toEqual(
      model.sample(100, { seed: 10 }).toRecords(),
    );
    const other = await argn.fit(table, schema, { seed: 4, options: SMALL });
    expect(JSON.stringify(other.toJSON().params)).not.toBe(JSON.stringify(model.toJSON().params));
  });

  it('round-trips through its model file and samples the same rows', async () => {
    const model = await fitted();
    const file = JSON.parse(JSON.stringify(model.toJSON())) as ModelFile;
    expect(file.synthesizer).toBe('argn');
    const back = loadModel(file);
    expect(back.sample(200, { seed: 5 }).toRecords()).toEqual(model.sample(200, { seed: 5 }).toRecords());
    const cond = { Species: 'Gentoo' };
    expect(back.sample(50, { seed: 5, conditions: cond }).toRecords()).toEqual(
      model.sample(50, { seed: 5, conditions: cond }).toRecords(),
    );
  });

  it('refuses a model file whose weights do not match their shapes, or whose tokens do not match the schema', async () => {
    const file = JSON.parse(JSON.stringify((await fitted()).toJSON())) as ModelFile;
    const params = file.params as {
      weights: { name: string; shape: number[]; data: string }[];
      shape: { cards: number[] };
    };
    const w = params.weights[params.weights.length - 1];
    w.shape = [w.shape[0] + 1];
    params.weights[0].data = params.weights[0].data.slice(8);
    expect(() => loadModel(file)).toThrow(/has shape \[\d+\] but the model declares/);
    try {
      loadModel(file);
    } catch (e) {
      expect((e as LookalikeError).problems.some((p) => /float32 values; its shape needs/.test(p))).toBe(
        true,
      );
    }
    const f2 = JSON.parse(JSON.stringify((await fitted()).toJSON())) as ModelFile;
    (f2.params as { shape: { cards: number[] } }).shape.cards[0] += 1;
    expect(() => loadModel(f2)).toThrow(/invalid argn model/);
  });

  it('conditions natively: the conditioned columns hold their values, the others follow the model', async () => {
    const model = await fitted();
    const s = model.sample(400, { seed: 2, conditions: { Species: 'Gentoo', Sex: 'FEMALE' } });
    const recs = s.toRecords();
    expect(recs.every((r) => r.Species === 'Gentoo' && r.Sex === 'FEMALE')).toBe(true);
    // Gentoo penguins are heavy: the conditional mass is far above the unconditional one
    const mass = (rs: Row[]) => rs.reduce((a, r) => a + Number(r['Body Mass (g)'] ?? 0), 0) / rs.length;
    const adelie = model
      .sample(400, { seed: 2, conditions: { Species: 'Adelie', Sex: 'FEMALE' } })
      .toRecords();
    expect(mass(recs)).toBeGreaterThan(mass(adelie) + 600);
    // a numeric value outside what the model learned is refused, naming the column
    expect(() => model.sample(5, { conditions: { 'Body Mass (g)': 1e5 } })).toThrow(LookalikeError);
  });

  it('conditionalSweeps, conditionalOrder: sweeps redraw only the columns a condition leaves open; random orders', async () => {
    const model = (await fitted()) as ArgnModel;
    const net = (model as unknown as { net: ArgnNet }).net;
    const p = net.shape.cards.length;
    const order = Array.from({ length: p }, (_, j) => j);
    // column 0 fixed to token 0; column 1 allowed {0, 1}; the others open
    const allowed: (Int32Array | null)[] = order.map(() => null);
    allowed[0] = Int32Array.of(0);
    allowed[1] = Int32Array.of(0, 1);
    const ctx = { gemm: createGemmSync(), training: false, rng: new Rng(1) };
    const draw = (sweeps: number) => net.sample(300, order, allowed, 1, 1, ctx, new Rng(4), 128, sweeps);
    const plain = draw(0);
    const swept = draw(1);
    for (const t of [plain, swept]) {
      expect(t[0].every((k) => k === 0)).toBe(true);
      expect(t[1].every((k) => k === 0 || k === 1)).toBe(true);
    }
    // the sweep redraws the open columns (same stream: the ancestral pass is identical, then it differs)
    expect(order.slice(1).some((j) => plain[j].some((k, i) => k !== swept[j][i]))).toBe(true);
    // the options: one sweep and random orders by default, kept in the model file (absent, as in files written
    // before them: no sweep, the model's order), used by conditional draws only
    expect(model.params.conditionalSweeps).toBe(1);
    expect(model.params.conditionalOrder).toBe('random');
    const file = JSON.parse(JSON.stringify(model.toJSON())) as ModelFile;
    expect((file.params as { conditionalSweeps?: number }).conditionalSweeps).toBe(1);
    const back = loadModel(file);
    const none = model.withConditional({ conditionalSweeps: 0, conditionalOrder: 'model' });
    const {
      conditionalSweeps: _s,
      conditionalOrder: _o,
      ...older
    } = file.params as { conditionalSweeps?: number; conditionalOrder?: string };
    const old = loadModel({ ...file, params: older } as ModelFile);
    const cond = { seed: 5, conditions: { Species: 'Gentoo' } };
    expect(back.sample(50, cond).toRecords()).toEqual(model.sample(50, cond).toRecords());
    expect(old.sample(50, cond).toRecords()).toEqual(none.sample(50, cond).toRecords());
    expect(none.sample(50, cond).toRecords()).not.toEqual(model.sample(50, cond).toRecords());
    expect(none.sample(50, { seed: 5 }).toRecords()).toEqual(model.sample(50, { seed: 5 }).toRecords());
    const bad = { ...file, params: { ...(file.params as object), conditionalSweeps: 2.5 } } as ModelFile;
    expect(() => loadModel(bad)).toThrow(/conditionalSweeps/);
    const badOrder = {
      ...file,
      params: { ...(file.params as object), conditionalOrder: 'table' },
    } as ModelFile;
    expect(() => loadModel(badOrder)).toThrow(/conditionalOrder must be "random" or "model"/);
    // random orders: the conditioned columns still hold, and the order changes the draw
    const byModelOrder = model.withConditional({ conditionalOrder: 'model' });
    const rec = model.sample(300, { seed: 6, conditions: { Species: 'Gentoo' } }).toRecords();
    expect(rec.every((r) => r.Species === 'Gentoo')).toBe(true);
    expect(rec).not.toEqual(
      byModelOrder.sample(300, { seed: 6, conditions: { Species: 'Gentoo' } }).toRecords(),
    );
  });

  it('refuses too few rows, saying how many are needed', async () => {
    const few = tableFromRecords(penguins.slice(0, 6));
    const e = await refusal(argn.fit(few.table, few.schema, { options: SMALL }));
    expect(e.message).toMatch(/has 6 rows; at least 10 are needed/);
  });

  it('stops on a non-finite loss with an error naming the epoch', async () => {
    const spy = vi.spyOn(Math, 'exp').mockImplementation(() => NaN);
    try {
      const e = await refusal(argn.fit(table, schema, { options: SMALL }));
      expect(e.message).toMatch(/loss became NaN in epoch 1/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('argn memorises a tiny table when asked to (training works)', () => {
  it('overfits 20 rows: sampled rows are training rows', async () => {
    const rng = new Rng(7);
    const rows = Array.from({ length: 20 }, (_, i) => ({
      a: ['x', 'y', 'z', 'w'][rng.int(4)],
      b: rng.int(50),
      c: rng.float() < 0.5,
      id: i,
    }));
    const { table: t, schema: s } = tableFromRecords(rows.map(({ id: _id, ...r }) => r));
    const model = await argn.fit(t, s, {
      seed: 1,
      options: {
        epochs: 400,
        validation: 0,
        dropout: 0,
        lr: 0.01,
        batchSize: 20,
        flexible: false,
        maxDiscrete: 100,
      },
    });
    const key = (r: Row) => `${String(r.a)}|${String(r.b)}|${String(r.c)}`;
    const seen = new Set(t.toRecords().map(key));
    const out = model.sample(500, { seed: 1 }).toRecords();
    const hits = out.filter((r) => seen.has(key(r))).length;
    expect(hits / out.length).toBeGreaterThan(0.95);
  });
});
