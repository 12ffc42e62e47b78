import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { readSql, readSqlTable } from '../../src/io/sql.js';
import { writeFileAtomic } from '../../src/io/write.js';
import { vals } from './helpers.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lookalike-io-sql-'));
  db = join(dir, 'people.duckdb');
  const inst = await DuckDBInstance.create(db);
  const con = await inst.connect();
  await con.run(`CREATE TABLE people AS SELECT * FROM (VALUES
    (1, 'ann', DATE '2001-01-02', true, 3.5), (2, 'bob', NULL, false, NULL), (3, 'ann', DATE '2001-01-04', NULL, 1.0)
  ) t(id, name, born, member, score)`);
  con.closeSync();
  inst.closeSync();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function message(p: Promise<unknown>): Promise<LookalikeError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(LookalikeError);
  return e as LookalikeError;
}

describe('readSql', () => {
  it('runs a query on a DuckDB database file, keeping types', async () => {
    const cols = await readSql(db, 'SELECT id, name, born, member, score FROM people ORDER BY id;');
    expect(cols).toEqual([
      { name: 'id', type: 'number', values: new Float64Array([1, 2, 3]) },
      { name: 'name', type: 'string', values: ['ann', 'bob', 'ann'] },
      {
        name: 'born',
        type: 'datetime',
        dateOnly: true,
        values: new Float64Array([Date.UTC(2001, 0, 2), NaN, Date.UTC(2001, 0, 4)]),
      },
      { name: 'member', type: 'boolean', values: new Int8Array([1, 0, -1]) },
      { name: 'score', type: 'number', values: new Float64Array([3.5, NaN, 1]) },
    ]);
    const { table } = await readSqlTable(db, 'SELECT id, score FROM people ORDER BY id');
    expect(table.nRows).toBe(3);
  });

  it('runs a query over files with :memory:', async () => {
    const csv = join(dir, 'x.csv');
    await writeFileAtomic(csv, 'a,b\n1,x\n2,y\n');
    const cols = await readSql(':memory:', `SELECT a * 10 AS a10, b FROM read_csv(${"'" + csv + "'"})`);
    expect(vals(cols[0])).toEqual(new Float64Array([10, 20]));
  });

  it('reports SQL errors without quoted content, empty results, and unsupported sources', async () => {
    const e = await message(readSql(db, 'SELECT * FROM nowhere'));
    expect(e.message).toMatch(new RegExp(`^cannot read the SQL query on ${db}: Catalog Error`));
    const conv = await message(readSql(db, 'SELECT CAST(name AS INTEGER) FROM people'));
    expect(conv.message).not.toMatch(/\bann\b|\bbob\b/);
    expect(conv.message).toContain('Could not convert string … to INT32');
    expect((await message(readSql(db, 'SELECT * FROM people WHERE id > 99'))).message).toBe(
      `cannot read the SQL query on ${db}: it returned no rows`,
    );
    expect((await message(readSql('sqlite:x.db', 'SELECT 1'))).kind).toBe('usage');
    expect((await message(readSql(join(dir, 'missing.duckdb'), 'SELECT 1'))).message).toMatch(
      /^file not found/,
    );
    expect((await message(readSql(db, '  '))).kind).toBe('usage');
    const nested = await message(readSql(':memory:', 'SELECT 1 AS a, [1, 2] AS l'));
    expect(nested.problems).toEqual([expect.stringMatching(/column "l" holds nested values/)]);
  });
});
