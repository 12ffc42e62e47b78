import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { describe, expect, test } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { SecureRng } from '../../src/random/secure.js';
import { cdpEpsilon } from '../../src/privacy/accountant.js';
import { PrivacyLedger } from '../../src/privacy/ledger.js';
import { exponentialMechanism, gaussianMechanism, laplaceMechanism } from '../../src/privacy/mechanisms.js';

const rng = new SecureRng();
const what = { query: 'marginal', columns: ['a', 'b'] };

describe('mechanisms charge the ledger', () => {
  test('Gaussian: records σ actually used, charges ≤ the requested ρ, adds integer noise', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const r = gaussianMechanism([10, 0, 5], { rho: 0.001 }, l, what, rng);
    expect(r.values).toHaveLength(3);
    for (const v of r.values) expect(Number.isInteger(v)).toBe(true);
    expect(r.scale).toBeGreaterThanOrEqual(Math.sqrt(1 / (2 * 0.001)));
    expect(r.scale).toBeLessThan(Math.sqrt(1 / (2 * 0.001)) * (1 + 1e-6));
    expect(l.entries).toEqual([
      {
        query: 'marginal',
        columns: ['a', 'b'],
        mechanism: 'discrete-gaussian',
        noiseScale: r.scale,
        rho: r.entry.rho,
      },
    ]);
    expect(r.entry.rho).toBeLessThanOrEqual(0.001);
    expect(r.entry.rho).toBeGreaterThan(0.001 * (1 - 1e-6));
    const s = gaussianMechanism([1], { sigma: 10 }, l, what, rng);
    expect(s.entry.rho).toBeGreaterThanOrEqual(1 / 200);
    expect(s.entry.rho).toBeLessThan((1 / 200) * (1 + 1e-12));
  });

  test('refuses to run (and releases nothing) when the budget cannot pay', () => {
    const l = new PrivacyLedger({ epsilon: 0.1, delta: 1e-9 });
    let out: unknown = 'untouched';
    try {
      out = gaussianMechanism([3, 4], { rho: 0.01 }, l, what, rng);
    } catch (e) {
      expect(e).toBeInstanceOf(LookalikeError);
      expect((e as LookalikeError).kind).toBe('privacy');
    }
    expect(out).toBe('untouched');
    expect(l.entries).toHaveLength(0);
  });

  test('validates its inputs, listing every problem', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    try {
      gaussianMechanism([1.5], { rho: -1, sigma: 2 }, l, what, rng);
      expect.unreachable();
    } catch (e) {
      expect((e as LookalikeError).problems.length).toBe(3);
    }
    expect(() => laplaceMechanism([1], { epsilon: 0 }, l, what, rng)).toThrow(/epsilon must be/);
    expect(() => exponentialMechanism([], { epsilon: 1 }, l, what, rng)).toThrow(/no candidates/);
    expect(l.entries).toHaveLength(0);
  });

  test('Laplace and exponential record their pure ε', () => {
    const l = new PrivacyLedger({ epsilon: 2, delta: 1e-9 });
    const r = laplaceMechanism([7], { epsilon: 0.5 }, l, what, rng);
    expect(r.entry.epsilon).toBeLessThanOrEqual(0.5);
    expect(r.entry.noiseScale).toBeGreaterThanOrEqual(2);
    const i = exponentialMechanism([0, 100, 0], { epsilon: 1 }, l, { query: 'select', columns: [] }, rng);
    expect(i).toBe(1); // P(other) ≈ 2e-22
    expect(l.entries[1]).toMatchObject({ mechanism: 'exponential', epsilon: 1, noiseScale: 2 });
    expect(l.entries[1].rho).toBeGreaterThanOrEqual(1 / 8);
    expect(l.guarantee().epsilon).toBeLessThanOrEqual(1.5);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Black-box audit: run a mechanism many times on two neighbouring datasets (a count of 0 vs 1 — one row removed),
// estimate P(output ≥ k) on each with Clopper–Pearson intervals, and derive the lower bound on ε that the
// observations prove: ε ≥ log((p₁ − δ) / p₀) (and the symmetric direction). With confidence 1 − 1e-6
// (Bonferroni over the thresholds) the bound must not exceed the claimed ε. A deliberately broken mechanism
// (noise 10× too small for its claim) must be caught, which shows the test has power.

const AUDIT_ALPHA = 1e-6;

function clopperPearson(k: number, n: number, alpha: number): [number, number] {
  const lo = k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1);
  const hi = k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k);
  return [lo, hi];
}

function epsilonLowerBound(a: Float64Array, b: Float64Array, thresholds: number[], delta: number): number {
  const alpha = AUDIT_ALPHA / (2 * thresholds.length);
  let best = 0;
  for (const k of thresholds) {
    let ca = 0;
    let cb = 0;
    for (const v of a) if (v >= k) ca++;
    for (const v of b) if (v >= k) cb++;
    const [, aHi] = clopperPearson(ca, a.length, alpha);
    const [bLo] = clopperPearson(cb, b.length, alpha);
    // P_b(E) ≤ e^ε P_a(E) + δ and P_a(E^c) ≤ e^ε P_b(E^c) + δ
    if (bLo - delta > 0 && aHi > 0) best = Math.max(best, Math.log((bLo - delta) / aHi));
    if (1 - aHi - delta > 0 && 1 - bLo > 0) best = Math.max(best, Math.log((1 - aHi - delta) / (1 - bLo)));
  }
  return best;
}

const RUNS = 400_000;
const THRESHOLDS = [-2, -1, 0, 1, 2, 3, 4];

function runs(mech: (counts: Float64Array, l: PrivacyLedger) => Float64Array, count: number): Float64Array {
  const l = new PrivacyLedger({ epsilon: 1000, delta: 1e-3 });
  // RUNS independent releases of a one-cell histogram: one call on a vector of RUNS copies of the cell
  return mech(new Float64Array(RUNS).fill(count), l);
}

describe('black-box audit (Clopper–Pearson lower bound on ε)', () => {
  const delta = 1e-6;

  test('discrete Gaussian mechanism, σ = 1: the observed ε never exceeds the claim', () => {
    const claimed = new PrivacyLedger({ epsilon: 20, delta });
    const gauss = (c: Float64Array, l: PrivacyLedger) =>
      gaussianMechanism(c, { sigma: 1 }, l, what, rng).values;
    gaussianMechanism([0], { sigma: 1 }, claimed, what, rng);
    const eps = claimed.guarantee().epsilon;
    expect(eps).toBeGreaterThanOrEqual(cdpEpsilon(0.5, delta));
    expect(eps).toBeLessThan(cdpEpsilon(0.5, delta) + 1e-4);
    const lb = epsilonLowerBound(runs(gauss, 0), runs(gauss, 1), THRESHOLDS, delta);
    expect(lb).toBeGreaterThan(1); // the audit measures something real ...
    expect(lb).toBeLessThanOrEqual(eps); // ... and stays below the claim
    // broken: noise 10× smaller than the σ = 1 the claim is computed from
    const broken = (c: Float64Array, l: PrivacyLedger) =>
      gaussianMechanism(c, { sigma: 0.1 }, l, what, rng).values;
    expect(epsilonLowerBound(runs(broken, 0), runs(broken, 1), THRESHOLDS, delta)).toBeGreaterThan(eps);
  });

  test('discrete Laplace mechanism, ε = 1: the audit is nearly tight and never above the claim', () => {
    const lap = (c: Float64Array, l: PrivacyLedger) =>
      laplaceMechanism(c, { epsilon: 1 }, l, what, rng).values;
    const lb = epsilonLowerBound(runs(lap, 0), runs(lap, 1), THRESHOLDS, 0);
    expect(lb).toBeGreaterThan(0.9);
    expect(lb).toBeLessThanOrEqual(1);
    const broken = (c: Float64Array, l: PrivacyLedger) =>
      laplaceMechanism(c, { scale: 0.1 }, l, what, rng).values;
    expect(epsilonLowerBound(runs(broken, 0), runs(broken, 1), THRESHOLDS, 0)).toBeGreaterThan(1);
  });
});
