import { describe, expect, it } from 'vitest';
import { distanceMetrics } from '../../../src/metrics/fidelity/distance.js';
import { cat, num, table } from './helpers.js';

// Reference: numpy/scipy/sklearn reimplementation of the prdc package (Naeem et al. 2020), MMD with the median
// heuristic and synthcity's AlphaPrecision (naive embedding), on the same standardised one-hot embedding:
// numeric z-scored by the real mean / sd (ddof 1), one-hot scaled by 1/√2. The script:
//   xr=[1,2,3,4,5,6,7,8.5]; cr=a,a,b,b,c,a,b,c; xs=[1.5,2,2.5,6,7,9,3]; cs=a,b,b,c,c,a,a
//   R,S = embed; rr,ss,rs = scipy cdist; k = 1; rnn = sort(rr)[:, k]; snn = sort(ss)[:, k]
//   precision = (rs < rnn[:,None]).any(0).mean(); recall = (rs < snn[None,:]).any(1).mean()
//   density = (rs < rnn[:,None]).sum(0).mean() / k; coverage = (rs.min(1) < rnn).mean()
//   sigma = median(pooled off-diagonal distances); mmd2 = mean K(rr) + mean K(ss) − 2 mean K(rs),
//   K = exp(−d² / (2 sigma²)); alpha/beta: synthcity metrics_alpha_precision's loop with 30 alphas
//   → prdc 1.0 0.5 1.7142857142857142 0.875; mmd2 0.018153485288358473; alpha 0.6827586206896552,
//     beta 0.8169540229885057
const real = table(num('x', [1, 2, 3, 4, 5, 6, 7, 8.5]), cat('c', ['a', 'a', 'b', 'b', 'c', 'a', 'b', 'c']));
const synth = table(
  num('x', [1.5, 2, 2.5, 6, 7, 9, 3]),
  cat('c', ['a', 'b', 'b', 'c', 'c', 'a', 'a'], ['a', 'b', 'c']),
);

describe('distance-based metrics', () => {
  it('equal the numpy reference on a small fixture', () => {
    const m = new Map(distanceMetrics(real, synth, { k: 1 }).map((r) => [r.id, r]));
    expect(m.get('precision')!.value).toBe(1);
    expect(m.get('recall')!.value).toBe(0.5);
    expect(m.get('density')!.value).toBeCloseTo(1.7142857142857142, 14);
    expect(m.get('density')!.score).toBe(1);
    expect(m.get('coverage')!.value).toBe(0.875);
    expect(m.get('mmd')!.value).toBeCloseTo(0.018153485288358473, 12);
    expect(m.get('mmd')!.details!.bandwidth).toBeCloseTo(1.3989059293044197, 12);
    expect(m.get('alpha_precision')!.value).toBeCloseTo(0.6827586206896552, 12);
    expect(m.get('beta_recall')!.value).toBeCloseTo(0.8169540229885057, 12);
    expect(m.get('mmd')!.note).toBeUndefined();
  });
  it('far-apart supports score 0 on MMD, precision and coverage', () => {
    const far = table(num('x', [1000, 1001, 1002, 1003]), cat('c', ['z', 'z', 'y', 'y']));
    const m = new Map(distanceMetrics(real, far, { k: 1 }).map((r) => [r.id, r.score]));
    // the median heuristic puts the bandwidth at the cross distance, so MMD² stays below its sup of 2
    expect(m.get('mmd')).toBeLessThan(0.1);
    expect(m.get('precision')).toBe(0);
    expect(m.get('recall')).toBe(0);
    expect(m.get('coverage')).toBe(0);
    expect(m.get('density')).toBe(0);
  });
  it('identical tables: MMD 0 and coverage 1; subsampling is seeded and said', () => {
    const m = new Map(distanceMetrics(real, real, { k: 1 }).map((r) => [r.id, r]));
    expect(m.get('mmd')!.value).toBe(0);
    expect(m.get('coverage')!.value).toBe(1);
    const a = distanceMetrics(real, synth, { maxRows: 5, seed: 3 });
    const b = distanceMetrics(real, synth, { maxRows: 5, seed: 3 });
    expect(a).toEqual(b);
    expect(a[0].note).toMatch(/5 of 8 real rows, 5 of 7 synthetic rows \(seed 3\)/);
  });
});

describe('option validation', () => {
  it('lists every bad option at once', () => {
    expect(() => distanceMetrics(real, synth, { maxRows: 1, k: 0 })).toThrow(
      /maxRows must be[\s\S]*k must be/,
    );
  });
});
