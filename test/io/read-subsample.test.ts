/**
 * A subsample taken while reading (`ReadOptions.subsample`, issue 15): the reader keeps exactly the rows the picker
 * names, from CSV, Parquet and JSONL through DuckDB (counted, then streamed over several chunks) and from a small
 * JSON file read whole; and `evaluate` of a table read so equals `evaluate` of the whole table with the same
 * seed and `maxRows` (the same rows are read), which is what `lookalike evaluate --max-rows` relies on.
 * Deterministic: fixed seeds, no randomness left.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { sqlString, withDuck } from '../../src/io/duck.js';
import { readTableLike } from '../../src/io/documents.js';
import { readRawColumns, readTable } from '../../src/io/read.js';
import { evaluate } from '../../src/metrics/index.js';
import { subsampleIndices, subsamplePicker } from '../../src/metrics/subsample.js';
import { Rng } from '../../src/random/rng.js';
import type { RawColumn } from '../../src/table/raw.js';
import { tableText } from '../../src/table/text.js';
import { vals, withTuning } from './helpers.js';
import { cli } from '../cli/helpers.js';
import type { Evaluation } from '../../src/metrics/index.js';

const PENGUINS = 'node_modules/vega-datasets/data/penguins.json';
let dir: string;
let csv: string;
let parquet: string;
let jsonl: string;
let synthCsv: string;
let synthParquet: string;
/** Rows in the files: 10 copies of penguins (3,440 rows: more than one DuckDB chunk of 2,048). */
let nRows: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lookalike-read-subsample-'));
  const { table } = await readTable(PENGUINS);
  const text = tableText(table, 'csv');
  const [header, ...body] = text.trimEnd().split('\n');
  const lines = Array.from({ length: 10 }, () => body).flat();
  nRows = lines.length;
  // the raw-reader files carry each row's position in a column `copy`, so a row out of place shows
  csv = join(dir, 'big.csv');
  writeFileSync(csv, `${header},copy\n${lines.map((l, i) => `${l},${i}`).join('\n')}\n`);
  parquet = join(dir, 'big.parquet');
  jsonl = join(dir, 'big.jsonl');
  // the synthetic tables of the evaluations: the real table's columns only
  synthCsv = join(dir, 'synthetic.csv');
  writeFileSync(synthCsv, `${header}\n${lines.join('\n')}\n`);
  synthParquet = join(dir, 'synthetic.parquet');
  await withDuck(async (c) => {
    const from = `read_csv(${sqlString(csv)})`;
    await c.run(`COPY (SELECT * FROM ${from}) TO ${sqlString(parquet)} (FORMAT parquet)`);
    await c.run(`COPY (SELECT * FROM ${from}) TO ${sqlString(jsonl)} (FORMAT json)`);
    await c.run(
      `COPY (SELECT * FROM read_csv(${sqlString(synthCsv)})) TO ${sqlString(synthParquet)} (FORMAT parquet)`,
    );
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rows at `keep` of each column's values. */
function rowsAt(cols: RawColumn[], keep: Int32Array): unknown[][] {
  return cols.map((c) => {
    const v = vals(c);
    return Array.from(keep, (i) => v[i]);
  });
}
const all = (cols: RawColumn[]): unknown[][] => cols.map((c) => Array.from(vals(c) as ArrayLike<unknown>));

describe('a subsample taken while reading', () => {
  it('keeps exactly the rows picked, in file order, from CSV, Parquet, JSONL and a small JSON file', async () => {
    const keep = subsampleIndices(nRows, 300, new Rng(11));
    const pick = (n: number) => (expect(n).toBe(nRows), keep);
    for (const path of [csv, parquet, jsonl]) {
      const whole = await readRawColumns(path);
      const cut = await readRawColumns(path, { subsample: pick });
      expect(cut.map((c) => c.name)).toEqual(whole.map((c) => c.name));
      expect(all(cut)).toEqual(rowsAt(whole, keep));
      // the copy column: the positions themselves
      expect(Array.from(vals(cut.find((c) => c.name === 'copy')!) as ArrayLike<unknown>, Number)).toEqual(
        Array.from(keep),
      );
    }
    // the JSONL file through DuckDB (plain-record path off) and through the plain path (read whole, then cut)
    await withTuning({ plainJsonMaxBytes: 0 }, async () => {
      const whole = await readRawColumns(jsonl);
      expect(all(await readRawColumns(jsonl, { subsample: pick }))).toEqual(rowsAt(whole, keep));
    });
    await withTuning({ plainJsonMaxBytes: 64 * 2 ** 20 }, async () => {
      const whole = await readRawColumns(jsonl);
      expect(all(await readRawColumns(jsonl, { subsample: pick }))).toEqual(rowsAt(whole, keep));
    });
  });

  it('reads every row when the picker keeps them all (a table within maxRows)', async () => {
    const whole = await readRawColumns(csv);
    const p = subsamplePicker(nRows, 0, 'synthetic');
    expect(all(await readRawColumns(csv, { subsample: p.pick }))).toEqual(all(whole));
    expect(p.info()).toBeUndefined();
  });

  it('evaluate of a table cut while read equals evaluate of the whole table (same seed, same maxRows)', async () => {
    const real = await readTable(PENGUINS);
    const opts = {
      schema: real.schema,
      seed: 3,
      maxRows: 200,
      metrics: ['columns' as const, 'pairs' as const],
    };
    const warn = () => {};
    // the whole tables read as a large file is (staged, text through dictionaries), the cut ones as plain text
    for (const path of [synthCsv, synthParquet]) {
      const whole = await withTuning({ stageMinBytes: 0, dictionaryMinRows: 1 }, () =>
        readTableLike(path, real.schema, warn),
      );
      const a = await evaluate(real.table, whole, opts);
      const p = subsamplePicker(200, 3, 'synthetic');
      const cut = await readTableLike(path, real.schema, warn, p.pick);
      expect(cut.nRows).toBe(200);
      expect(p.info()).toEqual({ rows: 200, of: nRows });
      const b = await evaluate(real.table, cut, { ...opts, subsampled: { synthetic: p.info()! } });
      expect(b.inputs).toEqual(a.inputs);
      expect(b.inputs.subsample).toEqual({
        maxRows: 200,
        seed: 3,
        real: { rows: 200, of: 344 },
        synthetic: { rows: 200, of: nRows },
      });
      expect(b.warnings).toEqual(a.warnings);
      expect(b.metrics).toEqual(a.metrics);
      expect(b.aggregates).toEqual(a.aggregates);
    }
  });

  it('lookalike evaluate --max-rows reads the synthetic file as that subsample (without the attacks)', async () => {
    const r = await cli(
      'evaluate',
      PENGUINS,
      synthParquet,
      '--max-rows',
      '200',
      '--seed',
      '3',
      '--json',
      '--quiet',
    );
    expect(r.code).toBe(0);
    const ev = JSON.parse(r.stdout) as Evaluation;
    expect(ev.inputs.subsample?.synthetic).toEqual({ rows: 200, of: nRows });
    expect(ev.inputs.synthetic.rows).toBe(nRows);
    // the same evaluation as the library's on the whole table
    const real = await readTable(PENGUINS);
    const whole = await readTableLike(synthParquet, real.schema, () => {});
    const lib = await evaluate(real.table, whole, { schema: real.schema, seed: 3, maxRows: 200 });
    expect(ev.aggregates).toEqual(JSON.parse(JSON.stringify(lib.aggregates)));
  });
});
