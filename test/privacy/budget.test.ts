import { describe, expect, test } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { PrivacyLedger } from '../../src/privacy/ledger.js';
import { epsilonForRho, planGaussianBudget } from '../../src/privacy/budget.js';
import { cdpEpsilon } from '../../src/privacy/accountant.js';

describe('planGaussianBudget', () => {
  test('splits the remaining ρ by weight; the plan can be charged in full', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const plan = planGaussianBudget(l, [
      { name: 'a', weight: 1 },
      { name: 'b', weight: 3 },
    ]);
    expect(plan.rho[1] / plan.rho[0]).toBeCloseTo(3, 10);
    expect(plan.rho[0] + plan.rho[1]).toBeLessThanOrEqual(l.rhoRemaining);
    for (const r of plan.rho)
      l.charge({ query: 'm', columns: [], mechanism: 'discrete-gaussian', noiseScale: 1, rho: r });
    expect(l.guarantee().epsilon).toBeLessThanOrEqual(1);
  });

  test('a budget too small is refused with the ε needed, which is then enough', () => {
    const l = new PrivacyLedger({ epsilon: 0.001, delta: 1e-9 });
    const plan = Array.from({ length: 100 }, (_, i) => ({ name: `marginal ${i}`, weight: 1 }));
    let err: LookalikeError | undefined;
    try {
      planGaussianBudget(l, plan, { maxSigma: 100 });
    } catch (e) {
      err = e as LookalikeError;
    }
    expect(err?.kind).toBe('privacy');
    expect(err!.message).toMatch(/ε = 0\.001 \(δ = 1e-9\) is too small to measure anything useful/);
    expect(err!.problems[0]).toMatch(/marginal 0 would get Gaussian noise with σ = \d+/);
    const need = Number(/needs at least ε = ([\d.e+-]+)/.exec(err!.problems[1])![1]);
    // 100 measurements at σ ≤ 100 need ρ ≥ 100/(2·100²) = 0.005
    expect(need).toBeGreaterThanOrEqual(cdpEpsilon(0.005, 1e-9));
    expect(() =>
      planGaussianBudget(new PrivacyLedger({ epsilon: need, delta: 1e-9 }), plan, { maxSigma: 100 }),
    ).not.toThrow();
    expect(epsilonForRho(0.005, 1e-9)).toBe(need);
  });

  test('rejects a malformed plan', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    expect(() => planGaussianBudget(l, [])).toThrow(/no measurements/);
    expect(() => planGaussianBudget(l, [{ name: 'x', weight: 0 }], { fraction: 2 })).toThrow(LookalikeError);
  });
});
