import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scorePredictions, utilityMetrics } from '../../../src/metrics/utility/tstr.js';
import { tableFromRecords } from '../../../src/table/infer.js';
import { Rng } from '../../../src/random/rng.js';
import type { Row } from '../../../src/table/table.js';

const penguinsPath = fileURLToPath(
  new URL('../../../node_modules/vega-datasets/data/penguins.json', import.meta.url),
);

describe('prediction scores against sklearn', () => {
  // python3 -c "from sklearn.metrics import *; import numpy as np; y=np.array([0,1,1,0,1,0,1,1]);
  //   p=np.array([.2,.7,.4,.1,.9,.6,.8,.3]); print(accuracy_score(y,p>=.5), f1_score(y,p>=.5),
  //   f1_score(y,p>=.5,pos_label=0), roc_auc_score(y,p))"  → 0.625 0.6666666666666665 0.5714285714285715 0.8666…
  //   recall_score(y,p>=.5), recall_score(y,p>=.5,pos_label=0) → 0.6 0.6666666666666666
  it('binary', () => {
    const t = { task: 'binary' as const, labels: Int32Array.of(0, 1, 1, 0, 1, 0, 1, 1) };
    const p = Float64Array.of(0.2, 0.7, 0.4, 0.1, 0.9, 0.6, 0.8, 0.3);
    expect(scorePredictions(p, t)).toEqual({
      accuracy: 0.625,
      f1: expect.closeTo(0.6666666666666665, 14),
      recall: expect.closeTo(0.6, 14),
      rocAuc: expect.closeTo(0.8666666666666667, 14),
    });
    expect(scorePredictions(p, t, 0).f1).toBeCloseTo(0.5714285714285715, 14);
    expect(scorePredictions(p, t, 0).recall).toBeCloseTo(0.6666666666666666, 14);
  });
  // ym=[0,1,2,2,1,0]; P=[[.7,.2,.1],[.3,.4,.3],[.1,.2,.7],[.2,.5,.3],[.1,.8,.1],[.3,.3,.4]];
  // accuracy_score, f1_score(average='macro'), roc_auc_score(multi_class='ovr', average='macro'),
  // recall_score(average='macro') → 0.6666666666666666 0.6555555555555556 0.875 0.6666666666666666
  it('multiclass', () => {
    const t = { task: 'multiclass' as const, labels: Int32Array.of(0, 1, 2, 2, 1, 0), nClasses: 3 };
    const p = Float64Array.of(
      0.7,
      0.2,
      0.1,
      0.3,
      0.4,
      0.3,
      0.1,
      0.2,
      0.7,
      0.2,
      0.5,
      0.3,
      0.1,
      0.8,
      0.1,
      0.3,
      0.3,
      0.4,
    );
    const s = scorePredictions(p, t);
    expect(s.accuracy).toBeCloseTo(0.6666666666666666, 14);
    expect(s.f1).toBeCloseTo(0.6555555555555556, 14);
    expect(s.rocAuc).toBeCloseTo(0.875, 14);
    expect(s.recall).toBeCloseTo(0.6666666666666666, 14);
  });
  // yr=[3,1.5,4,2,5]; pr=[2.5,2,4,1,4.5]; RMSE, MAE, R² → 0.5916079783099616 0.5 0.7865853658536586
  it('regression', () => {
    const s = scorePredictions(Float64Array.of(2.5, 2, 4, 1, 4.5), {
      task: 'regression',
      values: Float64Array.of(3, 1.5, 4, 2, 5),
    });
    expect(s.rmse).toBeCloseTo(0.5916079783099616, 14);
    expect(s.mae).toBeCloseTo(0.5, 14);
    expect(s.r2).toBeCloseTo(0.7865853658536586, 14);
  });
});

describe('TSTR vs TRTR on penguins', () => {
  const records = JSON.parse(readFileSync(penguinsPath, 'utf8')) as Row[];
  const { table } = tableFromRecords(records);
  const { train, holdout } = table.split(new Rng(1), 0.3);
  const opts = { target: 'Species', holdout, sensitive: ['Island'], nTrees: 20, maxDepth: 3 };

  it('the real table as its own synthetic copy has ratio 1 and perfect importance agreement', () => {
    const { metrics, detail } = utilityMetrics(train, train, opts);
    expect(detail.task).toBe('multiclass');
    expect(detail.mainMetric).toBe('accuracy');
    expect(detail.models.map((m) => m.model)).toEqual(['boosting', 'logistic']);
    for (const m of metrics.filter((x) => x.id === 'utility_ratio')) expect(m.value).toBe(1);
    expect(detail.models[0].trtr.accuracy).toBeGreaterThan(0.9);
    expect(metrics.find((m) => m.id === 'feature_importance_agreement')!.value).toBeCloseTo(1, 12);
    const gap = metrics.find((m) => m.id === 'subgroup_gap')!;
    expect(gap.value).toBe(0);
    expect(detail.subgroups!.length).toBeGreaterThan(1);
  });
  it('a synthetic table with shuffled labels loses utility', () => {
    const perm = new Rng(2).permutation(train.nRows);
    const species = train.column('Species');
    if (species.kind !== 'categorical') throw new Error('fixture');
    const codes = Int32Array.from(perm, (i) => species.codes[i]);
    const synth = train.withColumn({ ...species, codes });
    const { metrics } = utilityMetrics(train, synth, opts);
    const boost = metrics.find((m) => m.id === 'utility_ratio')!;
    expect(boost.value).toBeLessThan(0.7);
    expect(boost.score).toBe(boost.value);
  });
  it('subsamples large tables (seeded) and says so', () => {
    const a = utilityMetrics(train, train, { ...opts, maxRows: 100 });
    const b = utilityMetrics(train, train, { ...opts, maxRows: 100 });
    expect(a).toEqual(b);
    expect(a.metrics[0].note).toMatch(
      /real 100 of 241 rows, synthetic 100 of 241 rows, holdout 100 of 103 rows \(seed 0\)/,
    );
  });
  it('leaves categorical features with more than 50 categories out of the linear model only', () => {
    const many = (t: typeof train) =>
      t.withColumn({
        kind: 'categorical',
        name: 'wide',
        categories: Array.from({ length: 60 }, (_, i) => `c${i}`),
        codes: Int32Array.from({ length: t.nRows }, (_, i) => i % 60),
      });
    const { metrics, detail } = utilityMetrics(many(train), many(train), { ...opts, holdout: many(holdout) });
    expect(detail.features).toContain('wide');
    const lin = metrics.filter((m) => m.id === 'utility_ratio')[1];
    expect(lin.details).toMatchObject({ model: 'logistic', leftOut: ['wide'] });
    expect(metrics[0].details!.leftOut).toBeUndefined();
  });
  it('minority_recall: the minority class recall of TSTR against TRTR (binary targets only)', () => {
    // a binary target with a minority class: Chinstrap (about 20 % of the penguins) against the rest
    const binary = (t: typeof train) => {
      const sp = t.column('Species');
      if (sp.kind !== 'categorical') throw new Error('fixture');
      const k = sp.categories.indexOf('Chinstrap');
      return t.drop(['Species']).withColumn({
        kind: 'categorical',
        name: 'chin',
        categories: ['no', 'yes'],
        codes: Int32Array.from(sp.codes, (c) => (c === k ? 1 : 0)),
      });
    };
    const bo = { ...opts, target: 'chin', holdout: binary(holdout) };
    const tr = binary(train);
    const same = utilityMetrics(tr, tr, bo);
    const m = same.metrics.find((x) => x.id === 'minority_recall')!;
    expect(m.details).toMatchObject({ class: 'yes' });
    expect(m.value).toBe(m.baseline);
    expect(m.value).toBe(same.detail.models[0].tstr.recall);
    expect(m.score).toBe(1);
    // a synthetic table that lost most of the minority class: recall and score fall
    const chin = tr.column('chin');
    if (chin.kind !== 'categorical') throw new Error('fixture');
    const keep: number[] = [];
    let seen = 0;
    for (let i = 0; i < tr.nRows; i++) if (chin.codes[i] === 0 || seen++ < 3) keep.push(i);
    const poor = utilityMetrics(tr, tr.take(Int32Array.from(keep)), bo).metrics.find(
      (x) => x.id === 'minority_recall',
    )!;
    expect(poor.value).toBeLessThan(m.value * 0.5);
    expect(poor.score).toBeCloseTo(poor.value / m.value, 12);
    // multiclass targets have none
    expect(utilityMetrics(train, train, opts).metrics.some((x) => x.id === 'minority_recall')).toBe(false);
  });
  it('lists every problem with the inputs', () => {
    expect(() => utilityMetrics(train, train.drop(['Island']), { ...opts, target: 'nope' })).toThrow(
      /"nope"/,
    );
    expect(() => utilityMetrics(train, train.drop(['Island']), opts)).toThrow(
      /feature "Island" is not a column of the synthetic/,
    );
  });
});

describe('target task', () => {
  it('treats a whole-number 0/1 target as two classes, and other numbers as regression', () => {
    const records = JSON.parse(readFileSync(penguinsPath, 'utf8')) as Row[];
    const withFlag = records.map((r) => ({ ...r, heavy: (r['Body Mass (g)'] as number) > 4200 ? 1 : 0 }));
    const { table } = tableFromRecords(withFlag);
    const { train, holdout } = table.split(new Rng(3), 0.3);
    const binary = utilityMetrics(train, train, { target: 'heavy', holdout, nTrees: 10, maxDepth: 3 });
    expect(binary.detail.task).toBe('binary');
    const reg = utilityMetrics(train, train, {
      target: 'Flipper Length (mm)',
      holdout,
      nTrees: 10,
      maxDepth: 3,
    });
    expect(reg.detail.task).toBe('regression');
  });
});
