/**
 * The core CSV/TSV reader (src/table/delimited.ts) that the app uses in the page: literal cases, and the same raw
 * columns as the Node reader (DuckDB) on files that exercise quoting, missing values, line breaks and delimiters,
 * and on Adult when ../shared/datasets is there.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../src/table/delimited.js';
import { readRawColumns } from '../../src/io/read.js';
import type { RawColumn } from '../../src/table/raw.js';

const values = (c: RawColumn): unknown[] =>
  c.type === 'dictionary'
    ? Array.from(c.codes, (k) => (k < 0 ? null : c.dictionary[k]))
    : Array.from(c.values as ArrayLike<unknown>);

describe('parseDelimited', () => {
  it('reads quoted fields, doubled quotes, line breaks in quotes, CRLF and missing values', () => {
    const r = parseDelimited(
      '\ufeffa,b,c\r\n1,"x, y","he said ""hi"""\r\n2,,"two\nlines"\r\n\r\n3,"", z \r\n',
    );
    expect(r.delimiter).toBe(',');
    expect(r.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(r.columns.map(values)).toEqual([
      ['1', '2', '3'],
      ['x, y', null, null],
      ['he said "hi"', 'two\nlines', ' z '],
    ]);
  });

  it('chooses the delimiter that splits the header most, and renames empty and repeated names', () => {
    const r = parseDelimited('x;y;;y\n1;2;3;4\n', { source: 't.csv' });
    expect(r.delimiter).toBe(';');
    expect(r.columns.map((c) => c.name)).toEqual(['x', 'y', 'column2', 'y_1']);
    expect(r.warnings).toHaveLength(2);
    expect(parseDelimited('a\tb\n1\t2\n', { defaultDelimiter: '\t' }).delimiter).toBe('\t');
  });

  it('names the line of a ragged record or an unclosed quote, never a cell', () => {
    expect(() => parseDelimited('a,b\n1,2\nsecret,2,3\n', { source: 't.csv' })).toThrow(
      'cannot read t.csv: line 3 has 3 field(s), the header has 2',
    );
    expect(() => parseDelimited('a,b\n1,"secret\n', { source: 't.csv' })).toThrow(
      'cannot read t.csv: line 2 has a quoted value that is never closed',
    );
    expect(() => parseDelimited('a,b\n', { source: 't.csv' })).toThrow('it has a header but no data rows');
    expect(() => parseDelimited('\n\n', { source: 't.csv' })).toThrow('it holds only blank lines');
  });

  it('gives the raw columns the Node reader (DuckDB) gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookalike-delim-'));
    try {
      const files: Record<string, string> = {
        'quotes.csv': 'id,name,note\n1,"Smith, J","a ""b"""\n2,Lee,\n3,"","multi\nline"\n',
        'spaces.csv': 'a,b\n x ,1\ny , 2\n',
        'tabs.tsv': 'a\tb\tc\n1\t\t3\n4\t5\t\n',
        'semi.csv': 'p;q\n1,5;2\n3;4\n',
        'crlf.csv': 'a,b\r\n1,2\r\n3,4\r\n',
        'numbers.csv': 'x,y,z\n1.5,-2,1e3\n,NaN,7\n',
      };
      for (const [name, text] of Object.entries(files)) {
        const path = join(dir, name);
        writeFileSync(path, text);
        const ours = parseDelimited(text, { defaultDelimiter: name.endsWith('.tsv') ? '\t' : ',' }).columns;
        const duck = await readRawColumns(path);
        expect(
          ours.map((c) => [c.name, values(c)]),
          name,
        ).toEqual(duck.map((c) => [c.name, values(c)]));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const adult = join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets', 'adult', 'adult_train.csv');
  it.skipIf(!existsSync(adult))('reads Adult exactly as the Node reader does', async () => {
    const ours = parseDelimited(readFileSync(adult, 'utf8')).columns;
    const duck = await readRawColumns(adult);
    expect(ours.map((c) => [c.name, values(c)])).toEqual(duck.map((c) => [c.name, values(c)]));
  });
});
