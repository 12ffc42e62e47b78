import { describe, expect, test } from 'vitest';
import { cdpEpsilon } from '../../src/privacy/accountant.js';
import { composeWithSubsampled } from '../../src/privacy/compose.js';
import { dyadicRate, subsampledGaussianEntry } from '../../src/privacy/dpsgd.js';
import {
  formatLedger,
  PrivacyLedger,
  privacyFromLedger,
  type LedgerEntry,
} from '../../src/privacy/ledger.js';
import { subsampledGaussianPrv } from '../../src/privacy/prv.js';
import { subsampledGaussianEpsilonRdp } from '../../src/privacy/rdp.js';

const q = dyadicRate(0.02);
const params = {
  noiseMultiplier: 1.5,
  samplingRate: q,
  steps: 500,
  clippingNorm: 1,
  sensitivity: 1.000001,
  coordinates: 5000,
};
const sgd = (over: Partial<typeof params> = {}): LedgerEntry =>
  subsampledGaussianEntry({ ...params, ...over }, { query: 'dp-sgd', columns: ['age', 'sex'] });

describe('the ledger records DP-SGD as "subsampled-gaussian" entries', () => {
  test('the guarantee of DP-SGD alone is the PRV ε (tighter than RDP), rounded up', () => {
    const ledger = new PrivacyLedger({ epsilon: 10, delta: 1e-9 });
    ledger.charge(sgd());
    const g = ledger.guarantee();
    const prv = subsampledGaussianPrv(q, 1.5, 500, 1e-9 * (1 - 1e-6)).epsilon;
    expect(g.epsilon).toBeGreaterThanOrEqual(prv);
    expect(g.epsilon).toBeLessThan(prv * (1 + 1e-8));
    expect(g.epsilon).toBeLessThan(subsampledGaussianEpsilonRdp(q, 1.5, 500, 1e-9));
    expect(g.rho).toBe(0);
  }, 120_000);

  test('composed with zCDP measurements: never below either part, never above basic composition', () => {
    const ledger = new PrivacyLedger({ epsilon: 10, delta: 1e-9 });
    ledger.charge({ query: 'count', columns: [], mechanism: 'discrete-gaussian', noiseScale: 70, rho: 1e-4 });
    ledger.charge(sgd());
    const g = ledger.guarantee();
    const alone = composeWithSubsampled([sgd()], 1e-9).epsilon;
    expect(g.epsilon).toBeGreaterThan(alone);
    expect(g.epsilon).toBeGreaterThan(cdpEpsilon(1e-4, 1e-9));
    // basic composition with δ split 99/1 is one of the bounds tried
    const split = composeWithSubsampled([sgd()], 0.99e-9).epsilon + cdpEpsilon(1e-4, 0.99e-11);
    expect(g.epsilon).toBeLessThanOrEqual(split * (1 + 1e-9));
    expect(g.rho).toBe(1e-4);
    // what is left for further zCDP measurements is computed against the composed guarantee
    const left = ledger.rhoRemaining;
    expect(left).toBeGreaterThan(0);
    expect(ledger.canAfford(left)).toBe(true);
    expect(ledger.canAfford(left * 1.01 + 1e-9)).toBe(false);
  }, 120_000);

  test('overspending is refused and nothing is recorded', () => {
    const ledger = new PrivacyLedger({ epsilon: 0.5, delta: 1e-9 });
    expect(() => ledger.charge(sgd())).toThrow(/privacy budget exhausted/);
    expect(ledger.entries).toHaveLength(0);
  }, 120_000);

  test('JSON: version 2, round trip, total recomputed from the parameters', () => {
    const ledger = new PrivacyLedger({ epsilon: 10, delta: 1e-9 });
    ledger.charge(sgd());
    const json = ledger.toJSON();
    expect(json.version).toBe(2);
    expect(json.accounting).toBe('zcdp+subsampled');
    const back = PrivacyLedger.fromJSON(JSON.parse(JSON.stringify(json)));
    expect(back.guarantee()).toEqual(ledger.guarantee());
    // a stored total that understates is ignored: the guarantee comes from the entries
    const forged = { ...json, total: { epsilon: 0.01, delta: 1e-9, rho: 0 } };
    expect(privacyFromLedger(forged).epsilon).toBe(ledger.guarantee().epsilon);
    expect(formatLedger(json)).toMatch(/DP-SGD: noise multiplier 1\.5, sampling rate 0\.02, 500 steps/);
    expect(formatLedger(json)).toMatch(/Rényi DP and PRV accountants/);
  }, 120_000);

  test('tampered or malformed DP-SGD entries are refused, each problem named', () => {
    const json = (() => {
      const l = new PrivacyLedger({ epsilon: 10, delta: 1e-9 });
      l.charge(sgd());
      return JSON.parse(JSON.stringify(l.toJSON()));
    })();
    const withEntry = (patch: Record<string, unknown>, top: Record<string, unknown> = {}) => ({
      ...json,
      ...top,
      entries: [{ ...json.entries[0], ...patch }],
    });
    const bad = [
      [withEntry({ rho: 0.001 }), /rho must be 0 for a DP-SGD entry/],
      [withEntry({ subsampled: undefined }), /DP-SGD parameters\) is missing/],
      [withEntry({ subsampled: { ...params, samplingRate: 1.5 } }), /samplingRate must be in \(0, 1\]/],
      [withEntry({ subsampled: { ...params, steps: 2.5 } }), /steps must be a whole number/],
      [
        withEntry({ subsampled: { ...params, sensitivity: 0.5 } }),
        /sensitivity must be a finite number ≥ the clipping norm/,
      ],
      [withEntry({ noiseScale: 0.1 }), /noiseScale is smaller than noiseMultiplier × sensitivity/],
      [withEntry({}, { version: 1 }), /must be version 2/],
      [
        { ...json, entries: [{ ...json.entries[0], mechanism: 'discrete-gaussian', rho: 0.1 }] },
        /subsampled is only allowed on a "subsampled-gaussian" entry/,
      ],
    ] as const;
    for (const [file, message] of bad) expect(() => PrivacyLedger.fromJSON(file)).toThrow(message as RegExp);
    // an entry whose parameters spend more than the budget makes the file invalid
    expect(() =>
      PrivacyLedger.fromJSON(withEntry({ subsampled: { ...params, noiseMultiplier: 0.5 } })),
    ).toThrow(/more than its budget/);
  }, 120_000);

  test('zCDP-only ledgers keep version 1 and their exact guarantee', () => {
    const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    l.charge({ query: 'm', columns: ['a'], mechanism: 'discrete-gaussian', noiseScale: 10, rho: 0.005 });
    expect(l.toJSON().version).toBe(1);
    expect(l.guarantee().epsilon).toBeGreaterThanOrEqual(cdpEpsilon(0.005, 1e-9));
  });
});
