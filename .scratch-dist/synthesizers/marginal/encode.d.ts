import { Discretizer } from '../../table/encode.js';
import type { AdaptiveBins } from '../../privacy/bins.js';
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
/**
 * The encoding of `specs` by their domains: a declared value list (`domain.values`) exactly, declared bins, small
 * integer ranges exactly, else the column's adaptive DP bins from `adaptive` (privacy/bins.ts) when it has them,
 * else equal-width bins.
 */
export declare function encodingOf(specs: readonly ColumnSpec[], opts?: DiscretisationOptions, adaptive?: ReadonlyMap<string, AdaptiveBins>): Encoding;
/**
 * Whether a numeric column would be binned equal-width by `encodingOf` (no value list, no declared bins, not a small
 * integer range) — the columns adaptive DP bins are for.
 */
export declare function wantsAdaptiveBins(spec: ColumnSpec, maxExactIntegers: number): boolean;
/** The in-memory count source of a table under an encoding: one code column per attribute. */
export declare function countsInMemory(table: Table, encoding: Encoding): CodeCounts;
