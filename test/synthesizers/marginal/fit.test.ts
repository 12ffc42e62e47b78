import { describe, expect, test } from 'vitest';
import { LookalikeError } from '../../../src/errors.js';
import { DEFAULT_DELTA } from '../../../src/privacy/ledger.js';
import { SecureRng } from '../../../src/random/secure.js';
import { tableFromRecords } from '../../../src/table/infer.js';
import { startMarginalFit } from '../../../src/synthesizers/marginal/index.js';
import { adaptiveBinCount } from '../../../src/synthesizers/marginal/fit.js';

const rng = new SecureRng();
const records = Array.from({ length: 3000 }, (_, i) => ({
  age: 20 + (i % 50),
  color: i % 3 === 0 ? 'red' : 'blue',
  id: `r${i}`,
}));
const { table, schema } = tableFromRecords(records);
// kinds and the other schema facts declared, domains not (what `inspect --out` writes without --public-domains)
const declaredFacts = {
  version: 1,
  columns: [
    { name: 'age', kind: 'numeric', integer: true },
    { name: 'color', kind: 'categorical' },
    { name: 'id', kind: 'id', idStyle: 'prefixed' },
  ],
};
const withFacts = tableFromRecords(records, declaredFacts);

function errorOf(f: () => unknown): LookalikeError {
  try {
    f();
  } catch (e) {
    if (e instanceof LookalikeError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('startMarginalFit (budget, options and domains of every DP-marginal fit)', () => {
  test('no ε, bad ε/δ and a bad dpDomains value: usage errors listing every problem', () => {
    expect(errorOf(() => startMarginalFit(table, schema, {}, 'mst')).message).toMatch(
      /needs a privacy budget/,
    );
    const e = errorOf(() =>
      startMarginalFit(
        table,
        schema,
        { epsilon: -1, delta: 5, secureRng: rng, options: { dpDomains: 'lots', bins: 0 } },
        'mst',
      ),
    );
    expect(e.kind).toBe('usage');
    expect(e.problems).toHaveLength(4);
  });
  test('inferred domains without dpDomains: a privacy error naming the modelled columns only', () => {
    const e = errorOf(() => startMarginalFit(table, schema, { epsilon: 1, secureRng: rng }, 'mst'));
    expect(e.kind).toBe('privacy');
    expect(e.message).toMatch(/^mst \(differentially private\) may not use column domains/);
    expect(e.problems).toEqual([
      'age (numeric): domain source "inferred"',
      'color (categorical): domain source "inferred"',
    ]);
  });
  test('with dpDomains: domains released under DP and charged, the rest of the budget left', () => {
    const s = startMarginalFit(
      withFacts.table,
      withFacts.schema,
      { epsilon: 1, secureRng: rng, options: { dpDomains: '0.2' } },
      'mst',
    );
    expect(s.released).toEqual(['age', 'color']);
    expect(s.ledger.entries.map((e) => e.query)).toEqual(['domain:bounds', 'domain:categories']);
    expect(s.schema.columns.find((c) => c.name === 'id')!.domain).toBeUndefined();
    expect(s.ledger.rhoRemaining).toBeGreaterThan(s.ledger.rhoBudget * 0.75);
    expect(s.ledger.budget).toEqual({ epsilon: 1, delta: DEFAULT_DELTA });
    // the encoding covers the modelled columns (not the id), built from the released domains
    expect(s.names).toEqual(['age', 'color']);
    expect(s.encoding.sizes).toEqual(s.encoding.discretizers.map((d) => d.size));
  });
});

describe('adaptiveBinCount (how many adaptive DP bins a column gets)', () => {
  test('about 2σ rows per cell of a 2-way marginal: fewer bins for small tables, small ρ, many columns', () => {
    // california_housing at ε = 1: 14 448 rows, 10 columns, ρ left ≈ 0.0104 → σ ≈ 36, √(14 448 / 72) ≈ 14
    expect(adaptiveBinCount(14448, 0.0104, 10, 32)).toBe(14);
    // ε = 10 (ρ ≈ 0.88): the most allowed
    expect(adaptiveBinCount(14448, 0.88, 10, 32)).toBe(32);
    // 1 000 rows, 31 columns, ε = 1: the least (4), or fewer when fewer are allowed
    expect(adaptiveBinCount(1000, 0.0104, 31, 32)).toBe(4);
    expect(adaptiveBinCount(1000, 0.0104, 31, 2)).toBe(2);
    // a negative noisy total is no table at all
    expect(adaptiveBinCount(-50, 0.0104, 10, 32)).toBe(4);
  });
});
