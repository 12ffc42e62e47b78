import { describe, expect, it } from 'vitest';
import { arTreesSynthesizer, getSequenceSynthesizer } from '../../src/relational/sequence.js';
import {
  lagOneAutocorrelation,
  sequenceIndex,
  sequenceMetrics,
} from '../../src/relational/sequence-metrics.js';
import { fitRelational } from '../../src/relational/synthesize.js';
import { parseRelationalMetadata } from '../../src/relational/metadata.js';
import { inferSchema } from '../../src/table/infer.js';
import { Rng } from '../../src/random/rng.js';
import '../../src/synthesizers/builtin.js';
import type { Row } from '../../src/table/table.js';
import { tab } from './helpers.js';

/** 150 patients: sex (static), 2–12 visits at irregular days, a lab value following an AR(1) around a level. */
function visits(seed: number): Row[] {
  const rng = new Rng(seed);
  const rows: Row[] = [];
  for (let p = 1; p <= 150; p++) {
    const sex = p % 3 ? 'f' : 'm';
    const level = sex === 'f' ? 10 : 20;
    const n = 2 + rng.int(11);
    let day = 0;
    let x = level + 3 * rng.normal();
    for (let k = 0; k < n; k++) {
      rows.push({ pid: p, day, sex, lab: Math.round(x * 10) / 10, flag: x > level ? 'high' : 'low' });
      day += 30 + rng.int(200);
      x = level + 0.85 * (x - level) + 1.5 * rng.normal();
    }
  }
  return rows;
}

describe('ar-trees sequence model', () => {
  it('is registered, keeps lengths, gaps and the lag-1 autocorrelation, and is reproducible', async () => {
    expect(getSequenceSynthesizer('ar-trees')).toBe(arTreesSynthesizer);
    const real = tab(visits(1));
    const ix = sequenceIndex(real, ['pid'], 'day');
    const first = Int32Array.from({ length: ix.nEntities }, (_, e) => ix.rows[ix.offsets[e]]);
    const context = real.take(first).select(['sex']);
    const steps = real.take(ix.rows).select(['day', 'lab', 'flag']);
    const model = await arTreesSynthesizer.fit({ context, steps, offsets: ix.offsets, order: 'day' });
    const lengths = Int32Array.from({ length: ix.nEntities }, (_, e) => ix.offsets[e + 1] - ix.offsets[e]);
    const out = model.sample(context, lengths, { seed: 7 });
    expect(out.names).toEqual(['day', 'lab', 'flag']);
    expect(out.nRows).toBe(real.nRows);
    const days = out.column('day') as { values: Float64Array; integer: boolean };
    expect(days.integer).toBe(true);
    // gaps are observed gaps (30 … 229 days), each sequence starts at day 0
    let o = 0;
    for (let e = 0; e < lengths.length; e++) {
      expect(days.values[o]).toBe(0);
      for (let k = 1; k < lengths[e]; k++) {
        const g = days.values[o + k] - days.values[o + k - 1];
        expect(g).toBeGreaterThanOrEqual(30);
        expect(g).toBeLessThan(230);
      }
      o += lengths[e];
    }
    const entity = new Float64Array(out.nRows);
    o = 0;
    for (let e = 0; e < lengths.length; e++) for (let k = 0; k < lengths[e]; k++) entity[o++] = e;
    const syn = out.withColumn({ kind: 'numeric', name: 'pid', values: entity, integer: true });
    const ra = lagOneAutocorrelation(real.column('lab'), ix);
    const sa = lagOneAutocorrelation(syn.column('lab'), sequenceIndex(syn, ['pid'], 'day'));
    expect(ra).toBeGreaterThan(0.8); // the level difference and the AR(1) together
    expect(Math.abs(ra - sa)).toBeLessThan(0.1);
    expect(model.sample(context, lengths, { seed: 7 }).toRecords()).toEqual(out.toRecords());
    const again = arTreesSynthesizer.load(JSON.parse(JSON.stringify(model.toJSON())));
    expect(again.sample(context, lengths, { seed: 7 }).toRecords()).toEqual(out.toRecords());
  });

  it('numericSteps "auto" (the default) models a persistent many-valued series by its changes, noise and flags by values', async () => {
    const rng = new Rng(4);
    const rows: Row[] = visits(3).map((r) => ({
      ...r,
      noise: Math.round(rng.normal() * 100) / 10, // no autocorrelation
      score: rng.int(3), // three values
    }));
    const real = tab(rows);
    const ix = sequenceIndex(real, ['pid'], 'day');
    const first = Int32Array.from({ length: ix.nEntities }, (_, e) => ix.rows[ix.offsets[e]]);
    const context = real.take(first).select(['sex']);
    const steps = real.take(ix.rows).select(['day', 'lab', 'noise', 'score']);
    const data = { context, steps, offsets: ix.offsets, order: 'day' };
    const changes = async (options?: Record<string, unknown>) =>
      (
        (await arTreesSynthesizer.fit(data, options ? { options } : {})).toJSON().params as {
          series: { name: string; change: boolean }[];
        }
      ).series
        .filter((x) => x.change)
        .map((x) => x.name);
    // lab: r₁ > 0.8 over many values; noise: r₁ ≈ 0; score: 3 values
    expect(await changes()).toEqual(['lab']);
    expect(await changes({ numericSteps: 'values' })).toEqual([]);
    expect(await changes({ numericSteps: { noise: 'changes' } })).toEqual(['noise']);
    await expect(arTreesSynthesizer.fit(data, { options: { numericSteps: 'sometimes' } })).rejects.toThrow(
      /numericSteps must be "auto", "values", "changes"/,
    );
  });

  it('as a sequential table: static attributes constant within each synthetic entity, lengths matched', async () => {
    const real = tab(visits(2));
    const meta = parseRelationalMetadata({
      tables: {
        visits: { primaryKey: ['pid', 'day'], sequence: { entity: 'pid', order: 'day', context: ['sex'] } },
      },
    });
    const model = await fitRelational(meta, { visits: real }, { visits: inferSchema(real) }, { seed: 1 });
    const syn = model.sample({ seed: 3 }).tables.visits;
    expect(syn.names).toEqual(real.names);
    const ms = Object.fromEntries(
      sequenceMetrics(real, syn, { table: 'visits', entity: ['pid'], order: 'day', context: ['sex'] }).map(
        (m) => [m.id, m],
      ),
    );
    expect(ms.context_constancy.value).toBe(1);
    expect(ms.sequence_length_ks_complement.score).toBeGreaterThan(0.85);
    expect(ms.time_gap_ks_complement.score).toBeGreaterThan(0.85);
  });
});
