import { readTuning } from '../../src/io/duck.js';
import type { RawColumn } from '../../src/table/raw.js';

/** The values of a raw column, with a dictionary column expanded back to strings (null = missing). */
export function vals(c: RawColumn): (string | null)[] | Float64Array | Int8Array {
  if (c.type === 'dictionary') return Array.from(c.codes, (k) => (k < 0 ? null : c.dictionary[k]));
  return c.values;
}

/** True for text columns, plain or dictionary-encoded. */
export function isText(c: RawColumn): boolean {
  return c.type === 'string' || c.type === 'dictionary';
}

/** Runs `fn` with the reader's cost thresholds changed (both paths of the reader on small files). */
export async function withTuning<T>(t: Partial<typeof readTuning>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...readTuning };
  Object.assign(readTuning, t);
  try {
    return await fn();
  } finally {
    Object.assign(readTuning, saved);
  }
}
