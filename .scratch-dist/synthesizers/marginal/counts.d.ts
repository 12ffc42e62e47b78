/**
 * Where the counts of a DP-marginal fit come from. The measure step of every marginal synthesizer asks a
 * `CountSource` for contingency tables over *encoded* attributes (attribute a takes codes 0..sizes[a]−1, as the
 * fit's `Encoding` defines them) and nothing else: it never sees rows. So the same synthesizer can count
 *
 * - in memory, over typed arrays of codes (`CodeCounts`, the default and the hot path: 0.5–0.9 G row-updates/s per
 *   core, DESIGN.md "Scale");
 * - in a database (SQL pushdown: `GROUP BY` over the same binning, issue 15), where only counts leave the engine;
 * - at several parties (federated), each answering the same sets over its rows, the answers added.
 *
 * Contract: `counts(sets)` returns, in order, one table per set: the exact counts of rows per cell of the marginal
 * over `set` (attribute indices strictly increasing), row-major with the last attribute fastest (the layout of
 * `pgm/factor.ts`), each as a `Float64Array` of `cells(set)` whole numbers. Every table of one source sums to the
 * same n (its number of rows). The result may be shared: callers must not write into it.
 *
 * Privacy: the counts are exact and private; they go to a mechanism (which charges the ledger) or into a score
 * that a mechanism consumes, never anywhere else.
 */
export interface CountSource {
    /** Domain size of every encoded attribute (public: it comes from the domains). */
    readonly sizes: readonly number[];
    counts(sets: readonly (readonly number[])[]): Promise<Float64Array[]>;
    /**
     * A hint that `sets` will be asked soon (optional to implement and to call). A source that counts several sets
     * per pass over the rows (a scan of a file) counts them together with the next `counts` call and holds them
     * until asked, so a fit that knows its next questions (MST: every pair after the 1-ways) pays one pass, not
     * two. The counts stay inside the source: nothing is released until a mechanism measures a table.
     */
    prefetch?(sets: readonly (readonly number[])[]): void;
}
/**
 * Counts over in-memory code columns (one `Int32Array` per attribute, every code in 0..sizes[a]−1). Tables are
 * computed on demand, one pass over the rows per set; no caching (callers that reuse a table keep it).
 */
export declare class CodeCounts implements CountSource {
    readonly sizes: readonly number[];
    private readonly codes;
    private readonly n;
    constructor(sizes: readonly number[], codes: readonly Int32Array[], n: number);
    counts(sets: readonly (readonly number[])[]): Promise<Float64Array[]>;
    /** The same, synchronously (for code that holds a `CodeCounts` and counts in a loop). */
    countNow(attrs: readonly number[]): Float64Array;
}
/**
 * A source whose attribute a is `base`'s attribute a with its codes merged by `maps[a]` (code k → maps[a][k], null:
 * unchanged) — MST's domain compression. Counts are asked of `base` over the original codes and summed into the
 * merged cells, so it works over any source.
 */
export declare class MergedCounts implements CountSource {
    private readonly base;
    private readonly maps;
    readonly sizes: readonly number[];
    constructor(base: CountSource, maps: readonly (Int32Array | null)[], sizes: readonly number[]);
    prefetch(sets: readonly (readonly number[])[]): void;
    counts(sets: readonly (readonly number[])[]): Promise<Float64Array[]>;
    private merge;
}
/**
 * A source that keeps every table of at most `maxCells` cells it has counted (larger ones are counted again when
 * asked: one pass over the rows costs less than holding them). For fits that score the same candidates round after
 * round (AIM, PrivBayes).
 */
export declare class CachedCounts implements CountSource {
    private readonly base;
    private readonly maxCells;
    private readonly cache;
    constructor(base: CountSource, maxCells?: number);
    get sizes(): readonly number[];
    prefetch(sets: readonly (readonly number[])[]): void;
    counts(sets: readonly (readonly number[])[]): Promise<Float64Array[]>;
}
/** Counts of the marginal over `attrs` (increasing), row-major; one pass over the codes. */
export declare function marginalCounts(codes: readonly Int32Array[], sizes: readonly number[], attrs: readonly number[], n: number): Float64Array;
/** The total of a count table (n, for any table of a source). */
export declare function tableTotal(x: Float64Array): number;
/**
 * Counts of several marginals over code columns that arrive in chunks (a streamed scan): `add` each chunk (one
 * `Int32Array` of codes per attribute, the first `n` entries used), then `tables` holds one row-major count table
 * per set, as `marginalCounts` would give over all the rows. One pass over each chunk per set; the kernel assumes
 * codes in 0..sizes[a]−1, as `codesQuery` produces them (`checkTotals` catches an index outside a table).
 */
export declare class ChunkCounts {
    private readonly sizes;
    readonly sets: readonly (readonly number[])[];
    readonly tables: Float64Array[];
    /** Rows added so far. */
    total: number;
    private idx;
    constructor(sizes: readonly number[], sets: readonly (readonly number[])[]);
    add(codes: readonly Int32Array[], n: number): void;
    /** Whether every table sums to the rows added (false: a code was out of range). */
    checkTotals(): boolean;
}
