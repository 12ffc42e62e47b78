import { describe, expect, it } from 'vitest';
import { Table } from '../../src/table/table.js';
import { tableFromRecords } from '../../src/table/infer.js';
import { discretizer } from '../../src/table/encode.js';
import { datetimeCodec, detectDatetimeFormat } from '../../src/table/datetime.js';
import { Rng } from '../../src/random/rng.js';

const t = new Table([
  { kind: 'numeric', name: 'x', values: Float64Array.of(1, 2, NaN, 4), integer: true },
  { kind: 'categorical', name: 'c', codes: Int32Array.of(0, 1, -1, 0), categories: ['a', 'b'] },
  { kind: 'boolean', name: 'b', values: Int8Array.of(1, 0, -1, 1) },
  { kind: 'text', name: 's', values: ['p', null, 'q', 'r'] },
]);

describe('Table', () => {
  it('selects, takes, slices and converts to records', () => {
    expect(t.select(['c', 'x']).names).toEqual(['c', 'x']);
    expect(t.take([3, 0]).toRecords()).toEqual([
      { x: 4, c: 'a', b: true, s: 'r' },
      { x: 1, c: 'a', b: true, s: 'p' },
    ]);
    expect(t.slice(1, 3).toRecords()).toEqual([
      { x: 2, c: 'b', b: false, s: null },
      { x: null, c: null, b: null, s: 'q' },
    ]);
    expect(t.drop(['s', 'b']).names).toEqual(['x', 'c']);
  });

  it('splits reproducibly into disjoint parts covering every row', () => {
    const big = new Table([
      { kind: 'numeric', name: 'i', values: Float64Array.from({ length: 100 }, (_, i) => i), integer: true },
    ]);
    const a = big.split(new Rng(1), 0.25);
    const b = big.split(new Rng(1), 0.25);
    expect(a.holdout.nRows).toBe(25);
    expect(a.train.toRecords()).toEqual(b.train.toRecords());
    const all = [...a.train.toRecords(), ...a.holdout.toRecords()]
      .map((r) => r.i as number)
      .sort((p, q) => p - q);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(() => big.split(new Rng(1), 0)).toThrow(/leaves no rows/);
  });

  it('concatenates, merging category dictionaries', () => {
    const u = new Table([
      { kind: 'numeric', name: 'x', values: Float64Array.of(0.5), integer: false },
      { kind: 'categorical', name: 'c', codes: Int32Array.of(0), categories: ['z'] },
      { kind: 'boolean', name: 'b', values: Int8Array.of(0) },
      { kind: 'text', name: 's', values: ['w'] },
    ]);
    const both = t.concat(u);
    expect(both.nRows).toBe(5);
    expect(both.cell('c', 4)).toBe('z');
    const x = both.column('x');
    expect(x.kind === 'numeric' && x.integer).toBe(false);
    expect(() => t.concat(u.drop(['s']))).toThrow(/"s" is missing from the second table/);
  });

  it('rejects duplicate names and ragged columns', () => {
    expect(() => new Table([t.columns[0], t.columns[0]])).toThrow(/duplicate/);
    expect(() => new Table([t.columns[0], { kind: 'text', name: 'y', values: ['a'] }])).toThrow(
      /has 1 rows, expected 4/,
    );
  });

  it('round-trips records', () => {
    const recs = [
      { a: 1.5, b: 'x', c: true },
      { a: null, b: null, c: false },
      { a: 3, b: 'y', c: null },
    ];
    expect(tableFromRecords(recs).table.toRecords()).toEqual(recs);
  });
});

describe('datetime formats', () => {
  it('parses and formats each pattern back to the same text', () => {
    const cases: [string, string][] = [
      ['YYYY-MM-DD', '2012-02-29'],
      ['MMM D YYYY', 'Jun 12 1998'],
      ['M/D/YY H:mm', '1/3/00 0:05'],
      ['YYYY-MM-DD HH:mm:ss', '2001-12-31 23:59:58'],
    ];
    for (const [f, s] of cases) {
      const c = datetimeCodec(f);
      expect(c.format_(c.parse(s))).toBe(s);
    }
    expect(Number.isNaN(datetimeCodec('YYYY-MM-DD').parse('2013-02-29'))).toBe(true);
    expect(detectDatetimeFormat(['2001-01-01', '2001-13-01'])).toBeNull();
    expect(detectDatetimeFormat(['Jan 1 2000', 'Dec 31 1999'])).toBe('MMM D YYYY');
  });
});

describe('discretizer', () => {
  it('keeps small integer ranges exact and adds a missing code', () => {
    const d = discretizer({
      name: 'x',
      kind: 'numeric',
      integer: true,
      nullable: true,
      domain: { min: 1, max: 4, source: 'public' },
    });
    expect(d.size).toBe(5);
    const codes = d.encode(t.column('x'));
    expect([...codes]).toEqual([0, 1, 4, 3]);
    const back = d.decode(codes, new Rng(0));
    expect(back.kind === 'numeric' && [...back.values]).toEqual([1, 2, NaN, 4]);
    expect(d.labels).toEqual(['1', '2', '3', '4', '(missing)']);
  });

  it('bins floats by equal width, clips, and decodes inside the bin', () => {
    const d = discretizer(
      { name: 'v', kind: 'numeric', integer: false, domain: { min: 0, max: 10, source: 'public' } },
      { bins: 5 },
    );
    const col = {
      kind: 'numeric' as const,
      name: 'v',
      values: Float64Array.of(-3, 0, 1.99, 2, 9.99, 10, 50),
      integer: false,
    };
    const codes = d.encode(col);
    expect([...codes]).toEqual([0, 0, 0, 1, 4, 4, 4]);
    const back = d.decode(codes, new Rng(3));
    if (back.kind !== 'numeric') throw new Error();
    codes.forEach((k, i) => {
      expect(back.values[i]).toBeGreaterThanOrEqual(2 * k);
      expect(back.values[i]).toBeLessThanOrEqual(2 * k + 2);
    });
  });

  it('maps categories by name and refuses missing values without a missing code', () => {
    const d = discretizer({
      name: 'c',
      kind: 'categorical',
      nullable: false,
      domain: { categories: ['b', 'a'], source: 'public' },
    });
    expect(() => d.encode(t.column('c'))).toThrow(/1 missing values/);
    const d2 = discretizer({
      name: 'c',
      kind: 'categorical',
      nullable: true,
      domain: { categories: ['b', 'a'], source: 'public' },
    });
    expect([...d2.encode(t.column('c'))]).toEqual([1, 0, 2, 1]);
  });
});
