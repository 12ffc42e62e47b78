import { describe, expect, it } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import {
  checkRelational,
  descendants,
  findCycles,
  parseRelationalMetadata,
  relationalMetadataToJSON,
  topologicalOrder,
  validateRelational,
} from '../../src/relational/metadata.js';
import { tab } from './helpers.js';

const META = {
  format: 'lookalike-relational',
  version: 1,
  tables: {
    customers: { primaryKey: ['customer_id'] },
    orders: { primaryKey: 'order_id' },
    items: { primaryKey: ['order_id', 'line'] },
  },
  foreignKeys: [
    { child: 'orders', columns: ['customer_id'], parent: 'customers', parentColumns: ['customer_id'] },
    { child: 'items', columns: 'order_id', parent: 'orders', parentColumns: ['order_id'] },
  ],
};

describe('parseRelationalMetadata', () => {
  it('reads tables, single and composite keys, foreign keys; writes them back', () => {
    const m = parseRelationalMetadata(META);
    expect(m.tables.map((t) => [t.name, t.primaryKey])).toEqual([
      ['customers', ['customer_id']],
      ['orders', ['order_id']],
      ['items', ['order_id', 'line']],
    ]);
    expect(m.foreignKeys[1]).toEqual({
      child: 'items',
      columns: ['order_id'],
      parent: 'orders',
      parentColumns: ['order_id'],
    });
    expect(topologicalOrder(m)).toEqual(['customers', 'orders', 'items']);
    expect(descendants(m, 'customers')).toEqual(['orders', 'items']);
    expect(parseRelationalMetadata(relationalMetadataToJSON(m))).toEqual(m);
  });

  it('lists every problem of a broken file in one error', () => {
    const bad = {
      format: 'other',
      tables: {
        a: { primaryKey: ['id'], sequence: { entity: [], order: 3 }, extra: 1 },
        b: {},
      },
      foreignKeys: [
        { child: 'b', columns: ['a_id', 'x'], parent: 'a', parentColumns: ['id'] },
        { child: 'a', columns: ['b_id'], parent: 'b', parentColumns: ['id'] },
        { child: 'c', columns: ['id'], parent: 'a', parentColumns: ['id'] },
      ],
      person: { table: 'a', maxChildren: { b: 0, c: 2 }, minChildren: { b: -1, c: 3 } },
    };
    let err: LookalikeError | undefined;
    try {
      parseRelationalMetadata(bad);
    } catch (e) {
      err = e as LookalikeError;
    }
    expect(err).toBeInstanceOf(LookalikeError);
    const text = err!.problems.join('\n');
    expect(text).toMatch(/"format" must be/);
    expect(text).toMatch(/unknown field "extra"/);
    expect(text).toMatch(/sequence.entity must be a non-empty list/);
    expect(text).toMatch(/sequence.order must be a column name/);
    expect(text).toMatch(/2 columns point to 1 parent columns/);
    expect(text).toMatch(/table "b" has no primary key to point to/);
    expect(text).toMatch(/no table "c"/);
    expect(text).toMatch(/person.maxChildren.b must be a whole number/);
    expect(text).toMatch(/person.minChildren.b must be a whole number ≥ 0/);
    expect(text).toMatch(/person.minChildren.c \(3\) exceeds person.maxChildren.c \(2\)/);
    expect(err!.problems.length).toBeGreaterThanOrEqual(8);
  });

  it('finds cycles, self-references included', () => {
    const m = {
      format: 'lookalike-relational' as const,
      version: 1 as const,
      tables: [
        { name: 'a', primaryKey: ['id'] },
        { name: 'b', primaryKey: ['id'] },
        { name: 'c', primaryKey: ['id'] },
      ],
      foreignKeys: [
        { child: 'a', columns: ['b'], parent: 'b', parentColumns: ['id'] },
        { child: 'b', columns: ['a'], parent: 'a', parentColumns: ['id'] },
        { child: 'c', columns: ['boss'], parent: 'c', parentColumns: ['id'] },
      ],
    };
    const cycles = findCycles(m).map((c) => c.join(' → '));
    expect(cycles).toHaveLength(2);
    expect(cycles).toContain('c → c');
    expect(cycles.some((c) => c.includes('a') && c.includes('b'))).toBe(true);
    expect(() =>
      parseRelationalMetadata({
        tables: { a: { primaryKey: ['id'] } },
        foreignKeys: [{ child: 'a', columns: ['up'], parent: 'a', parentColumns: ['id'] }],
      }),
    ).toThrow(/cycle: a → a/);
  });
});

describe('checkRelational', () => {
  const meta = parseRelationalMetadata(META);
  const customers = tab([
    { customer_id: 1, name: 'SECRET-ANNA' },
    { customer_id: 2, name: 'b' },
    { customer_id: 2, name: 'c' },
    { customer_id: null, name: 'd' },
  ]);
  const orders = tab([
    { order_id: 10, customer_id: 1 },
    { order_id: 11, customer_id: 77777 },
    { order_id: 12, customer_id: 88888 },
    { order_id: 13, customer_id: null },
  ]);
  const items = tab([
    { order_id: 10, line: 1 },
    { order_id: 10, line: 1 },
    { order_id: 10, line: null },
    { order_id: 99, line: 1 },
  ]);

  it('reports duplicate and missing keys and orphans with counts, never values, all at once', () => {
    const { problems, warnings } = checkRelational(meta, { customers, orders, items });
    expect(problems).toEqual([
      'table "customers": 1 of 4 rows have a missing primary key "customer_id"',
      'table "customers": 1 of 4 rows repeat the primary key "customer_id" of an earlier row',
      'table "items": 1 of 4 rows have a partly missing primary key (order_id, line)',
      'table "items": 1 of 4 rows repeat the primary key (order_id, line) of an earlier row',
      'foreign key orders(customer_id) → customers: 2 of 4 rows point to no row of "customers" (orphans)',
      'foreign key items(order_id) → orders: 1 of 4 rows point to no row of "orders" (orphans)',
    ]);
    expect(warnings).toEqual([
      'foreign key orders(customer_id) → customers: 1 of 4 rows have no parent (the key is missing)',
    ]);
    const all = [...problems, ...warnings].join('\n');
    for (const secret of ['SECRET', '77777', '88888', '99']) expect(all).not.toContain(secret);
    expect(() => validateRelational(meta, { customers, orders, items })).toThrow(LookalikeError);
  });

  it('names tables and columns that do not exist', () => {
    const { problems } = checkRelational(meta, {
      customers,
      orders: tab([{ id: 1 }, { id: 2 }]),
      extra: customers,
    });
    expect(problems).toContain(
      'table "extra" is in the data but not in the metadata (add it, with its keys, or remove it)',
    );
    expect(problems).toContain('table "items" is in the metadata but not in the data');
    expect(problems).toContain(
      'table "orders": primaryKey names a column "order_id" that the table does not have',
    );
  });

  it('checks sequences: order kind, missing order values, context that varies within an entity', () => {
    const m = parseRelationalMetadata({
      tables: {
        visits: {
          primaryKey: ['pid', 'day'],
          sequence: { entity: 'pid', order: 'day', context: ['sex', 'label'] },
        },
      },
    });
    const visits = tab([
      { pid: 1, day: 0, sex: 'f', label: 'x' },
      { pid: 1, day: 5, sex: 'm', label: 'x' },
      { pid: 2, day: null, sex: 'm', label: 'y' },
      { pid: 2, day: 3, sex: 'm', label: 'y' },
    ]);
    const { problems } = checkRelational(m, { visits });
    expect(problems).toContain('table "visits": sequence.order "day" is missing in 1 rows');
    expect(problems).toContain(
      'table "visits": context column "sex" varies within 1 of 2 entities (a context column must be constant within each entity)',
    );
    expect(problems.some((p) => p.includes('"label"'))).toBe(false);
  });
});
