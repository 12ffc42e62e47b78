import { describe, expect, it } from 'vitest';
import { Table } from '../../src/table/table.js';
import { Rng } from '../../src/random/rng.js';
import { makeLearnData, type BinnedData } from '../../src/learn/data.js';
import { allFeatures, growTree } from '../../src/learn/tree.js';

describe('growTree: untilValid', () => {
  it('goes on through the other features when the drawn ones cannot split (as scikit-learn)', () => {
    // one informative numeric feature and a constant one: with maxFeatures 1 a node that draws the constant
    // feature is a leaf by default, and splits on the other feature with untilValid
    const rng = new Rng(5);
    const n = 1000;
    const x = Float64Array.from({ length: n }, () => rng.float());
    const table = new Table(
      [
        { kind: 'numeric', name: 'x', values: x, integer: false },
        { kind: 'numeric', name: 'c', values: new Float64Array(n).fill(1), integer: false },
      ],
      n,
    );
    const d = makeLearnData(table, ['x', 'c']) as BinnedData;
    const labels = Int32Array.from(x, (v) => (v < 0.5 ? 0 : 1));
    const grow = (seed: number, untilValid: boolean) => {
      const rows = Int32Array.from({ length: n }, (_, i) => i);
      const prm = { maxDepth: 10, minSamplesLeaf: 1, minHessian: 0, l2: 0, catSmooth: 0 };
      const src = { mode: 'class', K: 2, labels, weight: null } as const;
      const features = allFeatures(2);
      return growTree(d.binning, d.codes, n, rows, src, {
        ...prm,
        features,
        maxFeatures: 1,
        rng: new Rng(seed),
        untilValid,
      }).tree;
    };
    // with untilValid the root always splits, on x
    for (let s = 0; s < 20; s++) expect(grow(s, true).feature[0]).toBe(0);
    // without it, some seeds draw the constant feature at the root and stop there
    let stopped = 0;
    for (let s = 0; s < 20; s++) if (grow(s, false).feature[0] < 0) stopped++;
    expect(stopped).toBeGreaterThan(0);
  });
});
