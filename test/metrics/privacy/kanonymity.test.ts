import { describe, expect, it } from 'vitest';
import { Table } from '../../../src/table/table.js';
import type { Column } from '../../../src/table/column.js';
import { kAnonymityMetrics } from '../../../src/metrics/privacy/kanonymity.js';

function table(zip: string[], age: number[], disease: string[]): Table {
  const cat = (name: string, v: string[]): Column => {
    const categories = [...new Set(v)];
    return { kind: 'categorical', name, codes: Int32Array.from(v, (s) => categories.indexOf(s)), categories };
  };
  return new Table([
    cat('zip', zip),
    { kind: 'numeric', name: 'age', values: Float64Array.from(age), integer: true },
    cat('disease', disease),
  ]);
}

describe('k-anonymity, l-diversity, t-closeness, unique matches', () => {
  // synthetic classes over (zip, age): A/30 ×5 (flu ×4, cold ×1), B/40 ×2 (flu, hiv), C/50 ×1 (flu)
  const synthetic = table(
    ['A', 'A', 'A', 'A', 'A', 'B', 'B', 'C'],
    [30, 30, 30, 30, 30, 40, 40, 50],
    ['flu', 'flu', 'flu', 'flu', 'cold', 'flu', 'hiv', 'flu'],
  );
  // training: A/30 once, B/40 twice, C/50 once; holdout: A/30 once, nothing else
  const train = table(['A', 'B', 'B', 'C'], [30, 40, 40, 50], ['x', 'x', 'x', 'x']);
  const holdout = table(['A', 'D', 'D', 'D'], [30, 60, 60, 60], ['x', 'x', 'x', 'x']);
  const ms = kAnonymityMetrics(synthetic, train, holdout, ['zip', 'age'], ['disease']);
  const get = (id: string) => ms.find((m) => m.id === id)!;

  it('k is the smallest class; rows in classes under 5 are counted', () => {
    expect(get('k_anonymity').value).toBe(1);
    expect(get('k_anonymity').details?.classes).toBe(3);
    expect(get('k_anonymity').details?.rowsInClassesBelow5).toBe(3);
    expect(get('k_anonymity').baseline).toBe(1);
  });

  it('counts synthetic classes matching exactly one training (holdout) row', () => {
    // A/30 and C/50 match one training row each (B/40 matches two): 2 of 3; holdout: A/30 only: 1 of 3
    expect(get('qi_unique_match_rate').value).toBeCloseTo(2 / 3, 12);
    expect(get('qi_unique_match_rate').baseline).toBeCloseTo(1 / 3, 12);
    // risk (2/3 − 1/3)/(1 − 1/3) = 1/2
    expect(get('qi_unique_match_rate').score).toBeCloseTo(0.5, 12);
  });

  it('l is the fewest distinct sensitive values in a class; t the largest class-to-table distance', () => {
    expect(get('l_diversity').value).toBe(1);
    // table: flu 6/8, cold 1/8, hiv 1/8; class A/30 (the only class of 5+): flu 4/5, cold 1/5, hiv 0
    // TV = (|0.8 − 0.75| + |0.2 − 0.125| + |0 − 0.125|)/2 = 0.125
    expect(get('t_closeness').value).toBeCloseTo(0.125, 12);
  });
});
