import { describe, expect, it } from 'vitest';
import {
  expand,
  indexMap,
  logNormalise,
  logProduct,
  logSumExp,
  logSumExpTo,
  sumOutTo,
  transposeValues,
} from '../../src/pgm/factor.js';

const f = (attrs: number[], shape: number[], values: number[]) => ({
  attrs,
  shape,
  values: Float64Array.from(values),
});

describe('factor algebra', () => {
  it('indexMap maps cells to their projection (row-major, last attribute fastest)', () => {
    // attrs [0,1] shape [2,3]: cells (0,0)(0,1)(0,2)(1,0)(1,1)(1,2)
    expect([...indexMap([0, 1], [2, 3], [0])]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...indexMap([0, 1], [2, 3], [1])]).toEqual([0, 1, 2, 0, 1, 2]);
    expect([...indexMap([0, 1], [2, 3], [])]).toEqual([0, 0, 0, 0, 0, 0]);
    // [0,1,2] shape [2,2,2] onto [0,2]
    expect([...indexMap([0, 1, 2], [2, 2, 2], [0, 2])]).toEqual([0, 1, 0, 1, 2, 3, 2, 3]);
  });

  it('sums out and log-sum-exps to a sub-factor', () => {
    const a = f([0, 1], [2, 3], [1, 2, 3, 4, 5, 6]);
    expect([...sumOutTo(a, [0]).values]).toEqual([6, 15]);
    expect([...sumOutTo(a, [1]).values]).toEqual([5, 7, 9]);
    const l = logSumExpTo({ ...a, values: a.values.map(Math.log) }, [1]);
    expect([...l.values].map(Math.exp).map((x) => +x.toFixed(10))).toEqual([5, 7, 9]);
    expect(logSumExp([Math.log(1), Math.log(3)])).toBeCloseTo(Math.log(4), 14);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 12);
  });

  it('multiplies in log space over the union of attributes and expands', () => {
    const a = f([0], [2], [1, 2]);
    const b = f([1], [3], [10, 20, 30]);
    const p = logProduct(a, b);
    expect(p.attrs).toEqual([0, 1]);
    expect([...p.values]).toEqual([11, 21, 31, 12, 22, 32]);
    expect([...expand(b, [0, 1], [2, 3]).values]).toEqual([10, 20, 30, 10, 20, 30]);
    const n = logNormalise(f([0], [2], [Math.log(1), Math.log(3)]), 8);
    expect([...n.values].map(Math.exp).map((x) => +x.toFixed(10))).toEqual([2, 6]);
  });

  it('transposes axes', () => {
    const a = f([0, 1], [2, 3], [1, 2, 3, 4, 5, 6]);
    expect([...transposeValues(a, [1, 0])]).toEqual([1, 4, 2, 5, 3, 6]);
    expect([...transposeValues(a, [0, 1])]).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
