import { describe, expect, test } from 'vitest';
import {
  cdpDelta,
  cdpEpsilon,
  cdpRho,
  ceilSignificant,
  exponentialMechanismRho,
  floorSignificant,
  pureToRho,
  sumUp,
} from '../../src/privacy/accountant.js';

// Reference values: private-pgm's mbi/cdp2adp.py (cdp_delta / cdp_eps / cdp_rho, 1000-step bisections), run with
// CPython 3 — the script is in docs/privacy.md ("Reference values"). Ours must agree to ~1e-9 relative and may
// only err on the conservative side (ε not lower, ρ not higher).
const RHO = [
  { eps: 1, delta: 1e-9, rho: 0.014973057673588523 },
  { eps: 0.1, delta: 1e-9, rho: 0.00017713844718502086 },
  { eps: 10, delta: 1e-9, rho: 1.0907857043970155 },
  { eps: 1, delta: 1e-5, rho: 0.03055659519763956 },
  { eps: 3, delta: 1e-6, rho: 0.18506984065340149 },
];
const EPS = [
  { rho: 0.5, delta: 1e-9, eps: 6.4740700207264865 },
  { rho: 0.01, delta: 1e-9, eps: 0.8101744678675342 },
  { rho: 1, delta: 1e-6, eps: 7.7662166253117215 },
  { rho: 0.0315, delta: 1e-9, eps: 1.4757948277587232 },
];

describe('zCDP → (ε, δ) conversion (cdp2adp)', () => {
  test.each(RHO)('cdpRho($eps, $delta) matches private-pgm and errs low', ({ eps, delta, rho }) => {
    const r = cdpRho(eps, delta);
    expect(r).toBeLessThanOrEqual(rho);
    expect(r).toBeGreaterThan(rho * (1 - 1e-9));
    expect(cdpDelta(r, eps)).toBeLessThanOrEqual(delta);
  });
  test.each(EPS)('cdpEpsilon($rho, $delta) matches private-pgm and errs high', ({ rho, delta, eps }) => {
    const e = cdpEpsilon(rho, delta);
    expect(e).toBeGreaterThanOrEqual(eps);
    expect(e).toBeLessThan(eps * (1 + 1e-9));
    // the tight conversion beats the classic bound ρ + 2√(ρ log 1/δ)
    expect(e).toBeLessThan(rho + 2 * Math.sqrt(rho * Math.log(1 / delta)));
  });
  test('cdpDelta at known points (private-pgm) rounds up', () => {
    expect(cdpDelta(0.5, 1)).toBeGreaterThanOrEqual(0.24684633078294446);
    expect(cdpDelta(0.5, 1)).toBeLessThan(0.24684633078294446 * (1 + 1e-9));
    expect(cdpDelta(0.1, 2)).toBeGreaterThanOrEqual(4.325210869092554e-6);
    expect(cdpDelta(0.1, 2)).toBeLessThan(4.325210869092554e-6 * (1 + 1e-9));
    expect(cdpDelta(0, 1)).toBe(0);
    expect(cdpDelta(5, 0)).toBeLessThanOrEqual(1);
  });
  test('round trip: ε(ρ(ε)) ≤ ε and degenerate cases', () => {
    for (const { eps, delta } of RHO) expect(cdpEpsilon(cdpRho(eps, delta), delta)).toBeLessThanOrEqual(eps);
    expect(cdpEpsilon(0, 1e-9)).toBe(0);
    expect(cdpRho(1, 1)).toBe(Infinity);
    expect(() => cdpRho(-1, 1e-9)).toThrow();
    expect(() => cdpEpsilon(0.1, 0)).toThrow();
    expect(() => cdpDelta(NaN, 1)).toThrow();
  });
  test('pure ε and exponential-mechanism costs are rounded up', () => {
    expect(pureToRho(1)).toBeGreaterThanOrEqual(0.5);
    expect(pureToRho(1)).toBeLessThan(0.5 + 1e-12);
    expect(exponentialMechanismRho(2)).toBeGreaterThanOrEqual(0.5);
    expect(exponentialMechanismRho(2)).toBeLessThan(0.5 + 1e-12);
  });
  test('conservative rounding helpers', () => {
    expect(ceilSignificant(0.99999999997, 10)).toBe(1);
    expect(ceilSignificant(0.1234567890123, 10)).toBe(0.1234567891);
    expect(ceilSignificant(1, 10)).toBe(1);
    expect(floorSignificant(1.00000000004, 10)).toBe(1);
    expect(floorSignificant(0.1234567899, 5)).toBe(0.12345);
    const xs = Array.from({ length: 1000 }, () => 0.1);
    expect(sumUp(xs)).toBeGreaterThanOrEqual(100);
  });
});
