import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { readJsonFile } from '../../src/io/json.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lookalike-io-json-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fixture(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function message(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(LookalikeError);
  return (e as Error).message;
}

describe('readJsonFile', () => {
  it('parses a file (BOM allowed)', async () => {
    expect(await readJsonFile(fixture('ok.json', '\uFEFF{"version":1,"columns":[]}'), 'metadata')).toEqual({
      version: 1,
      columns: [],
    });
  });

  it('names the file for a missing file, a directory, an empty file and invalid UTF-8', async () => {
    const missing = join(dir, 'nope.json');
    expect(await message(readJsonFile(missing, 'metadata'))).toBe(`metadata file not found: ${missing}`);
    expect(await message(readJsonFile(missing, 'metadata file'))).toBe(`metadata file not found: ${missing}`);
    expect(await message(readJsonFile(dir, 'model'))).toBe(
      `cannot read model file ${dir}: it is a directory, not a file`,
    );
    const empty = fixture('empty.json', '');
    expect(await message(readJsonFile(empty, 'model'))).toBe(`model file ${empty} is empty (0 bytes)`);
    const bad = fixture('bad-utf8.json', new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(await message(readJsonFile(bad, 'model'))).toBe(`model file ${bad} is not valid UTF-8`);
  });

  it('gives line and column of a syntax error without quoting the content', async () => {
    const p = fixture('bad.json', '{\n  "a": 1,\n  "secret": "SECRET_VALUE_99"\n');
    const m = await message(readJsonFile(p, 'metadata'));
    expect(m).toMatch(new RegExp(`^metadata file ${p} is not valid JSON`));
    expect(m).not.toContain('SECRET_VALUE_99');
    const q = fixture('bad2.json', '{"a": 1,\n "b": SECRET_TOKEN}');
    const m2 = await message(readJsonFile(q, 'metadata'));
    expect(m2).toMatch(/is not valid JSON/);
    expect(m2).not.toContain('SECRET_TOKEN');
    const r = fixture('bad3.json', '{"a": 1,\n "b": 2');
    expect(await message(readJsonFile(r, 'model'))).toMatch(/is not valid JSON \(line 2, column \d+\): /);
  });
});
