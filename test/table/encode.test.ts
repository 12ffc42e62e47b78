import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/random/rng.js';
import { discretizer } from '../../src/table/encode.js';

describe('Discretizer.decode', () => {
  it('draws integers from bins wider than 2^32 values (e.g. epoch-ms integers) instead of throwing', () => {
    const d = discretizer({
      name: 'ts',
      kind: 'numeric',
      integer: true,
      nullable: false,
      domain: { min: 0, max: 1e13, source: 'public' },
    });
    const codes = Int32Array.from({ length: 200 }, (_, i) => i % d.size);
    const col = d.decode(codes, new Rng(1));
    expect(col.kind).toBe('numeric');
    if (col.kind !== 'numeric') return;
    const width = 1e13 / d.size;
    col.values.forEach((v, i) => {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(Math.ceil(codes[i] * width));
      expect(v).toBeLessThanOrEqual(Math.ceil((codes[i] + 1) * width));
    });
  });
});
