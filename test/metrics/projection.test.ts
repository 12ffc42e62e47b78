import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projection } from '../../src/metrics/projection.js';
import { tableFromRecords } from '../../src/table/infer.js';
import { Rng } from '../../src/random/rng.js';
import { LookalikeError } from '../../src/errors.js';

const penguins = tableFromRecords(
  JSON.parse(readFileSync('node_modules/vega-datasets/data/penguins.json', 'utf8')),
  undefined,
  'penguins.json',
).table;

describe('projection', () => {
  it('bins both tables on one PCA grid; identical tables give identical grids; shares sum to 1', () => {
    const p = projection(penguins, penguins, { seed: 1, bins: 12, minCount: 1 });
    expect(p.columns).toEqual([
      'Species',
      'Island',
      'Beak Length (mm)',
      'Beak Depth (mm)',
      'Flipper Length (mm)',
      'Body Mass (g)',
      'Sex',
    ]);
    expect(p.real).toEqual(p.synthetic);
    expect(p.real.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(p.explainedVariance[0]).toBeGreaterThan(p.explainedVariance[1]);
    expect(p.explainedVariance[0] + p.explainedVariance[1]).toBeLessThanOrEqual(1);
    expect(p.suppressedShare).toBe(0);
  });

  it('blanks real cells with fewer than minCount rows and separates a shuffled table', () => {
    const shuffled = penguins.take(new Rng(3).permutation(penguins.nRows));
    // same rows in another order: same grid
    expect(projection(penguins, shuffled, { bins: 10 }).synthetic).toEqual(
      projection(penguins, penguins, { bins: 10 }).synthetic,
    );
    const p = projection(penguins, penguins.slice(0, 40), { bins: 10, minCount: 5 });
    expect(p.suppressedShare).toBeGreaterThan(0);
    expect(p.real.every((x) => x === 0 || x >= 5 / penguins.nRows - 1e-9)).toBe(true);
    expect(p.synthetic).not.toEqual(p.real);
  });

  it('reports every problem at once', () => {
    const other = penguins.drop(['Sex', 'Island']);
    try {
      projection(penguins, other, { bins: 1 });
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(LookalikeError);
      expect((e as LookalikeError).problems).toEqual([
        'bins must be an integer in [2, 200], got 1',
        'column "Island" is missing from the synthetic table',
        'column "Sex" is missing from the synthetic table',
      ]);
    }
  });
});
