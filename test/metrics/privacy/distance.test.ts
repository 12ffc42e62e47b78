import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/random/rng.js';
import { distanceMetrics } from '../../../src/metrics/privacy/distance-metrics.js';
import { nearestTwo } from '../../../src/metrics/privacy/neighbors.js';
import { takeRows, type Encoded } from '../../../src/metrics/privacy/space.js';

function population(rng: Rng, n: number): Encoded {
  const num = Float64Array.from({ length: n * 2 }, () => rng.float());
  const cat = Int32Array.from({ length: n * 2 }, () => rng.int(3));
  return { n, nNum: 2, nCat: 2, num, cat, numCols: [], catCols: [] };
}

describe('distance metrics with unequal training and holdout sizes', () => {
  const rng = new Rng(31);
  const train = population(rng, 900);
  const holdout = population(rng, 300);

  it('merges the two training searches into the full-training neighbours', async () => {
    const copy = takeRows(train, rng.permutation(900).subarray(0, 400));
    const r = await distanceMetrics(train, holdout, copy);
    const direct = nearestTwo(copy, train);
    expect(Array.from(r.toTrain.d1)).toEqual(Array.from(direct.d1));
    expect(Array.from(r.toTrain.d2)).toEqual(Array.from(direct.d2));
    const dcr = r.metrics.find((m) => m.id === 'dcr_share')!;
    expect(dcr.baseline).toBeCloseTo(0.75, 12);
    expect(dcr.value).toBe(1);
    // a third of the copies' sources are in the 300-row part of the training set compared with the holdout
    const exact = r.metrics.find((m) => m.id === 'exact_match_rate')!;
    expect(exact.value).toBeGreaterThan(0.2);
    expect(exact.details?.exactMatchRateAllTraining).toBe(1);
  });

  it('fresh rows sit at the size-adjusted baseline', async () => {
    const fresh = population(rng, 3000);
    const r = await distanceMetrics(train, holdout, fresh);
    const dcr = r.metrics.find((m) => m.id === 'dcr_share')!;
    expect(dcr.ci![0]).toBeLessThan(0.75);
    expect(dcr.ci![1]).toBeGreaterThan(0.75);
    const near = r.metrics.find((m) => m.id === 'near_duplicate_rate')!;
    expect(near.ci![0]).toBeLessThan(near.baseline!);
    expect(near.ci![1]).toBeGreaterThan(near.baseline!);
  });
});
