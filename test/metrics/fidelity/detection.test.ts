import { describe, expect, it } from 'vitest';
import { detectionMetrics, pmseOf } from '../../../src/metrics/fidelity/detection.js';
import { Rng } from '../../../src/random/rng.js';
import { cat, num, table } from './helpers.js';

function sample(n: number, shift: number, seed: number) {
  const rng = new Rng(seed);
  const x = Array.from({ length: n }, () => rng.normal() + shift);
  const c = x.map((v) => (v + rng.normal() > shift ? 'hi' : 'lo'));
  return table(num('x', x), cat('c', c, ['hi', 'lo']));
}

describe('detection AUC and pMSE', () => {
  it('two samples of one distribution are hard to tell apart', () => {
    const [auc, pmse] = detectionMetrics(sample(600, 0, 1), sample(600, 0, 2), { seed: 1 });
    expect(auc.id).toBe('detection_auc');
    expect(Math.abs(auc.value - 0.5)).toBeLessThan(0.08);
    expect(auc.score).toBeGreaterThan(0.84);
    expect(pmse.score).toBeGreaterThan(0.9);
  });
  it('disjoint supports are separated perfectly: score 0', () => {
    const [auc, pmse] = detectionMetrics(sample(300, 0, 1), sample(300, 100, 2), { seed: 1 });
    expect(auc.value).toBe(1);
    expect(auc.score).toBe(0);
    expect(pmse.score).toBeLessThan(0.1);
  });
  it('is reproducible from the seed and says when it subsamples', () => {
    const a = detectionMetrics(sample(200, 0, 1), sample(200, 0.5, 2), { seed: 4, maxRows: 150 });
    const b = detectionMetrics(sample(200, 0, 1), sample(200, 0.5, 2), { seed: 4, maxRows: 150 });
    expect(a).toEqual(b);
    expect(a[0].note).toMatch(/150 of 200 real rows, 150 of 200 synthetic rows \(seed 4\)/);
  });
});

describe('detection option validation', () => {
  it('lists every bad option at once', () => {
    expect(() => detectionMetrics(sample(10, 0, 1), sample(10, 0, 2), { folds: 1, nTrees: 0 })).toThrow(
      /folds must be[\s\S]*nTrees must be/,
    );
  });
});

describe('pMSE', () => {
  it('is the mean squared distance of the propensities from the synthetic share', () => {
    // c = 2/4; ((0.2−0.5)² + (0.4−0.5)² + (0.9−0.5)² + (0.5−0.5)²) / 4 = (0.09 + 0.01 + 0.16 + 0) / 4
    expect(pmseOf([0.2, 0.4, 0.9, 0.5], [0, 0, 1, 1])).toBeCloseTo(0.065, 15);
    // perfect separation reaches c(1 − c)
    expect(pmseOf([0, 0, 0, 1], [0, 0, 0, 1])).toBeCloseTo(0.25 * 0.75, 15);
  });
});
