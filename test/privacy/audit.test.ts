import { describe, expect, test } from 'vitest';
import { auditDpSgdLogistic, auditEpsilonLowerBound } from '../../src/privacy/audit.js';
import { SecureRng } from '../../src/random/secure.js';

// The empirical audit (docs/privacy.md, "Auditing"): a (1 − α) lower confidence bound on ε from runs without and
// with a canary. With α = 1e-6 a correct implementation makes the first test fail with probability ≤ 1e-6.
const ALPHA = 1e-6;
const rng = new SecureRng();
const config = { noiseMultiplier: 4, samplingRate: 0.2, steps: 40, runs: 3000, delta: 1e-5, alpha: ALPHA };

describe('auditing DP-SGD (white-box, every step observed, canary in its own coordinate)', () => {
  test('the lower bound never exceeds the accountant’s claim for the real configuration', () => {
    const r = auditDpSgdLogistic(config, rng);
    expect(r.epsilonClaimed).toBeGreaterThan(1.2);
    expect(r.epsilonClaimed).toBeLessThan(1.4);
    expect(r.epsilonLower).toBeLessThanOrEqual(r.epsilonClaimed);
  }, 240_000);
  test('a broken configuration — noise multiplier / 10 — is caught', () => {
    const r = auditDpSgdLogistic({ ...config, usedNoiseMultiplier: config.noiseMultiplier / 10 }, rng);
    expect(r.epsilonLower).toBeGreaterThan(r.epsilonClaimed);
  }, 240_000);
});

describe('the Clopper–Pearson bound', () => {
  test('identical score distributions give no evidence; separated ones give a large bound', () => {
    const n = 4000;
    const a = Float64Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const b = Float64Array.from({ length: n }, (_, i) => (i * 104729) % n);
    expect(auditEpsilonLowerBound(a, b, { delta: 1e-5, alpha: ALPHA }).epsilonLower).toBe(0);
    const c = Float64Array.from(b, (v) => v + 10 * n);
    const sep = auditEpsilonLowerBound(a, c, { delta: 1e-5, alpha: ALPHA });
    // with 2000 runs per side the best possible bound is ln(2000 / ln(2/α)) ≈ 4.9
    expect(sep.epsilonLower).toBeGreaterThan(4.5);
    expect(sep.direction).toBe('higher');
  });
});
