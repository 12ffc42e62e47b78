import { Rng } from '../random/rng.js';
import type { Table } from '../table/table.js';
/**
 * Rows per table that `evaluate` reads at most (`EvaluateOptions.maxRows`): a larger real, synthetic or holdout
 * table is replaced by a seeded uniform subsample of this many rows before any metric runs, and the evaluation
 * says so (`inputs.subsample`, and a warning). One million rows keep every suite's cost that of a mid-size table
 * (the utility models, the pair metrics) while the sampling error of a share stays below 0.001 (1/√n).
 */
export declare const EVALUATE_MAX_ROWS = 1000000;
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
export declare function subsampleIndices(n: number, m: number, rng: Rng): Int32Array;
/** Which table of an evaluation a subsample is of: each has its own random stream of the seed. */
export type SubsamplePlace = 'real' | 'synthetic' | 'holdout';
/**
 * The subsample `evaluate` takes of a table of `n` rows at `place` (`subsampleTables`), before the table is read:
 * `pick(n)` gives the positions of the rows it keeps (null when n ≤ maxRows: every row) and records `info`. A
 * reader given `pick` (io's `ReadOptions.subsample`) holds only those rows; `evaluate` told so
 * (`EvaluateOptions.subsampled`) then reads exactly the rows it would have kept from the whole table.
 */
export declare function subsamplePicker(maxRows: number, seed: number, place: SubsamplePlace): {
    pick: (n: number) => Int32Array | null;
    info: () => SubsampleInfo | undefined;
};
/**
 * The tables an evaluation reads, each cut to at most `maxRows` rows by a seeded subsample (row order kept). The
 * streams are fixed by the seed and the table's place (real, synthetic, holdout), whichever are cut.
 */
export declare function subsampleTables(tables: {
    real: Table;
    synthetic: Table;
    holdout?: Table;
}, maxRows: number, seed: number): {
    real: Table;
    synthetic: Table;
    holdout?: Table;
    info: {
        real?: SubsampleInfo;
        synthetic?: SubsampleInfo;
        holdout?: SubsampleInfo;
    };
};
