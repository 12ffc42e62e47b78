import { describe, expect, it } from 'vitest';
import { dcrHistogram } from '../../../src/metrics/privacy/distance-metrics.js';
import { summarizeAttack } from '../../../src/metrics/privacy/roc.js';
import { Rng } from '../../../src/random/rng.js';

describe('data behind the report charts', () => {
  it('DCR histograms count every row in 30 bins up to the 99th percentile', () => {
    const train = Float64Array.from({ length: 200 }, (_, i) => i / 200);
    const holdout = Float64Array.from({ length: 100 }, (_, i) => 0.5 + i / 200);
    const h = dcrHistogram(train, holdout);
    expect(h.edges.length).toBe(31);
    expect(h.edges[0]).toBe(0);
    expect(h.train.reduce((a, b) => a + b, 0)).toBe(200);
    expect(h.holdout.reduce((a, b) => a + b, 0)).toBe(100);
    expect(h.holdout.slice(0, 14).every((c) => c === 0)).toBe(true); // nothing below 0.5
  });

  it('the ROC curve runs from (0, 0) to (1, 1), thinned, and is perfect for separable scores', () => {
    const n = 1000;
    const scores = Float64Array.from({ length: n }, (_, i) => i);
    const labels = Int8Array.from({ length: n }, (_, i) => (i >= n / 2 ? 1 : 0));
    const s = summarizeAttack(scores, labels, new Rng(1));
    expect(s.roc.fpr.length).toBeLessThanOrEqual(202);
    expect([s.roc.fpr[0], s.roc.tpr[0]]).toEqual([0, 0]);
    expect([s.roc.fpr.at(-1), s.roc.tpr.at(-1)]).toEqual([1, 1]);
    // separable: TPR reaches 1 while FPR is still 0
    expect(s.roc.tpr.some((t, i) => t === 1 && s.roc.fpr[i] === 0)).toBe(true);
    expect(s.auc).toBe(1);
  });
});
