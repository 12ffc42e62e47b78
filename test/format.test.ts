import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatEpsilon, formatNumber } from '../src/format.js';

/**
 * Exact comparison of a printed decimal with a double: the double is m·2^e exactly, the decimal C·10^(−k); compare
 * the two rationals with BigInt. An oracle independent of how `formatEpsilon` finds its digits.
 */
function compareDecimalToDouble(printed: string, x: number): -1 | 0 | 1 {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(printed);
  if (!m) throw new Error(`not a decimal: ${printed}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  let c = BigInt(int + frac) * (sign ? -1n : 1n);
  let k = frac.length - Number(exp); // printed = c / 10^k
  if (k < 0) {
    c *= 10n ** BigInt(-k);
    k = 0;
  }
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const bits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let e2 = -1074;
  if (bits !== 0) {
    mant |= 1n << 52n;
    e2 = bits - 1075;
  }
  if (x < 0) mant = -mant;
  // printed ? x  ⇔  c · 2^max(0,−e2) ? mant · 2^max(0,e2) · 10^k
  const left = c * (e2 < 0 ? 1n << BigInt(-e2) : 1n);
  const right = mant * (e2 > 0 ? 1n << BigInt(e2) : 1n) * 10n ** BigInt(k);
  return left < right ? -1 : left > right ? 1 : 0;
}

describe('formatEpsilon: a privacy parameter is printed rounded up', () => {
  it('rounds up, never down (fixed cases)', () => {
    expect(formatEpsilon(0.98761)).toBe('0.9877');
    expect(formatEpsilon(0.98769)).toBe('0.9877');
    expect(formatEpsilon(1)).toBe('1');
    expect(formatEpsilon(2.00001)).toBe('2.001');
    expect(formatEpsilon(1e-9)).toBe('1.00e-9');
    expect(formatEpsilon(1.0000001e-9)).toBe('1.01e-9');
    expect(formatEpsilon(Infinity)).toBe('∞');
    expect(formatEpsilon(0)).toBe('0');
    expect(formatEpsilon(0.1 + 0.2)).toBe('0.3001'); // 0.30000000000000004 is above 0.3
    expect(formatEpsilon(3.14159, 3)).toBe('3.15');
    expect(formatEpsilon(12.34, 3)).toBe('12.4');
    expect(formatEpsilon(999999.9)).toBe('1000000');
    expect(formatEpsilon(1e6)).toBe('1.00e+6');
    expect(formatEpsilon(null)).toBe('—');
  });

  it('read back, the printed value is never below the number (20,000 random doubles, every digit count)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }),
          fc.double({ min: 1e-12, max: 100, noNaN: true }),
          fc.integer({ min: 1, max: 10_000 }).map((k) => k / 1000), // decimals a user types
        ),
        fc.integer({ min: 1, max: 8 }),
        (x, digits) => {
          const s = formatEpsilon(x, digits);
          expect(Number(s)).toBeGreaterThanOrEqual(x);
        },
      ),
      { numRuns: 20_000, seed: 1 },
    );
  });

  it('overstates by less than one unit in the last printed digit, and exactly unless the cut decimal reads back as x', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
        fc.integer({ min: 2, max: 8 }),
        (x, d) => {
          const s = formatEpsilon(x, d);
          const cmp = compareDecimalToDouble(s, x);
          // below x exactly only when the decimal rounds back to x itself (e.g. the user's δ = 1e-9)
          if (cmp < 0) expect(Number(s)).toBe(x);
          const n = Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6 ? d - 1 : d;
          const ulp = 10 ** (Math.floor(Math.log10(x)) - (n - 1));
          expect(Number(s) - x).toBeLessThanOrEqual(ulp * (1 + 1e-9) + Math.abs(x) * 1e-15);
        },
      ),
      { numRuns: 5_000, seed: 2 },
    );
  });

  it('rounds a negative towards zero (upwards)', () => {
    expect(formatEpsilon(-0.98761)).toBe('-0.9876');
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: -1e-12, noNaN: true }), (x) => {
        expect(compareDecimalToDouble(formatEpsilon(x), x)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 5_000, seed: 3 },
    );
  });
});

describe('formatNumber', () => {
  it('4 significant digits, exponent form outside [1e-3, 1e6), — for missing, ∞ for Infinity', () => {
    expect(formatNumber(0.98761)).toBe('0.9876');
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(123456)).toBe('123500');
    expect(formatNumber(1234567)).toBe('1.23e+6');
    expect(formatNumber(0.000123456)).toBe('1.23e-4');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });
  it('digits and fixed decimals', () => {
    expect(formatNumber(0.98761, { digits: 3 })).toBe('0.988');
    expect(formatNumber(0.96, { fixed: 3 })).toBe('0.960');
    expect(formatNumber(123456, { digits: 6 })).toBe('123456');
    expect(formatNumber(1.5e-7, { digits: 6 })).toBe('1.5000e-7');
  });
});
