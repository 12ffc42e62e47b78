import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DpSgdNoise,
  dyadicRate,
  planNoiseMultiplier,
  poissonBatch,
  subsampledGaussianEntry,
} from '../../src/privacy/dpsgd.js';
import { LookalikeError } from '../../src/errors.js';
import { composeWithSubsampled } from '../../src/privacy/compose.js';
import { PrivacyLedger } from '../../src/privacy/ledger.js';
import { SecureRng } from '../../src/random/secure.js';
import { chiSquareBinnedP } from './chi-square.js';

const ALPHA = 1e-6; // distribution tests fail a correct implementation with probability 1e-6
const rng = new SecureRng();

describe('Poisson batches from the SecureRng', () => {
  test('batch sizes follow Binomial(n, q) (chi-square, 20,000 batches)', () => {
    const n = 200;
    const q = dyadicRate(0.1);
    const batches = 20_000;
    const counts = new Float64Array(n + 1);
    for (let b = 0; b < batches; b++) counts[poissonBatch(n, q, rng).length]++;
    // exact binomial pmf by recurrence
    const pmf = new Float64Array(n + 1);
    pmf[0] = (1 - q) ** n;
    for (let k = 1; k <= n; k++) pmf[k] = (pmf[k - 1] * (n - k + 1) * q) / (k * (1 - q));
    expect(
      chiSquareBinnedP(
        counts,
        Array.from(pmf, (p) => p * batches),
      ),
    ).toBeGreaterThan(ALPHA);
    // power: the same sizes are rejected against Binomial(n, 0.09)
    const wrong = new Float64Array(n + 1);
    wrong[0] = 0.91 ** n;
    for (let k = 1; k <= n; k++) wrong[k] = (wrong[k - 1] * (n - k + 1) * 0.09) / (k * 0.91);
    expect(
      chiSquareBinnedP(
        counts,
        Array.from(wrong, (p) => p * batches),
      ),
    ).toBeLessThan(ALPHA);
  });
  test('every row is equally likely (chi-square over rows) and indices are sorted and distinct', () => {
    const n = 50;
    const q = dyadicRate(0.3);
    const hits = new Float64Array(n);
    let sorted = true;
    for (let b = 0; b < 20_000; b++) {
      const batch = poissonBatch(n, q, rng);
      for (let i = 0; i < batch.length; i++) {
        if (i > 0 && !(batch[i] > batch[i - 1])) sorted = false;
        hits[batch[i]]++;
      }
    }
    expect(sorted).toBe(true);
    const total = hits.reduce((s, v) => s + v, 0);
    expect(chiSquareBinnedP(hits, new Float64Array(n).fill(total / n))).toBeGreaterThan(ALPHA);
  });
  test('q is rounded up to a multiple of 2^-32 and checked', () => {
    expect(dyadicRate(0.1)).toBeGreaterThanOrEqual(0.1);
    expect(dyadicRate(0.1) - 0.1).toBeLessThan(2 ** -32);
    expect(Number.isInteger(dyadicRate(1 / 3) * 2 ** 32)).toBe(true);
    expect(() => poissonBatch(10, 0.1, rng)).toThrow(/multiple of 2\^-32/);
    expect(poissonBatch(5, 1, rng)).toEqual(Int32Array.from([0, 1, 2, 3, 4]));
  });
});

describe('clipping onto the lattice', () => {
  test('property: every clipped contribution has L2 norm ≤ C, exactly (integer arithmetic)', () => {
    const noise = new DpSgdNoise({ noiseMultiplier: 1, clipNorm: 0.7, dimension: 6, latticeSums: true });
    // (C/γ)² exactly: C/γ is a double (γ a power of two), i.e. num/2^k
    let cg = 0.7 / noise.gamma;
    let den = 1n;
    while (!Number.isInteger(cg)) {
      cg *= 2;
      den *= 2n;
    }
    const num = BigInt(cg);
    const out = new Float64Array(6);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (g) => {
          noise.clipToLattice(g, out);
          let s = 0n;
          for (const v of out) {
            expect(Number.isInteger(v)).toBe(true);
            s += BigInt(v) * BigInt(v);
          }
          return s * den * den <= num * num;
        },
      ),
      { numRuns: 2000 },
    );
  });
  test('a gradient shorter than C is kept up to the lattice resolution', () => {
    const noise = new DpSgdNoise({ noiseMultiplier: 1, clipNorm: 1, dimension: 3, latticeSums: true });
    const out = new Float64Array(3);
    noise.clipToLattice([0.3, -0.4, 0], out);
    expect(Math.abs(out[0] * noise.gamma - 0.3)).toBeLessThanOrEqual(noise.gamma);
    expect(Math.abs(out[1] * noise.gamma + 0.4)).toBeLessThanOrEqual(noise.gamma);
  });
});

describe('DpSgdNoise', () => {
  test('the noise used is never below the requested multiplier; Δ ≥ C; γ is a power of two', () => {
    for (const latticeSums of [true, false]) {
      for (const z of [0.5, 1, 3.7]) {
        const n = new DpSgdNoise({ noiseMultiplier: z, clipNorm: 2, dimension: 100_000, latticeSums });
        expect(n.noiseMultiplier).toBeGreaterThanOrEqual(z);
        expect(n.noiseMultiplier).toBeLessThan(z * 1.001);
        expect(n.sensitivity).toBeGreaterThanOrEqual(2);
        expect(Number.isInteger(Math.log2(n.gamma))).toBe(true);
        // rounding the sum costs γ√d ≤ z√d/4.2e6 of C on the sensitivity
        expect(n.sensitivity).toBeLessThan(2 * (1 + (z * Math.sqrt(100_000)) / 4.2e6));
      }
    }
  });
  test('privatize adds zero-mean noise of standard deviation σ on the lattice', () => {
    const d = 50_000;
    const noise = new DpSgdNoise({ noiseMultiplier: 1.3, clipNorm: 1, dimension: d });
    const sum = new Float64Array(d).fill(0.25);
    const out = new Float64Array(d);
    noise.privatize(sum, rng, out);
    let m = 0;
    let v = 0;
    for (let i = 0; i < d; i++) {
      expect(Number.isInteger(out[i] / noise.gamma)).toBe(true);
      m += out[i] - 0.25;
      v += (out[i] - 0.25) ** 2;
    }
    m /= d;
    v /= d;
    // mean within 6 standard errors, variance within 6 of its standard errors (√(2/d)·σ²)
    expect(Math.abs(m)).toBeLessThan((6 * noise.sigma) / Math.sqrt(d));
    expect(Math.abs(v / noise.sigma ** 2 - 1)).toBeLessThan(6 * Math.sqrt(2 / d));
  });
  test('the lattice path refuses a sum that is not on the lattice', () => {
    const noise = new DpSgdNoise({ noiseMultiplier: 1, clipNorm: 1, dimension: 2, latticeSums: true });
    expect(() => noise.privatize([0.5, 1], rng, new Float64Array(2))).toThrow(/lattice/);
    expect(() => new DpSgdNoise({ noiseMultiplier: 0, clipNorm: 1, dimension: 2 })).toThrow(
      /noiseMultiplier/,
    );
  });
});

describe('planning the noise multiplier for a budget', () => {
  test('the plan spends the budget, and a 1 % smaller multiplier would not fit', () => {
    const ledger = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const q = dyadicRate(0.0156);
    const steps = 640;
    const z = planNoiseMultiplier(ledger, { samplingRate: q, steps, coordinates: 10_000 });
    const entry = (zz: number) =>
      subsampledGaussianEntry(
        { noiseMultiplier: zz, samplingRate: q, steps, clippingNorm: 1, sensitivity: 1, coordinates: 10_000 },
        { query: 'dp-sgd', columns: ['a'] },
      );
    expect(ledger.wouldAllow(entry(z))).toBe(true);
    expect(ledger.wouldAllow(entry(z * 0.99))).toBe(false);
    ledger.charge(entry(z));
    expect(ledger.guarantee().epsilon).toBeLessThanOrEqual(1);
    expect(ledger.guarantee().epsilon).toBeGreaterThan(0.98);
  }, 240_000);
  test('a budget no noise can meet is refused with what would', () => {
    const ledger = new PrivacyLedger({ epsilon: 0.001, delta: 1e-9 });
    expect(() =>
      planNoiseMultiplier(ledger, {
        samplingRate: 1,
        steps: 100_000,
        coordinates: 10,
        maxNoiseMultiplier: 5,
      }),
    ).toThrow(/too small for DP-SGD/);
  });
  // extreme plans once reached the PRV accountant's grid limit and surfaced as a bare RangeError
  const refusal = (ledger: PrivacyLedger, plan: Parameters<typeof planNoiseMultiplier>[1]) => {
    try {
      planNoiseMultiplier(ledger, plan);
    } catch (e) {
      return e;
    }
    throw new Error('the plan was not refused');
  };
  test.each([
    { epsilon: 0.01, q: 0.01, steps: 100_000, epochs: 1000 },
    { epsilon: 1e-4, q: 1e-4, steps: 10_000_000, epochs: 1000 },
    { epsilon: 0.05, q: 0.99, steps: 10, epochs: 10 },
  ])(
    'an extreme plan (ε = $epsilon, q = $q, $steps steps) is refused with a message naming ε, δ, epochs, q and what to change',
    ({ epsilon, q, steps, epochs }) => {
      const e = refusal(new PrivacyLedger({ epsilon, delta: 1e-9 }), {
        samplingRate: dyadicRate(q),
        steps,
        epochs,
        coordinates: 1000,
      });
      expect(e).toBeInstanceOf(LookalikeError);
      const err = e as LookalikeError;
      expect(err.kind).toBe('privacy');
      expect(err.message).toContain(`ε = ${epsilon}`);
      expect(err.message).toContain('δ = 1e-9');
      expect(err.message).toContain(`${epochs} epochs (${steps} steps)`);
      expect(err.message).toContain(`sampling rate ${Number(dyadicRate(q).toPrecision(3))}`);
      expect(err.problems.join(' ')).toMatch(/raise --epsilon.*fewer epochs.*sampling rate/);
    },
    60_000,
  );
  test('an extreme plan that does fit is planned by the RDP bound where the PRV grid would be too large', () => {
    const ledger = new PrivacyLedger({ epsilon: 10, delta: 1e-9 });
    const q = dyadicRate(0.001);
    const z = planNoiseMultiplier(ledger, { samplingRate: q, steps: 10_000_000, coordinates: 1000 });
    const entry = subsampledGaussianEntry(
      {
        noiseMultiplier: z,
        samplingRate: q,
        steps: 10_000_000,
        clippingNorm: 1,
        sensitivity: 1,
        coordinates: 1000,
      },
      { query: 'dp-sgd', columns: ['a'] },
    );
    expect(ledger.guaranteeWith(entry).epsilon).toBeLessThanOrEqual(10);
    expect(composeWithSubsampled([entry], 1e-9).method).toBe('rdp');
  }, 60_000);
  test('a budget already spent before training is refused saying so', () => {
    const ledger = new PrivacyLedger({ epsilon: 0.1, delta: 1e-9 });
    ledger.charge({
      query: 'marginals',
      columns: ['a'],
      mechanism: 'discrete-gaussian',
      noiseScale: 1,
      rho: ledger.rhoRemaining,
    });
    const e = refusal(ledger, { samplingRate: dyadicRate(0.01), steps: 100, epochs: 1, coordinates: 10 });
    expect((e as LookalikeError).problems.join(' ')).toMatch(/already spend the budget/);
  });
});

describe('only a SecureRng can drive the DP-SGD noise and batches', () => {
  test('a seeded Rng is refused at run time by every entry point', async () => {
    const { Rng } = await import('../../src/random/rng.js');
    const { assignTeachers } = await import('../../src/privacy/pate.js');
    const { gaussianTable, sampleTable } = await import('../../src/privacy/lattice-gaussian.js');
    const seeded = new Rng(1) as unknown as SecureRng;
    const noise = new DpSgdNoise({ noiseMultiplier: 1, clipNorm: 1, dimension: 2 });
    expect(() => poissonBatch(10, dyadicRate(0.5), seeded)).toThrow(/SecureRng/);
    expect(() => noise.privatize([0, 0], seeded, new Float64Array(2))).toThrow(/SecureRng/);
    expect(() => assignTeachers(10, 2, seeded)).toThrow(/SecureRng/);
    expect(() => sampleTable(gaussianTable(10), seeded)).toThrow(/SecureRng/);
  });
});
