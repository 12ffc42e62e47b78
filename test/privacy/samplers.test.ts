import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { describe, expect, test } from 'vitest';
import { SecureRng } from '../../src/random/secure.js';
import { sampleExponential } from '../../src/privacy/mechanisms.js';
import { fraction, roundUpToBits, toFraction } from '../../src/privacy/rational.js';
import {
  bernoulliExp,
  bernoulliRational,
  DiscreteGaussian,
  DiscreteLaplace,
} from '../../src/privacy/samplers.js';

// Distribution tests: a fixed number of draws and a chi-square goodness-of-fit test against the exact pmf at
// α = 1e-6, so a correct sampler fails with probability 1e-6 per test and a wrong one (see the power checks) fails.
const ALPHA = 1e-6;
const rng = new SecureRng();

/** p-value of a chi-square GOF test; bins with expected count < 5 are pooled into their neighbour. */
function chiSquareP(
  observed: Map<number, number>,
  pmf: (y: number) => number,
  lo: number,
  hi: number,
  n: number,
): number {
  const obs: number[] = [];
  const exp: number[] = [];
  let accO = 0;
  let accE = 0;
  // lower tail (y < lo) and upper tail (y > hi) as their own cells
  let tailO = 0;
  let inside = 0;
  for (let y = lo; y <= hi; y++) inside += pmf(y);
  for (const [y, c] of observed) if (y < lo || y > hi) tailO += c;
  for (let y = lo; y <= hi; y++) {
    accO += observed.get(y) ?? 0;
    accE += pmf(y) * n;
    if (accE >= 5) {
      obs.push(accO);
      exp.push(accE);
      accO = 0;
      accE = 0;
    }
  }
  const tailE = Math.max(0, (1 - inside) * n);
  accO += tailO;
  accE += tailE;
  if (accE > 0 || accO > 0) {
    if (accE >= 5 || exp.length === 0) {
      obs.push(accO);
      exp.push(accE);
    } else {
      obs[obs.length - 1] += accO;
      exp[exp.length - 1] += accE;
    }
  }
  let stat = 0;
  for (let i = 0; i < obs.length; i++) stat += (obs[i] - exp[i]) ** 2 / exp[i];
  return 1 - chisquareCdf(stat, obs.length - 1);
}

function histogram(n: number, draw: () => number): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const y = draw();
    m.set(y, (m.get(y) ?? 0) + 1);
  }
  return m;
}

function gaussPmf(sigma2: number): (y: number) => number {
  let z = 0;
  const r = Math.ceil(Math.sqrt(sigma2) * 40) + 10;
  for (let y = -r; y <= r; y++) z += Math.exp((-y * y) / (2 * sigma2));
  return (y) => Math.exp((-y * y) / (2 * sigma2)) / z;
}

function laplacePmf(scale: number): (y: number) => number {
  const q = Math.exp(-1 / scale);
  return (y) => ((1 - q) / (1 + q)) * q ** Math.abs(y);
}

describe('exact rationals', () => {
  test('toFraction is exact', () => {
    expect(toFraction(0.5)).toEqual({ num: 1n, den: 2n });
    expect(toFraction(-3)).toEqual({ num: -3n, den: 1n });
    expect(toFraction(0.1)).toEqual({ num: 3602879701896397n, den: 36028797018963968n });
    expect(toFraction(2 ** 70)).toEqual({ num: 2n ** 70n, den: 1n });
    expect(toFraction(5e-324)).toEqual({ num: 1n, den: 2n ** 1074n });
    expect(fraction(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(() => toFraction(NaN)).toThrow();
  });
  test('roundUpToBits rounds up to a short mantissa', () => {
    expect(roundUpToBits(1000)).toBe(1000);
    const r = roundUpToBits(1 / 3);
    expect(r).toBeGreaterThanOrEqual(1 / 3);
    expect(r - 1 / 3).toBeLessThan(2 ** -21);
    expect(toFraction(r).num < 2n ** 21n).toBe(true);
  });
});

describe('Bernoulli samplers', () => {
  test.each([0.3, 1, 2.5, 17 / 7])('Bernoulli(exp(−%d)) has the exact mean', (g) => {
    const n = 100_000;
    let k = 0;
    for (let i = 0; i < n; i++) if (bernoulliExp(g, rng)) k++;
    const p = Math.exp(-g);
    const stat = (k - n * p) ** 2 / (n * p) + (n - k - n * (1 - p)) ** 2 / (n * (1 - p));
    expect(1 - chisquareCdf(stat, 1)).toBeGreaterThan(ALPHA);
  });
  test('Bernoulli(exp(−γ)) with a BigInt-sized γ (den 3·2^60)', () => {
    const g = fraction(2n ** 60n + 12345n, 3n * 2n ** 60n); // ≈ 1/3
    const n = 100_000;
    let k = 0;
    for (let i = 0; i < n; i++) if (bernoulliExp(g, rng)) k++;
    const p = Math.exp(-(1 / 3));
    const stat = (k - n * p) ** 2 / (n * p) + (n - k - n * (1 - p)) ** 2 / (n * (1 - p));
    expect(1 - chisquareCdf(stat, 1)).toBeGreaterThan(ALPHA);
  });
  test('Bernoulli(num/den) edge cases and mean', () => {
    expect(bernoulliRational(0n, 5n, rng)).toBe(false);
    expect(bernoulliRational(5n, 5n, rng)).toBe(true);
    expect(() => bernoulliRational(6n, 5n, rng)).toThrow();
    let k = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) if (bernoulliRational(1n, 3n, rng)) k++;
    const stat = (k - n / 3) ** 2 / (n / 3) + (n - k - (2 * n) / 3) ** 2 / ((2 * n) / 3);
    expect(1 - chisquareCdf(stat, 1)).toBeGreaterThan(ALPHA);
    expect(bernoulliExp(0, rng)).toBe(true);
  });
});

describe('discrete Laplace', () => {
  test.each([0.5, 1, 3.7, 20])('scale %d matches the pmf', (scale) => {
    const s = new DiscreteLaplace(scale);
    const n = 100_000;
    const h = histogram(n, () => s.sample(rng));
    const r = Math.ceil(scale * 12) + 2;
    expect(chiSquareP(h, laplacePmf(scale), -r, r, n)).toBeGreaterThan(ALPHA);
  });
  test('rational scale 10/3 with a BigInt numerator path', () => {
    const s = new DiscreteLaplace(fraction(10n * 2n ** 45n, 3n * 2n ** 45n)); // reduced to 10/3
    const big = new DiscreteLaplace({ num: 2n ** 41n + 1n, den: 2n ** 41n }); // scale ≈ 1, t > 2^40: BigInt path
    const n = 60_000;
    expect(
      chiSquareP(
        histogram(n, () => s.sample(rng)),
        laplacePmf(10 / 3),
        -45,
        45,
        n,
      ),
    ).toBeGreaterThan(ALPHA);
    expect(
      chiSquareP(
        histogram(n, () => big.sample(rng)),
        laplacePmf(1),
        -15,
        15,
        n,
      ),
    ).toBeGreaterThan(ALPHA);
  });
});

describe('discrete Gaussian', () => {
  test.each([0.25, 1, 10, 33.3, 1000])('σ² = %d matches the pmf', (sigma2) => {
    const g = new DiscreteGaussian(sigma2);
    const n = 100_000;
    const h = histogram(n, () => g.sample(rng));
    const r = Math.ceil(Math.sqrt(sigma2) * 6) + 2;
    expect(chiSquareP(h, gaussPmf(sigma2), -r, r, n)).toBeGreaterThan(ALPHA);
  });
  test('σ² = 1/3 (BigInt acceptance path) matches the pmf', () => {
    const g = new DiscreteGaussian(1 / 3); // den 2^54 → BigInt arithmetic in the acceptance step
    const n = 100_000;
    expect(
      chiSquareP(
        histogram(n, () => g.sample(rng)),
        gaussPmf(1 / 3),
        -5,
        5,
        n,
      ),
    ).toBeGreaterThan(ALPHA);
  });
  test('the test has power: σ² = 12 draws are rejected against the σ² = 10 pmf', () => {
    const g = new DiscreteGaussian(12);
    const n = 100_000;
    expect(
      chiSquareP(
        histogram(n, () => g.sample(rng)),
        gaussPmf(10),
        -20,
        20,
        n,
      ),
    ).toBeLessThan(ALPHA);
  });
  test('rejects σ² ≤ 0 and absurd σ²', () => {
    expect(() => new DiscreteGaussian(0)).toThrow();
    expect(() => new DiscreteGaussian(2 ** 90)).toThrow();
  });
});

describe('exponential mechanism kernel', () => {
  test('P(i) ∝ exp(ε uᵢ / 2Δ), exactly', () => {
    const scores = [0, 1, 2.5, -3, 2.5, 0.1];
    const eps = 1.3;
    const w = scores.map((u) => Math.exp((eps * u) / 2));
    const z = w.reduce((a, b) => a + b, 0);
    const n = 25_000;
    const h = histogram(n, () => sampleExponential(scores, eps, 1, rng));
    expect(
      chiSquareP(h, (i) => (i >= 0 && i < w.length ? w[i] / z : 0), 0, scores.length - 1, n),
    ).toBeGreaterThan(ALPHA);
  });
});
