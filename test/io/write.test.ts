import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { readRawColumns, readTable } from '../../src/io/read.js';
import { writeFileAtomic, writeTable } from '../../src/io/write.js';
import type { Column } from '../../src/table/column.js';
import { Table } from '../../src/table/table.js';
import { vals } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lookalike-io-write-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const DAY = 86_400_000;

/** A small table with every kind, missing values in each, and awkward text. */
function sample(): Table {
  const cols: Column[] = [
    { kind: 'numeric', name: 'age', values: new Float64Array([31, NaN, 45, 1e21, -7]), integer: true },
    { kind: 'numeric', name: 'score', values: new Float64Array([0.5, -1.25, NaN, 3, 1e-7]), integer: false },
    {
      kind: 'categorical',
      name: 'city',
      codes: new Int32Array([0, 1, -1, 2, 0]),
      categories: ['Paris', 'New York, NY', 'say "hi"'],
    },
    { kind: 'boolean', name: 'member', values: new Int8Array([1, 0, -1, 1, 0]) },
    {
      kind: 'datetime',
      name: 'joined',
      values: new Float64Array([Date.UTC(2001, 0, 2), NaN, Date.UTC(1999, 11, 31), Date.UTC(2020, 1, 29), 0]),
      format: 'M/D/YYYY',
    },
    {
      kind: 'datetime',
      name: 'seen',
      values: new Float64Array([
        Date.UTC(2001, 0, 2, 3, 4, 5),
        Date.UTC(2001, 0, 3),
        NaN,
        12 * DAY + 1000,
        5,
      ]),
      format: 'YYYY-MM-DD HH:mm:ss',
    },
    { kind: 'text', name: 'note', values: ['line1\nline2', null, ' padded ', 'plain', 'tab\there'] },
  ];
  return new Table(cols);
}

describe('CSV', () => {
  it('writes the exact expected text', async () => {
    const p = join(dir, 'exact.csv');
    await writeTable(sample(), p);
    expect(readFileSync(p, 'utf8')).toBe(
      'age,score,city,member,joined,seen,note\n' +
        '31,0.5,Paris,true,1/2/2001,2001-01-02 03:04:05,"line1\nline2"\n' +
        ',-1.25,"New York, NY",false,,2001-01-03 00:00:00,\n' +
        '45,,,,12/31/1999,," padded "\n' +
        '1000000000000000000000,3,"say ""hi""",true,2/29/2020,1970-01-13 00:00:01,plain\n' +
        '-7,1e-7,Paris,false,1/1/1970,1970-01-01 00:00:00,tab\there\n',
    );
  });

  it('round-trips through readTable: same values, kinds and datetime formats', async () => {
    const t = sample().drop(['age', 'score']); // numbers covered below (1e21 and 1e-7 are fine but not round-trip kinds)
    const p = join(dir, 'rt.csv');
    await writeTable(t, p);
    const { table, schema } = await readTable(p);
    expect(table.toRecords()).toEqual(t.toRecords());
    const spec = Object.fromEntries(schema.columns.map((c) => [c.name, c]));
    expect(spec.member.kind).toBe('boolean');
    expect(spec.joined).toMatchObject({ kind: 'datetime', format: 'M/D/YYYY' });
    expect(spec.seen).toMatchObject({ kind: 'datetime', format: 'YYYY-MM-DD HH:mm:ss' });
    const nums = new Table([
      { kind: 'numeric', name: 'i', values: new Float64Array([1, 2, NaN, 40]), integer: true },
      { kind: 'numeric', name: 'x', values: new Float64Array([0.1, 2.5, -3, NaN]), integer: false },
    ]);
    const q = join(dir, 'nums.csv');
    await writeTable(nums, q);
    expect(readFileSync(q, 'utf8')).toBe('i,x\n1,0.1\n2,2.5\n,-3\n40,\n');
    const back = await readTable(q);
    expect(back.table.toRecords()).toEqual(nums.toRecords());
    expect(back.table.column('i')).toMatchObject({ kind: 'numeric', integer: true });
  });

  it('writes TSV with tabs quoted', async () => {
    const p = join(dir, 'out.tsv');
    await writeTable(sample().select(['note']), p);
    expect(readFileSync(p, 'utf8')).toBe('note\n"line1\nline2"\n\n" padded "\nplain\n"tab\there"\n');
  });
});

describe('JSONL / JSON', () => {
  it('writes one object per line, missing = null, and round-trips', async () => {
    const p = join(dir, 'out.jsonl');
    const t = sample().select(['age', 'city', 'member', 'joined']);
    await writeTable(t, p);
    const lines = readFileSync(p, 'utf8').split('\n');
    expect(lines[0]).toBe('{"age":31,"city":"Paris","member":true,"joined":"1/2/2001"}');
    expect(lines[1]).toBe('{"age":null,"city":"New York, NY","member":false,"joined":null}');
    expect(lines[3]).toBe(
      '{"age":1000000000000000000000,"city":"say \\"hi\\"","member":true,"joined":"2/29/2020"}',
    );
    expect(lines).toHaveLength(6);
    const small = sample().select(['city', 'member', 'joined', 'note', 'score']);
    const q = join(dir, 'rt.jsonl');
    await writeTable(small, q);
    const { table, schema } = await readTable(q);
    expect(table.toRecords()).toEqual(small.toRecords());
    expect(schema.columns.map((c) => c.kind)).toEqual([
      'categorical',
      'boolean',
      'datetime',
      'categorical',
      'numeric',
    ]);
  });

  it('writes a JSON array that reads back', async () => {
    const p = join(dir, 'out.json');
    const t = sample().select(['score', 'note']);
    await writeTable(t, p);
    const parsed = JSON.parse(readFileSync(p, 'utf8'));
    expect(parsed).toHaveLength(5);
    expect(parsed[2]).toEqual({ score: null, note: ' padded ' });
    const raw = await readRawColumns(p);
    expect(vals(raw[0])).toEqual(new Float64Array([0.5, -1.25, NaN, 3, 1e-7]));
  });
});

describe('Parquet', () => {
  it('writes proper column types and round-trips values', async () => {
    const t = sample().drop(['age']); // 1e21 is beyond BIGINT: tested separately
    const p = join(dir, 'out.parquet');
    await writeTable(t, p);
    const raw = Object.fromEntries((await readRawColumns(p)).map((c) => [c.name, c]));
    expect(raw.score).toEqual({
      name: 'score',
      type: 'number',
      values: (t.column('score') as { values: Float64Array }).values,
    });
    expect(vals(raw.city)).toEqual(['Paris', 'New York, NY', null, 'say "hi"', 'Paris']);
    expect(raw.member).toEqual({ name: 'member', type: 'boolean', values: new Int8Array([1, 0, -1, 1, 0]) });
    expect(raw.joined).toMatchObject({ type: 'datetime', dateOnly: true });
    expect(vals(raw.joined)).toEqual((t.column('joined') as { values: Float64Array }).values);
    expect(raw.seen).toMatchObject({ type: 'datetime', dateOnly: false });
    expect(vals(raw.seen)).toEqual((t.column('seen') as { values: Float64Array }).values);
    expect(vals(raw.note)).toEqual(['line1\nline2', null, ' padded ', 'plain', 'tab\there']);
    const { table, schema } = await readTable(p);
    expect(table.toRecords().map((r) => r.city)).toEqual([
      'Paris',
      'New York, NY',
      null,
      'say "hi"',
      'Paris',
    ]);
    expect(schema.columns.find((c) => c.name === 'joined')?.kind).toBe('datetime');
  });

  it('integers become BIGINT, or DOUBLE when beyond 2^53', async () => {
    const t = new Table([
      { kind: 'numeric', name: 'small', values: new Float64Array([1, NaN, -3]), integer: true },
      { kind: 'numeric', name: 'huge', values: new Float64Array([1e21, 2, 3]), integer: true },
    ]);
    const p = join(dir, 'ints.parquet');
    await writeTable(t, p);
    const raw = await readRawColumns(p);
    expect(vals(raw[0])).toEqual(new Float64Array([1, NaN, -3]));
    expect(vals(raw[1])).toEqual(new Float64Array([1e21, 2, 3]));
    const { table } = await readTable(p);
    expect(table.column('small')).toMatchObject({ kind: 'numeric', integer: true });
  });
});

describe('determinism and atomicity', () => {
  it('the same table gives the same bytes in every format', async () => {
    for (const ext of ['csv', 'tsv', 'jsonl', 'json', 'parquet']) {
      const a = join(dir, `det-a.${ext}`);
      const b = join(dir, `det-b.${ext}`);
      await writeTable(sample(), a);
      await writeTable(sample(), b);
      expect(Buffer.compare(readFileSync(a), readFileSync(b)), ext).toBe(0);
    }
  });

  /** A table whose numeric column throws when row `at` is read, after earlier blocks were written. */
  function failingTable(n: number, at: number): Table {
    const base = new Float64Array(n).fill(1);
    const values = new Proxy(base, {
      get(target, prop, receiver) {
        if (prop === String(at)) throw new Error('disk on fire');
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : (v ?? Reflect.get(target, prop, receiver));
      },
    });
    return new Table([{ kind: 'numeric', name: 'x', values, integer: true }]);
  }

  it('a failure mid-write leaves no partial output and keeps an existing target', async () => {
    for (const ext of ['csv', 'jsonl', 'parquet']) {
      const sub = join(dir, `atomic-${ext}`);
      mkdirSync(sub);
      const target = join(sub, `out.${ext}`);
      await expect(writeTable(failingTable(20000, 15000), target)).rejects.toThrow('disk on fire');
      expect(readdirSync(sub), ext).toEqual([]);
      writeFileSync(target, 'old');
      await expect(writeTable(failingTable(20000, 15000), target)).rejects.toThrow('disk on fire');
      expect(readdirSync(sub), ext).toEqual([`out.${ext}`]);
      expect(readFileSync(target, 'utf8')).toBe('old');
    }
  });

  it('a target that cannot be replaced fails cleanly', async () => {
    const sub = join(dir, 'blocked');
    mkdirSync(join(sub, 'out.csv'), { recursive: true });
    const e = await writeTable(sample(), join(sub, 'out.csv')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as Error).message).toMatch(/^cannot write .*out\.csv: /);
    expect(readdirSync(sub)).toEqual(['out.csv']);
    const missingDir = join(dir, 'no', 'such', 'dir', 'x.csv');
    await expect(writeTable(sample(), missingDir)).rejects.toThrow(
      `cannot write ${missingDir}: its directory does not exist`,
    );
  });

  it('a table without columns is refused', async () => {
    const e = await writeTable(new Table([]), join(dir, 'empty.csv')).catch((x: unknown) => x);
    expect((e as LookalikeError).message).toMatch(/the table has no columns/);
  });

  it('unknown output extension is a usage error', async () => {
    const e = await writeTable(sample(), join(dir, 'x.xlsx')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).kind).toBe('usage');
  });

  it('writeFileAtomic writes strings and bytes, replacing the target', async () => {
    const p = join(dir, 'model.json');
    await writeFileAtomic(p, '{"a":1}');
    await writeFileAtomic(p, new Uint8Array([123, 125]));
    expect(readFileSync(p, 'utf8')).toBe('{}');
    expect(readdirSync(dir).filter((f) => f.includes('model.json'))).toEqual(['model.json']);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});

describe('non-finite numbers', () => {
  it('are written as missing in every format (a synthesizer overflow must not write "Infinity")', async () => {
    const t = new Table(
      [
        {
          kind: 'numeric',
          name: 'x',
          values: Float64Array.of(1.5, Infinity, -Infinity, NaN),
          integer: false,
        },
        { kind: 'numeric', name: 'i', values: Float64Array.of(1, Infinity, 2, 3), integer: true },
      ],
      4,
    );
    const dir = mkdtempSync(join(tmpdir(), 'lookalike-nonfinite-'));
    try {
      await writeTable(t, join(dir, 'x.csv'));
      expect(readFileSync(join(dir, 'x.csv'), 'utf8')).toBe('x,i\n1.5,1\n,\n,2\n,3\n');
      await writeTable(t, join(dir, 'x.parquet'));
      const back = await readRawColumns(join(dir, 'x.parquet'));
      expect(vals(back[0])).toEqual(Float64Array.of(1.5, NaN, NaN, NaN));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
