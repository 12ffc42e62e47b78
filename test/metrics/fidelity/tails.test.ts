import { describe, expect, it } from 'vitest';
import { tailMetrics } from '../../../src/metrics/fidelity/tails.js';
import { cat, num, table } from './helpers.js';

describe('tail and rare-category preservation', () => {
  // x = 0..199: real 1% quantile = 1.99, 99% = 197.01 → real masses 2/200 and 2/200
  const xs = Array.from({ length: 200 }, (_, i) => i);
  const cs = Array.from({ length: 200 }, (_, i) => (i === 0 ? 'rare' : i < 100 ? 'a' : 'b'));
  const real = table(num('x', xs), cat('c', cs));
  it('identical tables score 1', () => {
    const m = tailMetrics(real, real);
    expect(m.map((r) => [r.id, r.score])).toEqual([
      ['tail_preservation', 1],
      ['rare_category_preservation', 1],
    ]);
    expect(m[1].details).toEqual({ rare: 1, covered: 1 });
  });
  it('clipped tails and a lost rare category score low', () => {
    // synthetic: x in 50..149 (no tails at all) plus 2 rows at 0 → lower tail mass 2/102 vs 2/200; upper 0
    const sx = [0, 0, ...Array.from({ length: 100 }, (_, i) => 50 + i)];
    const sc = sx.map((_, i) => (i % 2 ? 'a' : 'b'));
    const m = tailMetrics(real, table(num('x', sx), cat('c', sc, ['a', 'b', 'rare'])));
    expect(m[0].score).toBeCloseTo((2 / 200 / (2 / 102) + 0) / 2, 14);
    expect(m[1].score).toBe(0);
    expect(m[1].details).toEqual({ rare: 1, covered: 0 });
  });
});
