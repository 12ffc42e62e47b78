import { describe, expect, test } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { SecureRng } from '../../src/random/secure.js';
import { tableFromRecords } from '../../src/table/infer.js';
import { prepareDpFit } from '../../src/privacy/fit.js';

const rng = new SecureRng();
const records = Array.from({ length: 3000 }, (_, i) => ({
  age: 20 + (i % 50),
  color: i % 3 === 0 ? 'red' : 'blue',
  id: `r${i}`,
}));
const { table, schema } = tableFromRecords(records);

function errorOf(f: () => unknown): LookalikeError {
  try {
    f();
  } catch (e) {
    if (e instanceof LookalikeError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('prepareDpFit', () => {
  test('no ε, bad ε/δ and a bad dpDomains value: usage errors listing every problem', () => {
    expect(errorOf(() => prepareDpFit(table, schema, ['age'], {}, 'mst', rng)).message).toMatch(
      /needs a privacy budget/,
    );
    const e = errorOf(() =>
      prepareDpFit(
        table,
        schema,
        ['age'],
        { epsilon: -1, delta: 5, options: { dpDomains: 'lots' } },
        'mst',
        rng,
      ),
    );
    expect(e.kind).toBe('usage');
    expect(e.problems).toHaveLength(3);
  });
  test('inferred domains without dpDomains: a privacy error naming the modelled columns only', () => {
    const e = errorOf(() => prepareDpFit(table, schema, ['age', 'color'], { epsilon: 1 }, 'mst', rng));
    expect(e.kind).toBe('privacy');
    expect(e.message).toMatch(/^mst \(differentially private\) may not use column domains/);
    expect(e.problems).toEqual([
      'age (numeric): domain source "inferred"',
      'color (categorical): domain source "inferred"',
    ]);
  });
  test('with dpDomains: domains released under DP and charged, the rest of the budget left', () => {
    const s = prepareDpFit(
      table,
      schema,
      ['age', 'color'],
      { epsilon: 1, options: { dpDomains: '0.2' } },
      'mst',
      rng,
    );
    expect(s.released).toEqual(['age', 'color']);
    expect(s.ledger.entries.map((e) => e.query)).toEqual(['domain:bounds', 'domain:categories']);
    expect(s.schema.columns.find((c) => c.name === 'id')!.domain).toBeUndefined();
    expect(s.ledger.rhoRemaining).toBeGreaterThan(s.ledger.rhoBudget * 0.75);
    expect(s.ledger.budget).toEqual({ epsilon: 1, delta: 1e-9 });
  });
});
