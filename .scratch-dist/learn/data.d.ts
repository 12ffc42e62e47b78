import type { Column } from '../table/column.js';
import type { Table } from '../table/table.js';
/**
 * Binned features for the tree learner (as LightGBM and scikit-learn's HistGradientBoosting do): every feature is
 * cut into at most `maxBins` value bins once, plus one bin for missing values, and the trees work on the small
 * integer bin codes only.
 *
 * - numeric / datetime: with at most `maxBins` distinct values each value is its own bin (thresholds at midpoints);
 *   otherwise thresholds at the `maxBins`-quantiles of the present values (midpoint interpolation, duplicates
 *   removed) — scikit-learn's `_find_binning_thresholds`. A value `x` falls in the first bin `i` with
 *   `x <= edges[i]`, or in the last value bin.
 * - categorical / boolean: bin = category code (boolean: 0 = false, 1 = true); more than 255 categories switch to
 *   16-bit codes.
 * - missing: its own bin, the last one (`missingBin = number of value bins`).
 *
 * Runtime: O(n log n) per numeric feature (one sort), O(n) per categorical feature.
 */
export interface LearnData {
    readonly nRows: number;
    readonly features: readonly string[];
}
export type BinCodes = Uint8Array | Uint16Array;
export type FeatureBinning = {
    readonly kind: 'numeric';
    readonly name: string;
    readonly edges: Float64Array;
} | {
    readonly kind: 'categorical';
    readonly name: string;
    readonly categories: readonly string[];
};
/** The bin edges / category maps of a set of features; shared by every LearnData binned the same way. */
export declare class Binning {
    readonly features: readonly FeatureBinning[];
    /** Value bins + 1 (the missing bin) per feature. */
    readonly nBins: Int32Array;
    /** Index of the missing bin per feature (= number of value bins). */
    readonly missingBin: Int32Array;
    readonly isCategorical: Uint8Array;
    /** Offset of each feature's first bin in a flat histogram; `totalBins` in all. */
    readonly offsets: Int32Array;
    readonly totalBins: number;
    constructor(features: readonly FeatureBinning[]);
}
/** The concrete LearnData: bin codes per feature, plus raw numeric values for the linear models. */
export declare class BinnedData implements LearnData {
    readonly nRows: number;
    readonly features: readonly string[];
    readonly binning: Binning;
    readonly codes: readonly BinCodes[];
    /** Numeric features: the values (NaN = missing); categorical features: null (use `codes`). */
    readonly raw: readonly (Float64Array | null)[];
    constructor(nRows: number, binning: Binning, codes: readonly BinCodes[], raw: readonly (Float64Array | null)[]);
}
/** Narrow a public LearnData to the implementation, with a clear error for foreign objects. */
export declare function asBinned(data: LearnData, what?: string): BinnedData;
/** Thresholds between value bins of a numeric column (see the module comment). */
export declare function numericEdges(values: Float64Array, maxBins: number): Float64Array;
/** Bin index of `x` given thresholds `edges` (binary search); NaN → `edges.length + 1` (the missing bin). */
export declare function numericBin(edges: Float64Array, x: number): number;
/** Bin codes of column `c` under `fb`; categorical columns are matched to `fb.categories` by name. */
export declare function binColumn(c: Column, fb: FeatureBinning): {
    codes: BinCodes;
    raw: Float64Array | null;
};
/** Binning of one column (numeric/datetime → quantile edges, categorical/boolean → its categories). */
export declare function featureBinning(c: Column, maxBins: number): FeatureBinning;
/**
 * Bin the named columns of `table` for the learners. With `reference`, use its bin edges and category maps (so test
 * rows are binned like the training rows); categories the reference never saw go to the missing bin.
 * Throws a LookalikeError listing every unknown, duplicate or unsupported (id / text) feature.
 */
export declare function makeLearnData(table: Table, features: readonly string[], opts?: {
    maxBins?: number;
    reference?: LearnData;
}): LearnData;
