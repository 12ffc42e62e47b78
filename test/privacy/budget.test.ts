import { describe, expect, test } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { PrivacyLedger } from '../../src/privacy/ledger.js';
import { epsilonForRho, planBudget } from '../../src/privacy/budget.js';
import { cdpEpsilon } from '../../src/privacy/accountant.js';
import { exponentialMechanismRho } from '../../src/privacy/accountant.js';

describe('planBudget (the budget split as a value)', () => {
  test('splits the remaining ρ by weight; the plan can be charged in full', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const plan = planBudget(l, [
      { name: 'a', mechanism: 'gaussian', count: 1, weight: 1 },
      { name: 'b', mechanism: 'gaussian', count: 1, weight: 3 },
    ]);
    expect(plan.rhoOf('b') / plan.rhoOf('a')).toBeCloseTo(3, 10);
    expect(plan.rhoOf('a') + plan.rhoOf('b')).toBeLessThanOrEqual(l.rhoRemaining);
    expect(plan.sigmaOf('a')).toBeCloseTo(1 / Math.sqrt(2 * plan.rhoOf('a')), 12);
    for (const r of [plan.rhoOf('a'), plan.rhoOf('b')])
      l.charge({ query: 'm', columns: [], mechanism: 'discrete-gaussian', noiseScale: 1, rho: r });
    expect(l.guarantee().epsilon).toBeLessThanOrEqual(1);
  });

  test('counts and mechanisms: MST-style thirds, every measurement chargeable, ε of selections from ρ = ε²/8', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const d = 5;
    const plan = planBudget(l, [
      { name: '1-way', mechanism: 'gaussian', count: d, weight: 1 / d },
      { name: 'select', mechanism: 'exponential', count: d - 1, weight: 1 / (d - 1) },
      { name: '2-way', mechanism: 'gaussian', count: d - 1, weight: 1 / (d - 1) },
    ]);
    expect(plan.rhoOf('1-way') * d).toBeCloseTo(plan.rho / 3, 12);
    expect(plan.rhoOf('2-way') * (d - 1)).toBeCloseTo(plan.rho / 3, 12);
    expect(plan.epsilonOf('select') ** 2 / 8).toBeCloseTo(plan.rhoOf('select'), 12);
    expect(() => plan.sigmaOf('select')).toThrow(/not Gaussian/);
    expect(() => plan.rhoOf('3-way')).toThrow(/no step "3-way"/);
    for (let i = 0; i < d; i++)
      l.charge({
        query: 'm',
        columns: [],
        mechanism: 'discrete-gaussian',
        noiseScale: 1,
        rho: plan.rhoOf('1-way'),
      });
    for (let i = 0; i < d - 1; i++) {
      const eps = plan.epsilonOf('select');
      l.charge({
        query: 's',
        columns: [],
        mechanism: 'exponential',
        noiseScale: 2 / eps,
        rho: exponentialMechanismRho(eps),
        epsilon: eps,
      });
      l.charge({
        query: 'm',
        columns: [],
        mechanism: 'discrete-gaussian',
        noiseScale: 1,
        rho: plan.rhoOf('2-way'),
      });
    }
    expect(l.guarantee().epsilon).toBeLessThanOrEqual(1);
    expect(l.rhoRemaining).toBeLessThan(l.rhoBudget * 1e-5);
  });

  test('a budget too small is refused with the ε needed, which is then enough', () => {
    const l = new PrivacyLedger({ epsilon: 0.001, delta: 1e-9 });
    const plan = [{ name: 'marginal', mechanism: 'gaussian' as const, count: 100, weight: 1 }];
    let err: LookalikeError | undefined;
    try {
      planBudget(l, plan, { maxSigma: 100 });
    } catch (e) {
      err = e as LookalikeError;
    }
    expect(err?.kind).toBe('privacy');
    expect(err!.message).toMatch(/ε = 0\.001 \(δ = 1e-9\) is too small to measure anything useful/);
    expect(err!.problems[0]).toMatch(/marginal would get Gaussian noise with σ = \d+/);
    expect(err!.problems[1]).toMatch(/this plan \(100 measurement\(s\)\) needs at least/);
    const need = Number(/needs at least ε = ([\d.e+-]+)/.exec(err!.problems[1])![1]);
    // 100 measurements at σ ≤ 100 need ρ ≥ 100/(2·100²) = 0.005
    expect(need).toBeGreaterThanOrEqual(cdpEpsilon(0.005, 1e-9));
    expect(() =>
      planBudget(new PrivacyLedger({ epsilon: need, delta: 1e-9 }), plan, { maxSigma: 100 }),
    ).not.toThrow();
    expect(epsilonForRho(0.005, 1e-9)).toBe(need);
  });

  test('the check reads the Gaussian steps only, at their own weights', () => {
    // a heavy selection step does not make a plan useless; a light Gaussian step does
    const l = new PrivacyLedger({ epsilon: 0.05, delta: 1e-9 });
    expect(() =>
      planBudget(l, [
        { name: 'm', mechanism: 'gaussian', count: 1, weight: 1 },
        { name: 's', mechanism: 'exponential', count: 1000, weight: 1 },
      ]),
    ).toThrow(/m would get Gaussian noise/);
    expect(() =>
      planBudget(l, [
        { name: 'm', mechanism: 'gaussian', count: 1, weight: 1000 },
        { name: 's', mechanism: 'exponential', count: 1000, weight: 0.001 },
      ]),
    ).not.toThrow();
  });

  test('rejects a malformed plan', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    expect(() => planBudget(l, [])).toThrow(/no measurements/);
    expect(() =>
      planBudget(l, [{ name: 'x', mechanism: 'gaussian', count: 1, weight: 0 }], { fraction: 2 }),
    ).toThrow(LookalikeError);
    expect(() =>
      planBudget(l, [
        { name: 'x', mechanism: 'gaussian', count: 1.5, weight: 1 },
        { name: 'x', mechanism: 'gaussian', count: 1, weight: 1 },
      ]),
    ).toThrow(/whole count[\s\S]*used twice/);
  });
});
