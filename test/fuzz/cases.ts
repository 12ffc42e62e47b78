/**
 * The bad- and unusual-input catalogue of the fuzz suite (issue 17): each case is one kind of input, the files that
 * make it, which kind of file it is (so the suite knows which commands read it) and what a user must see. Every
 * case plants the token SECRET in cells, so the suite can check that no message echoes a cell value.
 */
import { gzipSync } from 'node:zlib';

/** A token planted in cells; it must never appear in a message. */
export const SECRET = 'S3CR3T';

export type InputRole = 'table' | 'metadata' | 'model' | 'policy' | 'evaluation';

export interface Expect {
  /** Exit code: 0 ok, 1 bad input, 2 usage. */
  readonly code: 0 | 1 | 2;
  /** What stderr must say: the problem, named (for code 0: a warning that must be printed, when given). */
  readonly message?: RegExp;
}

export interface FuzzCase {
  /** The input kind, e.g. "CSV: ragged row". */
  readonly name: string;
  readonly role: InputRole;
  /** File name → content. The first file is the input under test. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** Files made from valid fixtures (a fitted model, an evaluation), or written by DuckDB (Parquet). */
  readonly make?: (fx: Fixtures) => Promise<Record<string, string | Uint8Array>>;
  readonly expect: Expect;
  /** Per-command exceptions (command name → expectation), e.g. a table that inspects but cannot be fitted. */
  readonly byCommand?: Readonly<Record<string, Expect>>;
  /** Only these commands (a slow input whose reading path the others share). */
  readonly only?: readonly string[];
  /**
   * A valid input whose values stress what comes after reading (odd names, extreme numbers): also run and
   * evaluate it. Other valid inputs are only inspected and fitted, which reads them the same way.
   */
  readonly downstream?: boolean;
}

/** Valid files the cases start from. */
export interface Fixtures {
  /** A model file fitted on `goodCsv()` (parsed JSON). */
  readonly model: Record<string, unknown>;
  /** A DP model file (mst, ε = 1) fitted on `goodCsv()` with public domains. */
  readonly dpModel: Record<string, unknown>;
  /** Writes a Parquet file with DuckDB from a SELECT, returning its bytes. */
  readonly parquet: (select: string) => Promise<Uint8Array>;
  /** Arrow IPC bytes of a table without columns. */
  readonly emptyArrow: Uint8Array;
}

const enc = (s: string) => new TextEncoder().encode(s);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A small, valid table: `n` rows of an integer, a category, a float and a text column holding the secret. */
export function goodCsv(n = 40, sep = ','): string {
  const lines = [['age', 'group', 'score', 'note'].join(sep)];
  for (let i = 0; i < n; i++)
    lines.push([20 + (i % 30), 'abc'[i % 3], (i * 0.37).toFixed(2), `${SECRET}-${i}`].join(sep));
  return lines.join('\n') + '\n';
}

function rows(header: string, n: number, row: (i: number) => string): string {
  return [header, ...Array.from({ length: n }, (_, i) => row(i))].join('\n') + '\n';
}

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** Latin-1 bytes (é = 0xE9) in an otherwise ASCII file: invalid UTF-8. */
function latin1(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff);
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
}

function wide(nCols: number, nRows: number): string {
  const lines = [Array.from({ length: nCols }, (_, j) => `c${j}`).join(',')];
  for (let i = 0; i < nRows; i++)
    lines.push(Array.from({ length: nCols }, (_, j) => String((i * 31 + j * 7) % 10)).join(','));
  return lines.join('\n') + '\n';
}

const ok: Expect = { code: 0 };
const bad = (message: RegExp): Expect => ({ code: 1, message });

/** Table inputs. */
export const TABLE_CASES: FuzzCase[] = [
  // --- CSV structure
  {
    name: 'CSV: ragged row',
    role: 'table',
    files: { 'in.csv': `a,b,c\n1,2,3\n4,${SECRET}\n7,8,9\n` },
    expect: bad(/line 3 has 2 fields, expected 3 \(ragged row\)/),
  },
  {
    name: 'CSV: row with an extra field',
    role: 'table',
    files: { 'in.csv': `a,b\n1,2\n3,4,${SECRET}\n5,6\n` },
    expect: bad(/line 3 has 3 fields, expected 2/),
  },
  {
    name: 'CSV: unclosed quote',
    role: 'table',
    files: { 'in.csv': `a,b\n1,2\n3,"${SECRET}\n5,6\n` },
    expect: bad(/quoted value that is never closed/),
  },
  {
    name: 'CSV: unclosed quote in the header',
    role: 'table',
    files: { 'in.csv': `"a,b\n1,${SECRET}\n` },
    expect: bad(/line 1 has a quoted value that is never closed/),
  },
  {
    name: 'CSV: invalid UTF-8 (Latin-1 bytes)',
    role: 'table',
    files: { 'in.csv': latin1(`name,n\ncaf\u00e9 ${SECRET},1\nb,2\nc,3\n`) },
    expect: bad(/line 2 is not valid UTF-8/),
  },
  {
    name: 'CSV: UTF-16 with a byte-order mark',
    role: 'table',
    files: { 'in.csv': utf16le(`a,b\n${SECRET},1\nx,2\n`) },
    expect: bad(/not valid UTF-8/),
  },
  {
    name: 'CSV: UTF-8 byte-order mark and CRLF line ends',
    role: 'table',
    files: { 'in.csv': '\uFEFF' + goodCsv().replace(/\n/g, '\r\n') },
    expect: ok,
  },
  {
    name: 'CSV: empty file',
    role: 'table',
    files: { 'in.csv': '' },
    expect: bad(/the file is empty \(0 bytes\)/),
  },
  {
    name: 'CSV: only blank lines',
    role: 'table',
    files: { 'in.csv': '\n\n\n' },
    expect: bad(/holds only blank lines/),
  },
  {
    name: 'CSV: header only',
    role: 'table',
    files: { 'in.csv': 'a,b,c\n' },
    expect: bad(/it has a header but no data rows/),
  },
  {
    name: 'CSV: one data row',
    role: 'table',
    files: { 'in.csv': `a,b\n1,${SECRET}\n` },
    expect: bad(/only 1 data row; lookalike needs at least 2 rows/),
  },
  {
    name: 'CSV: two data rows',
    role: 'table',
    files: { 'in.csv': `a,b\n1,x\n2,y\n` },
    expect: ok,
    downstream: true,
  },
  {
    name: 'CSV: one column',
    role: 'table',
    files: { 'in.csv': rows('only', 30, (i) => String(i % 4)) },
    expect: ok,
    downstream: true,
  },
  {
    name: 'CSV: an all-missing column',
    role: 'table',
    files: { 'in.csv': rows('a,empty', 20, (i) => `${i},`) },
    expect: bad(/column "empty" is missing in all 20 rows/),
  },
  {
    name: 'CSV: a constant column',
    role: 'table',
    files: { 'in.csv': rows('a,k', 30, (i) => `${i % 5},${SECRET}`) },
    expect: ok,
    downstream: true,
  },
  {
    name: 'CSV: NaN and Infinity strings among numbers',
    role: 'table',
    files: {
      'in.csv': rows('x,y', 30, (i) => `${i % 7 === 0 ? 'NaN' : i % 11 === 0 ? 'Infinity' : i},${i}`),
    },
    expect: bad(/column "x" has \d+ "NaN" and \d+ "Infinity" strings among its \d+ numbers/),
  },
  {
    name: 'CSV: numbers mixed with a little text',
    role: 'table',
    files: { 'in.csv': rows('x,y', 40, (i) => `${i === 17 ? SECRET : i},${i}`) },
    expect: bad(/column "x" mixes numbers \(39 rows\) and text \(1 rows, first at data row 18\)/),
  },
  {
    name: 'CSV: a number beyond the double range (1e400)',
    role: 'table',
    files: { 'in.csv': rows('x,y', 20, (i) => `${i === 3 ? '1e400' : i},${i}`) },
    expect: bad(/column "x" has 1 infinite values/),
  },
  {
    name: 'CSV: extreme but finite numbers (±1e308, 5e-324)',
    role: 'table',
    files: {
      'in.csv': rows(
        'x,y',
        30,
        (i) =>
          `${i === 0 ? '1e308' : i === 1 ? '-1e308' : i === 2 ? '5e-324' : (i * 0.25).toFixed(2)},${i % 3}`,
      ),
    },
    expect: ok,
    downstream: true,
  },
  {
    name: 'CSV: duplicate and empty header names',
    role: 'table',
    files: { 'in.csv': rows('a,a,', 20, (i) => `${i},${i % 3},${i % 2}`) },
    expect: { code: 0, message: /column name "a" appears more than once; renamed column 2 to "a_1"/ },
  },
  {
    name: 'CSV: headers named __proto__, constructor, toString',
    role: 'table',
    files: {
      'in.csv': rows(
        '__proto__,constructor,toString',
        40,
        (i) => `${i % 9},${'xyz'[i % 3]},${(i * 0.5).toFixed(1)}`,
      ),
    },
    expect: ok,
    downstream: true,
  },
  {
    name: 'CSV: a header with terminal escape sequences',
    role: 'table',
    files: { 'in.csv': rows('"a\u001b[31mred\u001b[0m",b', 20, (i) => `${i},${i % 2}`) },
    expect: ok,
    downstream: true,
  },
  {
    name: 'CSV: quoted header holding a line break and a quote',
    role: 'table',
    files: { 'in.csv': rows('"multi\nline","say ""hi"""', 20, (i) => `${i},${i % 3}`) },
    expect: ok,
    downstream: true,
  },
  {
    name: 'CSV: a 100 KB cell',
    role: 'table',
    files: { 'in.csv': rows('a,b', 10, (i) => `${i},${i === 4 ? SECRET.repeat(15000) : 'x'}`) },
    expect: ok,
  },
  {
    name: 'CSV: a line over the 2 MB line limit',
    role: 'table',
    files: { 'in.csv': rows('a,b', 5, (i) => `${i},${i === 2 ? SECRET.repeat(400_000) : 'x'}`) },
    expect: bad(/line \d+ has a line longer than the maximum line size/),
  },
  {
    name: 'CSV: NUL bytes inside a field',
    role: 'table',
    files: { 'in.csv': rows('a,b', 20, (i) => `${i},x\u0000${SECRET}`) },
    expect: ok,
    downstream: true,
  },
  {
    name: 'CSV: old Mac line ends (CR only)',
    role: 'table',
    files: { 'in.csv': goodCsv(20).replace(/\n/g, '\r') },
    expect: ok,
  },
  { name: 'CSV: semicolon-delimited', role: 'table', files: { 'in.csv': goodCsv(30, ';') }, expect: ok },
  {
    name: 'CSV: datetimes in mixed formats',
    role: 'table',
    files: {
      'in.csv': rows(
        'when,v',
        90,
        (i) => `${i % 3 ? `2020-0${1 + (i % 9)}-1${i % 10}` : `${1 + (i % 9)}/1${i % 10}/2021`},${i}`,
      ),
    },
    expect: {
      code: 0,
      message: /column "when" holds datetimes in 2 formats \(YYYY-MM-DD in 60 rows, M\/D\/YYYY in 30 rows\)/,
    },
    downstream: true,
  },
  {
    name: 'CSV: more than 10 decimals',
    role: 'table',
    files: { 'in.csv': rows('x,y', 30, (i) => `${(i / 7).toFixed(14)},${i % 2}`) },
    expect: { code: 0, message: /column "x" has values with more than 10 decimal places/ },
  },
  {
    name: 'CSV: 100,000-category column (becomes an id)',
    role: 'table',
    files: { 'in.csv': rows('key,v', 100_000, (i) => `${SECRET}${i},${i % 5}`) },
    expect: ok,
  },
  { name: 'CSV: 2,000 columns', role: 'table', files: { 'in.csv': wide(2000, 30) }, expect: ok },
  {
    name: 'CSV: more columns than the 10,000 limit',
    role: 'table',
    files: { 'in.csv': wide(10_001, 2) },
    expect: bad(/it has 10,001 columns; lookalike reads at most 10,000/),
  },
  {
    name: 'CSV: binary garbage',
    role: 'table',
    files: { 'in.csv': Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256) },
    expect: bad(/not valid UTF-8/),
  },
  {
    name: 'CSV.gz: not gzip',
    role: 'table',
    files: { 'in.csv.gz': `a,b\n1,${SECRET}\n` },
    expect: bad(/it is not a readable gzip file/),
  },
  {
    name: 'CSV.gz: a valid gzip file',
    role: 'table',
    files: { 'in.csv.gz': gzipSync(goodCsv()) },
    expect: ok,
  },
  {
    name: 'TSV: literal quotes in fields',
    role: 'table',
    files: { 'in.tsv': rows('a\tb', 20, (i) => `${i}\t"Big" ${i % 3}`) },
    expect: ok,
  },
  // --- JSON / JSONL
  {
    name: 'JSON: truncated',
    role: 'table',
    files: { 'in.json': `[{"a":1,"b":"${SECRET}"},{"a":2,"b":` },
    expect: bad(/is not valid JSON/),
  },
  {
    name: 'JSON: a bare number',
    role: 'table',
    files: { 'in.json': '42' },
    expect: bad(
      /in\.json: it is not a list of records: lookalike reads a JSON array of objects, or one object per line/,
    ),
  },
  {
    name: 'JSON: an array of arrays',
    role: 'table',
    files: { 'in.json': `[[1,"${SECRET}"],[2,"x"]]` },
    expect: bad(/in\.json: it is not a list of records/),
  },
  {
    name: 'JSON: one object, not an array',
    role: 'table',
    files: { 'in.json': `{"a":1,"b":"${SECRET}"}` },
    expect: bad(/only 1 data row/),
  },
  {
    name: 'JSON: nested 100,000 levels deep',
    role: 'table',
    files: { 'in.json': `[{"a":${deep(100_000)}}]` },
    expect: bad(/nests arrays or objects more than 100 levels deep/),
  },
  {
    name: 'JSON: a column of lists',
    role: 'table',
    files: {
      'in.json': JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ a: i, tags: [SECRET, 'x'] }))),
    },
    expect: bad(/column "tags" holds nested values \(VARCHAR\[\]\); flatten it first/),
  },
  {
    name: 'JSON: a column mixing numbers and strings',
    role: 'table',
    files: {
      'in.json': JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ a: i, m: i === 5 ? SECRET : i }))),
    },
    expect: bad(/column "m" mixes numbers \(39 rows\) and text \(1 rows/),
  },
  {
    name: 'JSON: duplicate keys in a record',
    role: 'table',
    files: { 'in.json': `[{"a":1,"a":2,"b":"${SECRET}"},{"a":3,"b":"x"}]` },
    expect: bad(/in\.json: record 1 has the key "a" more than once/),
  },
  {
    name: 'JSON: records with different keys',
    role: 'table',
    files: {
      'in.json': JSON.stringify(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? { a: i, b: 'x' } : { a: i, c: true })),
      ),
    },
    expect: ok,
    downstream: true,
  },
  {
    name: 'JSONL: a blank line in the middle',
    role: 'table',
    files: { 'in.jsonl': `{"a":1,"b":"x"}\n\n{"a":2,"b":"y"}\n{"a":3,"b":"z"}\n` },
    expect: ok,
  },
  {
    name: 'JSONL: a malformed line',
    role: 'table',
    files: { 'in.jsonl': `{"a":1}\n{"a":2,"b":"${SECRET}"\n{"a":3}\n` },
    expect: bad(/line 2 is not valid JSON|is not valid JSON/),
  },
  {
    name: 'JSONL: 300 keys per record',
    role: 'table',
    files: {
      'in.jsonl':
        Array.from({ length: 4 }, (_, i) =>
          JSON.stringify(Object.fromEntries(Array.from({ length: 300 }, (_, k) => [`k${k}`, (i + k) % 4]))),
        ).join('\n') + '\n',
    },
    expect: ok,
  },
  // --- Parquet / Arrow
  {
    name: 'Parquet: text with a .parquet extension',
    role: 'table',
    files: { 'in.parquet': goodCsv() },
    expect: bad(/is not a readable Parquet file/),
  },
  {
    name: 'Parquet: truncated file',
    role: 'table',
    files: { 'in.parquet': enc(`PAR1${SECRET}\u0000\u0000`) },
    expect: bad(/in\.parquet: is not a readable Parquet file/),
  },
  {
    name: 'Arrow: garbage',
    role: 'table',
    files: { 'in.arrow': `ARROW1${SECRET}` },
    expect: bad(/it is not a readable Arrow IPC file/),
  },
  {
    name: 'Arrow: a table without columns',
    role: 'table',
    make: async (fx) => ({ 'in.arrow': fx.emptyArrow }),
    expect: bad(/it is not a readable Arrow IPC file/),
  },
  {
    name: 'Parquet: a LIST column',
    role: 'table',
    make: async (fx) => ({
      'in.parquet': await fx.parquet(`SELECT i AS a, ['${SECRET}', 'x'] AS tags FROM range(10) t(i)`),
    }),
    expect: bad(/column "tags" holds nested values \(VARCHAR\[\]\); flatten it first/),
  },
  {
    name: 'Parquet: a BLOB column',
    role: 'table',
    make: async (fx) => ({
      'in.parquet': await fx.parquet(`SELECT i AS a, '${SECRET}'::BLOB AS b FROM range(10) t(i)`),
    }),
    expect: bad(/column "b" has type BLOB, which lookalike cannot read/),
  },
  {
    name: 'Parquet: integers beyond 2^53',
    role: 'table',
    make: async (fx) => ({
      'in.parquet': await fx.parquet(
        `SELECT i AS a, (9007199254740993 + i)::BIGINT AS big FROM range(10) t(i)`,
      ),
    }),
    expect: { code: 0, message: /column "big": 10 value\(s\) reach 2\^53 in magnitude/ },
    downstream: true,
  },
  // --- paths
  {
    name: 'an unknown extension (.xlsx)',
    role: 'table',
    files: { 'in.xlsx': goodCsv() },
    expect: { code: 2, message: /cannot tell the format of .*in\.xlsx from its extension/ },
  },
];

/** Metadata inputs (read with a valid table). */
export const METADATA_CASES: FuzzCase[] = [
  {
    name: 'metadata: not JSON',
    role: 'metadata',
    files: { 'meta.json': `{"version": 1, "columns": [${SECRET}` },
    expect: bad(/metadata file .*meta\.json is not valid JSON: unexpected token/),
  },
  {
    name: 'metadata: not UTF-8',
    role: 'metadata',
    files: { 'meta.json': latin1(`{"version":1,"columns":[],"x":"\u00e9"}`) },
    expect: bad(/metadata file .*meta\.json is not valid UTF-8/),
  },
  {
    name: 'metadata: a column the table does not have',
    role: 'metadata',
    files: { 'meta.json': JSON.stringify({ version: 1, columns: [{ name: 'nope', kind: 'numeric' }] }) },
    expect: bad(/the metadata describes a column "nope" that .* does not have/),
  },
  {
    name: 'metadata: a kind the values do not fit',
    role: 'metadata',
    files: { 'meta.json': JSON.stringify({ version: 1, columns: [{ name: 'note', kind: 'numeric' }] }) },
    expect: bad(/column "note" is numeric \(declared or inferred\) but 40 values are not numbers/),
  },
  {
    name: 'metadata: categories that miss values',
    role: 'metadata',
    files: {
      'meta.json': JSON.stringify({
        version: 1,
        columns: [{ name: 'group', kind: 'categorical', domain: { categories: ['a'] } }],
      }),
    },
    expect: bad(/column "group": \d+ values \(2 distinct\) are not in its declared categories/),
  },
  {
    name: 'metadata: a __proto__ key',
    role: 'metadata',
    files: { 'meta.json': `{"version":1,"__proto__":{"columns":[]},"columns":[]}` },
    expect: bad(/unknown field "__proto__"/),
  },
  {
    name: 'metadata: nested 100,000 levels deep',
    role: 'metadata',
    files: { 'meta.json': `{"version":1,"columns":${deep(100_000)}}` },
    expect: bad(/is not valid metadata|nested/),
  },
  {
    name: 'metadata: an array',
    role: 'metadata',
    files: { 'meta.json': '[1,2,3]' },
    expect: bad(/is not valid metadata/),
  },
];

/** Model inputs (sample, ledger, report --model). */
export const MODEL_CASES: FuzzCase[] = [
  {
    name: 'model: not JSON',
    role: 'model',
    files: { 'model.json': '{"format":"lookalike-model",' },
    expect: bad(/model file .*model\.json is not valid JSON/),
  },
  {
    name: 'model: an array',
    role: 'model',
    files: { 'model.json': '[]' },
    expect: bad(/model\.json is not a valid lookalike model|not a lookalike model/),
  },
  {
    name: 'model: an unknown synthesizer',
    role: 'model',
    files: {
      'model.json': JSON.stringify({
        format: 'lookalike-model',
        version: 1,
        synthesizer: 'nope',
        schema: { version: 1, columns: [] },
        privacy: { type: 'none' },
        ledger: null,
        params: {},
      }),
    },
    expect: bad(/nope/),
  },
  {
    name: 'model: a DP model whose stated ε is below its ledger',
    role: 'model',
    make: async (fx) => {
      const m = clone(fx.dpModel) as { privacy: { epsilon: number } };
      m.privacy.epsilon = 0.01;
      return { 'model.json': JSON.stringify(m) };
    },
    expect: bad(/ε|epsilon|ledger/),
  },
  {
    name: 'model: parameters of the wrong types',
    role: 'model',
    make: async (fx) => {
      const m = clone(fx.model);
      m.params = { columns: 7, ids: 'x' };
      return { 'model.json': JSON.stringify(m) };
    },
    expect: bad(/invalid independent model/),
  },
  {
    name: 'model: a schema column without parameters',
    role: 'model',
    make: async (fx) => {
      const m = clone(fx.model) as { params: { columns: Record<string, unknown> } };
      delete m.params.columns.group;
      return { 'model.json': JSON.stringify(m) };
    },
    expect: bad(/column "group" has no parameters/),
  },
  {
    name: 'model: truncated',
    role: 'model',
    make: async (fx) => ({ 'model.json': JSON.stringify(fx.model).slice(0, 200) }),
    expect: bad(/model file .*model\.json is not valid JSON/),
  },
  {
    name: 'model: nested 100,000 levels deep',
    role: 'model',
    files: { 'model.json': `{"format":"lookalike-model","version":1,"params":${deep(100_000)}}` },
    expect: bad(/model\.json is not a valid lookalike model/),
  },
];

/** Policy inputs (policy check, report --policy). */
export const POLICY_CASES: FuzzCase[] = [
  {
    name: 'policy: a YAML alias bomb',
    role: 'policy',
    files: {
      'policy.yaml': [
        'version: 1',
        'a: &a [x, x, x, x, x, x, x, x, x]',
        ...'bcdefgh'.split('').map((c, k) => `${c}: &${c} [${Array(9).fill(`*${'abcdefg'[k]}`).join(', ')}]`),
        'targets: *h',
      ].join('\n'),
    },
    expect: bad(/its YAML aliases expand too much/),
  },
  {
    name: 'policy: invalid YAML',
    role: 'policy',
    files: { 'policy.yaml': 'version: 1\ntargets: [\n  - {id: x\n' },
    expect: bad(/is not valid YAML or JSON/),
  },
  {
    name: 'policy: an unknown target id',
    role: 'policy',
    files: { 'policy.yaml': 'version: 1\nname: p\ntargets:\n  - {id: no_such_metric, op: ">=", value: 1}\n' },
    expect: bad(/no_such_metric/),
  },
  {
    name: 'policy: nested 10,000 levels deep',
    role: 'policy',
    files: { 'policy.yaml': `version: 1\ntargets: ${deep(10_000)}\n` },
    expect: bad(/nested too deeply/),
  },
];

/** Evaluation inputs (report). */
export const EVALUATION_CASES: FuzzCase[] = [
  {
    name: 'evaluation: not JSON',
    role: 'evaluation',
    files: { 'ev.json': `{"format": "lookalike-evaluation", ${SECRET}` },
    expect: bad(/is not valid JSON/),
  },
  {
    name: 'evaluation: another kind of file',
    role: 'evaluation',
    files: { 'ev.json': JSON.stringify({ format: 'lookalike-model' }) },
    expect: bad(/is not a valid lookalike evaluation/),
  },
];

export const ALL_CASES: FuzzCase[] = [
  ...TABLE_CASES,
  ...METADATA_CASES,
  ...MODEL_CASES,
  ...POLICY_CASES,
  ...EVALUATION_CASES,
];
