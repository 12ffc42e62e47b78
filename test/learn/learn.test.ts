import { describe, expect, it } from 'vitest';
import { Table } from '../../src/table/table.js';
import type { Column } from '../../src/table/column.js';
import { LookalikeError } from '../../src/errors.js';
import {
  fitBoosting,
  fitForest,
  fitLinear,
  fitLogistic,
  fitTree,
  logLoss,
  makeLearnData,
  makeTarget,
  presentRows,
  rocAuc,
  type Target,
} from '../../src/learn/index.js';
import { numericBin, numericEdges } from '../../src/learn/data.js';

const num = (name: string, v: number[]): Column => ({
  kind: 'numeric',
  name,
  values: Float64Array.from(v),
  integer: false,
});
const cat = (name: string, categories: string[], codes: number[]): Column => ({
  kind: 'categorical',
  name,
  categories,
  codes: Int32Array.from(codes),
});
const binary = (y: number[]): Target => ({ task: 'binary', labels: Int32Array.from(y) });

describe('binning', () => {
  it('puts thresholds at midpoints when there are few distinct values, missing in the last bin', () => {
    expect(Array.from(numericEdges(Float64Array.of(3, 1, 2, 2, NaN), 255))).toEqual([1.5, 2.5]);
    const e = Float64Array.of(1.5, 2.5);
    expect([1, 1.5, 2, 2.6, 100, NaN].map((x) => numericBin(e, x))).toEqual([0, 0, 1, 2, 2, 3]);
  });

  it('uses quantile thresholds when there are more distinct values than bins', () => {
    const v = Float64Array.from({ length: 100 }, (_, i) => i);
    const e = numericEdges(v, 4);
    // numpy: np.percentile(range(100), [25, 50, 75], method='midpoint') = [24.5, 49.5, 74.5]
    expect(Array.from(e)).toEqual([24.5, 49.5, 74.5]);
  });

  it('bins test rows with the reference maps; unseen categories go to the missing bin', () => {
    const train = new Table([cat('c', ['a', 'b'], [0, 1, -1])]);
    const test = new Table([cat('c', ['b', 'z', 'a'], [0, 1, 2, -1])]);
    const dTrain = makeLearnData(train, ['c']);
    const dTest = makeLearnData(test, ['c'], { reference: dTrain });
    const codes = (dTest as unknown as { codes: Uint8Array[] }).codes[0];
    expect(Array.from(codes)).toEqual([1, 2, 0, 2]);
  });

  it('lists every bad feature at once', () => {
    const t = new Table([num('x', [1]), { kind: 'id', name: 'id', values: ['a'] }]);
    try {
      makeLearnData(t, ['x', 'id', 'nope', 'x']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LookalikeError);
      expect((e as LookalikeError).problems).toHaveLength(3);
    }
  });
});

describe('targets', () => {
  it('maps categorical and boolean columns to classes and numeric ones to regression', () => {
    const r = makeTarget(cat('y', ['no', 'yes', 'maybe'], [0, 1, 2, -1]));
    expect(r.target.task).toBe('multiclass');
    expect(r.classes).toEqual(['no', 'yes', 'maybe']);
    const b = makeTarget(cat('y', ['no', 'yes', 'maybe'], [0, 1, 2, -1]), 'classification', ['yes', 'no']);
    expect(b.target.task).toBe('binary');
    expect(Array.from((b.target as { labels: Int32Array }).labels)).toEqual([1, 0, -1, -1]);
    const bo = makeTarget({ kind: 'boolean', name: 'b', values: Int8Array.of(1, 0, -1) });
    expect(bo.classes).toEqual(['false', 'true']);
    expect(makeTarget(num('v', [1, 2])).target.task).toBe('regression');
    expect(Array.from(presentRows(num('v', [1, NaN, 3])))).toEqual([0, 2]);
  });

  it('refuses missing labels with a pointer to presentRows', () => {
    const d = makeLearnData(new Table([num('x', [1, 2])]), ['x']);
    expect(() => fitTree(d, binary([0, -1]))).toThrow(/presentRows/);
  });
});

describe('trees: known splits', () => {
  it('finds a perfect threshold', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const d = makeLearnData(new Table([num('x', x)]), ['x']);
    const m = fitTree(d, binary(x.map((v) => (v > 5 ? 1 : 0))), { maxDepth: 1 });
    const test = makeLearnData(new Table([num('x', [5.4, 5.6, 0, 99])]), ['x'], { reference: d });
    expect(Array.from(m.predict(test))).toEqual([0, 1, 0, 1]);
    expect(Array.from(m.featureImportance())).toEqual([1]);
  });

  it('splits categories by their class statistics, not their order', () => {
    // y = 1 for b and d: no threshold on the category order separates them
    const codes = [0, 1, 2, 3, 0, 1, 2, 3];
    const d = makeLearnData(new Table([cat('c', ['a', 'b', 'c', 'd'], codes)]), ['c']);
    const m = fitTree(d, binary(codes.map((k) => (k % 2 === 1 ? 1 : 0))), { maxDepth: 1 });
    expect(Array.from(m.predict(d))).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
  });

  it('learns where missing values go', () => {
    // missing values behave like large ones: one split (x ≤ 3 | x > 3 or missing) is perfect
    const x = [1, 2, 3, 4, 5, 6, NaN, NaN];
    const y = [0, 0, 0, 1, 1, 1, 1, 1];
    const d = makeLearnData(new Table([num('x', x)]), ['x']);
    const m = fitTree(d, binary(y), { maxDepth: 1 });
    expect(Array.from(m.predict(d))).toEqual(y);
    // and the other way round
    const m2 = fitTree(d, binary([1, 1, 1, 0, 0, 0, 1, 1]), { maxDepth: 2 });
    expect(Array.from(m2.predict(d))).toEqual([1, 1, 1, 0, 0, 0, 1, 1]);
  });

  it('regression leaves hold the means of their rows', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const d = makeLearnData(new Table([num('x', x)]), ['x']);
    const m = fitTree(
      d,
      { task: 'regression', values: Float64Array.of(1, 2, 3, 10, 11, 12) },
      { maxDepth: 1 },
    );
    expect(Array.from(m.predict(d))).toEqual([2, 2, 2, 11, 11, 11]);
  });

  it('respects minSamplesLeaf', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const d = makeLearnData(new Table([num('x', x)]), ['x']);
    const m = fitTree(d, binary([1, 0, 0, 0, 0, 0]), { minSamplesLeaf: 2 });
    // the lone positive cannot be isolated: its leaf holds at least two rows
    expect(m.predict(d)[0]).toBeLessThanOrEqual(0.5);
    const none = fitTree(d, binary([1, 0, 0, 0, 0, 0]), { minSamplesLeaf: 4 }); // 6 rows < 2 × 4: no split
    expect(Array.from(none.featureImportance())).toEqual([0]);
  });

  it('throws when predicting on data binned another way', () => {
    const d = makeLearnData(new Table([num('x', [1, 2, 3, 4])]), ['x']);
    const other = makeLearnData(new Table([num('x', [1, 2, 3, 4])]), ['x']);
    const m = fitTree(d, binary([0, 0, 1, 1]));
    expect(() => m.predict(other)).toThrow(/reference/);
  });
});

// a small noisy classification problem: y depends on x1 (numeric) and c (categorical)
function problem(n: number) {
  const x1: number[] = [];
  const x2: number[] = [];
  const c: number[] = [];
  const y: number[] = [];
  let s = 12345;
  const u = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  for (let i = 0; i < n; i++) {
    const a = u() * 10;
    const k = Math.floor(u() * 3);
    x1.push(a);
    x2.push(u());
    c.push(k);
    y.push((a > 5 ? 1 : 0) ^ (k === 2 ? 1 : 0) ^ (u() < 0.1 ? 1 : 0));
  }
  const table = new Table([num('x1', x1), num('x2', x2), cat('c', ['p', 'q', 'r'], c)]);
  return { table, y, c };
}

describe('boosting', () => {
  it('reduces the training loss as trees are added, and learns the interaction', () => {
    const { table, y } = problem(400);
    const d = makeLearnData(table, ['x1', 'x2', 'c']);
    const t = binary(y);
    const l1 = logLoss(fitBoosting(d, t, { nTrees: 1, minSamplesLeaf: 5 }).predict(d), y);
    const l20 = logLoss(fitBoosting(d, t, { nTrees: 20, minSamplesLeaf: 5 }).predict(d), y);
    const l100 = logLoss(fitBoosting(d, t, { nTrees: 100, minSamplesLeaf: 5 }).predict(d), y);
    expect(l20).toBeLessThan(l1);
    expect(l100).toBeLessThan(l20);
    const m = fitBoosting(d, t, { nTrees: 100, minSamplesLeaf: 5 });
    expect(rocAuc(m.predict(d), y)).toBeGreaterThan(0.9);
    const imp = m.featureImportance();
    expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(imp[1]).toBeLessThan(imp[0]); // x2 is noise
  });

  it('gives multiclass probabilities that sum to 1', () => {
    const { table, c } = problem(300);
    const d = makeLearnData(table, ['x1', 'x2']);
    const t: Target = { task: 'multiclass', labels: Int32Array.from(c), nClasses: 3 };
    for (const m of [
      fitBoosting(d, t, { nTrees: 10 }),
      fitForest(d, t, { nTrees: 5 }),
      fitTree(d, t),
      fitLogistic(d, t),
    ]) {
      const p = m.predict(d);
      expect(p.length).toBe(300 * 3);
      for (let r = 0; r < 300; r++) expect(p[r * 3] + p[r * 3 + 1] + p[r * 3 + 2]).toBeCloseTo(1, 12);
    }
  });

  it('fits a regression and its early stopping keeps fewer rounds', () => {
    const x = Array.from({ length: 200 }, (_, i) => i / 20);
    const v = Float64Array.from(x, (a) => Math.sin(a) * 3);
    const d = makeLearnData(new Table([num('x', x)]), ['x']);
    const m = fitBoosting(
      d,
      { task: 'regression', values: v },
      { nTrees: 200, minSamplesLeaf: 5, learningRate: 0.3 },
    );
    const p = m.predict(d);
    let mse = 0;
    for (let i = 0; i < 200; i++) mse += (p[i] - v[i]) ** 2;
    expect(mse / 200).toBeLessThan(0.01);
    const es = fitBoosting(
      d,
      { task: 'regression', values: v },
      { nTrees: 500, earlyStopping: true, seed: 3 },
    );
    expect((es as unknown as { trees: unknown[] }).trees.length).toBeLessThan(500);
  });
});

describe('forest', () => {
  it('is reproducible from its seed and separates a clean problem', () => {
    const { table, y } = problem(300);
    const d = makeLearnData(table, ['x1', 'x2', 'c']);
    const a = fitForest(d, binary(y), { nTrees: 20, seed: 7 }).predict(d);
    const b = fitForest(d, binary(y), { nTrees: 20, seed: 7 }).predict(d);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(rocAuc(a, y)).toBeGreaterThan(0.95);
    const reg = fitForest(
      d,
      { task: 'regression', values: Float64Array.from(y) },
      { nTrees: 10, seed: 1 },
    ).predict(d);
    for (const v of reg) expect(v >= 0 && v <= 1).toBe(true);
  });
});

describe('linear models', () => {
  it('ordinary least squares (l2 = 0) recovers an exact line', () => {
    const x = [1, 2, 3, 4, 5];
    const d = makeLearnData(new Table([num('x', x)]), ['x']);
    const m = fitLinear(d, { task: 'regression', values: Float64Array.from(x, (a) => 2 * a + 1) }, { l2: 0 });
    const p = m.predict(d);
    x.forEach((a, i) => expect(p[i]).toBeCloseTo(2 * a + 1, 8));
  });

  it('ridge matches the closed form on the standardised feature', () => {
    // x = 1..4 → z = (x − 2.5)/sd, sd = sqrt(1.25); y = [1, 3, 2, 5]; slope = Σ z y / (Σ z² + λ), Σ z² = n = 4
    const x = [1, 2, 3, 4];
    const y = [1, 3, 2, 5];
    const sd = Math.sqrt(1.25);
    const z = x.map((a) => (a - 2.5) / sd);
    const lam = 2;
    const slope = z.reduce((s, zi, i) => s + zi * y[i], 0) / (4 + lam);
    const d = makeLearnData(new Table([num('x', x)]), ['x']);
    const p = fitLinear(d, { task: 'regression', values: Float64Array.from(y) }, { l2: lam }).predict(d);
    z.forEach((zi, i) => expect(p[i]).toBeCloseTo(2.75 + slope * zi, 10));
  });

  it('unpenalised logistic regression on one category reproduces the group frequencies', () => {
    // group a: 1 of 4 positive; group b: 3 of 4
    const codes = [0, 0, 0, 0, 1, 1, 1, 1];
    const d = makeLearnData(new Table([cat('g', ['a', 'b'], codes)]), ['g']);
    const p = fitLogistic(d, binary([1, 0, 0, 0, 1, 1, 1, 0]), { l2: 1e-9 }).predict(d);
    for (let i = 0; i < 4; i++) expect(p[i]).toBeCloseTo(0.25, 5);
    for (let i = 4; i < 8; i++) expect(p[i]).toBeCloseTo(0.75, 5);
  });

  it('refuses the wrong task', () => {
    const d = makeLearnData(new Table([num('x', [1, 2])]), ['x']);
    expect(() => fitLinear(d, binary([0, 1]))).toThrow(LookalikeError);
    expect(() => fitLogistic(d, { task: 'regression', values: Float64Array.of(1, 2) })).toThrow(
      LookalikeError,
    );
  });
});

describe('rocAuc', () => {
  it('matches hand values, ties averaged', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    // pairs (pos, neg): (.5,.1)=1 (.5,.5)=½ (.9,.1)=1 (.9,.5)=1 → 3.5/4
    expect(rocAuc([0.1, 0.5, 0.5, 0.9], [0, 1, 0, 1])).toBeCloseTo(0.875, 12);
    expect(rocAuc([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    expect(rocAuc([3, 2, 1], [0, 0, 1])).toBe(0);
    expect(() => rocAuc([1, 2], [1, 1])).toThrow(LookalikeError);
  });
});

describe('more learners on small fixtures', () => {
  it('boosting separates a categorical signal that needs a non-contiguous category set', () => {
    // classes {b, d} vs {a, c}: one categorical split with the LightGBM ordering
    const codes = Array.from({ length: 80 }, (_, i) => i % 4);
    const d = makeLearnData(new Table([cat('c', ['a', 'b', 'c', 'd'], codes)]), ['c']);
    const y = codes.map((k) => (k === 1 || k === 3 ? 1 : 0));
    const m = fitBoosting(d, binary(y), { nTrees: 30, maxDepth: 1, minSamplesLeaf: 1 });
    const p = m.predict(d);
    for (let i = 0; i < 80; i++) expect(p[i] > 0.5).toBe(y[i] === 1);
  });

  it('multiclass boosting predicts the class of each block', () => {
    const x = Array.from({ length: 90 }, (_, i) => i);
    const labels = Int32Array.from(x, (v) => Math.floor(v / 30));
    const d = makeLearnData(new Table([num('x', x)]), ['x']);
    const p = fitBoosting(
      d,
      { task: 'multiclass', labels, nClasses: 3 },
      { nTrees: 20, minSamplesLeaf: 5 },
    ).predict(d);
    for (let r = 0; r < 90; r++) {
      const k = labels[r];
      expect(p[r * 3 + k]).toBeGreaterThan(0.8);
    }
  });

  it('bins datetime and boolean features', () => {
    const t = new Table([
      { kind: 'datetime', name: 't', values: Float64Array.of(0, 86400000, NaN, 2 * 86400000), format: 'ISO' },
      { kind: 'boolean', name: 'b', values: Int8Array.of(1, 0, -1, 1) },
    ]);
    const d = makeLearnData(t, ['t', 'b']) as unknown as { codes: Uint8Array[] };
    expect(Array.from(d.codes[0])).toEqual([0, 1, 3, 2]);
    expect(Array.from(d.codes[1])).toEqual([1, 0, 2, 1]);
  });

  it('validates options, listing every problem', () => {
    const d = makeLearnData(new Table([num('x', [1, 2])]), ['x']);
    try {
      fitBoosting(d, binary([0, 1]), { nTrees: 0, learningRate: -1, maxDepth: 1.5 });
      expect.unreachable();
    } catch (e) {
      expect((e as LookalikeError).problems).toHaveLength(3);
    }
  });
});

describe('missing values and unseen categories at prediction', () => {
  it('splits missing against every value when that is best', () => {
    const x = [1, 2, 3, 4, NaN, NaN, NaN, NaN];
    const y = [0, 0, 0, 0, 1, 1, 1, 1];
    const d = makeLearnData(new Table([num('x', x)]), ['x']);
    const m = fitTree(d, binary(y), { maxDepth: 1 });
    expect(Array.from(m.predict(d))).toEqual(y);
  });

  it('sends unseen categories through the missing bin', () => {
    // train: missing behaves like "b" (positive)
    const train = new Table([cat('c', ['a', 'b'], [0, 0, 0, 1, 1, -1, -1])]);
    const d = makeLearnData(train, ['c']);
    const m = fitTree(d, binary([0, 0, 0, 1, 1, 1, 1]));
    const test = makeLearnData(new Table([cat('c', ['z', 'a'], [0, 1])]), ['c'], { reference: d });
    expect(Array.from(m.predict(test))).toEqual([1, 0]);
  });
});

describe('many categories (16-bit bin codes)', () => {
  it('bins and splits a 300-category feature', () => {
    const categories = Array.from({ length: 300 }, (_, i) => `k${i}`);
    const codes = Array.from({ length: 1200 }, (_, i) => i % 300);
    const d = makeLearnData(new Table([cat('c', categories, codes)]), ['c']);
    expect((d as unknown as { codes: unknown[] }).codes[0]).toBeInstanceOf(Uint16Array);
    const y = codes.map((k) => k % 2);
    const p = fitTree(d, binary(y), { maxDepth: 1 }).predict(d);
    expect(Array.from(p)).toEqual(y);
  });
});
