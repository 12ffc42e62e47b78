import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/random/rng.js';
import {
  attributeInference,
  distinctRows,
  linkability,
  singleOutInSubset,
  singlingOut,
} from '../../../src/metrics/privacy/anonymeter.js';
import type { Encoded } from '../../../src/metrics/privacy/space.js';

function rows(num: number[][], cat: number[][]): Encoded {
  const n = num.length ? num[0].length : cat[0].length;
  const nNum = num.length,
    nCat = cat.length;
  const numCols = num.map((c) => Float64Array.from(c));
  const catCols = cat.map((c) => Int32Array.from(c));
  const rowNum = new Float64Array(n * nNum);
  const rowCat = new Int32Array(n * nCat);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < nNum; k++) rowNum[i * nNum + k] = numCols[k][i] / 100;
    for (let k = 0; k < nCat; k++) rowCat[i * nCat + k] = catCols[k][i];
  }
  return { n, nNum, nCat, num: rowNum, cat: rowCat, numCols, catCols };
}

/** n rows: an id-like numeric 0..n-1 (unique), two categoricals. */
function population(rng: Rng, n: number, offset = 0): Encoded {
  return rows(
    [Array.from({ length: n }, (_, i) => offset + i), Array.from({ length: n }, () => rng.int(50))],
    [Array.from({ length: n }, () => rng.int(3)), Array.from({ length: n }, () => rng.int(4))],
  );
}

describe('Anonymeter-equivalent evaluators', () => {
  it('the exact chance that a query singles out in a random subset (larger control sets)', () => {
    expect(singleOutInSubset(1, 10, 5)).toBeCloseTo(0.5, 12);
    // exactly one of 2 matching rows in a 2-subset of 4: C(2,1)·C(2,1)/C(4,2) = 4/6
    expect(singleOutInSubset(2, 4, 2)).toBeCloseTo(4 / 6, 12);
    expect(singleOutInSubset(0, 10, 5)).toBe(0);
    expect(singleOutInSubset(7, 10, 2)).toBeCloseTo((7 * 3) / 45, 12);
  });

  it('singling out says when the holdout count was rescaled by the fitted model (its error is not in the interval)', () => {
    const rng = new Rng(7);
    const train = population(rng, 1200);
    const small = population(rng, 400, 10_000);
    const large = population(rng, 1500, 20_000);
    const synth = population(rng, 600, 30_000);
    const rescaled = singlingOut(train, synth, small, new Rng(2), { mode: 'multivariate', nAttacks: 100 });
    expect(rescaled.controlRescaled?.from).toBe(400);
    expect(rescaled.controlRescaled?.to).toBe(1200);
    expect(rescaled.controlRescaled?.factor).toBeGreaterThan(0);
    const exact = singlingOut(train, synth, large, new Rng(2), { mode: 'multivariate', nAttacks: 100 });
    expect(exact.controlRescaled).toBeUndefined();
  });

  it('distinctRows keeps the first of each repeated row, NaN equal to NaN', () => {
    const e = rows([[1, 1, NaN, NaN, 2]], [[0, 0, -1, -1, 0]]);
    expect(Array.from(distinctRows(e))).toEqual([0, 2, 4]);
  });

  it('a copy of the training rows is singled out, linked and inferred; fresh rows are not', () => {
    const rng = new Rng(1);
    const train = population(rng, 600);
    const control = population(rng, 600, 10_000);
    const fresh = population(rng, 600, 20_000);
    const copy = singlingOut(train, train, control, new Rng(2), { mode: 'univariate', nAttacks: 200 });
    // every value of the first column is unique in the copy and in the training set, none is in the control set
    expect(copy.nSuccess).toBe(200);
    expect(copy.nControl).toBe(0);
    expect(copy.risk.value).toBeGreaterThan(0.95);
    const none = singlingOut(train, fresh, control, new Rng(2), { mode: 'univariate', nAttacks: 200 });
    expect(none.risk.ci[0]).toBe(0);

    const link = linkability(train, train, control, new Rng(3), {
      auxA: [0, 2],
      auxB: [1, 3],
      nAttacks: 300,
    });
    // with the unique first column in half A, half A always finds the row itself; half B does only by luck
    expect(link.main.value).toBeGreaterThan(link.control.value);

    const inf = attributeInference(train, train, control, new Rng(4), { secret: 3, nAttacks: 300 });
    expect(inf.nSuccess).toBe(300);
    expect(inf.risk.value).toBeGreaterThan(0.5);
    const infFresh = attributeInference(train, fresh, control, new Rng(4), { secret: 3, nAttacks: 300 });
    expect(infFresh.risk.ci[0]).toBe(0);
    // a random guess of a 4-valued secret succeeds about a quarter of the time
    expect(infFresh.baseline.value).toBeGreaterThan(0.15);
    expect(infFresh.baseline.value).toBeLessThan(0.35);
  });
});
