import { describe, expect, it } from 'vitest';
import { buildTable, inferSchema, tableFromRecords } from '../../src/table/infer.js';
import { parseMetadata, schemaToMetadata } from '../../src/table/metadata.js';
import type { RawColumn } from '../../src/table/raw.js';
import { LookalikeError } from '../../src/errors.js';

const str = (name: string, values: (string | null)[]): RawColumn => ({ name, type: 'string', values });

function problemsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof LookalikeError) return [...e.problems, e.message];
    throw e;
  }
  throw new Error('expected a LookalikeError');
}

describe('buildTable: inference from text', () => {
  it('finds numeric, integer, boolean, datetime, categorical, id and text columns', () => {
    const n = 120;
    const r = buildTable([
      str(
        'int',
        Array.from({ length: n }, (_, i) => String(i % 7)),
      ),
      str(
        'float',
        Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : `${i}.5`)),
      ),
      str(
        'flag',
        Array.from({ length: n }, (_, i) => (i % 2 ? 'true' : 'FALSE')),
      ),
      str(
        'day',
        Array.from({ length: n }, (_, i) => `2020-01-${String((i % 28) + 1).padStart(2, '0')}`),
      ),
      str(
        'when',
        Array.from({ length: n }, (_, i) => `Jun ${(i % 28) + 1} 1998`),
      ),
      str(
        'cat',
        Array.from({ length: n }, (_, i) => ['a', 'b', 'c'][i % 3]),
      ),
      str(
        'key',
        Array.from({ length: n }, (_, i) => `k${i}`),
      ),
      str(
        'note',
        Array.from({ length: n }, (_, i) => `free text number ${i}`),
      ),
    ]);
    const kinds = Object.fromEntries(r.schema.columns.map((c) => [c.name, c.kind]));
    expect(kinds).toEqual({
      int: 'numeric',
      float: 'numeric',
      flag: 'boolean',
      day: 'datetime',
      when: 'datetime',
      cat: 'categorical',
      key: 'id',
      note: 'text',
    });
    const int = r.table.column('int');
    expect(int.kind === 'numeric' && int.integer).toBe(true);
    const fl = r.table.column('float');
    expect(fl.kind === 'numeric' && !fl.integer && Number.isNaN(fl.values[0])).toBe(true);
    expect(r.schema.columns.find((c) => c.name === 'when')!.format).toBe('MMM D YYYY');
    expect(r.table.cell('when', 3)).toBe('Jun 4 1998');
    expect(r.schema.columns.find((c) => c.name === 'float')!.nullable).toBe(true);
    expect(r.schema.columns.find((c) => c.name === 'int')!.domain).toEqual({
      min: 0,
      max: 6,
      source: 'inferred',
    });
    expect(r.schema.columns.find((c) => c.name === 'cat')!.domain).toEqual({
      categories: ['a', 'b', 'c'],
      source: 'inferred',
    });
    expect(r.schema.columns.find((c) => c.name === 'key')!.role).toBe('id');
  });

  it('orders numeric-looking categories numerically', () => {
    const r = buildTable([str('c', ['10', '2', 'x', '2', '10', 'x'])]);
    expect(r.schema.columns[0].domain).toEqual({ categories: ['10', '2', 'x'], source: 'inferred' });
    const r2 = buildTable([str('c', ['10', '2', '2', '10'])], {
      metadata: { columns: [{ name: 'c', kind: 'categorical' }] },
    });
    expect(r2.schema.columns[0].domain).toEqual({ categories: ['2', '10'], source: 'inferred' });
  });

  it('reports every problem at once, naming columns and never values', () => {
    const secret = 'SECRET-VALUE';
    const nums = (extra: string) => [...Array.from({ length: 30 }, (_, i) => String(i)), extra];
    const ps = problemsOf(() =>
      buildTable([
        str('a', nums('NaN')),
        str('b', nums('Infinity')),
        str('c', nums(secret)),
        str(
          'd',
          Array.from({ length: 31 }, () => null),
        ),
      ]),
    );
    const text = ps.join('\n');
    expect(text).toMatch(/column "a" has 1 "NaN"/);
    expect(text).toMatch(/column "b" has 1 "Infinity"/);
    expect(text).toMatch(/column "c" mixes numbers \(30 rows\) and text \(1 rows, first at data row 31\)/);
    expect(text).toMatch(/column "d" is missing in all 31 rows/);
    expect(text).not.toContain(secret);
  });

  it('rejects header-only and single-row tables', () => {
    expect(() => buildTable([str('a', [])], { source: 'x.csv' })).toThrow(
      /x.csv has a header but no data rows/,
    );
    expect(() => buildTable([str('a', ['1'])], { source: 'x.csv' })).toThrow(/only 1 data row/);
  });

  it('treats a 100,000-value column as an id, not a category', () => {
    const r = buildTable([
      str(
        'u',
        Array.from({ length: 100_000 }, (_, i) => `user${i}`),
      ),
    ]);
    expect(r.schema.columns[0].kind).toBe('id');
  });
});

describe('buildTable with metadata', () => {
  it('applies kinds, missing tokens, roles and public domains', () => {
    const r = buildTable([str('age', ['30', '?', '41']), str('zip', ['01234', '99999', '01234'])], {
      metadata: {
        missingValues: ['?'],
        columns: [
          { name: 'age', role: 'quasi-identifier', domain: { min: 0, max: 120 } },
          { name: 'zip', kind: 'categorical' },
        ],
      },
    });
    const age = r.schema.columns[0];
    expect(age).toMatchObject({
      kind: 'numeric',
      integer: true,
      role: 'quasi-identifier',
      nullable: true,
      domain: { min: 0, max: 120, source: 'public' },
    });
    expect(r.table.cell('zip', 0)).toBe('01234');
  });

  it('reports metadata that contradicts the data, all at once', () => {
    const ps = problemsOf(() =>
      buildTable([str('a', ['x', 'y', 'z']), str('b', ['1.5', '2', '3']), str('c', ['p', 'q', 'p'])], {
        metadata: {
          columns: [
            { name: 'a', kind: 'numeric' },
            { name: 'b', integer: true },
            { name: 'c', kind: 'categorical', domain: { categories: ['p'] } },
            { name: 'nope', kind: 'numeric' },
          ],
        },
      }),
    );
    expect(ps.join('\n')).toMatch(/column "nope" that the table does not have/);
    const ps2 = problemsOf(() =>
      buildTable([str('a', ['x', 'y', 'z']), str('b', ['1.5', '2', '3']), str('c', ['p', 'q', 'p'])], {
        metadata: {
          columns: [
            { name: 'a', kind: 'numeric' },
            { name: 'b', integer: true },
            { name: 'c', kind: 'categorical', domain: { categories: ['p'] } },
          ],
        },
      }),
    ).join('\n');
    expect(ps2).toMatch(/column "a" is numeric \(declared or inferred\) but 3 values are not numbers/);
    expect(ps2).toMatch(/column "b" is declared integer but has fractional values/);
    expect(ps2).toMatch(/column "c": 1 values \(1 distinct\) are not in its declared categories/);
  });

  it('warns about numbers outside a declared domain', () => {
    const r = buildTable([str('a', ['1', '5', '500'])], {
      metadata: { columns: [{ name: 'a', domain: { min: 0, max: 100 } }] },
    });
    expect(r.warnings.join()).toMatch(/1 values lie outside the declared domain \[0, 100\]/);
  });
});

describe('metadata validation', () => {
  it('collects every problem with names', () => {
    const ps = problemsOf(() =>
      parseMetadata({
        version: 2,
        extra: 1,
        columns: [
          { name: 'a', kind: 'number' },
          { name: 'b', kind: 'numeric', domain: { min: 5, max: 1 } },
          { name: 'c', kind: 'categorical', domain: { categories: [] } },
          { name: 'd', role: 'secret' },
          { name: 'a' },
          { kind: 'numeric' },
          { name: 'e', kind: 'numeric', domain: { min: 0, max: 10, bins: [0, 5, 4, 10] } },
        ],
      }),
    ).join('\n');
    for (const re of [
      /version must be 1/,
      /unknown field "extra"/,
      /"a": kind must be one of/,
      /"b".domain.min \(5\) is greater than .max \(1\)/,
      /"c".domain.categories must be a non-empty/,
      /"d": role must be one of/,
      /column "a" is listed twice/,
      /columns\[5\].name/,
      /bins must be strictly increasing/,
    ]) {
      expect(ps).toMatch(re);
    }
  });

  it('round-trips a schema through a metadata file, optionally marking domains public', () => {
    const { table, schema } = tableFromRecords([
      { a: 1, b: 'x' },
      { a: 3, b: 'y' },
    ]);
    const meta = schemaToMetadata(schema, true) as { columns: { domain: { source: string } }[] };
    expect(meta.columns.every((c) => c.domain.source === 'public')).toBe(true);
    const again = buildTable(
      [{ name: 'a', type: 'number', values: Float64Array.of(1, 3) }, str('b', ['x', 'y'])],
      { metadata: meta },
    );
    expect(again.schema.columns[0].domain).toEqual({ min: 1, max: 3, source: 'public' });
    expect(inferSchema(table).columns[1].domain).toEqual({ categories: ['x', 'y'], source: 'inferred' });
  });
});

describe('silent data loss, made loud', () => {
  const mixedDates = Array.from({ length: 120 }, (_, i) => {
    const y = 1990 + (i % 30);
    const m = 1 + (i % 12);
    const d = 1 + (i % 28);
    return i % 3 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${m}/${d}/${y}`;
  });

  it('datetimes in mixed formats: a warning naming the formats and the fix, and metadata that reads them all', () => {
    const r = buildTable([str('when', mixedDates)]);
    expect(r.schema.columns[0].kind).toBe('id');
    expect(r.warnings).toEqual([
      'column "when" holds datetimes in 2 formats (YYYY-MM-DD in 80 rows, M/D/YYYY in 40 rows), so it was read as id, ' +
        'which synthesizers replace by fresh identifiers; declare "kind": "datetime" for it in a metadata file ' +
        '(--metadata) to read every value as a datetime (written as YYYY-MM-DD)',
    ]);
    const m = buildTable([str('when', mixedDates)], {
      metadata: { version: 1, columns: [{ name: 'when', kind: 'datetime' }] },
    });
    const c = m.table.column('when');
    expect(c.kind === 'datetime' && c.format).toBe('YYYY-MM-DD');
    expect(m.table.cell('when', 0)).toBe('1990-01-01'); // read as M/D/YYYY, written in the main format
    expect(m.table.cell('when', 1)).toBe('1991-02-02');
    expect(m.warnings[0]).toMatch(
      /^column "when": read datetimes in 2 formats \(YYYY-MM-DD in 80 rows, M\/D\/YYYY in 40 rows\)/,
    );
    // free text with a few dates in it is not a datetime column
    const notes = [...mixedDates.slice(0, 60), ...Array.from({ length: 60 }, (_, i) => `note ${i} ok`)];
    expect(buildTable([str('n', notes)]).warnings).toEqual([]);
  });

  it('one huge value (1e308) keeps the decimals of the others; finer-than-10-decimal values warn', () => {
    const r = buildTable([str('x', ['1.5', '2.25', '1e308', '3.5', '-0.125'])]);
    expect(r.schema.columns[0].decimals).toBe(3);
    expect(r.warnings).toEqual([]);
    const tiny = buildTable([str('y', ['1.5e-7', '2.5', '3'])]);
    expect(tiny.schema.columns[0].decimals).toBe(8);
    const fine = buildTable([str('z', ['0.123456789012', '1.5'])]);
    expect(fine.schema.columns[0].decimals).toBeUndefined();
    expect(fine.warnings).toEqual([
      'column "z" has values with more than 10 decimal places, so synthetic values are not rounded (up to 17 ' +
        'significant digits); declare "decimals": N for it in a metadata file to round them',
    ]);
    const declared = buildTable([str('z', ['0.123456789012', '1.5'])], {
      metadata: { version: 1, columns: [{ name: 'z', kind: 'numeric', decimals: 2 }] },
    });
    expect(declared.schema.columns[0].decimals).toBe(2);
    expect(declared.warnings).toEqual([]);
  });
});
