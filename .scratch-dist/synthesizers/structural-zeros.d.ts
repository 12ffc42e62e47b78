import type { StructuralZero } from '../pgm/estimate.js';
import type { Discretizer } from '../table/encode.js';
import type { ForbiddenRegion, ForbiddenTerm } from './types.js';
/**
 * Forbidden regions (`FitOptions.forbidden`, public business rules) → structural zeros of a DP-marginal model.
 *
 * A cell of the marginal over a region's columns is a zero when *every* value its codes decode to lies in the
 * region: a category in the term's list, an exact integer or listed value in the interval, or a whole bin inside it
 * (a bin that straddles a bound is not a zero; the constraints layer checks and redraws the rows that land in its
 * forbidden part). For an `order` (low ≤ high), the cells whose every low value exceeds every high value: the pair
 * of bins lies wholly on the wrong side of the diagonal (a pair of bins across it is not a zero). Built from the
 * encoding alone — the rules and the public domains — so it reads no row and costs no budget; neighbouring tables
 * get the same zeros.
 */
export interface EncodedRegion {
    /** Modelled attributes of the region, increasing. */
    readonly attrs: readonly number[];
    /** Per attribute (in `attrs` order): 1 for each encoded code lying wholly in the region's term (all 1 when none). */
    readonly inside: readonly Uint8Array[];
    /**
     * The order part: `low` and `high` index `attrs`; `zero[i * highSize + j]` = 1 when every value of low's code i
     * breaks the order against every value of high's code j.
     */
    readonly order?: {
        readonly low: number;
        readonly high: number;
        readonly zero: Uint8Array;
    };
}
/**
 * The values each code of a numeric or datetime discretizer decodes to, as an interval: [lo, hi] (hi excluded when
 * `hiOpen`); `none` = 1 for the missing code and for a code that decodes to no value. Datetime bins are taken as
 * they are (their decoded values are rounded to the format's precision, which may step over an edge: such a row is
 * checked and redrawn by the constraints layer).
 */
export declare function codeIntervals(d: Discretizer): {
    lo: Float64Array;
    hi: Float64Array;
    hiOpen: Uint8Array;
    none: Uint8Array;
};
/**
 * Per pair of codes (low's code-major), 1 when every value of low's code breaks `low ≤ high` (`low < high` when
 * strict) against every value of high's code: min(low) > max(high), or ≥ for a strict order or an open max.
 */
export declare function orderZeros(low: Discretizer, high: Discretizer, strict: boolean): Uint8Array;
/** What values a code of `d` decodes to lie wholly in `t`. */
export declare function codesInside(d: Discretizer, t: ForbiddenTerm): Uint8Array;
/**
 * The regions over the modelled columns `names` (discretised by `discretizers`). A region naming a column the model
 * does not hold is left out (the constraints layer still checks it), as is one no cell lies wholly in.
 */
export declare function encodeRegions(regions: readonly ForbiddenRegion[] | undefined, names: readonly string[], discretizers: readonly Discretizer[]): EncodedRegion[];
/**
 * Structural zeros over the model's codes. With a domain compression (MST), a model cell is a zero only when every
 * encoded cell it merges is (`compressionClasses` keeps inside and outside codes of a term apart, so box regions
 * stay exact; an order's zeros shrink to the merged cells wholly past the diagonal).
 */
export declare function modelZeros(regions: readonly EncodedRegion[], modelSizes: readonly number[], compression?: readonly (Int32Array | null)[]): StructuralZero[];
/**
 * Per attribute, a class for each encoded code such that codes of different classes lie in different sets of the
 * regions' terms (null when no region involves the attribute). A domain compression that merges rare codes only
 * within a class keeps every structural zero exact.
 */
export declare function compressionClasses(regions: readonly EncodedRegion[], sizes: readonly number[]): (Int32Array | null)[];
