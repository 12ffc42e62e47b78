import { describe, expect, it } from 'vitest';
import {
  contingency,
  contingencyMetrics,
  correlationSimilarity,
  pairMetrics,
  pearson,
  spearman,
  tableStats,
} from '../../../src/metrics/fidelity/pairs.js';
import { cat, num, table } from './helpers.js';

describe('pair kernels against scipy / sklearn', () => {
  // python3 -c "import scipy.stats as st; print(st.pearsonr([1,2,3,4,5,6],[2,1,4,3,7,5])[0],
  //   st.spearmanr([1,2,2,3,5],[3,3,1,4,5])[0])"  → 0.7917946548886294 0.7631578947368421
  it('Pearson and Spearman (ties averaged)', () => {
    expect(pearson(Float64Array.of(1, 2, 3, 4, 5, 6), Float64Array.of(2, 1, 4, 3, 7, 5))).toBeCloseTo(
      0.7917946548886294,
      14,
    );
    expect(spearman(Float64Array.of(1, 2, 2, 3, 5), Float64Array.of(3, 3, 1, 4, 5))).toBeCloseTo(
      0.7631578947368421,
      14,
    );
    // rows with a missing value are dropped pairwise
    expect(pearson(Float64Array.of(1, 2, NaN, 3), Float64Array.of(2, 4, 5, 6))).toBeCloseTo(1, 14);
  });
  // x=[0,0,1,1,2,2,0,1]; y=[0,1,1,1,0,0,0,1]
  // python3 -c "import numpy as np, scipy.stats as st; from sklearn.metrics import mutual_info_score as m,
  //   normalized_mutual_info_score as n; x=np.array([0,0,1,1,2,2,0,1]); y=np.array([0,1,1,1,0,0,0,1]);
  //   print(st.contingency.association(st.contingency.crosstab(x,y)[1], method='cramer'), m(x,y),
  //   n(x,y,average_method='geometric'))"  → 0.816496580927726 0.4544543674493904 0.52471645413335
  it("Cramér's V, mutual information and NMI", () => {
    const t = contingency(Int32Array.of(0, 0, 1, 1, 2, 2, 0, 1), 3, Int32Array.of(0, 1, 1, 1, 0, 0, 0, 1), 2);
    const s = tableStats(t, 3, 2);
    expect(s.v).toBeCloseTo(0.816496580927726, 12);
    expect(s.mi).toBeCloseTo(0.4544543674493904, 12);
    expect(s.nmi).toBeCloseTo(0.52471645413335, 12);
  });
});

describe('pair metrics', () => {
  const real = table(
    num('u', [1, 2, 3, 4, 5, 6]),
    num('v', [2, 1, 4, 3, 7, 5]),
    cat('c', ['a', 'a', 'b', 'b', 'c', 'c']),
  );
  it('correlation similarity is 1 − |Δρ| / 2', () => {
    const synth = table(
      num('u', [1, 2, 3, 4, 5, 6]),
      num('v', [6, 5, 4, 3, 2, 1]),
      cat('c', ['a', 'b', 'c', 'a', 'b', 'c']),
    );
    const [p, s] = correlationSimilarity(real, synth);
    expect(p.id).toBe('correlation_similarity');
    expect(p.score).toBeCloseTo(1 - (0.7917946548886294 + 1) / 2, 14);
    expect(s.id).toBe('spearman_similarity');
  });
  it('identical tables score 1; independent perfect dependence scores low', () => {
    for (const r of pairMetrics(real, real)) expect(r.score, r.id).toBeCloseTo(1, 14);
    // real: c determined by u; synthetic: c constant → contingency TV, V and NMI all change
    const synth = table(
      num('u', [1, 2, 3, 4, 5, 6]),
      num('v', [2, 1, 4, 3, 7, 5]),
      cat('c', ['a', 'a', 'a', 'a', 'a', 'a']),
    );
    const m = contingencyMetrics(real, synth).filter((r) => r.columns!.join() === 'u,c');
    expect(m.map((r) => r.id)).toEqual([
      'contingency_similarity',
      'cramers_v_difference',
      'mutual_information_difference',
    ]);
    // u in 10 equal-width bins of [1, 6]: each value its own bin; real joint puts 1/6 in 6 cells, synthetic in 6
    // other cells except the two with c = a → TV = 1 − 2/6
    expect(m[0].score).toBeCloseTo(2 / 6, 14);
    expect(m[1].score).toBeCloseTo(0, 14); // V real = 1, synthetic 0
    expect(m[2].score).toBeCloseTo(1 - Math.log(3) / Math.sqrt(Math.log(6) * Math.log(3)), 12);
  });
  it('disjoint categories give contingency similarity 0', () => {
    const a = table(cat('x', ['p', 'q']), cat('y', ['r', 's']));
    const b = table(cat('x', ['t', 't']), cat('y', ['r', 's']));
    expect(contingencyMetrics(a, b)[0].score).toBe(0);
  });
});
