import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LookalikeError } from '../../../src/errors.js';
import { encodingOf } from '../../../src/synthesizers/marginal/index.js';
import {
  SQL_DIALECTS,
  checkQuery,
  codesQuery,
  checkVerdict,
  countQuery,
  fillCounts,
  sqlName,
} from '../../../src/synthesizers/marginal/sql.js';
import type { ColumnSpec } from '../../../src/table/schema.js';

/**
 * The SQL of count pushdown for every dialect, checked against golden files (test/synthesizers/marginal/golden/).
 * DuckDB's and PostgreSQL's are also run against real engines (test/io/count-*.test.ts); BigQuery's, Snowflake's,
 * Spark SQL's and Trino's are checked here only. To rewrite the files after a deliberate change:
 * `UPDATE_GOLDEN=1 npx vitest run test/synthesizers/marginal/sql.test.ts`, then review the diff.
 */
const GOLDEN = join(import.meta.dirname, 'golden');

const specs: ColumnSpec[] = [
  {
    name: 'city',
    kind: 'categorical',
    nullable: true,
    domain: { categories: ["it's", 'back\\slash', 'Zürich'], source: 'public' },
  },
  { name: 'income', kind: 'numeric', integer: false, domain: { min: 0, max: 0.3, source: 'public' } },
  { name: 'age', kind: 'numeric', integer: true, domain: { min: 17, max: 20, source: 'public' } },
  {
    name: 'score',
    kind: 'numeric',
    integer: false,
    nullable: true,
    domain: { min: 0, max: 2, values: [0, 0.5, 2], source: 'public' },
  },
  { name: 'flag`"x', kind: 'boolean', nullable: true },
  {
    name: 'seen',
    kind: 'datetime',
    format: 'YYYY-MM-DD',
    domain: { min: '2020-01-01', max: '2020-01-05', source: 'public' },
  },
];
const encoding = encodingOf(specs, { bins: 3 });
const sets = [[0], [1, 2], [0, 3, 5], [4]];

describe('count SQL per dialect (issue 15)', () => {
  test.each(SQL_DIALECTS.map((d) => [d]))('%s: count and check queries match the golden file', (dialect) => {
    const from = sqlName('warehouse.people', dialect, true);
    const check = checkQuery(encoding, from, dialect);
    const text =
      `-- count query: marginals ${JSON.stringify(sets)}\n${countQuery(encoding, sets, from, dialect)};\n\n` +
      `-- check query: ${check.items.map((i) => `${i.column} ${i.what}`).join('; ')}\n${check.sql};\n\n` +
      `-- codes query\n${codesQuery(encoding, from, dialect)};\n`;
    const file = join(GOLDEN, `${dialect}.sql`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });

  test('string literals and identifiers are escaped for each dialect', () => {
    expect(sqlName('a"b', 'postgres')).toBe('"a""b"');
    expect(sqlName('a`b', 'bigquery')).toBe('`a``b`');
    const q = (d: (typeof SQL_DIALECTS)[number]) => countQuery(encoding, [[0]], 't', d);
    expect(q('postgres')).toContain(`WHEN 'it''s' THEN 0 WHEN 'back\\slash' THEN 1`);
    expect(q('bigquery')).toContain(`WHEN 'it\\'s' THEN 0 WHEN 'back\\\\slash' THEN 1`);
    expect(q('spark')).toContain(`WHEN 'it\\'s' THEN 0 WHEN 'back\\\\slash' THEN 1`);
    expect(q('snowflake')).toContain(`WHEN 'it''s' THEN 0 WHEN 'back\\\\slash' THEN 1`);
  });

  test('fillCounts: non-zero cells into zero-filled tables, shards added; a cell outside is an error', () => {
    const sizes = [2, 3];
    const t = fillCounts(sizes, [[0], [0, 1]], [0, 1, 1, 0], [1, 5, 0, 1], [4, 2, 3, 6]);
    expect(Array.from(t[0])).toEqual([0, 10]);
    expect(Array.from(t[1])).toEqual([3, 0, 0, 0, 0, 2]);
    expect(() => fillCounts(sizes, [[0]], [0], [-1], [1])).toThrow(LookalikeError);
    expect(() => fillCounts(sizes, [[0]], [0], [2], [1])).toThrow(/outside the encoding/);
  });

  test('checkVerdict: counts and column names only', () => {
    const items = [
      { column: 'a', what: 'missing' as const },
      { column: 'b', what: 'unknown category' as const },
      { column: 'c', what: 'outside bounds' as const },
    ];
    expect(checkVerdict('t', items, [1, 0, 0, 0]).problems).toEqual(['t has 1 rows; at least 2 are needed']);
    const v = checkVerdict('t', items, [10, 1, 2, 3]);
    expect(v.problems).toHaveLength(2);
    expect(v.notes).toEqual([
      'column "c": 3 values outside the declared bounds, counted in the first or last bin',
    ]);
  });
});
