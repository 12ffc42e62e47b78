/**
 * A 2-D view of real vs synthetic rows for the report: both tables are encoded the same way (numerics and datetimes
 * standardised with the real mean and standard deviation, missing → 0; booleans 0/1; categoricals one-hot over the
 * real table's most frequent categories), projected onto the first two principal components of the real rows, and
 * binned on a common grid. The evaluation stores only the binned proportions — never a row's coordinates — and cells
 * holding fewer than `minCount` real rows are blanked, so no single person appears as a point.
 *
 * Runtime: PCA is fitted on at most `fitRows` real rows (seeded subsample) by power iteration on the d×d covariance
 * (d = encoded width, capped by `maxCategories` per column); projecting is O((n_real + n_synth)·d).
 */
import type { Table } from '../table/table.js';
export interface Projection {
    readonly method: 'pca';
    /** Columns that entered the projection (id and text columns are left out). */
    readonly columns: readonly string[];
    /** Share of the real rows' total (standardised) variance along component 1 and 2. */
    readonly explainedVariance: readonly [number, number];
    /** Grid cells per axis. */
    readonly bins: number;
    readonly xRange: readonly [number, number];
    readonly yRange: readonly [number, number];
    /** Row-major bins×bins proportions of the rows of each table (y rows, x columns); blanked cells are 0. */
    readonly real: readonly number[];
    readonly synthetic: readonly number[];
    /** Cells with fewer real rows than this were blanked in `real`. */
    readonly minCount: number;
    /** Real rows that fell in blanked cells (as a share of real rows). */
    readonly suppressedShare: number;
}
export interface ProjectionOptions {
    readonly seed?: number;
    /** Grid cells per axis (default 30). */
    readonly bins?: number;
    /** Real rows used to fit the components (default 5000). */
    readonly fitRows?: number;
    /** One-hot width cap per categorical column (default 20; the rest share no indicator). */
    readonly maxCategories?: number;
    /** Blank real cells with fewer rows than this (default 5). */
    readonly minCount?: number;
}
export declare function projection(real: Table, synthetic: Table, opts?: ProjectionOptions): Projection;
