import { LookalikeError } from '../errors.js';
/** Rows per chunk of a streamed sample (`sampleInChunks`); the CLI's default. */
export const SAMPLE_CHUNK_ROWS = 1_000_000;
/**
 * The seed of chunk `k` of a streamed sample with seed `seed`: `seed` itself for chunk 0 (so a sample of at most one
 * chunk is exactly `model.sample(n, { seed })`), then a 32-bit mix of (seed, k) — deterministic, distinct per
 * chunk.
 */
export function chunkSeed(seed, k) {
    if (k === 0)
        return seed;
    let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(k, 0x85ebca77)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
}
/**
 * `n` rows of `model` as a sequence of tables of at most `chunkRows` rows, drawn one at a time so memory stays that of
 * one chunk whatever `n` is (issue 15: sampling 100M rows). Chunk k is `model.sample(rows_k, { seed: chunkSeed(seed,
 * k) })`, so the output is a deterministic function of (model, n, seed, chunkRows).
 *
 * It equals `model.sample(n, { seed })` exactly when n ≤ chunkRows, and not beyond: the graphical models draw all n
 * rows together (systematic sampling spreads the n rows over the junction tree's cells, and each column's values
 * come from one forked stream of length n), so a chunk boundary changes which rows are drawn. Each chunk has the
 * model's distribution; the whole is a sample of n rows from it, not the same n rows as one unchunked draw.
 * Unconditional only (a condition table is already n rows in memory).
 */
export function* sampleInChunks(model, n, opts = {}) {
    const size = opts.chunkRows ?? SAMPLE_CHUNK_ROWS;
    if (!(Number.isSafeInteger(n) && n >= 1))
        throw new LookalikeError(`the number of rows must be a whole number ≥ 1, got ${n}`, [], 'usage');
    if (!(Number.isInteger(size) && size >= 1))
        throw new LookalikeError(`chunkRows must be a whole number ≥ 1, got ${size}`, [], 'usage');
    const seed = opts.seed ?? 0;
    let done = 0;
    for (let k = 0; done < n; k++) {
        const rows = Math.min(size, n - done);
        yield model.sample(rows, { seed: chunkSeed(seed, k) });
        done += rows;
        opts.onProgress?.({ phase: 'sample', done, total: n });
    }
}
//# sourceMappingURL=chunks.js.map