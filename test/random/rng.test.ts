import { describe, expect, it } from 'vitest';
import chisqCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { AliasTable, Rng } from '../../src/random/rng.js';
import { SecureRng } from '../../src/random/secure.js';
import { PrivacyLedger } from '../../src/privacy/ledger.js';
import { exponentialMechanism, gaussianMechanism, laplaceMechanism } from '../../src/privacy/mechanisms.js';
import { DiscreteGaussian } from '../../src/privacy/samplers.js';

/** Chi-square goodness-of-fit p-value of observed counts against expected probabilities. */
function gofP(counts: number[], probs: number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  let x2 = 0;
  counts.forEach((c, i) => (x2 += (c - n * probs[i]) ** 2 / (n * probs[i])));
  return 1 - chisqCdf(x2, counts.length - 1);
}

describe('Rng', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    const a = new Rng(42),
      b = new Rng(42),
      c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.u32());
    expect(Array.from({ length: 5 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.u32())).not.toEqual(xs);
  });

  it('draws uniform integers without bias (chi-square, alpha 1e-6)', () => {
    const r = new Rng(1);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[r.int(7)]++;
    expect(gofP(counts, new Array(7).fill(1 / 7))).toBeGreaterThan(1e-6);
  });

  it('draws normals with mean 0 and variance 1', () => {
    const r = new Rng(2);
    let s = 0,
      ss = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      ss += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(5 / Math.sqrt(n)); // 5 sigma
    expect(Math.abs(ss / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('forks independent, reproducible streams', () => {
    const a = new Rng(5),
      b = new Rng(5);
    const fa = a.fork(),
      fb = b.fork();
    expect(fa.u32()).toBe(fb.u32());
    expect(a.u32()).toBe(b.u32());
    const p = new Rng(5);
    const child = p.fork();
    expect(Array.from({ length: 4 }, () => child.u32())).not.toEqual(
      Array.from({ length: 4 }, () => p.u32()),
    );
  });

  it('alias tables follow their weights', () => {
    const w = [1, 0, 3, 6];
    const t = new AliasTable(w);
    const r = new Rng(9);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 50_000; i++) counts[t.sample(r)]++;
    expect(counts[1]).toBe(0);
    expect(gofP([counts[0], counts[2], counts[3]], [0.1, 0.3, 0.6])).toBeGreaterThan(1e-6);
  });
});

describe('SecureRng', () => {
  it('draws exact uniform integers and Bernoullis', () => {
    const s = new SecureRng();
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 50_000; i++) counts[s.uniformInt(5)]++;
    expect(gofP(counts, new Array(5).fill(0.2))).toBeGreaterThan(1e-6);
    let ones = 0;
    for (let i = 0; i < 30_000; i++) if (s.bernoulli(1n, 3n)) ones++;
    expect(gofP([ones, 30_000 - ones], [1 / 3, 2 / 3])).toBeGreaterThan(1e-6);
    const big = s.uniformBigInt(10n ** 30n);
    expect(big >= 0n && big < 10n ** 30n).toBe(true);
  });

  it('cannot be replaced by a seeded Rng where DP noise is drawn', () => {
    // compile time (checked by `npm run typecheck`): a seeded Rng is not a SecureRng, in either direction
    const needsSecure = (r: SecureRng): SecureRng => r;
    const needsSeeded = (r: Rng): Rng => r;
    // @ts-expect-error a seeded Rng cannot be passed where a SecureRng is required
    needsSecure(new Rng(1));
    // @ts-expect-error nor the other way round (sampling code takes a seeded, reproducible Rng)
    needsSeeded(new SecureRng());
    // run time: the same mistake made from JavaScript (no types) is refused before any noise is drawn
    const seeded = new Rng(1) as unknown as SecureRng;
    const l = ledger();
    expect(() => gaussianMechanism([3], { sigma: 1 }, l, what, seeded)).toThrow(/needs a SecureRng/);
    expect(l.entries).toHaveLength(0); // refused before the ledger was charged
    expect(() => laplaceMechanism([3], { epsilon: 1 }, l, what, seeded)).toThrow(/needs a SecureRng/);
    expect(() => exponentialMechanism([1, 2], { epsilon: 1 }, ledger(), what, seeded)).toThrow(
      /needs a SecureRng/,
    );
    expect(() => new DiscreteGaussian(4).sample(seeded)).toThrow(/needs a SecureRng/);
    // and a real SecureRng passes the same calls
    expect(gaussianMechanism([3], { sigma: 1 }, ledger(), what, new SecureRng()).values).toHaveLength(1);
  });
});

const what = { query: 'count', columns: ['x'] };
const ledger = (): PrivacyLedger => new PrivacyLedger({ epsilon: 10, delta: 1e-9 });
