import { describe, expect, it } from 'vitest';
import {
  boundaryAdherence,
  categoryCoverage,
  columnMetrics,
  jensenShannonCounts,
  ksComplement,
  ksStatistic,
  missingRateSimilarity,
  rangeCoverage,
  tvComplement,
  wasserstein1,
  wassersteinDistance,
} from '../../../src/metrics/fidelity/columns.js';
import { cat, num, table } from './helpers.js';

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

describe('per-column kernels against scipy', () => {
  // /usr/bin/python3 -c "import numpy as np, scipy.stats as st; a=np.array([1,2,3,4,5.5,9]); b=np.array([2,2,3,6,7]);
  //   print(st.ks_2samp(a,b).statistic, st.wasserstein_distance(a,b))"  → 0.23333333333333334 0.9166666666666666
  it('KS statistic and Wasserstein-1', () => {
    const a = sorted([1, 2, 3, 4, 5.5, 9]),
      b = sorted([2, 2, 3, 6, 7]);
    expect(ksStatistic(a, b)).toBeCloseTo(0.23333333333333334, 14);
    expect(wasserstein1(a, b)).toBeCloseTo(0.9166666666666666, 14);
    expect(ksStatistic(a, a)).toBe(0);
    expect(wasserstein1(a, a)).toBe(0);
  });
  // python3 -c "from scipy.spatial.distance import jensenshannon; print(jensenshannon([3,1,0,2],[1,1,2,2],base=2))"
  it('Jensen–Shannon distance', () => {
    expect(jensenShannonCounts(Float64Array.of(3, 1, 0, 2), Float64Array.of(1, 1, 2, 2))).toBeCloseTo(
      0.47913876749186385,
      12,
    );
    expect(jensenShannonCounts(Float64Array.of(1, 0), Float64Array.of(0, 1))).toBeCloseTo(1, 12);
  });
});

describe('per-column metrics', () => {
  const real = table(num('x', [1, 2, 3, 4, 5.5, 9, null]), cat('c', ['a', 'a', 'b', 'c', null, 'a', 'b']));
  const synth = table(num('x', [2, 2, 3, 6, 7, null]), cat('c', ['a', 'b', 'b', 'd', 'a', 'a']));

  it('KS and TV complement (missing dropped for KS, a category for TV)', () => {
    expect(ksComplement(real, synth)[0].score).toBeCloseTo(1 - 0.23333333333333334, 14);
    // real: a 3/7, b 2/7, c 1/7, missing 1/7; synth: a 3/6, b 2/6, d 1/6 → TV = ½(1/14 + 1/21 + 1/7 + 1/7 + 1/6)
    const tv = 0.5 * (Math.abs(3 / 7 - 3 / 6) + Math.abs(2 / 7 - 2 / 6) + 1 / 7 + 1 / 7 + 1 / 6);
    expect(tvComplement(real, synth)[0].score).toBeCloseTo(1 - tv, 14);
  });
  it('Wasserstein normalised by the real range', () => {
    const w = wassersteinDistance(real, synth)[0];
    expect(w.value).toBeCloseTo(0.9166666666666666 / 8, 14);
    expect(w.score).toBeCloseTo(1 - 0.9166666666666666 / 8, 14);
  });
  it('missing rate, coverage and adherence', () => {
    const m = missingRateSimilarity(real, synth);
    expect(m[0].score).toBeCloseTo(1 - Math.abs(1 / 7 - 1 / 6), 14);
    expect(m[1].score).toBeCloseTo(1 - 1 / 7, 14);
    // real range [1, 9], synthetic [2, 7]: 1 − (1/8 + 2/8)
    expect(rangeCoverage(real, synth)[0].score).toBeCloseTo(1 - 3 / 8, 14);
    // real categories a, b, c; synthetic covers a, b
    expect(categoryCoverage(real, synth)[0].score).toBeCloseTo(2 / 3, 14);
    const b = boundaryAdherence(real, synth);
    expect(b[0].score).toBe(1); // every synthetic x in [1, 9]
    expect(b[1].id).toBe('category_adherence');
    expect(b[1].score).toBeCloseTo(5 / 6, 14); // 'd' is not a real category
  });
  it('identical tables score 1 everywhere; disjoint supports score 0 on shape metrics', () => {
    for (const r of columnMetrics(real, real)) expect(r.score, r.id).toBe(1);
    const far = table(num('x', [100, 101, 102]), cat('c', ['z', 'y', 'z']));
    const byId = new Map(columnMetrics(real, far).map((r) => [`${r.id}:${r.columns![0]}`, r.score]));
    expect(byId.get('ks_complement:x')).toBe(0);
    expect(byId.get('wasserstein:x')).toBe(0);
    expect(byId.get('js_distance:x')).toBeCloseTo(0, 12);
    expect(byId.get('tv_complement:c')).toBe(0);
    expect(byId.get('js_distance:c')).toBeCloseTo(0, 12);
    expect(byId.get('category_coverage:c')).toBe(0);
    expect(byId.get('boundary_adherence:x')).toBe(0);
  });
  it('reports every incompatible column at once', () => {
    const bad = table(cat('x', ['1']), num('c', [1]));
    expect(() => columnMetrics(real, bad)).toThrow(/"x" is numeric[\s\S]*"c" is categorical/);
  });
});
