import { describe, expect, test } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { cdpEpsilon, cdpRho } from '../../src/privacy/accountant.js';
import {
  formatLedger,
  PrivacyLedger,
  privacyFromLedger,
  type LedgerEntry,
} from '../../src/privacy/ledger.js';

const entry = (rho: number, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  query: 'marginal',
  columns: ['age', 'sex'],
  mechanism: 'discrete-gaussian',
  noiseScale: 1 / Math.sqrt(2 * rho),
  rho,
  ...extra,
});

function errorOf(f: () => unknown): LookalikeError {
  try {
    f();
  } catch (e) {
    if (e instanceof LookalikeError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('PrivacyLedger', () => {
  test('validates the budget and lists every problem', () => {
    const e = errorOf(() => new PrivacyLedger({ epsilon: -1, delta: 2 }));
    expect(e.kind).toBe('usage');
    expect(e.problems).toHaveLength(2);
    expect(e.problems[0]).toMatch(/epsilon must be a finite number > 0 \(got -1\)/);
    expect(e.problems[1]).toMatch(/0 < delta < 1 \(got 2\)/);
    for (const bad of [0, NaN, Infinity])
      expect(() => new PrivacyLedger({ epsilon: bad, delta: 1e-9 })).toThrow(/epsilon/);
    for (const bad of [0, 1, NaN])
      expect(() => new PrivacyLedger({ epsilon: 1, delta: bad })).toThrow(/delta/);
  });

  test('budget, spending, remaining; the guarantee comes from the entries', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const budget = l.rhoBudget;
    expect(budget).toBeLessThanOrEqual(cdpRho(1, 1e-9));
    expect(budget).toBeGreaterThan(cdpRho(1, 1e-9) * (1 - 1e-8));
    expect(l.guarantee()).toEqual({ type: 'dp', epsilon: 0, delta: 1e-9, rho: 0 });
    l.charge(entry(0.005));
    expect(l.rhoSpent).toBeCloseTo(0.005, 12);
    const g = l.guarantee();
    expect(g.epsilon).toBeGreaterThanOrEqual(cdpEpsilon(0.005, 1e-9));
    expect(g.epsilon).toBeLessThan(1);
    // charging exactly what is left succeeds, and then the guarantee is still within budget
    l.charge(entry(l.rhoRemaining));
    expect(l.guarantee().epsilon).toBeLessThanOrEqual(1);
    expect(l.guarantee().epsilon).toBeGreaterThan(0.999999);
    expect(l.rhoRemaining).toBeLessThan(1e-9);
  });

  test('refuses an overspend with a privacy error, and records nothing', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    l.charge(entry(0.01));
    const e = errorOf(() => l.charge(entry(0.01)));
    expect(e.kind).toBe('privacy');
    expect(e.message).toMatch(/privacy budget exhausted: cannot measure marginal on \[age, sex\]/);
    expect(e.problems[0]).toMatch(/costs ρ = 0\.01; ρ = 0\.00497\d* is left/);
    expect(l.entries).toHaveLength(1);
    expect(l.canAfford(0.004)).toBe(true);
    expect(l.canAfford(0.006)).toBe(false);
    expect(() => l.charge(entry(NaN))).toThrow(LookalikeError);
  });

  test('pure steps compose by Σε when that is smaller', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    l.charge(entry((0.125 * 0.125) / 2, { mechanism: 'discrete-laplace', epsilon: 0.125 }));
    expect(l.guarantee()).toMatchObject({ epsilon: 0.125, delta: 0 }); // (Σε, 0)-DP
    l.charge(entry(0.001));
    expect(l.guarantee().delta).toBe(1e-9); // a Gaussian step: back to the zCDP conversion
  });

  test('approximate steps set δ aside before the conversion', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const before = l.rhoRemaining;
    l.charge(
      entry(0.001, { query: 'domain:categories', mechanism: 'thresholded-discrete-gaussian', delta: 5e-10 }),
    );
    expect(l.deltaSpent).toBeGreaterThanOrEqual(5e-10);
    expect(l.rhoRemaining).toBeLessThan(before - 0.001);
    expect(l.guarantee().epsilon).toBeGreaterThanOrEqual(cdpEpsilon(0.001, 5e-10));
    expect(() => l.charge(entry(0, { delta: 5e-10 }))).toThrow(/δ set aside/);
  });

  test('JSON round trip recomputes totals; tampered or overspent files are refused', () => {
    const l = new PrivacyLedger({ epsilon: 2, delta: 1e-6 });
    l.charge(entry(0.01));
    l.charge(entry(0.02, { query: 'select', mechanism: 'exponential', epsilon: 0.4 }));
    const json = JSON.parse(JSON.stringify(l.toJSON()));
    const back = PrivacyLedger.fromJSON(json);
    expect(back.guarantee()).toEqual(l.guarantee());
    expect(privacyFromLedger({ ...json, total: { epsilon: 0.0001, delta: 1e-6, rho: 0 } })).toEqual(
      l.guarantee(),
    );
    const bad = errorOf(() => PrivacyLedger.fromJSON({ ...json, version: 2, entries: [{ query: 1 }] }));
    expect(bad.problems.length).toBeGreaterThanOrEqual(4);
    const over = { ...json, entries: [...json.entries, entry(5)] };
    expect(() => PrivacyLedger.fromJSON(over)).toThrow(/more than its budget/);
    expect(() => PrivacyLedger.fromJSON(null)).toThrow(LookalikeError);
  });

  test('formatLedger prints every entry and the total', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    l.charge(entry(0.005));
    const text = formatLedger(l.toJSON());
    expect(text).toMatch(/marginal\s+age, sex\s+discrete-gaussian/);
    expect(text).toMatch(/total: \(ε = 0\.\d+, δ = 1e-9\)-differentially private/);
  });
});
