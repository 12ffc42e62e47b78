import type { Column } from '../../../src/table/column.js';
import { Table } from '../../../src/table/table.js';

/** A numeric column; null = missing. */
export function num(name: string, values: readonly (number | null)[]): Column {
  return {
    kind: 'numeric',
    name,
    values: Float64Array.from(values, (v) => (v === null ? NaN : v)),
    integer: values.every((v) => v === null || Number.isInteger(v)),
  };
}

/** A categorical column with categories in first-seen order; null = missing. */
export function cat(
  name: string,
  values: readonly (string | null)[],
  categories?: readonly string[],
): Column {
  const cats = categories ? [...categories] : [...new Set(values.filter((v): v is string => v !== null))];
  return {
    kind: 'categorical',
    name,
    categories: cats,
    codes: Int32Array.from(values, (v) => (v === null ? -1 : cats.indexOf(v))),
  };
}

export function table(...columns: Column[]): Table {
  return new Table(columns);
}

/** Parse a small literal CSV (no quoting; empty field = missing; numeric when every present value is a number). */
export function csvTable(text: string): Table {
  const lines = text.trim().split('\n');
  const head = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  return new Table(
    head.map((h, j) => {
      const vals = rows.map((r) => (r[j] === '' ? null : r[j]));
      if (vals.every((v) => v === null || !Number.isNaN(Number(v))))
        return num(
          h,
          vals.map((v) => (v === null ? null : Number(v))),
        );
      return cat(h, vals);
    }),
  );
}
