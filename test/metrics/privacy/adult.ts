/**
 * Test/bench helper: Adult from ../shared/datasets read into Tables by a tiny CSV split (the files have no quoted
 * fields). Returns null when the folder is absent so tests can skip with a message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Table } from '../../../src/table/table.js';
import type { Column } from '../../../src/table/column.js';
import type { Schema } from '../../../src/table/schema.js';

export const ADULT_DIR = '/work/shared/datasets/adult';
const NUMERIC = new Set(['age', 'fnlwgt', 'education-num', 'capital-gain', 'capital-loss', 'hours-per-week']);

export function readAdult(file: string): Table | null {
  const path = `${ADULT_DIR}/${file}`;
  if (!existsSync(path)) return null;
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const n = lines.length - 1;
  const cells = header.map(() => new Array<string>(n));
  for (let i = 0; i < n; i++) {
    const f = lines[i + 1].split(',');
    for (let k = 0; k < header.length; k++) cells[k][i] = f[k] ?? '';
  }
  const cols: Column[] = header.map((name, k) => {
    if (NUMERIC.has(name)) {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = cells[k][i] === '' ? NaN : Number(cells[k][i]);
      return { kind: 'numeric', name, values: v, integer: true };
    }
    const dict = new Map<string, number>();
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = cells[k][i];
      if (s === '') {
        codes[i] = -1;
        continue;
      }
      let c = dict.get(s);
      if (c === undefined) dict.set(s, (c = dict.size));
      codes[i] = c;
    }
    return { kind: 'categorical', name, codes, categories: [...dict.keys()] };
  });
  return new Table(cols, n);
}

export function adultSchema(t: Table): Schema {
  const qi = new Set(['age', 'sex', 'race', 'marital-status', 'native-country']);
  return {
    version: 1,
    columns: t.columns.map((c) => ({
      name: c.name,
      kind: c.kind,
      role:
        c.name === 'income'
          ? 'target'
          : qi.has(c.name)
            ? 'quasi-identifier'
            : c.name === 'occupation'
              ? 'sensitive'
              : undefined,
    })),
  };
}
