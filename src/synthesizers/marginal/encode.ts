import { Discretizer, discretizer } from '../../table/encode.js';
import type { ColumnSpec } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import { CodeCounts } from './counts.js';

/**
 * The encoding of a DP-marginal fit: every modelled column ⇄ integer codes 0..size−1, built from the columns'
 * (public or DP) domains only (`table/encode.ts`), so it is public — it goes into the model file. The codes of the
 * private rows are held by a `CountSource`, never by the encoding.
 */
export interface Encoding {
  readonly specs: readonly ColumnSpec[];
  readonly discretizers: readonly Discretizer[];
  /** Domain size of every attribute (the discretizers' sizes). */
  readonly sizes: readonly number[];
}

export interface DiscretisationOptions {
  /** Equal-width bins for numeric columns without declared bins (default 32). */
  readonly bins?: number;
  /** Integer columns whose domain spans at most this many values stay exact (default 128). */
  readonly maxExactIntegers?: number;
}

/** The encoding of `specs` by their domains. */
export function encodingOf(specs: readonly ColumnSpec[], opts: DiscretisationOptions = {}): Encoding {
  const discretizers = specs.map((s) =>
    discretizer(s, {
      bins: opts.bins ?? 32,
      maxExactIntegers: opts.maxExactIntegers ?? 128,
      includeMissing: s.nullable ?? false,
    }),
  );
  return { specs, discretizers, sizes: discretizers.map((d) => d.size) };
}

/** The in-memory count source of a table under an encoding: one code column per attribute. */
export function countsInMemory(table: Table, encoding: Encoding): CodeCounts {
  const codes = encoding.specs.map((s, i) => encoding.discretizers[i].encode(table.column(s.name)));
  return new CodeCounts(encoding.sizes, codes, table.nRows);
}
