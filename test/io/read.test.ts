import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  tableFromIPC,
  tableToIPC,
  Table as ArrowTable,
  vectorFromArray,
  Int64,
  DateDay,
  Utf8,
  Bool,
  Dictionary,
  Int32,
} from 'apache-arrow';
import { LookalikeError } from '../../src/errors.js';
import { withDuck, sqlString } from '../../src/io/duck.js';
import { formatFromPath, readRawColumns, readTable } from '../../src/io/read.js';
import type { RawColumn } from '../../src/table/raw.js';
import { isText, vals, withTuning } from './helpers.js';

const DATA = 'node_modules/vega-datasets/data/';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lookalike-io-read-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fixture(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

function byName(cols: RawColumn[]): Record<string, RawColumn> {
  return Object.fromEntries(cols.map((c) => [c.name, c]));
}

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<LookalikeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LookalikeError);
    return e as LookalikeError;
  }
  throw new Error('expected a LookalikeError');
}

describe('formats by extension', () => {
  it('maps extensions, looking through .gz', () => {
    expect(formatFromPath('a/b.CSV')).toBe('csv');
    expect(formatFromPath('x.txt')).toBe('csv');
    expect(formatFromPath('x.tsv')).toBe('tsv');
    expect(formatFromPath('x.csv.gz')).toBe('csv');
    expect(formatFromPath('x.parquet')).toBe('parquet');
    expect(formatFromPath('x.parquet.gz')).toBeUndefined();
    expect(formatFromPath('x.json')).toBe('json');
    expect(formatFromPath('x.ndjson')).toBe('jsonl');
    expect(formatFromPath('x.feather')).toBe('arrow');
    expect(formatFromPath('x.xlsx')).toBeUndefined();
    expect(formatFromPath('noext')).toBeUndefined();
  });
});

describe('CSV / TSV', () => {
  it('reads every column as text, empty field = missing, quotes and embedded delimiters/newlines kept', async () => {
    const p = fixture(
      'basic.csv',
      'id,name,when,score\n1,"Smith, J",2001-01-02,1.50\n2,"say ""hi""\nthere",,NaN\n3,,2001-01-04,\n',
    );
    const cols = await readRawColumns(p);
    expect(cols.map((c) => [c.name, c.type])).toEqual([
      ['id', 'string'],
      ['name', 'string'],
      ['when', 'string'],
      ['score', 'string'],
    ]);
    const c = byName(cols);
    expect(vals(c.id)).toEqual(['1', '2', '3']);
    expect(vals(c.name)).toEqual(['Smith, J', 'say "hi"\nthere', null]);
    expect(vals(c.when)).toEqual(['2001-01-02', null, '2001-01-04']);
    expect(vals(c.score)).toEqual(['1.50', 'NaN', null]);
  });

  it('sniffs the delimiter, and honours delimiter/quote/header overrides', async () => {
    const semi = fixture('semi.csv', 'a;b\n1;x,y\n2;z\n');
    expect((await readRawColumns(semi)).map((c) => vals(c))).toEqual([
      ['1', '2'],
      ['x,y', 'z'],
    ]);
    const pipe = fixture('pipe.txt', "a|b\n1|'p|q'\n");
    const cols = await readRawColumns(pipe, { delimiter: '|', quote: "'" });
    expect(cols.map((c) => vals(c))).toEqual([['1'], ['p|q']]);
    const nohead = fixture('nohead.csv', 'a,b\nc,d\n');
    const nh = await readRawColumns(nohead, { header: false });
    expect(nh.map((c) => c.name)).toEqual(['column0', 'column1']);
    expect(vals(nh[0])).toEqual(['a', 'c']);
  });

  it('keeps literal quotes when the sniffer finds no quoting', async () => {
    const p = fixture('literal.tsv', 'item\tsize\n"Big" Mac\t5" wide\ncd\t12 cm\n');
    const cols = await readRawColumns(p);
    expect(cols.map((c) => vals(c))).toEqual([
      ['"Big" Mac', 'cd'],
      ['5" wide', '12 cm'],
    ]);
  });

  it('reads TSV by extension, CRLF line ends and a BOM', async () => {
    const p = fixture('t.tsv', '\uFEFFx\ty\r\n1\ta b\r\n2\tc\r\n');
    const cols = await readRawColumns(p);
    expect(cols.map((c) => c.name)).toEqual(['x', 'y']);
    expect(vals(cols[1])).toEqual(['a b', 'c']);
  });

  it('low-cardinality text (read through a dictionary) keeps values, nulls and order', async () => {
    const p = fixture('lowcard.csv', 'k,v\nb,1\na,2\n,3\nb,4\nb,5\na,6\n"",7\nb,8\n');
    const cols = await withTuning({ stageMinBytes: 0, dictionaryMinRows: 1 }, () => readRawColumns(p));
    expect(vals(cols[0])).toEqual(['b', 'a', null, 'b', 'b', 'a', null, 'b']);
    expect(vals(cols[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const c0 = cols[0];
    if (c0.type !== 'dictionary') throw new Error('expected a dictionary column');
    expect([...c0.dictionary].sort()).toEqual(['a', 'b']);
    expect(Array.from(c0.codes).filter((k) => k < 0)).toHaveLength(2);
    expect(cols[1].type).toBe('string'); // all distinct: plain text
  });

  it('reads gzip-compressed CSV and JSONL', async () => {
    const p = fixture('z.csv.gz', gzipSync('a,b\n1,x\n2,y\n'));
    expect((await readRawColumns(p)).map((c) => vals(c))).toEqual([
      ['1', '2'],
      ['x', 'y'],
    ]);
    const j = fixture('z.jsonl.gz', gzipSync('{"a":1}\n{"a":2}\n'));
    expect(vals((await readRawColumns(j))[0])).toEqual(new Float64Array([1, 2]));
    const bad = fixture('bad.csv.gz', 'not gzip at all');
    expect((await failure(readRawColumns(bad))).message).toBe(
      `cannot read ${bad}: it is not a readable gzip file`,
    );
  });

  it('reads a single-column file and header names with quotes and apostrophes', async () => {
    const one = fixture('single.csv', 'only\nx y\nz\n');
    expect(await readRawColumns(one)).toEqual([{ name: 'only', type: 'string', values: ['x y', 'z'] }]);
    const q = fixture('names.csv', `"it's","say ""hi""","a,b"\n1,2,3\n`);
    expect((await readRawColumns(q)).map((c) => c.name)).toEqual(["it's", 'say "hi"', 'a,b']);
  });

  it('keeps the row order of a file read in parallel chunks', async () => {
    const lines = ['i,k'];
    for (let i = 0; i < 100000; i++) lines.push(`${i},${'abcde'[i % 5]}`);
    const p = fixture('order.csv', lines.join('\n') + '\n');
    for (const staged of [false, true]) {
      const [i, k] = await withTuning({ stageMinBytes: staged ? 0 : 2 ** 30 }, () => readRawColumns(p));
      const iv = vals(i) as string[];
      expect(iv.length).toBe(100000);
      expect(iv.every((s, r) => s === String(r))).toBe(true);
      // 100,000 rows: text with few distinct values comes as a dictionary when the file was staged
      expect(k.type).toBe(staged ? 'dictionary' : 'string');
      expect((vals(k) as string[]).every((s, r) => s === 'abcde'[r % 5])).toBe(true);
    }
  });

  it('a numeric header (years) is data to the sniffer: a warning says so, and metadata naming the columns fixes it', async () => {
    const p = fixture('years.csv', '2019,2020,2021\n1,2,3\n4,5,6\n');
    const warnings: string[] = [];
    const cols = await readRawColumns(p, { onWarning: (m) => warnings.push(m) });
    expect(cols.map((c) => c.name)).toEqual(['column0', 'column1', 'column2']);
    expect(warnings).toEqual([
      'the first line looks like data, not a header, so the columns are named column0, column1, …; if it is a header, name the columns in a metadata file (or pass header: true)',
    ]);
    const metadata = {
      version: 1,
      columns: ['2021', '2019', '2020'].map((name) => ({ name, kind: 'numeric' })),
    };
    const { table, warnings: w2 } = await readTable(p, { metadata });
    expect(table.names).toEqual(['2019', '2020', '2021']);
    expect(table.nRows).toBe(2);
    expect(w2).toEqual([]);
  });

  it('a lone carriage return inside a quoted header does not turn the file into one long line', async () => {
    const p = fixture('cr.csv', '"a\rb",c\n0,x\n1,y\n');
    const cols = await readRawColumns(p);
    expect(cols.map((c) => c.name)).toEqual(['a\rb', 'c']);
    expect(vals(cols[1])).toEqual(['x', 'y']);
  });

  it('renames empty and duplicate header names, with warnings', async () => {
    const warnings: string[] = [];
    const p = fixture('dup.csv', 'a,a,\n1,2,3\n');
    const cols = await readRawColumns(p, { onWarning: (m) => warnings.push(m) });
    expect(cols.map((c) => c.name)).toEqual(['a', 'a_1', 'column2']);
    expect(warnings).toHaveLength(2);
  });

  it('reads vega-datasets birdstrikes.csv and seattle-weather.csv as text columns', async () => {
    const birds = await readRawColumns(DATA + 'birdstrikes.csv');
    expect(birds).toHaveLength(14);
    expect(birds.every((c) => isText(c) && vals(c).length === 10000)).toBe(true);
    expect(vals(byName(birds)['Flight Date'])[0]).toBe('1990-01-08');
    const sea = await readRawColumns(DATA + 'seattle-weather.csv');
    expect(sea.map((c) => c.name)).toEqual([
      'date',
      'precipitation',
      'temp_max',
      'temp_min',
      'wind',
      'weather',
    ]);
    expect(vals(sea[0]).length).toBe(1461);
    expect(vals(sea[1])[0]).toBe('0.0'); // the textual form is kept
  });

  it('readTable infers kinds on seattle-weather.csv (datetime format kept)', async () => {
    const { table, schema } = await readTable(DATA + 'seattle-weather.csv');
    expect(table.nRows).toBe(1461);
    const kinds = Object.fromEntries(schema.columns.map((c) => [c.name, c.kind]));
    expect(kinds).toMatchObject({ date: 'datetime', precipitation: 'numeric', weather: 'categorical' });
    expect(schema.columns.find((c) => c.name === 'date')?.format).toBe('YYYY-MM-DD');
  });
});

describe('JSON / JSONL', () => {
  it('keeps JSON types: numbers, booleans, nulls; date-like strings stay strings', async () => {
    const p = fixture(
      'r.json',
      JSON.stringify([
        { n: 1, f: 2.5, b: true, s: 'x', d: '2001-01-02', t: '2001-01-02T03:04:05' },
        { n: null, f: null, b: null, s: null, d: null, t: null },
        { n: 3, f: -1, b: false, s: 'y', d: '2001-01-03', t: '2001-01-03T00:00:00' },
      ]),
    );
    const c = byName(await readRawColumns(p));
    expect(c.n).toEqual({ name: 'n', type: 'number', values: new Float64Array([1, NaN, 3]) });
    expect(vals(c.f)).toEqual(new Float64Array([2.5, NaN, -1]));
    expect(c.b).toEqual({ name: 'b', type: 'boolean', values: new Int8Array([1, -1, 0]) });
    expect(vals(c.s)).toEqual(['x', null, 'y']);
    expect(c.d).toEqual({ name: 'd', type: 'string', values: ['2001-01-02', null, '2001-01-03'] });
    expect(vals(c.t)).toEqual(['2001-01-02T03:04:05', null, '2001-01-03T00:00:00']);
  });

  it('reads JSONL, a column mixing numbers and text as text, and missing keys as null', async () => {
    const p = fixture('m.jsonl', '{"a":1,"m":"x"}\n{"a":2,"m":7}\n{"m":{"k":1}}\n');
    const c = byName(await readRawColumns(p));
    expect(vals(c.a)).toEqual(new Float64Array([1, 2, NaN]));
    expect(c.m).toEqual({ name: 'm', type: 'string', values: ['x', '7', '{"k":1}'] });
  });

  it('reads penguins.json with its nulls', async () => {
    const c = byName(await readRawColumns(DATA + 'penguins.json'));
    expect(Object.keys(c)).toEqual([
      'Species',
      'Island',
      'Beak Length (mm)',
      'Beak Depth (mm)',
      'Flipper Length (mm)',
      'Body Mass (g)',
      'Sex',
    ]);
    expect(isText(c.Species)).toBe(true);
    expect(c['Beak Length (mm)'].type).toBe('number');
    expect(c['Body Mass (g)'].type).toBe('number');
    const nanCount = (vals(c['Beak Length (mm)']) as Float64Array).filter((v) => Number.isNaN(v)).length;
    expect(nanCount).toBe(2);
    expect((vals(c.Sex) as (string | null)[]).filter((v) => v === null).length).toBe(10);
    const { schema } = await readTable(DATA + 'penguins.json');
    const kinds = Object.fromEntries(schema.columns.map((s) => [s.name, [s.kind, s.integer ?? false]]));
    expect(kinds['Species']).toEqual(['categorical', false]);
    expect(kinds['Flipper Length (mm)']).toEqual(['numeric', true]);
    expect(kinds['Beak Depth (mm)']).toEqual(['numeric', false]);
  });

  it('reads movies.json: mixed-type titles as text, dates as text, numbers with nulls', async () => {
    const c = byName(await readRawColumns(DATA + 'movies.json'));
    expect(isText(c.Title)).toBe(true);
    expect(vals(c.Title).length).toBe(3201);
    expect(isText(c['Release Date'])).toBe(true);
    expect(vals(c['Release Date'])[0]).toBe('Jun 12 1998');
    expect(c['US DVD Sales'].type).toBe('number');
    expect(Number.isNaN((vals(c['US DVD Sales']) as Float64Array)[0])).toBe(true);
    expect(vals(c['IMDB Rating'])[0]).toBe(6.1);
  });

  it('refuses nested values, naming each column', async () => {
    const p = fixture('nested.json', '[{"a":1,"s":{"x":1},"l":[1,2]}]');
    const e = await failure(readRawColumns(p));
    expect(e.message).toContain(p);
    expect(e.problems).toHaveLength(2);
    expect(e.problems.join('\n')).toMatch(/column "s" holds nested values \(STRUCT\)/);
    expect(e.problems.join('\n')).toMatch(/column "l" holds nested values/);
  });
});

describe('Parquet', () => {
  it('keeps types: integers, decimals, big integers (with a warning), booleans, dates, timestamps, enums', async () => {
    const p = join(dir, 'typed.parquet');
    await withDuck(async (con) => {
      await con.run(`COPY (
        SELECT * FROM (VALUES
          (1::INTEGER, 1.25::DECIMAL(9,2), 9007199254740993::BIGINT, true, DATE '2001-01-02',
           TIMESTAMP '2001-01-02 03:04:05.678', 'a', 'x'::ENUM ('x','y')),
          (NULL, NULL, 5::BIGINT, NULL, NULL, NULL, NULL, NULL)
        ) t(i, dec, big, b, d, ts, s, e)) TO ${sqlString(p)} (FORMAT parquet)`);
    });
    const warnings: string[] = [];
    const c = byName(await readRawColumns(p, { onWarning: (m) => warnings.push(m) }));
    expect(vals(c.i)).toEqual(new Float64Array([1, NaN]));
    expect(vals(c.dec)).toEqual(new Float64Array([1.25, NaN]));
    expect(vals(c.big)).toEqual(new Float64Array([9007199254740992, 5]));
    expect(warnings).toEqual([expect.stringMatching(/column "big": 1 value\(s\) reach 2\^53/)]);
    expect(c.b).toEqual({ name: 'b', type: 'boolean', values: new Int8Array([1, -1]) });
    expect(c.d).toEqual({
      name: 'd',
      type: 'datetime',
      dateOnly: true,
      values: new Float64Array([Date.UTC(2001, 0, 2), NaN]),
    });
    expect(c.ts).toEqual({
      name: 'ts',
      type: 'datetime',
      dateOnly: false,
      values: new Float64Array([Date.UTC(2001, 0, 2, 3, 4, 5, 678), NaN]),
    });
    expect(vals(c.s)).toEqual(['a', null]);
    expect(vals(c.e)).toEqual(['x', null]);
  });

  it('reads infinite doubles as missing, with a warning', async () => {
    const p = join(dir, 'inf.parquet');
    await withDuck(async (con) => {
      await con.run(
        `COPY (SELECT * FROM (VALUES (1.5::DOUBLE), ('inf'::DOUBLE), ('-inf'::DOUBLE), ('nan'::DOUBLE)) t(x)) TO ${sqlString(p)} (FORMAT parquet)`,
      );
    });
    const warnings: string[] = [];
    const [x] = await readRawColumns(p, { onWarning: (m) => warnings.push(m) });
    expect(vals(x)).toEqual(new Float64Array([1.5, NaN, NaN, NaN]));
    expect(warnings).toEqual(['column "x": 2 infinite value(s) read as missing']);
  });

  it('refuses list columns and unreadable files', async () => {
    const p = join(dir, 'list.parquet');
    await withDuck(async (con) => {
      await con.run(`COPY (SELECT 1 AS a, [1, 2] AS l) TO ${sqlString(p)} (FORMAT parquet)`);
    });
    const e = await failure(readRawColumns(p));
    expect(e.problems).toEqual([expect.stringMatching(/column "l" holds nested values \(INTEGER\[\]\)/)]);
    const bad = fixture('bad.parquet', 'this is not parquet');
    const e2 = await failure(readRawColumns(bad));
    expect(e2.message).toBe(`cannot read ${bad}: is not a readable Parquet file (no Parquet magic bytes)`);
  });
});

describe('Arrow IPC', () => {
  it('reads flights-200k.arrow', async () => {
    const cols = await readRawColumns(DATA + 'flights-200k.arrow');
    expect(cols.map((c) => [c.name, c.type, vals(c).length])).toEqual([
      ['delay', 'number', 200000],
      ['distance', 'number', 200000],
      ['time', 'number', 200000],
    ]);
    expect(vals(cols[1])[0]).toBe(1452);
  });

  it('converts Int64, DateDay, Utf8 and Bool with nulls', async () => {
    const t = new ArrowTable({
      i: vectorFromArray([1n, null], new Int64()),
      d: vectorFromArray([new Date(Date.UTC(2001, 0, 2)), null], new DateDay()),
      s: vectorFromArray(['a', null], new Utf8()),
      b: vectorFromArray([false, null], new Bool()),
    });
    const p = fixture('t.arrow', tableToIPC(t, 'file'));
    expect(tableFromIPC(tableToIPC(t, 'file')).numRows).toBe(2);
    const c = byName(await readRawColumns(p));
    expect(vals(c.i)).toEqual(new Float64Array([1, NaN]));
    expect(c.d).toEqual({
      name: 'd',
      type: 'datetime',
      dateOnly: true,
      values: new Float64Array([Date.UTC(2001, 0, 2), NaN]),
    });
    expect(vals(c.s)).toEqual(['a', null]);
    expect(vals(c.b)).toEqual(new Int8Array([0, -1]));
  });

  it('reads dictionary-encoded text as a dictionary column', async () => {
    const t = new ArrowTable({
      k: vectorFromArray(['x', 'y', 'x', null, 'z'], new Dictionary(new Utf8(), new Int32())),
    });
    const p = fixture('dict.arrow', tableToIPC(t, 'stream'));
    const [k] = await readRawColumns(p);
    expect(k.type).toBe('dictionary');
    expect(vals(k)).toEqual(['x', 'y', 'x', null, 'z']);
  });

  it('refuses a file that is not Arrow', async () => {
    const p = fixture('bad.arrow', 'definitely not arrow at all');
    const e = await failure(readRawColumns(p));
    expect(e.message).toBe(`cannot read ${p}: it is not a readable Arrow IPC file`);
  });
});

describe('bad input at file level', () => {
  const SECRET = 'SECRET_CELL_7731';

  it('missing file, directory, empty file, unknown extension', async () => {
    const missing = join(dir, 'nope.csv');
    expect((await failure(readRawColumns(missing))).message).toBe(`file not found: ${missing}`);
    const sub = join(dir, 'adir.csv');
    mkdirSync(sub);
    expect((await failure(readRawColumns(sub))).message).toBe(
      `cannot read ${sub}: it is a directory, not a file`,
    );
    const empty = fixture('empty.csv', '');
    expect((await failure(readRawColumns(empty))).message).toBe(
      `cannot read ${empty}: the file is empty (0 bytes)`,
    );
    const weird = fixture('data.xlsx', 'x');
    const e = await failure(readRawColumns(weird));
    expect(e.kind).toBe('usage');
    expect(e.message).toContain('cannot tell the format');
  });

  it('header only, and JSON with no records', async () => {
    const h = fixture('header.csv', 'a,b,c\n');
    expect((await failure(readRawColumns(h))).message).toBe(
      `cannot read ${h}: it has a header but no data rows`,
    );
    const blank = fixture('blank.csv', '\n \n\n');
    expect((await failure(readRawColumns(blank))).message).toBe(
      `cannot read ${blank}: it holds only blank lines`,
    );
    const j = fixture('none.json', '[]');
    expect((await failure(readRawColumns(j))).message).toBe(`cannot read ${j}: it has no records`);
  });

  it('ragged rows name the line and never the row', async () => {
    const few = fixture('few.csv', `a,b,c\n1,2,3\n${SECRET},5\n6,7,8\n`);
    const e = await failure(readRawColumns(few));
    expect(e.message).toBe(`cannot read ${few}: line 3 has 2 fields, expected 3 (ragged row)`);
    const many = fixture('many.csv', `a,b,c\n1,2,3\n4,5,6\n7,8,9,${SECRET}\n`);
    const e2 = await failure(readRawColumns(many));
    expect(e2.message).toBe(`cannot read ${many}: line 4 has 4 fields, expected 3 (ragged row)`);
    expect(e2.message).not.toContain(SECRET);
  });

  it('an unclosed quote names its line', async () => {
    const p = fixture('quote.csv', `a,b\n1,2\n"${SECRET},3\n4,5\n`);
    const e = await failure(readRawColumns(p));
    expect(e.message).toBe(`cannot read ${p}: line 3 has a quoted value that is never closed`);
  });

  it('invalid UTF-8 names the line, in the header block or further down', async () => {
    const head = new Uint8Array([...Buffer.from('a,b\n1,x\n2,'), 0xff, 0xfe, ...Buffer.from('\n')]);
    const p = fixture('badutf.csv', head);
    expect((await failure(readRawColumns(p))).message).toBe(`cannot read ${p}: line 3 is not valid UTF-8`);
    // beyond the first MiB, DuckDB finds it
    const lines = ['a,b'];
    for (let i = 0; i < 60000; i++) lines.push(`${i},abcdefghijklmnop`);
    const body = Buffer.from(lines.join('\n') + '\n');
    const far = fixture('badutf-far.csv', Buffer.concat([body, Buffer.from([0x31, 0x2c, 0xc3, 0x28, 0x0a])]));
    expect((await failure(readRawColumns(far))).message).toBe(
      `cannot read ${far}: line 60002 is not valid UTF-8`,
    );
  });

  it('malformed JSON names the line; JSON with invalid UTF-8 names the record', async () => {
    const p = fixture('bad.jsonl', `{"a":1}\n{"a":"${SECRET}"\n`);
    const e = await failure(readRawColumns(p));
    expect(e.message).toMatch(new RegExp(`^cannot read ${p}: line \\d+ is not valid JSON: `));
    expect(e.message).not.toContain(SECRET);
    const u = fixture(
      'badutf.json',
      new Uint8Array([...Buffer.from('[{"a":"x'), 0xff, ...Buffer.from('"}]')]),
    );
    expect((await failure(readRawColumns(u))).message).toMatch(
      /^cannot read .*badutf\.json: (record \d+ )?is not valid UTF-8$/,
    );
  });
});
