import type { ProgressFn } from '../progress.js';
import type { Table } from '../table/table.js';
import type { Model } from './types.js';
/** Rows per chunk of a streamed sample (`sampleInChunks`); the CLI's default. */
export declare const SAMPLE_CHUNK_ROWS = 1000000;
/**
 * The seed of chunk `k` of a streamed sample with seed `seed`: `seed` itself for chunk 0 (so a sample of at most one
 * chunk is exactly `model.sample(n, { seed })`), then a 32-bit mix of (seed, k) — deterministic, distinct per
 * chunk.
 */
export declare function chunkSeed(seed: number, k: number): number;
export interface ChunkOptions {
    readonly seed?: number;
    /** Rows per chunk (default `SAMPLE_CHUNK_ROWS`); the last chunk holds the rest. */
    readonly chunkRows?: number;
    readonly onProgress?: ProgressFn;
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
export declare function sampleInChunks(model: Model, n: number, opts?: ChunkOptions): Generator<Table>;
