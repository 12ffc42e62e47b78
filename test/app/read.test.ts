/**
 * The app's readers (app/read.ts) in Node: a Parquet file written by lookalike (DuckDB, Snappy) read by hyparquet
 * gives the table the CLI's reader gives; CSV and JSON go through the core readers; what is not a table is refused
 * with the file's name and the problem.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBytes } from '../../app/read.js';
import { readTable } from '../../src/io/read.js';
import { writeTable } from '../../src/io/write.js';
import { buildTable } from '../../src/table/infer.js';
import { tableText } from '../../src/table/text.js';

const dir = mkdtempSync(join(tmpdir(), 'lookalike-app-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DATA = resolve('node_modules/vega-datasets/data');

async function viaApp(name: string, bytes: Uint8Array) {
  const warnings: string[] = [];
  const { columns, format } = await readBytes(name, bytes, warnings);
  return { ...buildTable(columns, { source: name }), format };
}

describe('the app readers', () => {
  it('a Parquet file (DuckDB, Snappy): the same table as the CLI reads', async () => {
    for (const file of ['penguins.json', 'seattle-weather.csv']) {
      const { table } = await readTable(join(DATA, file));
      const pq = join(dir, `${file}.parquet`);
      await writeTable(table, pq);
      const ours = await viaApp('t.parquet', new Uint8Array(readFileSync(pq)));
      const cli = await readTable(pq);
      expect(ours.format).toBe('parquet');
      expect(ours.schema).toEqual(cli.schema);
      expect(tableText(ours.table, 'csv')).toBe(tableText(cli.table, 'csv'));
    }
  });

  it('CSV and JSON: the same table as the CLI reads', async () => {
    for (const file of ['seattle-weather.csv', 'cars.json']) {
      const ours = await viaApp(file, new Uint8Array(readFileSync(join(DATA, file))));
      const cli = await readTable(join(DATA, file));
      expect(ours.schema, file).toEqual(cli.schema);
      expect(tableText(ours.table, 'csv'), file).toBe(tableText(cli.table, 'csv'));
    }
  });

  it('refuses what is not a table, naming the file and the problem', async () => {
    const bad: [string, string, RegExp][] = [
      ['a.xlsx', 'PK\u0003\u0004', /cannot read a\.xlsx: it is not a table this app reads/],
      ['b.csv', 'x\u0000y', /cannot read b\.csv: it is not a table \(binary content\)/],
      ['c.json', '{"a": 1}', /JSON data must be an array of records/],
      ['d.json', '[1, 2]', /record 1 is not an object/],
      ['e.json', '[{"a": {"b": 1}}]', /column "a" holds nested values/],
      ['f.jsonl', '{"a": 1}\n{oops', /cannot read f\.jsonl: line 2 is not valid JSON/],
      ['g.parquet', 'PAR1 not really', /cannot read g\.parquet: it is not a readable Parquet file/],
      ['h.csv', '', /the file is empty/],
    ];
    for (const [name, text, re] of bad) {
      const e = await readBytes(name, new TextEncoder().encode(text), []).catch((x: unknown) => x);
      expect((e as Error).message, name).toMatch(re);
    }
  });
});
