import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { readJsonFile } from '../../src/io/json.js';
import { MAX_COLUMNS, MAX_JSON_DEPTH, MAX_JSON_FILE_BYTES, memoryProblem } from '../../src/io/limits.js';
import { readRawColumns, readTable } from '../../src/io/read.js';
import { writeTable } from '../../src/io/write.js';
import { tableFromRecords } from '../../src/table/infer.js';
import { vals, withTuning } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lookalike-io-limits-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fixture(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function failure(p: Promise<unknown>): Promise<LookalikeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LookalikeError) return e;
    throw e;
  }
  throw new Error('expected a LookalikeError');
}

function wideCsv(rows: number, cols: number, header = true): string {
  const lines: string[] = [];
  if (header) lines.push(Array.from({ length: cols }, (_, j) => `c${j}`).join(','));
  for (let i = 0; i < rows; i++)
    lines.push(Array.from({ length: cols }, (_, j) => String((i * 7 + j) % 10)).join(','));
  return lines.join('\n') + '\n';
}

describe('wide tables', () => {
  it('reads 50 rows × 5,000 columns with the header and every value', async () => {
    const p = fixture('wide.csv', wideCsv(50, 5000));
    const { table, schema } = await readTable(p);
    expect(table.nColumns).toBe(5000);
    expect(table.nRows).toBe(50);
    expect(schema.columns[4999].name).toBe('c4999');
    expect(table.cell('c4999', 49)).toBe((49 * 7 + 4999) % 10);
  });

  it('a wide file keeps its delimiter (semicolon), a user delimiter, and a header-less numeric first line', async () => {
    const semi = fixture('wide-semi.csv', wideCsv(3, 300).replace(/,/g, ';'));
    expect((await readRawColumns(semi)).length).toBe(300);
    expect((await readRawColumns(semi, { delimiter: ';', header: false })).map((c) => vals(c)[0])[0]).toBe(
      'c0',
    );
    const noHeader = fixture('wide-nohead.csv', wideCsv(3, 300, false));
    const cols = await readRawColumns(noHeader);
    expect(cols[0].name).toBe('column0');
    expect(vals(cols[0])).toEqual(['0', '7', '4']);
  });

  it('a JSONL record with 300 keys is 300 columns (DuckDB alone would fold it into one MAP column)', async () => {
    const rec = (i: number) => `{${Array.from({ length: 300 }, (_, k) => `"k${k}":${i + k}`).join(',')}}`;
    const p = fixture('wide.jsonl', `${rec(0)}\n${rec(1)}\n`);
    const cols = await readRawColumns(p);
    expect(cols.length).toBe(300);
    expect(vals(cols[299])).toEqual(new Float64Array([299, 300]));
  });

  it(`refuses more than ${MAX_COLUMNS.toLocaleString('en-US')} columns, naming the limit`, async () => {
    const p = fixture('too-wide.csv', wideCsv(2, MAX_COLUMNS + 1));
    const e = await failure(readRawColumns(p));
    expect(e.message).toContain(`it has ${(MAX_COLUMNS + 1).toLocaleString('en-US')} columns`);
    expect(e.message).toContain(`at most ${MAX_COLUMNS.toLocaleString('en-US')}`);
    const j = fixture(
      'too-wide.jsonl',
      `{${Array.from({ length: MAX_COLUMNS + 1 }, (_, k) => `"k${k}":1`).join(',')}}\n`,
    );
    expect((await failure(readRawColumns(j))).message).toContain(
      `at most ${MAX_COLUMNS.toLocaleString('en-US')}`,
    );
  });
});

describe('JSON nesting', () => {
  const deep = (n: number) => `{"a":${'['.repeat(n)}${']'.repeat(n)}}\n`;

  it('a data file nested 100,000 levels deep is an error naming the limit, not a crash', async () => {
    for (const [name, content] of [
      ['deep.json', `[${deep(100_000).trim()}]`],
      ['deep.jsonl', `{"a":1}\n${deep(100_000)}`],
      ['deep.jsonl.gz', gzipSync(deep(100_000))],
    ] as const) {
      const p = fixture(name, content);
      const e = await failure(readRawColumns(p));
      expect(e.kind).toBe('input');
      expect(e.message).toMatch(
        new RegExp(`line \\d nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`),
      );
    }
  });

  it('brackets inside strings do not count; nesting within the limit is a nested-column error with a short type', async () => {
    const p = fixture('strings.jsonl', `{"a":"[[[[[[","b":1}\n{"a":"]]","b":2}\n`);
    expect(vals((await readRawColumns(p))[0])).toEqual(['[[[[[[', ']]']);
    const q = fixture('nested.jsonl', deep(60));
    const e = await failure(readRawColumns(q));
    expect(e.message).toContain('column "a" holds nested values (JSON[][]…); flatten it first');
    expect(e.message.length).toBeLessThan(200);
  });
});

describe('memory', () => {
  it('a table bigger than the memory budget is refused before it is read, saying how to proceed', async () => {
    const p = join(dir, 'mem.parquet');
    const records = Array.from({ length: 5000 }, (_, i) => ({ x: i, y: i * 0.5, s: `v${i}` }));
    await writeTable(tableFromRecords(records).table, p);
    const saved = process.env.LOOKALIKE_MEMORY_LIMIT;
    process.env.LOOKALIKE_MEMORY_LIMIT = '100KB';
    try {
      const e = await failure(readRawColumns(p));
      expect(e.message).toContain('it has 5,000 rows × 3 columns');
      expect(e.message).toContain('LOOKALIKE_MEMORY_LIMIT allows 1 MB');
      // a staged CSV is checked the same way
      const csv = fixture('mem.csv', 'x,y\n' + records.map((r) => `${r.x},${r.y}`).join('\n') + '\n');
      const e2 = await withTuning({ stageMinBytes: 0 }, () => failure(readRawColumns(csv)));
      expect(e2.message).toContain('it has 5,000 rows × 2 columns');
    } finally {
      if (saved === undefined) delete process.env.LOOKALIKE_MEMORY_LIMIT;
      else process.env.LOOKALIKE_MEMORY_LIMIT = saved;
    }
    expect((await readRawColumns(p)).length).toBe(3);
  });

  it('estimates typed columns off-heap and strings against the heap limit', () => {
    expect(memoryProblem(1000, ['number', 'string'])).toBeNull();
    expect(memoryProblem(1e12, ['number'])).toMatch(/needs about \d+(\.\d)? GB of memory/);
    expect(memoryProblem(3e8, ['string'])).toMatch(/heap|memory/);
  });
});

describe('JSON side files', () => {
  it(`a metadata/model/policy file over ${MAX_JSON_FILE_BYTES / 2 ** 20} MB is refused by size, not read`, async () => {
    const p = join(dir, 'huge.json');
    const fd = openSync(p, 'w');
    ftruncateSync(fd, MAX_JSON_FILE_BYTES + 1); // sparse: no disk space, no time
    closeSync(fd);
    const e = await failure(readJsonFile(p, 'model file'));
    expect(e.message).toBe(
      `model file ${p} is ${Math.ceil((MAX_JSON_FILE_BYTES + 1) / 2 ** 20)} MB; lookalike reads model files of at most ${MAX_JSON_FILE_BYTES / 2 ** 20} MB`,
    );
  });
});

describe('inputs that are not files', () => {
  it('a directory without an extension is an input error (not a usage error about its extension)', async () => {
    const e = await failure(readRawColumns(dir));
    expect(e.kind).toBe('input');
    expect(e.message).toBe(`cannot read ${dir}: it is a directory, not a file`);
  });
});
