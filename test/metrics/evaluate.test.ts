import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, formatSummary } from '../../src/metrics/index.js';
import type { Evaluation } from '../../src/metrics/index.js';
import { tableFromRecords } from '../../src/table/infer.js';
import type { Row, Table } from '../../src/table/table.js';
import type { Column } from '../../src/table/column.js';
import { takeColumn } from '../../src/table/column.js';
import { Rng } from '../../src/random/rng.js';
import { Table as T } from '../../src/table/table.js';

const data = (f: string) =>
  fileURLToPath(new URL(`../../node_modules/vega-datasets/data/${f}`, import.meta.url));

function weather(): Row[] {
  const [head, ...lines] = readFileSync(data('seattle-weather.csv'), 'utf8').trim().split('\n');
  const names = head.split(',');
  return lines.map((l) => {
    const f = l.split(',');
    return Object.fromEntries(names.map((n, i) => [n, i === 0 || i === 5 ? f[i] : Number(f[i])]));
  });
}

/** Every column permuted independently (seeded): same marginals, no dependence. */
function shuffleColumns(t: Table, seed: number): Table {
  const rng = new Rng(seed);
  return new T(
    t.columns.map((c: Column) => takeColumn(c, rng.permutation(t.nRows))),
    t.nRows,
  );
}

describe('evaluate on vega-datasets tables', () => {
  const penguins = tableFromRecords(JSON.parse(readFileSync(data('penguins.json'), 'utf8')) as Row[]);
  const schema = {
    ...penguins.schema,
    columns: penguins.schema.columns.map((c) =>
      c.name === 'Species'
        ? { ...c, role: 'target' as const }
        : c.name === 'Sex'
          ? { ...c, role: 'sensitive' as const }
          : c,
    ),
  };
  let identical: Evaluation;
  let shuffled: Evaluation;

  it('identical tables score 1 on every fidelity aggregate and utility', async () => {
    const events: string[] = [];
    identical = await evaluate(penguins.table, penguins.table, {
      schema,
      seed: 1,
      utilityTrees: 20,
      onProgress: (e) => events.push(e.message ?? ''),
    });
    const a = identical.aggregates;
    expect(a.quality).toBe(1);
    expect(a.columnShapes).toBe(1);
    expect(a.columnPairTrends).toBe(1);
    expect(a.dataValidity).toBe(1);
    expect(a.classBalance).toBe(1);
    expect(a.correlationPreservation).toBeCloseTo(1, 12);
    expect(a.w3Error).toBe(0);
    expect(a.mlUtility).toBe(1);
    expect(identical.inputs.target).toEqual({ name: 'Species', task: 'multiclass' });
    expect(identical.inputs.holdout!.source).toBe('split');
    expect(identical.warnings.join()).toMatch(/no holdout given/);
    expect(events).toContain('utility');
    expect(events.at(-1)).toBe('done');
  });

  it('a shuffled-columns table keeps the shapes and loses the pair trends and utility', async () => {
    shuffled = await evaluate(penguins.table, shuffleColumns(penguins.table, 3), {
      schema,
      seed: 1,
      utilityTrees: 20,
    });
    const a = shuffled.aggregates;
    expect(a.columnShapes).toBe(1);
    expect(a.columnPairTrends).toBeLessThan(0.85);
    expect(a.quality).toBeLessThan(identical.aggregates.quality);
    expect(a.w3Error!).toBeGreaterThan(0.2);
    expect(a.mlUtility!).toBeLessThan(0.8);
    expect(shuffled.utility!.subgroups!.map((g) => g.column)).toContain('Sex');
    const detection = shuffled.metrics.find((m) => m.id === 'detection_auc')!;
    expect(detection.value).toBeGreaterThan(0.7);
  });

  it('writes a JSON document with histograms, matrices and no cell values outside aggregates', () => {
    const json = JSON.parse(JSON.stringify(shuffled)) as Evaluation;
    expect(json.format).toBe('lookalike-evaluation');
    expect(json.version).toBe(1);
    expect(json.inputs.columns.map((c) => c.name)).toEqual(penguins.table.names);
    for (const h of json.columns) {
      const total = h.real.reduce((s, x) => s + x, 0) + h.missingReal;
      expect(total).toBeCloseTo(1, 12);
    }
    const k = json.pairs.numericColumns.length;
    expect(k).toBe(4);
    expect(json.pairs.pearsonReal).toHaveLength(k * k);
    expect(json.pairs.trends).toHaveLength((7 * 6) / 2);
    const text = formatSummary(json);
    expect(text).toMatch(/quality \(SDMetrics\)\s+0\.\d{3}/);
    expect(text).toMatch(/boosting/);
  });

  it('handles datetime columns and a given holdout (seattle-weather)', async () => {
    const w = tableFromRecords(weather());
    expect(w.table.column('date').kind).toBe('datetime');
    const { train, holdout } = w.table.split(new Rng(5), 0.25);
    const ev = await evaluate(train, train, {
      schema: w.schema,
      holdout,
      target: 'weather',
      seed: 2,
      metrics: ['columns', 'utility'],
    });
    expect(ev.aggregates.quality).toBe(1);
    expect(ev.inputs.holdout).toEqual({ rows: holdout.nRows, columns: 6, source: 'given' });
    expect(ev.columns.find((c) => c.name === 'date')).toMatchObject({ kind: 'numeric', datetime: true });
    expect(ev.metrics.some((m) => m.id === 'mmd')).toBe(false);
    expect(ev.aggregates.mlUtility).toBe(1);
  });

  it('a degenerate target skips utility with a warning instead of failing', async () => {
    const t = tableFromRecords([
      { x: 1, y: 'a', t: 'one' },
      { x: 2, y: 'b', t: 'one' },
      { x: 3, y: 'a', t: null },
      { x: 4, y: 'b', t: 'one' },
      { x: 5, y: 'a', t: 'one' },
    ]);
    const ev = await evaluate(t.table, t.table, { schema: t.schema, target: 't', seed: 1 });
    expect(ev.utility).toBeUndefined();
    expect(ev.aggregates.mlUtility).toBeNull();
    expect(ev.aggregates.classBalance).toBe(1);
    expect(ev.inputs.target).toEqual({ name: 't', task: 'binary' });
    expect(ev.warnings.join('\n')).toMatch(/utility metrics skipped: target "t" has 1 class/);
    expect(formatSummary(ev)).toMatch(/class balance\s+1\.000\s+target "t"/);
  });

  it('lists every problem with the inputs at once', async () => {
    const bad = penguins.table.drop(['Island']);
    await expect(
      evaluate(penguins.table, bad, { schema, target: 'nope', seed: NaN, metrics: ['bogus' as never] }),
    ).rejects.toThrow(/seed[\s\S]*bogus[\s\S]*"nope"[\s\S]*"Island" is missing from the synthetic/);
  });

  it('a table above maxRows is evaluated on a stated, seeded subsample (same seed, same result)', async () => {
    const opts = { schema, seed: 3, maxRows: 200, metrics: ['columns' as const], utilityTrees: 5 };
    const a = await evaluate(penguins.table, penguins.table.slice(0, 150), opts);
    expect(a.inputs.subsample).toEqual({ maxRows: 200, seed: 3, real: { rows: 200, of: 344 } });
    expect(a.inputs.real.rows).toBe(344);
    expect(a.warnings).toContain(
      'real table subsampled to 200 of 344 rows (seed 3, at most 200 rows per table)',
    );
    const b = await evaluate(penguins.table, penguins.table.slice(0, 150), opts);
    expect(b.metrics).toEqual(a.metrics);
    const all = await evaluate(penguins.table, penguins.table.slice(0, 150), { ...opts, maxRows: 1000 });
    expect(all.inputs.subsample).toBeUndefined();
    await expect(evaluate(penguins.table, penguins.table, { schema, maxRows: 0 })).rejects.toThrow(
      /maxRows must be a positive integer/,
    );
  });
});
