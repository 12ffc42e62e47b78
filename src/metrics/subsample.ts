import { Rng } from '../random/rng.js';
import type { Table } from '../table/table.js';

/**
 * Rows per table that `evaluate` reads at most (`EvaluateOptions.maxRows`): a larger real, synthetic or holdout
 * table is replaced by a seeded uniform subsample of this many rows before any metric runs, and the evaluation
 * says so (`inputs.subsample`, and a warning). One million rows keep every suite's cost that of a mid-size table
 * (the utility models, the pair metrics) while the sampling error of a share stays below 0.001 (1/√n).
 */
export const EVALUATE_MAX_ROWS = 1_000_000;

/** How one table was subsampled: `rows` of its `of` rows. */
export interface SubsampleInfo {
  readonly rows: number;
  readonly of: number;
}

/**
 * `m` of the indices 0..n−1, uniformly without replacement, in increasing order (Knuth's selection sampling,
 * TAOCP vol. 2 §3.4.2 Algorithm S: row i is taken with probability (m − taken)/(n − i)). One uniform per row
 * scanned and no table of n entries, so it suits n in the hundreds of millions. Requires 0 ≤ m ≤ n.
 */
export function subsampleIndices(n: number, m: number, rng: Rng): Int32Array {
  const out = new Int32Array(m);
  let taken = 0;
  for (let i = 0; i < n && taken < m; i++) if ((n - i) * rng.float() < m - taken) out[taken++] = i;
  return out;
}

/**
 * The tables an evaluation reads, each cut to at most `maxRows` rows by a seeded subsample (row order kept). The
 * streams are fixed by the seed and the table's place (real, synthetic, holdout), whichever are cut.
 */
export function subsampleTables(
  tables: { real: Table; synthetic: Table; holdout?: Table },
  maxRows: number,
  seed: number,
): {
  real: Table;
  synthetic: Table;
  holdout?: Table;
  info: { real?: SubsampleInfo; synthetic?: SubsampleInfo; holdout?: SubsampleInfo };
} {
  const root = new Rng(seed);
  const streams = [root.fork(), root.fork(), root.fork()];
  const info: { real?: SubsampleInfo; synthetic?: SubsampleInfo; holdout?: SubsampleInfo } = {};
  const cut = (t: Table, k: number, name: 'real' | 'synthetic' | 'holdout'): Table => {
    if (t.nRows <= maxRows) return t;
    info[name] = { rows: maxRows, of: t.nRows };
    return t.take(subsampleIndices(t.nRows, maxRows, streams[k]));
  };
  const real = cut(tables.real, 0, 'real');
  const synthetic = cut(tables.synthetic, 1, 'synthetic');
  const holdout = tables.holdout ? cut(tables.holdout, 2, 'holdout') : undefined;
  return { real, synthetic, ...(holdout ? { holdout } : {}), info };
}
