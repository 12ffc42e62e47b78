import { Rng } from '../random/rng.js';
/**
 * Rows per table that `evaluate` reads at most (`EvaluateOptions.maxRows`): a larger real, synthetic or holdout
 * table is replaced by a seeded uniform subsample of this many rows before any metric runs, and the evaluation
 * says so (`inputs.subsample`, and a warning). One million rows keep every suite's cost that of a mid-size table
 * (the utility models, the pair metrics) while the sampling error of a share stays below 0.001 (1/√n).
 */
export const EVALUATE_MAX_ROWS = 1_000_000;
/**
 * `m` of the indices 0..n−1, uniformly without replacement, in increasing order (Knuth's selection sampling,
 * TAOCP vol. 2 §3.4.2 Algorithm S: row i is taken with probability (m − taken)/(n − i)). One uniform per row
 * scanned and no table of n entries, so it suits n in the hundreds of millions. Requires 0 ≤ m ≤ n.
 */
export function subsampleIndices(n, m, rng) {
    const out = new Int32Array(m);
    let taken = 0;
    for (let i = 0; i < n && taken < m; i++)
        if ((n - i) * rng.float() < m - taken)
            out[taken++] = i;
    return out;
}
const PLACES = ['real', 'synthetic', 'holdout'];
/** The random stream of `place`'s subsample under `seed` (the k-th fork of `new Rng(seed)`, k its place). */
function placeStream(seed, place) {
    const root = new Rng(seed);
    let s = root.fork();
    for (let k = 0; k < PLACES.indexOf(place); k++)
        s = root.fork();
    return s;
}
/**
 * The subsample `evaluate` takes of a table of `n` rows at `place` (`subsampleTables`), before the table is read:
 * `pick(n)` gives the positions of the rows it keeps (null when n ≤ maxRows: every row) and records `info`. A
 * reader given `pick` (io's `ReadOptions.subsample`) holds only those rows; `evaluate` told so
 * (`EvaluateOptions.subsampled`) then reads exactly the rows it would have kept from the whole table.
 */
export function subsamplePicker(maxRows, seed, place) {
    let info;
    return {
        pick(n) {
            if (n <= maxRows)
                return null;
            info = { rows: maxRows, of: n };
            return subsampleIndices(n, maxRows, placeStream(seed, place));
        },
        info: () => info,
    };
}
/**
 * The tables an evaluation reads, each cut to at most `maxRows` rows by a seeded subsample (row order kept). The
 * streams are fixed by the seed and the table's place (real, synthetic, holdout), whichever are cut.
 */
export function subsampleTables(tables, maxRows, seed) {
    const info = {};
    const cut = (t, name) => {
        if (t.nRows <= maxRows)
            return t;
        info[name] = { rows: maxRows, of: t.nRows };
        return t.take(subsampleIndices(t.nRows, maxRows, placeStream(seed, name)));
    };
    const real = cut(tables.real, 'real');
    const synthetic = cut(tables.synthetic, 'synthetic');
    const holdout = tables.holdout ? cut(tables.holdout, 'holdout') : undefined;
    return { real, synthetic, ...(holdout ? { holdout } : {}), info };
}
//# sourceMappingURL=subsample.js.map